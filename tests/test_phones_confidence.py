"""Phones read only where the release places them: a number we cannot place is left out, never
read as another country's (issue 21). Every text here is invented."""

from __future__ import annotations

import pytest

from iom_nlp.data import load_json
from iom_nlp.rules.phones import PhoneSettings, find_phones, infer_regions

RAW = load_json("phones.json")
SETTINGS = PhoneSettings(**{key: tuple(value) if isinstance(value, list) else value for key, value in RAW.items()})


def _numbers(text: str, countries: tuple[str, ...] = ()) -> list[str]:
    return [hit.e164 for hit in find_phones(text, infer_regions(text, SETTINGS, country_evidence=countries), SETTINGS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Grouped as a house region's plan groups them, or coarser.
        ("Press office: (206) 442-7788", ["+12064427788"]),
        ("Press office: 206-442-7788", ["+12064427788"]),
        ("Call 1 206 442 7788 today", ["+12064427788"]),
        ("Tel: 2064427788 or 2064427789", ["+12064427788", "+12064427789"]),
        ("Media: 0437 812 906", ["+61437812906"]),
        # The number placed with confidence says where the release is from: the other one on
        # the line (also a Dutch grouping) is read there.
        ("Media: Ana Lee 0437 812 906  Tom Fry 0488 271 364", ["+61437812906", "+61488271364"]),
    ],
)
def test_no_region_evidence_reads_numbers_placed_with_confidence(text: str, expected: list[str]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tel: 023 8061 4455",  # British, Chinese or Iranian grouping alike
        "Tel: 011 4785 2233",  # Argentinian, Indian, New Zealand ...
        "Tel: 03 384 2271",
        "Tel: 06 47 83 21 90",  # a French mobile, in a release that names no country
    ],
)
def test_no_region_evidence_leaves_out_numbers_it_cannot_place(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call 206-442-7788abc", []),
        ("call +41 22 717 9111xyz", []),
        ("it costs 206-442-7788$", []),
        ("É206-442-7788", []),
        ("e\u0301206-442-7788", []),
        # A label of the next item glued after the number (a page that lost its line breaks).
        ("Tel: +41 22 717 9111Email: a.name@iom.int", ["+41227179111"]),
        ("T:+254 20 448 2210E: someone@iom.int", ["+254204482210"]),
        # ... or the next line's capitalised word, or a mis-decoded space or rule after it.
        ("Media: Jane Sample (02) 6277 4144Minister for Settlement", ["+61262774144"]),
        ("Phone: (02) 6277 7860Facsimile: (02) 6273 4144", ["+61262777860", "+61262734144"]),
        ("Telephone: (02) 6277 7860\u00c2\u00a0 Fax (02) 6277 7861", ["+61262777860", "+61262777861"]),
        ("Tel: (02) 9637 9911\u00c3\u00a2\u00c2\u0094\u00c2\u0082Fax: (02) 9637 9912", ["+61296379911", "+61296379912"]),
        # Capitals glued after are no label: a reference code.
        ("call 206-442-7788ABC", []),
        # A "+" after an accented capital opens a number as after any letter.
        ("É+1 206 442 7788", ["+12064427788"]),
        # After a lower-case word and a hyphen, a number in three groups.
        ("our number-206-442-7788 is open", ["+12064427788"]),
    ],
)
def test_letters_and_money_glued_to_a_number(text: str, expected: list[str]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # "(33)" is no U.S. area code (those are three digits): not read as +1 331 ...
        ("Tel (33) 1234 5678", ("US",), []),
        ("Tel (33) 1234 5678", ("MX",), ["+523312345678"]),
        ("Tel (55) 5536 3954", ("US",), []),
        ("IOM Mexico City\nTel (55) 5536 3954", ("MX",), ["+525555363954"]),
        # Brackets as long as the plan's area code, or holding the country code, still read.
        ("Tel: (022) 717 9111", ("CH",), ["+41227179111"]),
        ("Rosa Diaz, IOM Guatemala, Tel. (502) 2415 0630", ("GT",), ["+50224150630"]),
        ("Tel: (02) 6277 7500", ("AU",), ["+61262777500"]),
    ],
)
def test_bracketed_area_code_shorter_than_the_plan_is_not_read(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert _numbers(text, countries) == expected


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # "0~0": the international prefix with a wait for the dial tone, not an extension mark.
        ("Tel. 0~0 41 22 717 9111", ("PL",), ["+41227179111"]),
        ("Tel. 0~01-206-442-7788", ("PL",), ["+12064427788"]),
        # A "~" before the last digits still marks an extension, kept out of the E.164.
        ("Tel. 0~0 41 22 717 9111 ~215", ("PL",), ["+41227179111"]),
        # A bracketed "1800" is a toll-free prefix, not a citation year; "(1998) 64-73" still is one.
        ("Freephone (1800) 749 352", ("AU",), ["+611800749352"]),
        ("See Smith (1998) 64-73 on this point.", ("AU",), []),
    ],
)
def test_prefixes_read_as_written(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert _numbers(text, countries) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The country code and the area code in one bracket, under an office of that country:
        # an older plan (before Bogotá's numbers gained digits) kept as given.
        ("Para más información, contactar a Rosa Vélez, OIM Bogotá, Tel.: (57-1) 622 4410, Correo: rvelez@iom.int", ["+5716224410"]),
        ("Contact Rosa Velez, IOM Bogotá, Tel.: (57-1) 622 4410, Fax: (57-1) 622 4411", ["+5716224410", "+5716224411"]),
        # A bracket that holds no calling code of the office's country is no such number.
        ("Contact Rosa Velez, IOM Bogotá, Tel.: (44-1) 622 4410", []),
        # Accented office cities point to their countries.
        ("Pour plus d'informations : Awa Koné, OIM Lomé, Tél. : 22 21 44 37", ["+22822214437"]),
        ("Para más información: Ana Mora, OIM San José, Tel.: 2212-5300", ["+50622125300"]),
    ],
)
def test_office_country_numbers_in_local_forms(text: str, expected: list[str]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # A count grouped in thousands, then a lower-case word: no phone.
        ("The report lists 4 433 221 displaced people across the country.", ("SO",), []),
        ("Au total, 1 200 personnes ont reçu une aide au retour.", ("NE",), []),
        ("En 2023, 12 500 migrantes cruzaron la frontera.", ("PA",), []),
        ("Some 250\u202f000 returnees were registered.", ("SD",), []),
        # A phone cue before it on its line still makes it a number.
        ("IOM Somalia, Tel: 4 433 221 ext 5", ("SO",), ["+2524433221"]),
        ("Call 4 433 221 now for the hotline.", ("SO",), ["+2524433221"]),
    ],
)
def test_counts_grouped_in_thousands_are_no_phones(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert _numbers(text, countries) == expected
