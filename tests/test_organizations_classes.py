"""Organisations: one parametrised table per class of error seen on releases the rules were not tuned on.

Every case is invented in the style of IOM, Australian parliamentary and U.S. State Department
releases; each table has positives and negatives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from org_helpers import org_forms as _forms
from org_helpers import org_names as _names
from org_helpers import split_pieces as _pieces
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json, models_dir
from iom_nlp.rules.acronyms import find_acronym_definitions
from iom_nlp.rules.bodies import GAZETTEER_FILE, parse_gazetteer
from iom_nlp.rules.organizations import OrganizationRules, looks_like_body, rejection_reason
from iom_nlp.rules.ranges import Ranges

RULES = OrganizationRules.from_dict(load_json("organization_rules.json"))








@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        ("Ministry of Health. The", ["Ministry of Health"]),
        ("Association Horizons Nouveaux. They", ["Association Horizons Nouveaux"]),
        ("Kenya Red Cross Society. Volunteers", ["Kenya Red Cross Society"]),
        ("U.S. Department of State", ["U.S. Department of State"]),
        ("Acme Holdings Inc. Board", ["Acme Holdings Inc.", "Board"]),  # a registered suffix closes the name
        ("Welfare Council Inc. He", ["Welfare Council Inc."]),
        ("Acme Pty. Ltd. Sydney", ["Acme Pty. Ltd."]),
        ("U.N. Office for Partnerships", ["U.N. Office for Partnerships"]),
    ],
)
def test_span_across_a_sentence_end_is_cut(surface: str, pieces: list[str]) -> None:
    assert _pieces(surface) == pieces


@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        ("during the Migration Council of Kenya", ["Migration Council of Kenya"]),
        ("NGO Association Jeunesse Solidaire", ["Association Jeunesse Solidaire"]),
        ("But the Regional Migration Board", ["Regional Migration Board"]),
        ("Meanwhile the Harbour Health Foundation", ["Harbour Health Foundation"]),
    ],
)
def test_leading_lower_case_and_function_words_are_dropped(surface: str, pieces: list[str]) -> None:
    assert _pieces(surface) == pieces


@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        ("Refugee Council Director", ["Refugee Council"]),
        ("Embassy Nairobi Deputy", ["Embassy Nairobi"]),
        ("Ministry of Health Director", ["Ministry of Health"]),
        ("Harbour Health Foundation Chief Executive", ["Harbour Health Foundation"]),
        # negatives: a compound title governed by "of the" belongs to the body's name
        ("Office of the Prime Minister", ["Office of the Prime Minister"]),
        ("Office of the Prosecutor General", ["Office of the Prosecutor General"]),
        ("Department of the Prime Minister and Cabinet", ["Department of the Prime Minister and Cabinet"]),
    ],
)
def test_trailing_role_is_not_part_of_the_body(surface: str, pieces: list[str]) -> None:
    assert _pieces(surface) == pieces


@pytest.mark.parametrize(
    "surface",
    [
        "Belarusian Sport Solidarity Foundation",
        "Australian National Maritime Museum",
        "Regional Coordination Office",
        "Riverside Community Clinic",
        "Migrant Resource Centre",
        "National Disaster Management Commission",
        "Youth Advisory Council",
        "Border Protection Command",
        "Emergency Response Team",
        "Harbour Arts Collective",
        "Fundación Puentes del Sur",
        "39th Battalion",
    ],
)
def test_long_names_built_on_a_head_word_are_bodies(surface: str) -> None:
    assert looks_like_body(surface, RULES)
    assert rejection_reason(surface, before="", rules=RULES) is None


@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        ("Treasury and the Department of Health", ["Department of Health"]),
        ("Ministry of Health and Population and the Egyptian Red Crescent", ["Ministry of Health and Population", "Egyptian Red Crescent"]),
        ("WFP and the Bangladesh Red Crescent Society", ["Bangladesh Red Crescent Society"]),
        ("IOM and Mahidol University", ["Mahidol University"]),
        ("Ministry of Health, UNICEF and WHO", ["Ministry of Health"]),
        ("Government of the Netherlands and ECHO. Salih", ["Government of the Netherlands"]),
        ("The Ministry of Education and UNICEF", ["Ministry of Education"]),
        # negatives: one body whose name holds "and" or a comma
        ("Food and Agriculture Organization", ["Food and Agriculture Organization"]),
        ("Department of Immigration and Border Protection", ["Department of Immigration and Border Protection"]),
        ("Department of Agriculture, Fisheries and Forestry", ["Department of Agriculture, Fisheries and Forestry"]),
        ("Ministry of Labour, Social Security and Migration", ["Ministry of Labour, Social Security and Migration"]),
        ("Ministry of Justice and Police", ["Ministry of Justice and Police"]),
    ],
)
def test_lists_of_bodies_are_split(surface: str, pieces: list[str]) -> None:
    assert _pieces(surface) == pieces


@pytest.mark.parametrize(
    ("text", "long_form", "acronym"),
    [
        ("welcomed by the Office of the Prime Minister (OPM) today", "Office of the Prime Minister", "OPM"),
        ("the Office of the Vice President (OVP) said", "Office of the Vice President", "OVP"),
        ("the Ministry of Justice (MoJ) said", "Ministry of Justice", "MoJ"),
    ],
)
def test_definition_keeps_a_title_inside_the_name(text: str, long_form: str, acronym: str) -> None:
    definitions = find_acronym_definitions(text)
    assert [(d.long_form, d.acronym) for d in definitions] == [(long_form, acronym)]
    assert rejection_reason(long_form, before="", rules=RULES) is None


def test_title_acronym_is_one_body_with_its_long_form(rules_nlp: Language) -> None:
    text = "IOM and the Office of the Prime Minister (OPM) opened the centre. OPM staff attended."
    release = iom_nlp.extract(text, nlp=rules_nlp)
    opm = [org for org in release.organizations if org.acronym == "OPM"]
    assert len(opm) == 1 and opm[0].name == "Office of the Prime Minister" and len(opm[0].mentions) == 3


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Third Country Nationals (TCNs) crossed from Ukraine into Moldova, IOM said.", set(), {"National Party of Australia"}),
        ("Foreign Nationals and Third Country Nationals waited in Poland.", set(), {"National Party of Australia"}),
        ("The Greens in Kenya planted trees near Nairobi, IOM said.", set(), {"Australian Greens"}),
        ("Labor Day marks the start of autumn in the United States.", set(), {"Australian Labor Party"}),
        ("AFP reported that IOM helped 300 families in Chad.", set(), {"Australian Federal Police"}),
        ("The Senate of Kenya passed the bill.", set(), {"Senate"}),
        # positives: the same aliases where the release points to Australia
        ("The Greens called on the Government to act, Senator Jane Roe said in Canberra.", {"Australian Greens"}, set()),
        ("Labor will oppose the bill, the Queensland senator said.", {"Australian Labor Party"}, set()),
        ("The AFP arrested two men in Sydney.", {"Australian Federal Police"}, set()),
    ],
)
def test_gazetteer_aliases_are_safe_in_every_country(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("IOM and the Philippine Red Cross distributed kits.", "Philippine Red Cross"),
        ("Volunteers of the Kenya Red Cross Society met the returnees.", "Kenya Red Cross Society"),
        ("The Syrian Arab Red Crescent evacuated 40 people.", "Syrian Arab Red Crescent"),
        ("The Red Cross Society of Panama set up a first-aid post.", "Red Cross Society of Panama"),
        ("The Afghan Red Crescent Society and IOM screened returnees.", "Afghan Red Crescent Society"),
    ],
)
def test_national_red_cross_society_keeps_its_country(rules_nlp: Language, text: str, name: str) -> None:
    names = _names(rules_nlp, text)
    assert name in names
    assert "Red Cross" not in names


def test_the_movement_alone_and_the_federation_stay_themselves(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "The International  Federation of Red Cross and Red Crescent Societies and the Red Cross helped.")
    assert names == {"International Federation of Red Cross and Red Crescent Societies", "Red Cross"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Funding came from the Government of Japan and the Swedish International Development Cooperation Agency (Sida).",
            {"Government of Japan", "Swedish International Development Cooperation Agency"},
            set(),
        ),
        (
            "The Ethiopian Government and the Djibouti Ministry of Interior signed it.",
            {"Ethiopian Government", "Djibouti Ministry of Interior"},
            set(),
        ),
        ("The Government of National Unity met in Juba.", {"Government of National Unity"}, set()),
        ("The Howard Government introduced the bill.", {"Howard Government"}, set()),  # named after its leader
        ("The Queensland Government said the Government would act.", {"Queensland Government"}, {"Government"}),
        ("The Federal Government said the Coalition Government would act.", set(), {"Federal Government", "Coalition Government"}),
    ],
)
def test_a_government_named_with_its_country_is_a_body(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "IOM Chief of Mission in Djibouti, Jane Roe, said the Organization would stay.",
            {"International Organization for Migration"},
            {"Mission in Djibouti", "Organization"},
        ),
        (
            "The Displacement Tracking Matrix (DTM) and the Missing Migrants Project of IOM count arrivals.",
            {"International Organization for Migration"},
            {"Displacement Tracking Matrix", "Missing Migrants Project"},
        ),
        (
            "Internally Displaced Persons (IDPs) in Sudan received kits from IOM.",
            {"International Organization for Migration"},
            {"Internally Displaced Persons"},
        ),
        ("IOM welcomed the Global Compact for Migration.", {"International Organization for Migration"}, {"Global Compact for Migration"}),
        ("The Russian Federation and IOM signed an agreement.", {"International Organization for Migration"}, {"Russian Federation"}),
        ("Returnees met the UN Mission in Sudan in Juba.", {"UN Mission in Sudan"}, set()),
        ("Fundación Puentes del Sur and IOM opened a shelter in Cúcuta.", {"Fundación Puentes del Sur"}, set()),
    ],
)
def test_iom_conventions(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Bangkok – IOM and Thailand’s Ministry of Foreign Affairs opened the centre.", "Thailand’s Ministry of Foreign Affairs"),
        ("Cairo – Egypt's Ministry of Health and Population vaccinated 900 migrants.", "Egypt's Ministry of Health and Population"),
        ("Tripoli – IOM Libya said the Organization had returned 120 migrants.", "IOM Libya"),
        ("Geneva – IOM, the UN Migration Agency, said the Organization was ready.", "Organization"),
    ],
)
def test_iom_and_national_ministries_keep_the_forms_the_release_uses(rules_nlp: Language, text: str, form: str) -> None:
    assert form in _forms(rules_nlp, text)


def test_the_organization_without_iom_is_not_iom(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "The Organization of Rural Women met in Lusaka. The Organization said it would grow.")
    assert "International Organization for Migration" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The\u00a0Greens\u00a0called\u00a0on\u00a0the\u00a0Australian\u00a0Government\u00a0to act.", "Australian Government"),
        (
            "$100,000 to the International  Federation of Red Cross and Red Crescent Societies appeal.",
            "International Federation of Red Cross and Red Crescent Societies",
        ),
        ("The\u00a0Ministry\u00a0of\u00a0Health and IOM met.", "Ministry of Health"),
    ],
)
def test_names_spaced_with_non_breaking_or_double_spaces(rules_nlp: Language, text: str, name: str) -> None:
    assert name in _names(rules_nlp, text)


def test_a_wide_gap_ends_a_headline_not_a_name(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "Doctors’ fears for detainees: Greens \u00a0 Royal Darwin Hospital doctors raised concerns.")
    assert "Royal Darwin Hospital" in names


def test_a_name_wrapped_over_two_lines_of_a_paragraph(rules_nlp: Language) -> None:
    text = (
        "The returns, suspended in December because of insecurity along the road,\n"
        "are carried out in cooperation with the local authorities and the Sudanese Red\n"
        "Crescent and UNMIS, the UN Mission in Sudan, which will escort the convoys.\n"
    )
    names = _names(rules_nlp, text)
    assert "Sudanese Red Crescent" in names and "Red Cross" not in names


def test_short_lines_are_not_joined_into_one_name(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "Home\nMigration Council of Kenya\nNews\nRefugee Board of Ghana\nContact us\n")
    assert {"Migration Council of Kenya", "Refugee Board of Ghana"} <= names
    assert all("\n" not in name for name in names)


@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        ("2/28th Battalion", ["2/28th Battalion"]),
        ("No. 1 Squadron", ["No. 1 Squadron"]),
    ],
)
def test_numbered_units(surface: str, pieces: list[str]) -> None:
    assert _pieces(surface) == pieces


def test_numbered_units_in_a_release(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "He served with the 2/28th Battalion and later with No. 1 Squadron in the desert.")
    assert {"2/28th Battalion", "No. 1 Squadron"} <= names


@pytest.mark.parametrize(
    ("ranges", "start", "end", "gaps"),
    [
        ([(10, 20)], 0, 40, [(0, 10), (20, 40)]),
        ([(0, 5)], 0, 30, [(0, 30)]),  # a range starting at the start stays (the whole is a person)
        ([(5, 8), (12, 15)], 0, 20, [(0, 5), (8, 12), (15, 20)]),
        ([], 3, 9, [(3, 9)]),
    ],
)
def test_guesses_are_cut_around_people(ranges: list[tuple[int, int]], start: int, end: int, gaps: list[tuple[int, int]]) -> None:
    assert Ranges(ranges).gaps(start, end) == gaps


@pytest.mark.parametrize(
    ("ranges", "span", "covered"),
    [([(0, 50)], (10, 20), True), ([(0, 15)], (10, 20), False), ([(30, 40), (0, 100)], (50, 60), True), ([], (1, 2), False)],
)
def test_ranges_covering(ranges: list[tuple[int, int]], span: tuple[int, int], covered: bool) -> None:
    assert Ranges(ranges).covering(*span) is covered


def test_scoped_forms_are_parsed() -> None:
    entries = parse_gazetteer("Example Party of Ruritania\tEPR@RU\tExamples@RU|Example Party\tparty\n")
    entry = entries[0]
    assert (entry.name, entry.acronym, entry.aliases) == ("Example Party of Ruritania", "EPR", ("Examples", "Example Party"))
    assert entry.scope_of("Examples") == "RU" and entry.scope_of("EPR") == "RU" and entry.scope_of("Example Party") is None


@pytest.mark.parametrize("line", ["Body\t\tBodies@ruritania\tngo", "Body\t\t@AU\tngo", "Body\t\tBodies@A\tngo"])
def test_a_malformed_scope_is_an_error(line: str) -> None:
    with pytest.raises(ValueError, match="two-letter country code"):
        parse_gazetteer(line)


def test_every_party_alias_is_scoped_or_names_its_country() -> None:
    """A party's short name ("Greens", "Labor", "Nationals") is a common word elsewhere."""
    entries = parse_gazetteer((models_dir() / "curated" / GAZETTEER_FILE).read_text(encoding="utf-8"))
    parties = [entry for entry in entries if entry.kind == "party"]
    assert parties
    for entry in parties:
        for alias in entry.aliases:
            safe = entry.scope_of(alias) or "Australia" in alias or len(alias.split()) >= 3
            assert safe, f"{entry.name}: alias {alias!r} needs a scope"


def test_gazetteer_file_parses() -> None:
    path = Path(models_dir()) / "curated" / GAZETTEER_FILE
    assert len(parse_gazetteer(path.read_text(encoding="utf-8"), str(path))) > 150


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Shadow Minister for Justice, Customs and Border Protection, Jane Roe, said in Canberra.", set(), {"Australian Customs Service"}),
        ("The Minister for Home Affairs visited Darwin, Australia.", set(), {"Department of Home Affairs"}),
        ("THE HON JANE ROE MP  MINISTER FOR HOME AFFAIRS\n\nMEDIA RELEASE, Canberra", set(), {"Department of Home Affairs"}),
        (
            "Customs and Border Protection officers in Darwin, Australia, boarded the vessel.",
            {"Australian Customs and Border Protection Service"},
            set(),
        ),
        ("U.S. Customs and Border Protection officers in Texas, United States, met them.", {"U.S. Customs and Border Protection"}, set()),
        ("Democrat Spokesperson on Trade and Customs, John Roe, said in Sydney.", set(), {"Australian Customs Service"}),
        # positives: the same alias outside a portfolio, and a portfolio "of" (a U.S. title)
        ("Home Affairs officials in Canberra confirmed the arrivals.", {"Department of Home Affairs"}, set()),
        ("He met the Secretary of Homeland Security in Washington, United States.", {"Department of Homeland Security"}, set()),
    ],
)
def test_an_alias_inside_a_role_portfolio_is_not_the_body(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The Refugee Review Tribunal must be independent.", {"Refugee Review Tribunal"}, set()),
        ("The Summit Organising Committee met in Accra.", {"Summit Organising Committee"}, set()),
        ("The Legal Review on Trafficking in Persons was published.", set(), {"Legal Review on Trafficking in Persons"}),
        ("Funding came from the Harbour Relief Foundation’s appeal.", {"Harbour Relief Foundation"}, set()),
        ("Anyone other than a Government Department would do better.", set(), {"Government Department"}),
        ("The Migrant Resource Centre and Hunter Region Inc opened an office.", {"Migrant Resource Centre and Hunter Region Inc"}, set()),
        ("The U.S. Mission to ASEAN announced the grant.", {"U.S. Mission to ASEAN"}, set()),
        ("The Women’s and Children’s Hospital treated them.", {"Women’s and Children’s Hospital"}, set()),
        ("Refugees were screened at IOM's Migration Health Assessment Centre in Amman.", set(), {"Migration Health Assessment Centre"}),
        ("The Minister’s Office said.", set(), {"Minister’s Office"}),
    ],
)
def test_head_words_possessives_and_registered_names(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Parties should support the new UN-led peace process.", {"United Nations"}, set()),
        ("Families reached the IOM-supported transit centre in Gao.", {"International Organization for Migration"}, set()),
        ("The Regional Migration Office (RMO) and RMO-funded shelters reopened.", {"Regional Migration Office"}, set()),
        # negatives: the acronym letters inside a hyphenated word
        ("Flights left PORT-AU-PRINCE this morning.", set(), {"African Union"}),
        ("The UN-Habitat report and the WHO-ish label.", set(), {"World Health Organization"}),
    ],
)
def test_an_acronym_before_a_participle_is_the_body(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("surface", "pieces"),
    [
        (
            "Assistant Secretary of State for the Bureau of Democracy, Human Rights and Labor",
            ["Bureau of Democracy, Human Rights and Labor"],
        ),
        ("Senior Official for the Bureau of Arms Control", ["Bureau of Arms Control"]),
        ("Director of the Regional Migration Office", ["Regional Migration Office"]),
        ("Holocaust Memorial Museum on Monday", ["Holocaust Memorial Museum"]),
        # negatives: a portfolio is no body, and "Government" heads only "Government of X" / "X Government"
        ("Minister for Employment Services", []),
        ("Minister for the Environment", []),
        ("Government Relations", []),
    ],
)
def test_a_role_and_its_portfolio_before_a_body(surface: str, pieces: list[str]) -> None:
    assert _pieces(surface) == pieces


@pytest.mark.parametrize("surface", ["Queensland Convention Centre", "Randwick Function Centre", "Villawood Immigration Detention Centre"])
def test_venues_and_facilities_are_not_bodies(surface: str) -> None:
    assert rejection_reason(surface, before="", rules=RULES) == "facility"
