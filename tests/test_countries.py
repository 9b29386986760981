from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp

VARIANTS = [
    ("St. Kitts and Nevis", "KN"), ("Saint Kitts and Nevis", "KN"), ("St Kitts & Nevis", "KN"),
    ("St. Lucia", "LC"), ("Saint Lucia", "LC"), ("St. Vincent and the Grenadines", "VC"),
    ("The Bahamas", "BS"), ("the Gambia", "GM"), ("DRC", "CD"), ("DR Congo", "CD"),
    ("Congo-Kinshasa", "CD"), ("Democratic Republic of the Congo", "CD"),
    ("Republic of the Congo", "CG"), ("Congo-Brazzaville", "CG"), ("Côte d'Ivoire", "CI"),
    ("Cote d’Ivoire", "CI"), ("Côte d’Ivoire", "CI"), ("Ivory Coast", "CI"), ("Türkiye", "TR"),
    ("Turkey", "TR"), ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("North Macedonia", "MK"),
    ("FYROM", "MK"), ("Eswatini", "SZ"), ("Swaziland", "SZ"), ("Myanmar", "MM"), ("Burma", "MM"),
    ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Lao PDR", "LA"), ("Laos", "LA"), ("UK", "GB"),
    ("U.K.", "GB"), ("Britain", "GB"), ("England", "GB"), ("United Kingdom", "GB"), ("US", "US"),
    ("U.S.", "US"), ("USA", "US"), ("United States of America", "US"), ("United States", "US"),
    ("UAE", "AE"), ("United Arab Emirates", "AE"), ("South Korea", "KR"), ("Republic of Korea", "KR"),
    ("North Korea", "KP"), ("DPRK", "KP"), ("Iran", "IR"), ("Islamic Republic of Iran", "IR"),
    ("Syria", "SY"), ("Syrian Arab Republic", "SY"), ("Russia", "RU"), ("Russian Federation", "RU"),
    ("Palestine", "PS"), ("State of Palestine", "PS"), ("occupied Palestinian territory", "PS"),
    ("Kosovo", "XK"), ("Holy See", "VA"), ("Vatican", "VA"), ("French St. Martin", "MF"),
    ("St. Maarten", "SX"), ("Sint Maarten", "SX"), ("Aruba", "AW"), ("Curaçao", "CW"),
    ("Curacao", "CW"), ("Puerto Rico", "PR"), ("Hong Kong", "HK"), ("Macau", "MO"), ("Macao", "MO"),
    ("Greenland", "GL"), ("Western Sahara", "EH"), ("Christmas Island", "CX"),
    ("Netherlands Antilles", "ANHH"), ("Yugoslavia", "YUCS"), ("Serbia and Montenegro", "CSXX"),
    ("USSR", "SUHH"), ("Soviet Union", "SUHH"), ("Czechoslovakia", "CSHH"), ("Zaire", "ZRCD"),
    ("East Timor", "TL"), ("Timor-Leste", "TL"), ("Papua New Guinea", "PG"), ("Guinea-Bissau", "GW"),
    ("Equatorial Guinea", "GQ"), ("Guinea", "GN"), ("Dominican Republic", "DO"), ("Dominica", "DM"),
    ("Nigeria", "NG"), ("Niger", "NE"), ("Antigua and Barbuda", "AG"), ("Trinidad and Tobago", "TT"),
    ("Kingdom of the Netherlands", "NL"), ("Netherlands", "NL"), ("Holland", "NL"),
    ("Bosnia and Herzegovina", "BA"), ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"),
    ("Moldova", "MD"), ("Cabo Verde", "CV"), ("Cape Verde", "CV"), ("São Tomé and Príncipe", "ST"),
    ("Sao Tome and Principe", "ST"), ("Micronesia", "FM"), ("Brunei", "BN"), ("Taiwan", "TW"),
    ("Afghanistan", "AF"), ("Australia", "AU"), ("Nauru", "NR"), ("Indonesia", "ID"), ("Iraq", "IQ"),
    ("Sri Lanka", "LK"), ("Haiti", "HT"), ("Grenada", "GD"), ("Jamaica", "JM"), ("Mexico", "MX"),
    ("Palau", "PW"), ("Yemen", "YE"), ("Saudi Arabia", "SA"), ("Jordan", "JO"), ("Algeria", "DZ"),
    ("Morocco", "MA"), ("Kuwait", "KW"), ("France", "FR"), ("Denmark", "DK"), ("Malaysia", "MY"),
    ("Rwanda", "RW"), ("Germany", "DE"), ("Japan", "JP"), ("China", "CN"), ("India", "IN"),
    ("Pakistan", "PK"), ("Bangladesh", "BD"), ("Nepal", "NP"), ("Ethiopia", "ET"), ("Somalia", "SO"),
    ("South Sudan", "SS"), ("Sudan", "SD"), ("Libya", "LY"), ("Chile", "CL"), ("Ukraine", "UA"),
    ("Georgia", "GE"), ("Chad", "TD"), ("Israel", "IL"), ("Lebanon", "LB"), ("Egypt", "EG"),
    ("South Africa", "ZA"), ("New Zealand", "NZ"), ("Ireland", "IE"), ("Canada", "CA"),
    ("Brazil", "BR"), ("Colombia", "CO"), ("Ecuador", "EC"), ("Peru", "PE"), ("Guatemala", "GT"),
    ("El Salvador", "SV"), ("Honduras", "HN"), ("Nicaragua", "NI"), ("Costa Rica", "CR"),
    ("Panama", "PA"), ("Cuba", "CU"), ("Belize", "BZ"), ("Guyana", "GY"), ("Suriname", "SR"),
    ("Barbados", "BB"), ("Philippines", "PH"), ("Thailand", "TH"), ("Cambodia", "KH"),
    ("Mongolia", "MN"), ("Kazakhstan", "KZ"), ("Uzbekistan", "UZ"), ("Tajikistan", "TJ"),
    ("Kyrgyzstan", "KG"), ("Turkmenistan", "TM"), ("Azerbaijan", "AZ"), ("Armenia", "AM"),
    ("Belarus", "BY"), ("Poland", "PL"), ("Hungary", "HU"), ("Romania", "RO"), ("Bulgaria", "BG"),
    ("Greece", "GR"), ("Italy", "IT"), ("Spain", "ES"), ("Portugal", "PT"), ("Switzerland", "CH"),
    ("Austria", "AT"), ("Belgium", "BE"), ("Luxembourg", "LU"), ("Sweden", "SE"), ("Norway", "NO"),
    ("Finland", "FI"), ("Iceland", "IS"), ("Estonia", "EE"), ("Latvia", "LV"), ("Lithuania", "LT"),
    ("Croatia", "HR"), ("Slovenia", "SI"), ("Slovakia", "SK"), ("Serbia", "RS"), ("Montenegro", "ME"),
    ("Albania", "AL"), ("Cyprus", "CY"), ("Malta", "MT"), ("Tunisia", "TN"), ("Mali", "ML"),
    ("Burkina Faso", "BF"), ("Senegal", "SN"), ("Ghana", "GH"), ("Kenya", "KE"), ("Uganda", "UG"),
    ("Zimbabwe", "ZW"), ("Zambia", "ZM"), ("Mozambique", "MZ"), ("Madagascar", "MG"),
    ("Cocos (Keeling) Islands", "CC"), ("Norfolk Island", "NF"), ("Fiji", "FJ"), ("Samoa", "WS"),
    ("Tonga", "TO"), ("Vanuatu", "VU"), ("Solomon Islands", "SB"), ("Kiribati", "KI"),
    ("Tuvalu", "TV"), ("Marshall Islands", "MH"), ("Timor Leste", "TL"), ("Qatar", "QA"),
    ("Bahrain", "BH"), ("Oman", "OM"), ("Singapore", "SG"), ("Maldives", "MV"), ("Bhutan", "BT"),
]

NEGATIVES = [
    "Chad Smith spoke first.", "Jordan Peterson was there.", "She met Michael Jordan yesterday.",
    "He lives in Atlanta, Georgia now.", "We ate turkey and stuffing.", "Flights to New Jersey resumed.",
    "Migrants from Latin America arrived.", "Leaders of North America met.", "Across the Caribbean region.",
    "The Horn of Africa faces drought.", "The Sahel is dry.", "The text was translated into French.",
    "Brochures in Dutch, English and Spanish were printed.", "A china cup broke.",
    "the chad of a punched card", "Papua New Guinea signed the accord.",
    "Southern Georgia peaches", "Jersey City council", "guinea pigs in cages",
    "The Australian Federal Police said so.", "A jordan almond.", "in Southeast Asia",
    "Western Europe", "sub-Saharan Africa", "the Middle East", "Central Asia", "the Pacific",
    "Eastern Europe", "South Asia", "the Balkans", "the Americas", "West Africa", "Scandinavia",
    "the Arab world", "he is fluent in Spanish", "the Australian Government announced",
    "the Hellenic Coast Guard", "the Australian Border Force", "the Adult Migrant English Program",
    "The Australian Government said so; the Australian government about it", "speaks German", "the Nile", "us and them",
    "Ask us anything", "the Georgia state legislature", "New Mexico senators", "New South Wales police",
]


@pytest.mark.parametrize(("variant", "code"), VARIANTS)
def test_variant_spellings(rules_nlp: Language, variant: str, code: str) -> None:
    doc = rules_nlp(f"Officials from {variant} attended the meeting.")
    assert code in {span.kb_id_ for span in doc.spans["iom_countries"] if span.label_ == "name"}


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(nlp: Language, text: str) -> None:
    doc = nlp(text)
    found = {(span.text, span.kb_id_) for span in doc.spans["iom_countries"]}
    if text.startswith("Papua"):
        assert found == {("Papua New Guinea", "PG")}
    else:
        assert found == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [("Venezuelan migrants crossed.", "VE"), ("Burkinabe returnees", "BF"), ("Haitian nationals", "HT"),
     ("Filipino workers", "PH"), ("Emirati officials", "AE"), ("French government officials", "FR"),
     ("Congolese refugees", "CD"), ("Australian troops", "AU")],
)
def test_demonyms(nlp: Language, text: str, code: str) -> None:
    doc = nlp(text)
    assert [(span.kb_id_, span.label_) for span in doc.spans["iom_countries"]] == [(code, "demonym")]


@pytest.mark.parametrize(
    ("text", "code"),
    [("IOM Libya Chief of Mission", "LY"), ("TRINIDAD AND TOBAGO SIGNS", "TT"),
     ("Chile's minister", "CL"), ("the Ministry of Justice of the Kingdom of the\nNetherlands", "NL"),
     ("Trinidad and\nTobago delegates", "TT"), ("fighting in Congo near Goma", "CD"),
     ("Congo and its capital Brazzaville", "CG")],
)
def test_names_in_context(rules_nlp: Language, text: str, code: str) -> None:
    doc = rules_nlp(text)
    assert code in {span.kb_id_ for span in doc.spans["iom_countries"]}


def test_seed_countries(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.to_release(nlp(seed_text))
    expected = {"AG", "AW", "BS", "BB", "BZ", "DO", "MF", "SX", "GD", "GY", "HT", "JM", "NL", "ANHH", "KN", "LC", "SR", "TT", "US"}
    assert {country.code for country in release.countries} == expected
    for country in release.countries:
        for mention in country.mentions:
            assert seed_text[mention.start : mention.end] == mention.text
