from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.acronyms import best_long_form, find_acronym_definitions, looks_like_acronym
from iom_nlp.rules.organizations import (
    OrganizationIndex,
    OrganizationRules,
    before_trailing_country,
    before_unclosed_bracket,
    clean_surface,
    party_before_government,
    rejection_reason,
    split_candidate,
)

RULES = OrganizationRules.from_dict(load_json("organization_rules.json"))


@pytest.mark.parametrize(
    ("text", "long_form", "acronym"),
    [
        ("the Bureau of Population, Refugees and Migration (PRM) and", "Bureau of Population, Refugees and Migration", "PRM"),
        ("IOM (International Organization for Migration) said", "International Organization for Migration", "IOM"),
        ("Research and Development (R&D) spending", "Research and Development", "R&D"),
        ("the Settlement Council of Australia (SCOA) said", "Settlement Council of Australia", "SCOA"),
        ("the (ABC (Australian Broadcasting Corporation)) story", "Australian Broadcasting Corporation", "ABC"),
        ("the Office for the Coordination of Humanitarian Affairs (OCHA)", "Office for the Coordination of Humanitarian Affairs", "OCHA"),
        ("the Non-Governmental Organization Forum (NGOF) met", "Non-Governmental Organization Forum", "NGOF"),
        ("the Ministry of\nJustice (MoJ) said", "Ministry of\nJustice", "MoJ"),
        ("the Group of 20 (G20) met", "Group of 20", "G20"),
        ("in June (June 2005) and", None, None),
    ],
)
def test_acronym_definitions(text: str, long_form: str | None, acronym: str | None) -> None:
    definitions = find_acronym_definitions(text)
    if long_form is None:
        assert definitions == []
        return
    assert [(d.long_form, d.acronym) for d in definitions] == [(long_form, acronym)]
    for definition in definitions:
        assert text[definition.long_start : definition.long_end] == definition.long_form
        assert text[definition.acronym_start : definition.acronym_end] == definition.acronym


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [("UN-Habitat", True), ("G7", True), ("R&D", True), ("IOM", True), ("June 2005", False), ("a", False), ("radical", False)],
)
def test_is_acronym(candidate: str, expected: bool) -> None:
    assert looks_like_acronym(candidate) is expected


def test_long_form_needs_the_first_letter_at_a_word_start() -> None:
    assert best_long_form("PRM", "a random text") is None
    assert best_long_form("WHO", "the World Health Organization") == "World Health Organization"


@pytest.mark.parametrize(
    ("surface", "reason", "kwargs"),
    [
        ("Partnerships", "navigation", {}),
        ("Take Action", "navigation", {}),
        ("The Bahamas, Barbados", "country list", {"country_words": 2}),
        ("Legal Review on Trafficking in Persons", "not a body", {}),
        ("World Cricket Cup", "not a body", {}),
        ("Migration Act", "not a body", {}),
        ("Caribbean Counter-Trafficking Initiative", "not a body", {}),
        ("the Government", "generic", {}),
        ("the Department", "generic", {}),
        ("Chad Smith", "person", {"is_person": True}),
        ("Liberal National Government", "a government by its party or level", {}),
        ("Interim Government", "a government by its party or level", {}),
        ("Gillard Government", None, {}),  # a government by its leader is a body (ANNOTATION.md)
        ("Baxter Detention Centre", "facility", {}),
        ("Cabinet Minister", "a person's title", {}),
        ("Minister’s Office", "possessive", {}),
        ("Migration in Numbers", "publication", {"before": "published a report called "}),
        ("Supply Chain Ministerial Forum", "not a body", {}),
    ],
)
def test_rejection_rules(surface: str, reason: str, kwargs: dict[str, object]) -> None:
    options: dict[str, object] = {"before": "", **kwargs}
    assert rejection_reason(surface, rules=RULES, **options) == reason  # type: ignore[arg-type]


@pytest.mark.parametrize("surface", ["Settlement Council of Australia", "Human Rights Watch", "ASIO Committee", "Flinders University"])
def test_bodies_pass(surface: str) -> None:
    assert rejection_reason(surface, before="", rules=RULES) is None


@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        ("Prefect of the Dicastery for Promoting Integral Human Development", ["Dicastery for Promoting Integral Human Development"]),
        ("Department of Homeland Security Assistant Secretary", ["Department of Homeland Security"]),
        (
            "Secretariat of Foreign Relations and Secretariat of Public Security",
            ["Secretariat of Foreign Relations", "Secretariat of Public Security"],
        ),
        ("Minister for Employment Services", []),
        ("Senate Legal and Constitutional Affairs Committee", ["Senate Legal and Constitutional Affairs Committee"]),
        # after a role and "of the", the body's name runs back over "and" between two name words
        ("CEO of the Australian Transaction Reports and Analysis Centre", ["Australian Transaction Reports and Analysis Centre"]),
        ("Chair of the Health and Safety Committee", ["Health and Safety Committee"]),
        ("Minister for Foreign Affairs and the Refugee Council", ["Refugee Council"]),
        ("Director of the Walter and Eliza Hall Institute", ["Walter and Eliza Hall Institute"]),
        # the words before "and" do not run back to the role: a person between, not one name
        ("Head of the Budget and Finance Jane Smith and Afghanistan Task Force", ["Afghanistan Task Force"]),
    ],
)
def test_split_candidate(surface: str, pieces: list[str]) -> None:
    assert [surface[start:end] for start, end in split_candidate(surface, RULES)] == pieces


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Ministry of Urban Development and Housing (MIDUVI", "Ministry of Urban Development and Housing"),
        ("Office of Tunisians Abroad (OTE", "Office of Tunisians Abroad"),
        ("Risk Management Secretariat (Secretaría de Gestión de Riesgos", "Risk Management Secretariat"),
        ("Council [of the Parish", "Council"),
        ("Honda Automobile (Thailand)", "Honda Automobile (Thailand)"),  # closed: part of the name
        ("Acme (Pty) Ltd", "Acme (Pty) Ltd"),
        ("Ministry of Health", "Ministry of Health"),
        ("Bureau (Asia (Pacific) Office", "Bureau"),  # the outer pair never closes
    ],
)
def test_a_name_ends_before_a_bracket_it_never_closes(surface: str, name: str) -> None:
    assert surface[: before_unclosed_bracket(surface)] == name


@pytest.mark.parametrize(
    ("surface", "cleaned"),
    [("the Ministry of\nJustice", "Ministry of Justice"), ("IOM’s", "IOM"), ("UNHCR,", "UNHCR"), ("The Greens.", "Greens")],
)
def test_clean_surface(surface: str, cleaned: str) -> None:
    assert clean_surface(surface) == cleaned


def test_index_groups_long_form_acronym_and_alias() -> None:
    index = OrganizationIndex()
    entry = index.add_definition("International Organization for Migration", "IOM", ["UN Migration Agency"])
    assert index.find("the UN Migration Agency") is entry
    assert index.find("IOM") is entry
    assert index.find("iom") is entry


@pytest.mark.parametrize("mode", ["full", "rules"])
def test_seed_organizations(nlp: Language, rules_nlp: Language, seed_text: str, mode: str) -> None:
    release = iom_nlp.extract(seed_text, nlp=nlp if mode == "full" else rules_nlp)
    names = {org.name for org in release.organizations}
    assert {
        "International Organization for Migration",
        "United Nations",
        "Caribbean Community",
        "Organization of American States",
        "U.S. Department of State",
        "Bureau of Population, Refugees and Migration",
    } <= names
    assert any(name.startswith("Ministry of Justice") for name in names)
    for org in release.organizations:
        assert "Partnerships" not in org.name and "Bahamas" not in org.name
        for mention in org.mentions:
            assert seed_text[mention.start : mention.end] == mention.text
    iom = next(org for org in release.organizations if org.acronym == "IOM")
    assert len(iom.mentions) >= 8


def test_office_is_kept_as_alias(rules_nlp: Language) -> None:
    release = iom_nlp.extract("Contact IOM Washington or UNHCR Libya for details about Libya.", nlp=rules_nlp)
    by_acronym = {org.acronym: org for org in release.organizations}
    assert "IOM Washington" in by_acronym["IOM"].aliases
    assert "UNHCR Libya" in by_acronym["UNHCR"].aliases


def test_appositive_alias(rules_nlp: Language) -> None:
    text = "The International Organization for Migration (IOM), the UN Migration Agency, said IOM staff would help."
    release = iom_nlp.extract(text, nlp=rules_nlp)
    iom = [org for org in release.organizations if org.acronym == "IOM"]
    assert len(iom) == 1 and len(iom[0].mentions) == 4


COUNTRY_WORDS = frozenset({"kenya", "guatemalan", "switzerland", "liechtenstein", "new zealand", "australia", "thai"})


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Ministry of Labour and Skills and Kenya", "Ministry of Labour and Skills"),  # "… and Kenya’s National Employment Authority"
        ("Ministry of Foreign Affairs and Guatemalan", "Ministry of Foreign Affairs"),  # "… and Guatemalan consulates"
        ("Red Cross Society & Thai", "Red Cross Society"),
        ("Embassy of Switzerland and Liechtenstein", "Embassy of Switzerland and Liechtenstein"),  # countries listed in a name
        ("Bank of Australia and New Zealand", "Bank of Australia and New Zealand"),
        ("Department of Foreign Affairs and Trade", "Department of Foreign Affairs and Trade"),
        ("Kenya", "Kenya"),
        ("Friends of Kenya and Uganda Trust", "Friends of Kenya and Uganda Trust"),
    ],
)
def test_a_name_does_not_run_on_into_a_country_after_and(surface: str, name: str) -> None:
    assert surface[: before_trailing_country(surface, COUNTRY_WORDS)] == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Labor-Green Tasmanian Government", "Tasmanian Government"),
        ("The Labor-Green Tasmanian Government", "Tasmanian Government"),
        ("Liberal NSW Government", "NSW Government"),
        ("New Zealand Government", "New Zealand Government"),  # "New" opens the place's name
        ("The New South Wales Government", "The New South Wales Government"),
        ("Central African Government", "Central African Government"),
        ("Liberal/National Victorian Government", "Liberal/National Victorian Government"),  # "National" is no party word here
        ("Liberal/Greens Victorian Government", "Victorian Government"),
        ("Federal Labor Government", "Federal Labor Government"),  # only a level and a party: stays, refused as generic
        ("Coalition Government", "Coalition Government"),
        ("Rudd Labor Government", "Rudd Labor Government"),  # a leader first: the name as it is
        ("Labor Party of Australia", "Labor Party of Australia"),  # no government
        ("The Government of Japan and the Ethiopian Government", "The Government of Japan and the Ethiopian Government"),
        ("Federal Minister for Immigration and the Victorian Government", "Federal Minister for Immigration and the Victorian Government"),
    ],
)
def test_a_party_or_level_before_a_governments_place_is_not_its_name(surface: str, name: str) -> None:
    assert surface[party_before_government(surface, RULES) :] == name
