"""Name variants the gazetteer derives by rule, and the guards that keep them safe.

Each class is built in ``scripts/build_gazetteer.py`` (or decided in
``iom_nlp/rules/countries.py``) from a general mechanism, not a copied list: table
abbreviations ("Is."), ISO's one-word qualifiers put before the name or in brackets
("Virgin Islands, British"), the UTF-8-read-as-Windows-1252 damage of accented names,
"<Demonym> Republic" long forms in exact case, and names in lines typed all in lower case.
Every table has negatives. Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language


def _found(nlp: Language, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(span.kb_id_, span.label_) for span in doc.spans["iom_countries"]}


def _codes(nlp: Language, text: str) -> set[str]:
    return {code for code, _ in _found(nlp, text)}


def _mentions(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.kb_id_) for span in doc.spans["iom_countries"]]


# --- Table abbreviations and ISO's one-word qualifiers ----------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arrivals by origin: Solomon Is. 12, Cook Is. 4.", {"SB", "CK"}),
        ("The table lists the Marshall Is. and the Turks and Caicos Is. separately.", {"MH", "TC"}),
        ("Aland Is. and Faroe Is. reported no arrivals.", {"AX", "FO"}),
        ("Flights resumed to the Virgin Islands (British) on Monday.", {"VG"}),
        ("Flights resumed to the Virgin Islands (U.S.) on Monday.", {"VI"}),
        ("Officials of the British Virgin Islands met their counterparts.", {"VG"}),
        ("Officials of the U.S. Virgin Islands met their counterparts.", {"VI"}),
        ("Totals for Cayman Is. and Falkland Is. are estimates.", {"KY", "FK"}),
    ],
)
def test_table_abbreviations_and_qualified_names(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert _codes(rules_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He Is. Not here. It Is. What it is.",
        "Captain Cook Island hopping is a popular tour.",  # no "Cook Island(s)" country here
        "The Is. abbreviation means islands in tables.",
        "Marshall said the plan Is. ready.",
        "She is British.",  # a demonym, not the Virgin Islands
        "The Virgin Mary statue was restored.",
        "Solomon Isaacs chaired the panel.",
        "A Dutch part of the fleet sailed.",
        "This is what Christmas is.",  # "Is." matches only as a table writes it
        "Ask the Solomon is. Then Cook is.",
    ],
)
def test_abbreviation_negatives(rules_nlp: Language, text: str) -> None:
    found = _found(rules_nlp, text)
    assert not {code for code, kind in found if kind == "name"}, found


# --- UTF-8 read as Windows-1252 ("mojibake") -------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Returns to CÃ´te d'Ivoire rose.", "CI"),
        ("Returns to CÃ´te dâ€™Ivoire rose.", "CI"),
        ("Aid reached SÃ£o TomÃ© and PrÃ­ncipe.", "ST"),
        ("Migrants from CuraÃ§ao were assisted.", "CW"),
        ("The office in TÃ¼rkiye opened.", "TR"),
        ("Flights from PerÃº landed.", "PE"),
        ("Officials from MÃ©xico attended.", "MX"),
        ("Arrivals in RÃ©union were counted.", "RE"),
    ],
)
def test_mojibake_names(rules_nlp: Language, text: str, expected: str) -> None:
    mentions = _mentions(rules_nlp, text)
    assert expected in {code for _, code in mentions}, mentions
    assert all(piece in text for piece, _ in mentions)  # offsets stay on the text as written


@pytest.mark.parametrize(
    "text",
    [
        "The cafÃ© was closed.",
        "Ã‰tudes and Ã  la carte menus.",
        "Mojibake like Ã© is common in scraped pages.",
        "NaÃ¯ve readers miss it.",
        "The rÃ©sumÃ© was sent.",
        "A piÃ±ata at the fair.",
        "EspaÃ±ol classes start soon.",  # a language, not a country name
        "The Ã¼ber driver waited.",
    ],
)
def test_mojibake_negatives(rules_nlp: Language, text: str) -> None:
    assert _codes(rules_nlp, text) == set()


# --- "<Demonym> Republic" in exact case -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Yemeni Republic signed the accord.", "YE"),
        ("Delegates of the Tunisian Republic attended.", "TN"),
        ("The Gabonese Republic hosted the meeting.", "GA"),
        ("A note from the Kyrgyz Republic arrived.", "KG"),
        ("The Slovak Republic pledged support.", "SK"),
        ("The Togolese Republic and the Malagasy Republic spoke.", "TG"),
        ("The Lebanese Republic asked for help.", "LB"),
        ("The Somali Republic was represented.", "SO"),
    ],
)
def test_demonym_republic_is_a_name(rules_nlp: Language, text: str, expected: str) -> None:
    assert (expected, "name") in _found(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Officials in the Russian republic of Dagestan met.", ("RU", "name")),  # lower case: the demonym
        ("The Turkish Republic of Northern Cyprus is not recognised.", ("TR", "name")),
        ("Leaders of the Serb Republic met in Banja Luka.", ("RS", "name")),
        ("Leaders of the Serbian Republic of Bosnia met.", ("RS", "name")),
        ("It is a former Soviet republic.", ("SUHH", "name")),
        ("THE YEMENI REPUBLIC", ("YE", "name")),
        ("a yemeni republic", ("YE", "name")),
        ("The Chechen Republic and the Russian Republic of Tatarstan met.", ("RU", "name")),
        ("Members of the Australian Republic Movement met.", ("AU", "name")),  # a body's name
        ("Historians of the Chinese Republic met.", ("CN", "name")),
    ],
)
def test_demonym_republic_guards(rules_nlp: Language, text: str, absent: tuple[str, str]) -> None:
    assert absent not in _found(rules_nlp, text)


def test_lower_case_republic_keeps_the_demonym(rules_nlp: Language) -> None:
    assert ("RU", "demonym") in _found(rules_nlp, "Officials in the Russian republic of Dagestan met.")


# --- Lines typed all in lower case ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flights to afghanistan were cancelled", {"AF"}),
        ("returns from the netherlands and aruba", {"NL", "AW"}),
        ("czechia", {"CZ"}),
        ("martinique and guadeloupe", {"MQ", "GP"}),
        ("Header line\n\nmigrants from eritrea and ethiopia\n\nFooter", {"ER", "ET"}),  # a paragraph of its own
        ("south sudan, sierra leone and costa rica", {"SS", "SL", "CR"}),
        ("the netherlands antilles", {"ANHH"}),
        ("bonaire", {"BQ"}),
    ],
)
def test_lower_case_line_names(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert _codes(rules_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the chad of a punched card",
        "we ate turkey and a slice of chile",
        "fine china and a guinea pig in a jersey",
        "a pot of ceylon tea",
        "us officials met them",  # acronyms keep their case
        "She flew to netherlands.",  # a line with capitals: lower case is no name
        "Visit www.iom.int and afghanistan-news later",
        "the jordan and georgia files",
    ],
)
def test_lower_case_negatives(rules_nlp: Language, text: str) -> None:
    assert _codes(rules_nlp, text) == set()


# --- Short forms used by international bodies and older spellings ------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Athletes from Chinese Taipei competed.", "TW"),
        ("An envoy of the Sahrawi Arab Democratic Republic spoke.", "EH"),
        ("Grain came from Rumania in the 1930s.", "RO"),
        ("Ships reached the Faeroe Islands.", "FO"),
        ("Research stations on Svalbard reported.", "SJ"),
        ("Hurricane damage in Saint Martin (Dutch part) was severe.", "SX"),
        ("Hurricane damage in Saint Martin (Dutch) was severe.", "SX"),
        ("Hurricane damage in Saint Martin was severe.", "MF"),
    ],
)
def test_short_forms(rules_nlp: Language, text: str, expected: str) -> None:
    assert _codes(rules_nlp, text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Chinese officials in Taipei Street met.",  # the demonym alone, no Chinese Taipei
        "Saint Martin de Porres was a friar.",
        "The Dutch part of the report was late.",
        "Taipei hosted the fair.",
    ],
)
def test_short_form_negatives(rules_nlp: Language, text: str) -> None:
    assert "TW" not in _codes(rules_nlp, text) and "SX" not in _codes(rules_nlp, text)


# --- A demonym before a diplomatic mission's word is the country's, not a body's name -----------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He toured the American Legation museum in Tangier.", {"US"}),
        ("She visited the American Legation Exhibit.", {"US"}),
        ("The Italian Embassy issued visas.", {"IT"}),
        ("The Canadian Embassies in the region closed.", {"CA"}),
        ("The French Consulates stayed open.", {"FR"}),
        ("A Kenyan Consulate opened in Juba.", {"KE"}),
        ("The Australian Federal Police arrested two men.", set()),  # a body's name
        ("The Hellenic Coast Guard rescued 40 people.", set()),
        ("The Australian High Court ruled on Friday.", set()),
    ],
)
def test_demonym_before_mission_word(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert {code for code, kind in _found(rules_nlp, text) if kind == "demonym"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He will also visit the American Legation Exhibit at the National Library.", {"US"}),
        ("Visas are issued by the Italian Embassy in Addis Ababa.", {"IT"}),
        ("The Australian Federal Police arrested two men.", set()),
    ],
)
def test_demonym_before_mission_word_with_a_model(nlp: Language, text: str, expected: set[str]) -> None:
    """With a statistical model the mission's words may be an ORG entity; the demonym still counts."""
    assert {code for code, kind in _found(nlp, text) if kind == "demonym"} == expected


# --- Fixed English compounds: the adjective no longer points to the country ---------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 1918 Spanish flu pandemic killed millions.", set()),
        ("Vaccination against German measles rose.", set()),
        ("A Dominican friar ran the shelter.", set()),
        ("Staff handed out French fries and Danish pastries.", set()),
        ("A Panama hat and Brazil nuts were sold.", set()),
        ("A game of Russian roulette with lives.", set()),
        ("Japanese encephalitis vaccines were delivered.", set()),
        ("Dominican migrants and French officials met.", {"DO", "FR"}),
        ("Spanish authorities and German troops helped.", {"ES", "DE"}),
        ("Returnees from Brazil and Panama arrived.", {"BR", "PA"}),
    ],
)
def test_fixed_compounds_are_not_countries(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert _codes(rules_nlp, text) == expected


# --- A party named with a demonym is a body, in any case ---------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AUSTRALIAN GREENS MEDIA RELEASE", set()),
        ("AUSTRALIAN DEMOCRATS MEDIA RELEASE", set()),
        ("The Australian Greens said the bill failed.", set()),
        ("The Australian Labor Party voted against it.", set()),
        ("A spokesman for the German Greens said so.", set()),
        ("AUSTRALIAN TROOPS TO LEAVE IRAQ", {"AU", "IQ"}),
        ("Australian troops will stay.", {"AU"}),
        ("Australian labor market data were released.", {"AU"}),
    ],
)
def test_party_named_with_a_demonym(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert _codes(rules_nlp, text) == expected


# --- Adjectives of states that no longer exist; the longer match wins ---------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("East German refugees crossed in 1989.", {"DDDE"}),
        ("Thousands of East Germans left.", {"DDDE"}),
        ("West German officials met them.", {"DE"}),
        ("North Vietnamese troops advanced.", {"VDVN"}),
        ("Siamese officials signed the treaty.", {"TH"}),
        ("German and Vietnamese officials met.", {"DE", "VN"}),
        ("Siamese twins were separated.", set()),
        ("A Siamese cat slept.", set()),
        ("South Yemeni separatists held Aden.", {"YE"}),  # today's south of Yemen, not the old state
    ],
)
def test_former_state_adjectives(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert _codes(rules_nlp, text) == expected
