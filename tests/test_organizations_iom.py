"""Organisations in real IOM releases: one parametrised table per class of error seen when the
rules were read against public IOM releases of several years, regions and types.

Every sentence is invented in the style of those releases (no text is copied); each table has
positives and negatives, and every test pins a class, not an example.
"""

from __future__ import annotations

import pytest
from org_helpers import org_names as _names
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.acronyms import find_acronym_definitions
from iom_nlp.rules.organizations import OrganizationRules, rejection_reason

RULES = OrganizationRules.from_dict(load_json("organization_rules.json"))






@pytest.mark.parametrize(
    ("surface", "rejected"),
    [
        ("IOM Launches New Shelter Programme for Flood Survivors", True),
        ("UNICEF Welcomes Funding from Donor Council", True),
        ("IOM Inaugurates Border Post Built for National Police", True),
        ("Japan Donates Ambulances to Ministry of Health", True),
        # negatives: names whose words look like verbs only as nouns
        ("Administrative Appeals Tribunal", False),
        ("Sydney Trains", False),
        ("Launch Housing", False),
        ("Helping Hands Foundation", False),
    ],
)
def test_a_title_case_headline_is_not_a_name(surface: str, rejected: bool) -> None:
    reason = rejection_reason(surface, before="", rules=RULES)
    assert (reason == "a headline") is rejected


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The Chief of Mission Ana Pereira Santos visited the camp.", {"Mission Ana Pereira Santos"}, set()),
        ("IOM Chief of Mission Tomas Varga met returnees in Kabul.", {"Mission Tomas Varga"}, set()),
        ("The Head of Office Lucia Marin opened the centre.", {"Office Lucia Marin"}, set()),
        # positives: a role governing a real body stays a body
        ("The Director of the Bureau of Consular Affairs spoke.", set(), {"Bureau of Consular Affairs"}),
        ("The Chief of the Hellenic Coast Guard thanked the crew.", set(), {"Hellenic Coast Guard"}),
    ],
)
def test_a_title_ending_on_a_generic_head_and_its_holder_is_not_a_body(
    rules_nlp: Language, text: str, absent: set[str], present: set[str]
) -> None:
    names = _names(rules_nlp, text)
    assert not absent & names
    assert present <= names


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "The platform joins agencies of the United Nations and Civil Society in twelve countries.",
            {"United Nations"},
            {"United Nations and Civil Society", "Civil Society"},
        ),
        ("IOM met the World Health Organization and Civil Society groups.", {"World Health Organization"}, {"Civil Society"}),
        # negatives: two bodies, or one body whose name holds "and"
        ("The Ministry of Health and Ministry of Education signed.", {"Ministry of Health", "Ministry of Education"}, set()),
        (
            "The Department of Agriculture and Water Resources in Canberra, Australia, replied.",
            {"Department of Agriculture and Water Resources"},
            set(),
        ),
    ],
)
def test_and_a_generic_group_is_not_part_of_the_body(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "IOM trained staff of the Kurdistan Regional Government's Joint Crisis Coordination Centre in Erbil.",
            {"Kurdistan Regional Government", "Joint Crisis Coordination Centre"},
        ),
        ("The Ministry of Health's Disease Control Bureau tracked the cases in Lusaka, Zambia.", {"Disease Control Bureau"}),
        ("The Kenya Red Cross Society's volunteers met the boat.", {"Kenya Red Cross Society"}),
        # negative: a plural noun's possessive stays inside the name
        ("The Council for Women's Affairs in Monrovia, Liberia, met IOM.", {"Council for Women's Affairs"}),
    ],
)
def test_a_head_word_in_the_possessive_ends_a_body(rules_nlp: Language, text: str, present: set[str]) -> None:
    assert present <= _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("WHO WE ARE\nIOM works in over 100 countries.", set(), {"World Health Organization"}),
        ("Who we are\nWHO WE AREThe agency works in 170 countries.", set(), {"World Health Organization"}),
        # positives: the acronym in a sentence, or beside another acronym on another line
        ("IOM and WHO screened 2,000 returnees at the border.", {"World Health Organization"}, set()),
        ("HEALTH UPDATE\nWHO said the outbreak was contained.", {"World Health Organization"}, set()),
    ],
)
def test_an_acronym_inside_a_capitalised_menu_line_is_no_body(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The firm joined the UN Global Compact last year.", {"United Nations Global Compact"}, {"United Nations"}),
        (
            "The Global Initiative against Transnational Organized Crime published data.",
            {"Global Initiative against Transnational Organized Crime"},
            set(),
        ),
        ("IOM and the Kurdistan Regional Government signed the plan.", {"Kurdistan Regional Government"}, set()),
        ("The National Diet of Japan approved the budget.", {"National Diet of Japan"}, set()),
        ("Officials of Migración Colombia registered arrivals in Cúcuta.", {"Migración Colombia"}, set()),
        (
            "The Internal Displacement Monitoring Centre (IDMC) counted new displacements.",
            {"Internal Displacement Monitoring Centre"},
            set(),
        ),
        ("UNMISS patrols escorted the convoy to Bentiu.", {"United Nations Mission in South Sudan"}, set()),
        ("IOM, the UN Agency for Migration, opened the centre.", {"International Organization for Migration"}, {"UN Agency for Migration"}),
        # negatives: the short forms stay out where they mean something else
        ("The diet of displaced children lacks protein, the survey found.", set(), {"National Diet of Japan"}),
        ("A global compact on migration was discussed.", set(), {"United Nations Global Compact"}),
    ],
)
def test_partner_bodies_any_iom_release_may_name(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("IOM has opened a Country Office in Madagascar.", "Country Office"),
        ("The Regional Office in Nairobi coordinates the response.", "Regional Office"),
        ("A new Field Office opened in Maiduguri.", "Field Office"),
    ],
)
def test_an_office_named_only_by_its_kind_is_generic(rules_nlp: Language, text: str, absent: str) -> None:
    assert absent not in _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "The Government Housing Agency and the Unité de Construction de Logements (UCL) led the group.",
            "Unité de Construction de Logements",
        ),
        ("IOM worked with the Defensoría del Pueblo in Lima, Peru.", "Defensoría del Pueblo"),
        ("Students of the Universidad Nacional de Colombia joined the survey.", "Universidad Nacional de Colombia"),
        (
            "The Réseau National de Défense des Droits Humains documented the cases in Haiti.",
            "Réseau National de Défense des Droits Humains",
        ),
    ],
)
def test_bodies_named_in_french_spanish_or_portuguese(rules_nlp: Language, text: str, present: str) -> None:
    assert present in _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "long_form"),
    [
        ("GENEVA, May 3, 2016/African Press Organization (APO)/ -- IOM said.", "African Press Organization"),
        ("Funding 2019/Korea International Cooperation Agency (KOICA) report.", "Korea International Cooperation Agency"),
        # negative: a long form with no slash keeps its first word
        ("The Danish Refugee Council (DRC) helped.", "Danish Refugee Council"),
    ],
)
def test_a_long_form_starts_after_a_slash(text: str, long_form: str) -> None:
    assert [definition.long_form for definition in find_acronym_definitions(text)] == [long_form]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Joint IOM-UNHCR pre-registration began in Adre, Chad.", {"United Nations High Commissioner for Refugees"}, set()),
        ("The IOM–UNICEF study found that children face abuse.", {"United Nations Children's Fund"}, set()),
        # negatives: a place in capitals, a participle, a programme's name opened by the pair
        ("The family fled PORT-AU-PRINCE, HAITI in March.", set(), {"African Union"}),
        ("The IOM-run clinic opened in Juba, South Sudan.", {"International Organization for Migration"}, set()),
        ("The EU-IOM Joint Initiative helped 300 returnees in Guinea.", set(), {"European Union"}),
    ],
)
def test_two_acronyms_joined_by_a_hyphen_are_two_bodies(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("The US Government and IOM started a new partnership in Bangkok.", {"US Government"}),
        ("The Ethiopian Government and UNHCR opened the site.", {"Ethiopian Government"}),
        ("The Government of Japan and IOM signed the grant.", {"Government of Japan"}),
    ],
)
def test_a_national_government_before_and_is_a_body(rules_nlp: Language, text: str, present: set[str]) -> None:
    assert present <= _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # negatives: "Government" before other words, or a government by its level or party
        ("Government Relations staff met the press.", "Government Relations"),
        ("The Federal Government and the unions disagreed.", "Federal Government"),
    ],
)
def test_government_before_and_needs_its_country(rules_nlp: Language, text: str, absent: str) -> None:
    assert absent not in _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        pytest.param(
            "IOM teams worked with the Colombian Red Cross and Fundación Techo Compartido in Cúcuta.",
            "Fundación Techo Compartido",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the rules find it, but the recogniser gives this Spanish-named body in an English release < 0.1 and the "
                "combination's veto (0.1, chosen on held-out releases: tune +.010) drops it; a known miss of the full pipeline",
            ),
        ),
        ("Volunteers of the Fundación Manos Unidas handed out kits in Lima, Peru.", "Fundación Manos Unidas"),
    ],
)
def test_a_body_name_the_tagger_calls_a_person_stays_a_body(nlp: Language, text: str, present: str) -> None:
    assert present in _names(nlp, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Migrants were brought ashore by SOS Méditerranée and Proactiva Open Arms.", {"SOS Méditerranée", "Proactiva Open Arms"}),
        ("The Migrant Offshore Aid Station rescued 300 people.", {"Migrant Offshore Aid Station"}),
        ("IOM works with Muhammadiyah and Aisyiyah in West Kalimantan.", {"Muhammadiyah", "Aisyiyah"}),
    ],
)
def test_sea_rescue_and_faith_based_ngos(rules_nlp: Language, text: str, present: set[str]) -> None:
    assert present <= _names(rules_nlp, text)


def test_a_person_tagged_name_that_opens_on_no_head_word_stays_a_person(nlp: Language) -> None:
    """Negative: "Maria Fundora" is a person, not a body, whatever the tagger's neighbours."""
    assert not {"Maria Fundora", "Fundora"} & _names(nlp, "Maria Fundora of IOM Colombia said the shelter was full.")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "The quake struck the south, according to the Directorate General for Civil Protection of Haiti (DGPC).",
            {"Directorate General for Civil Protection of Haiti"},
            set(),
        ),
        (
            "The Directorate-General for Migration and Home Affairs funded it.",
            {"Directorate-General for Migration and Home Affairs"},
            set(),
        ),
        # negatives: a role with "General", and the kind of body alone
        ("The Attorney General of Kenya spoke in Nairobi.", set(), {"Attorney General of Kenya", "General of Kenya"}),
        ("The Directorate General said the border would reopen.", set(), {"Directorate General"}),
    ],
)
def test_directorate_general_is_a_head_not_a_role(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "IOM Nigeria Assists in Relocation of 189 Displaced Families Living in School Building\nNigeria - IOM moved families.",
            "School Building",
        ),
        ("Japan Donates 40 Ambulances to Rural Health Board\nAccra - The ambulances arrived.", "Rural Health Board"),
    ],
)
def test_a_headline_line_gives_no_name_guesses(rules_nlp: Language, text: str, absent: str) -> None:
    names = _names(rules_nlp, text)
    assert "International Organization for Migration" in names or "IOM" not in text
    assert absent not in names


def test_a_body_named_again_below_its_headline_is_still_found(rules_nlp: Language) -> None:
    """Negative of the headline class: the body's own sentence still names it."""
    text = "Japan Donates 40 Ambulances to Rural Health Board\nAccra - The Rural Health Board received them."
    assert "Rural Health Board" in _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The Borno State Government and partners relocated 200 households.", {"Borno State Government"}, set()),
        ("Guatemala's General Directorate of Migration recorded 29,095 returns.", {"General Directorate of Migration"}, set()),
        (
            "IOM works with the United Nations Agency for Refugees (UNHCR) in Guatemala.",
            {"United Nations High Commissioner for Refugees"},
            {"United Nations Agency for Refugees"},
        ),
        # negatives: the state government alone, a general alone
        ("The State Government said the schools would reopen.", set(), {"State Government"}),
        ("The General said the army would withdraw.", set(), {"General"}),
    ],
)
def test_state_governments_and_general_directorates(rules_nlp: Language, text: str, present: set[str], absent: set[str]) -> None:
    names = _names(rules_nlp, text)
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        (
            'IOM welcomed the Government of Kuwait\'s gift. "We are grateful to the Kuwaiti Government," he said.',
            "Government of Kuwait",
            {"Government of Kuwait", "Kuwaiti Government"},
        ),
        ("The Japanese Government funded it; the Government of Japan said so in Tokyo.", "Japanese Government", {"Government of Japan"}),
    ],
)
def test_the_forms_of_one_national_government_are_one_body(rules_nlp: Language, text: str, name: str, forms: set[str]) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    governments = [org for org in release.organizations if "Government" in org.name]
    assert len(governments) == 1
    assert governments[0].name == name
    assert forms <= {governments[0].name, *(governments[0].aliases or ())}


def test_two_countries_governments_stay_two_bodies(rules_nlp: Language) -> None:
    """Negative: different countries are never merged."""
    names = _names(rules_nlp, "The Government of Japan and the Ethiopian Government signed in Addis Ababa.")
    assert {"Government of Japan", "Ethiopian Government"} <= names


@pytest.mark.parametrize(
    ("text", "long_forms"),
    [
        ("It came in support of the UN Migration Agency (IOM) work.", []),
        ("Aid went to some internally displaced persons (IDPs) there.", ["internally displaced persons"]),
        ("The Danish Refugee Council (DRC) helped.", ["Danish Refugee Council"]),
    ],
)
def test_a_capital_acronym_long_form_never_starts_on_a_function_word(text: str, long_forms: list[str]) -> None:
    assert [definition.long_form for definition in find_acronym_definitions(text)] == long_forms


def test_sos_childrens_villages_in_its_written_forms(rules_nlp: Language) -> None:
    assert "SOS Children's Villages" in _names(rules_nlp, "IOM worked with SOS Children Village in Damascus.")
