"""Countries and demonyms by class of error (issues 12, 13 and 15), rules-only and full pipeline.

Each table holds invented sentences in the styles the library meets (IOM releases, Australian
parliamentary releases, U.S. State Department readouts, tables copied from UN or World Bank
lists), positives and negatives. ``found`` returns (code, kind) pairs so that a test states
both what must be found and what must not.
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

import iom_nlp


def found(nlp: Language, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(span.kb_id_, span.label_) for span in doc.spans["iom_countries"]}


def codes(nlp: Language, text: str) -> set[str]:
    return {code for code, _ in found(nlp, text)}


# --- 7. Historic and older names -------------------------------------------------------------
# A state that ended takes its ISO 3166-3 code; a name still used for a living state, or one it
# dropped before ISO 3166 existed (1974), takes today's code (see ../shared/ANNOTATION.md).
HISTORIC = [
    ("Rice exports from Siam doubled between the wars.", "TH"),
    ("Her parents emigrated from Rhodesia to Perth in 1975.", "RHZW"),
    ("The 1937 constitution named the state Eire.", "IE"),
    ("Refugees who fled Zaire in 1994 were registered in Goma.", "ZRCD"),
    ("Zairean soldiers crossed the border.", "ZRCD"),
    ("He served in the Czechoslovak Republic's foreign ministry before 1938.", "CSHH"),
    ("Migrant workers from Burma were registered in Mae Sot.", "MM"),
    ("Tea estates in Ceylon employed thousands of workers.", "LK"),
    ("IOM opened an office in Swaziland in 2010.", "SZ"),
    ("East Timor held its independence referendum in 1999.", "TL"),
    ("Upper Volta was renamed in 1984.", "HVBF"),
    ("Dahomey became independent from France in 1960.", "DYBJ"),
    ("Soldiers of the former Soviet Union and Yugoslavia were demobilised.", "SUHH"),
    ("Czechoslovakia split peacefully.", "CSHH"),
    ("Mining in Zaïre's Katanga province", "ZRCD"),
    ("The Irish Free State joined the League of Nations.", "IE"),
]
HISTORIC_NEGATIVES = [
    "Siamese twins were separated in surgery.",  # the adjective is left out on purpose
    "She ordered a pot of ceylon tea.",  # lower case never names a country
    "Eireann Murphy chaired the meeting.",
    "Cecil Rhodes founded the company.",
]


@pytest.mark.parametrize(("text", "code"), HISTORIC)
def test_historic_and_older_names(rules_nlp: Language, text: str, code: str) -> None:
    assert code in codes(rules_nlp, text)


@pytest.mark.parametrize("text", HISTORIC_NEGATIVES)
def test_historic_names_not_found_in_other_words(rules_nlp: Language, text: str) -> None:
    assert codes(rules_nlp, text) == set()


def test_viet_nam_with_a_hyphen_is_todays_viet_nam(rules_nlp: Language) -> None:
    """ISO 3166-3's North "Viet-Nam" must not claim today's spelling with a hyphen."""
    assert codes(rules_nlp, "Flights to Viet-Nam resumed.") == {"VN"}


# --- 8. Abbreviations and inverted forms -----------------------------------------------------
ABBREVIATIONS = [
    ("Armed groups in CAR displaced 20,000 people.", "CF"),
    ("IOM and the Central African Republic (CAR) signed an agreement.", "CF"),
    ("Talks between the PRC and Japan resumed.", "CN"),
    ("The DPRK fired a missile.", "KP"),
    ("The ROK Navy rescued the crew.", "KR"),
    ("Workers returned from the UAE.", "AE"),
    ("Delegates of the F.Y.R.O.M. attended.", "MK"),
    ("Country: Congo, Rep.", "CG"),
    ("Country: Congo, Dem. Rep.", "CD"),
    ("Country: Korea, Republic of", "KR"),
    ("Country: Korea, Dem. People's Rep.", "KP"),
    ("Country: Egypt, Arab Rep.", "EG"),
    ("Country: Iran, Islamic Republic of", "IR"),
    ("The Republic of China (Taiwan) sent relief goods.", "TW"),
    ("The People's Republic of China sent relief goods.", "CN"),
    ("The Peoples Republic of China sent relief goods.", "CN"),
    ("Wake Island is one of the US Minor Outlying Islands.", "UM"),
    ("Officials from Solomon Isds and Czech Rep. met.", "SB"),
    ("PNG and Australia signed the compact.", "PG"),
    ("New Zealand (NZ) resettled 150 refugees.", "NZ"),
    ("The Bahamas, The", "BS"),
]
ABBREVIATION_NEGATIVES = [
    ("The car was found abandoned near the border.", set()),
    ("CAR BOMB KILLS FIVE IN MARKET", set()),
    ("LET US KNOW WHAT YOU THINK", set()),
    ("PLEASE CONTACT US FOR DETAILS", set()),
    ("She studied in Athens, Georgia, U.S.A. for two years.", {"US"}),
    ("He grew up in Georgia (US state) before moving.", {"US"}),
    ("Offices in Congo, Republic of Korea and Japan", {"CD", "KR", "JP"}),
    ("A Car Rental Company opened.", set()),
]


@pytest.mark.parametrize(("text", "code"), ABBREVIATIONS)
def test_abbreviations_and_inverted_forms(rules_nlp: Language, text: str, code: str) -> None:
    assert code in codes(rules_nlp, text)


@pytest.mark.parametrize(("text", "expected"), ABBREVIATION_NEGATIVES)
def test_abbreviation_guards(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert codes(rules_nlp, text) == expected


def test_car_in_capitals_counts_when_the_release_names_the_country(rules_nlp: Language) -> None:
    text = "CAR: IOM HELPS DISPLACED FAMILIES RETURN\n\nBangui - IOM is helping families in the Central African Republic."
    assert ("CF", "name") in found(rules_nlp, text)
    doc = rules_nlp(text)
    assert any(span.text == "CAR" for span in doc.spans["iom_countries"])


def test_us_minor_outlying_islands_is_not_the_us(rules_nlp: Language) -> None:
    assert codes(rules_nlp, "Baker Island belongs to the US Minor Outlying Islands.") == {"UM"}


# --- 9. Person nouns and plurals ---------------------------------------------------------------
PERSON_NOUNS = [
    ("A Frenchwoman was among the survivors.", "FR"),
    ("Two Croats and a Bosnian were rescued.", "HR"),
    ("The skipper, a Netherlander, raised the alarm.", "NL"),
    ("A Filipina domestic worker was repatriated.", "PH"),
    ("The victim was a Pole living in Dublin.", "PL"),
    ("A Swede and two Danes reached the summit.", "SE"),
    ("A Swede and two Danes reached the summit.", "DK"),
    ("A Thai was arrested at the border.", "TH"),
    ("Most of those rescued were Haitians.", "HT"),
    ("Somalis and Ethiopians crossed to Yemen.", "SO"),
    ("Syrians make up the largest group.", "SY"),
    ("IOM helped Afghans returning from Iran.", "AF"),
    ("More than 1.4 million Venezuelans live in Colombia.", "VE"),
    ("Eritreans were intercepted at sea.", "ER"),
    ("Filipinos and Sri Lankans were evacuated.", "PH"),
    ("Filipinos and Sri Lankans were evacuated.", "LK"),
    ("Two Englishmen and a Scotsman were detained.", "GB"),
    ("Costa Ricans voted on Sunday.", "CR"),
    ("GETTING MORE AUSTRALIANS INTO WORK", "AU"),
    ("Burkinabè returnees arrived in Ouagadougou.", "BF"),
]
PERSON_NOUN_NEGATIVES = [
    "Rohingya refugees arrived in Cox's Bazar.",
    "Hazara families fled to Quetta.",
    "Kurdish and Tamil interpreters were hired.",
    "She won the pole vault final.",
    "Scientists measured the ice at the North Pole.",
    "Telegraph Poles Down After Storm",
    "Dane Swan kicked three goals.",
    "A Great Dane guarded the house.",
    "Young Turks rallied in the square.",
    "Uyghurs, ethnic Kazakhs and ethnic Kyrgyz were detained.",
    "Roma, Ashkali and Egyptian families received houses.",
    "Latin Americans and Central Americans marched.",
    "American Indians and West Indians joined the parade.",
]


@pytest.mark.parametrize(("text", "code"), PERSON_NOUNS)
def test_person_nouns_and_plurals_are_demonyms(rules_nlp: Language, text: str, code: str) -> None:
    assert (code, "demonym") in found(rules_nlp, text)


@pytest.mark.parametrize("text", PERSON_NOUN_NEGATIVES)
def test_ethnic_groups_and_common_words_are_not_demonyms(rules_nlp: Language, text: str) -> None:
    assert {code for code, kind in found(rules_nlp, text) if kind == "demonym"} == set()


@pytest.mark.parametrize(("text", "code"), PERSON_NOUNS[:8])
def test_person_nouns_with_a_statistical_model(nlp: Language, text: str, code: str) -> None:
    assert (code, "demonym") in found(nlp, text)


# --- 10. Accented spellings --------------------------------------------------------------------
ACCENTED = [
    ("Flooding hit northern Perú.", "PE"),
    ("Returnees from México were received in Guatemala.", "MX"),
    ("Türkiye hosts the largest refugee population.", "TR"),
    ("São Tomé and Príncipe joined the programme.", "ST"),
    ("Migrants from Côte d'Ivoire and Côte d’Ivoire alike.", "CI"),
    ("Curaçao and Aruba signed the agreement.", "CW"),
    ("Viet Nam and Lao PDR agreed to share data.", "VN"),
    ("Viet Nam and Lao PDR agreed to share data.", "LA"),
    ("The ferry left Panamá City.", "PA"),
    ("Réunion is an overseas department.", "RE"),
    ("The Åland Islands are demilitarised.", "AX"),
    (unicodedata.normalize("NFD", "Cocoa farmers in Côte d’Ivoire and Türkiye."), "CI"),  # accents as combining marks
    ("Aid reached Haïti by sea.", "HT"),
]


@pytest.mark.parametrize(("text", "code"), ACCENTED)
def test_accented_spellings(rules_nlp: Language, text: str, code: str) -> None:
    assert code in codes(rules_nlp, text)


# --- Languages versus peoples: the whole list decides ------------------------------------------
LANGUAGE_OR_PEOPLE = [
    ("Thousands of Kyrgyz, Tajik and Uzbek workers were stranded.", {"KG", "TJ", "UZ"}),
    ("Cambodian and Lao women work in the factories.", {"KH", "LA"}),
    ("Most were Sudanese, Bangladeshis, Malagasy and Nepalese.", {"SD", "BD", "MG", "NP"}),
    ("Food went to Somali and Sudanese refugees.", {"SO", "SD"}),
    ("The Japanese Vice Foreign Minister met Mr Kim and Japanese officials.", {"JP"}),
    ("Volunteers speak Burmese, Khmer and Lao.", set()),
    ("Leaflets were printed in Dutch, English and Spanish.", set()),
    ("The form was translated into Arabic, Somali and Tigrinya.", set()),
    ("French-speaking staff and a Somali-born doctor", {"SO"}),
    ("He gave a statement – in English – after the talks.", set()),
    ("Nationality: 7 Chinese, 1 French, 2 Vietnamese", {"CN", "FR", "VN"}),
    ("The Portuguese and Timorese Club hosted the launch.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LANGUAGE_OR_PEOPLE)
def test_language_lists_versus_peoples(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert {code for code, kind in found(rules_nlp, text) if kind == "demonym"} == expected


# --- A government named in lower case is the country's; a body's formal name is not ------------
GOVERNMENTS = [
    ("The Russian government denied the report.", {"RU"}),
    ("We urge the Cuban government to release them.", {"CU"}),
    ("Mexican government officials met the delegation.", {"MX"}),
    ("The British Government called off the search.", set()),
    ("The Australian Government announced funding.", set()),
    ("The Australian government announced funding.", set()),
    ("The Ethiopian Government and IOM agreed.", set()),
    ("THE AUSTRALIAN GREENS said so. The Australian Greens agree.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNMENTS)
def test_government_in_lower_case_is_a_demonym(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert {code for code, kind in found(rules_nlp, text) if kind == "demonym"} == expected


# --- Names broken by layout or glued to other characters --------------------------------------
LAYOUT = [
    ("vessels north of Christmas\u00a0Island this evening", {"CX"}),
    ("Canada, Norway, New\n\nZealand and Ghana", {"CA", "NO", "NZ", "GH"}),
    ("resettlement in Papua  New Guinea and Nauru", {"PG", "NR"}),
    ("the U.S.-Kuwait relationship", {"US", "KW"}),
    ("U.S.-led efforts", {"US"}),
    ("funded by the Government of Norway.<br>", {"NO"}),
    ("Cocos Keeling and Christmas Islands", {"CC", "CX"}),
    ("Heading about Ghana\n\n\n\nZealand Road closed", {"GH"}),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUT)
def test_names_across_layout_whitespace_and_glue(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert codes(rules_nlp, text) == expected


def test_mentions_keep_offsets_into_the_original_text(rules_nlp: Language) -> None:
    text = "Arrivals on Christmas\u00a0Island and in New\n\nZealand; the U.S.-Kuwait talks."
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert {country.code for country in release.countries} >= {"CX", "NZ", "US", "KW"}
    for country in release.countries:
        for mention in country.mentions:
            assert text[mention.start : mention.end] == mention.text


# --- Names that are also US states, Nigerian states or Australian states -----------------------
NOT_THE_COUNTRY = [
    ("Refugees resettled in Atlanta have settled well. Many hope to stay in Georgia.", set()),
    ("Floods in Niger and Kogi States displaced thousands.", set()),
    ("Senator for Western Australia", set()),
    ("SENATOR FOR SOUTH AUSTRALIA", set()),
    ("IOM welcomed Georgia's new migration strategy, adopted in Tbilisi.", {"GE"}),
    ("Migrants crossed from Niger into Libya.", {"NE", "LY"}),
    ("Australia and Western Australia's premier", {"AU"}),
]


@pytest.mark.parametrize(("text", "expected"), NOT_THE_COUNTRY)
def test_states_are_not_countries(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert {code for code, kind in found(rules_nlp, text) if kind == "name"} == expected


# --- Ambiguous demonym: Congolese follows the release, like Congo ------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Floods in Brazzaville hit Congolese host communities.", "CG"),
        ("Congolese refugees fled fighting near Goma.", "CD"),
        ("Congolese refugees fled fighting in the Democratic Republic of the Congo.", "CD"),
        ("Congolese nationals in Pointe-Noire and the Republic of the Congo", "CG"),
        ("Congolese migrants were registered.", "CD"),
    ],
)
def test_congolese_follows_the_release(rules_nlp: Language, text: str, code: str) -> None:
    assert {c for c, kind in found(rules_nlp, text) if kind == "demonym"} == {code}


# --- 15.4 Names as people write them -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code", "name", "official"),
    [
        ("Fighting in the DRC continues.", "CD", "Democratic Republic of the Congo", "Democratic Republic of the Congo"),
        ("Talks with the Republic of Korea.", "KR", "South Korea", "Republic of Korea"),
        ("Floods in Brazzaville, Republic of the Congo.", "CG", "Republic of the Congo", "Republic of the Congo"),
        ("Returns to Iran.", "IR", "Iran", "Islamic Republic of Iran"),
        ("Aid to Tanzania.", "TZ", "Tanzania", "United Republic of Tanzania"),
        ("Refugees in the British Virgin Islands.", "VG", "British Virgin Islands", "British Virgin Islands"),
        ("Refugees from Zaire.", "ZRCD", "Zaire", "Republic of Zaire"),
        ("Bangkok, Thailand.", "TH", "Thailand", "Kingdom of Thailand"),
    ],
)
def test_country_names_in_common_short_form(rules_nlp: Language, text: str, code: str, name: str, official: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    country = next(country for country in release.countries if country.code == code)
    assert (country.name, country.official_name) == (name, official)
    assert ", " not in country.name or country.code == "BQ"


# --- The gazetteer build: plurals and claims ---------------------------------------------------
def _build_module() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("demonym", "plural"),
    [("Syrian", "Syrians"), ("Sri Lankan", "Sri Lankans"), ("Frenchwoman", "Frenchwomen"), ("Scotsman", "Scotsmen"),
     ("German", "Germans"), ("Omani", "Omanis"), ("Czech", "Czechs"), ("Filipina", "Filipinas"), ("Chinese", None),
     ("Swiss", None), ("French", None), ("Malagasy", None), ("Kyrgyz", None), ("Icelandic", None), ("Afghani", None)],
)
def test_demonym_plurals(demonym: str, plural: str | None) -> None:
    assert _build_module().plural(demonym) == plural


@pytest.mark.parametrize(
    ("name", "short"),
    [("Congo, The Democratic Republic of the", "Democratic Republic of the Congo"), ("Korea, Republic of", "Republic of Korea"),
     ("Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius and Saba"), ("Thailand", "Thailand")],
)
def test_short_names_uninvert_iso(name: str, short: str) -> None:
    assert _build_module().short_name(name) == short
