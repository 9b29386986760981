"""Phones as they were meant in IOM's archive (issue 21): older numbering plans, office-country
numbers without "+", prefixes and groupings of every kind, extensions kept out of the number.

All cases are invented in the style of IOM contact lines; the rule functions are called with
the packaged ``models/phones.json``. A wrong number is worse than none: every table has negatives.
"""

from __future__ import annotations

from typing import Any

import pytest

from iom_nlp.data import load_json
from iom_nlp.rules.phones import PhoneHit, PhoneSettings, find_phones, infer_regions

RAW: dict[str, Any] = load_json("phones.json")
SETTINGS = PhoneSettings(**{key: tuple(value) if isinstance(value, list) else value for key, value in RAW.items()})


def _hits(text: str, countries: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> list[PhoneHit]:
    regions = infer_regions(text, SETTINGS, country_evidence=countries, place_evidence=places)
    return find_phones(text, regions, SETTINGS)


def _numbers(text: str, countries: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> list[str]:
    return [hit.e164 for hit in _hits(text, countries, places)]


def _under_office(text: str, office: str, region: str) -> list[str]:
    """Numbers read with ``office`` located in ``region`` where it is written (a capital the
    countries component read)."""
    located = [(text.index(office), region)]
    regions = infer_regions(text, SETTINGS, place_evidence=[region], located=located)
    return [hit.e164 for hit in find_phones(text, regions, SETTINGS)]


# --- 1. A number with its country code that today's plan rejects is kept as given ---------------


@pytest.mark.parametrize(
    ("text", "e164", "region"),
    [
        # a capital's area code that later gained a digit, in several layouts
        ("Kofi Asante, IOM Accra, Tel: +233 21 774 310, Email: kasante@iom.int", "+23321774310", "GH"),
        ("Wanjiku Otieno\nIOM Nairobi\nTel: +254 2 444 7160\nE-mail: wotieno@iom.int", "+25424447160", "KE"),
        ("Almaz Tesfaye at IOM Addis Ababa. Tel: +251 1 51 22 09\n", "+2511512209", "ET"),
        # whole plans that added digits: six, seven, eight digits before
        ("Tél. : +235 52 37 81\nCourriel : x@iom.int", "+235523781", "TD"),
        ("Tel: +221 869 41 20, Mobile: later", "+2218694120", "SN"),
        ("Tel: +227 72 31 64 — Fax to follow", "+227723164", "NE"),
        ("Tel: +506 257 1220 or write to us", "+5062571220", "CR"),
        ("Tel: +995 32 93 11 07, Email: x@iom.int", "+9953293110" + "7", "GE"),
        # written with "00" or a spaced "+" and dots
        ("Tel: + 223 221 19 45, Email: x@iom.int", "+2232211945", "ML"),
    ],
)
def test_older_plan_with_country_code_is_kept_as_given(text: str, e164: str, region: str) -> None:
    hits = _hits(text)
    assert [(hit.e164, hit.valid, hit.region) for hit in hits] == [(e164, False, region)]
    assert all(text[hit.start : hit.end] == hit.raw for hit in hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not re-read as another country's number, even where the release points to the U.S.
        ("Joint statement with the United States.\nTel: +225 22 41 08 37\n", ["+22522410837"]),
        ("Funded by USAID.\nTel: +222 529 17 46", ["+2225291746"]),
        # siblings of a number kept as given are kept as given
        ("Tel: +221 869 41 20/21, Email: x@iom.int", ["+2218694120", "+2218694121"]),
        # today's valid numbers are untouched
        ("Tel: +233 302 742 930", ["+233302742930"]),
    ],
)
def test_older_plan_is_never_another_countrys_number(text: str, expected: list[str]) -> None:
    assert _numbers(text, countries=("US",)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a valid number followed by more digits is not one longer old number
        "Tel: +41 22 717 9119-12",
        # too few digits after the code
        "Tel: +235 52 64",
        # an excerpt cut inside a number: too short even for an older plan
        "For more information please contact Ana Ruiz, IOM Geneva, Tel: +41 22 717 91",
        # a plus sign in prose
        "an increase of +12 per cent on 2005",
    ],
)
def test_no_number_kept_as_given_from_a_fragment(text: str) -> None:
    assert _numbers(text) == []


# --- 2. A national number under an office, starting with the office country's calling code ------


@pytest.mark.parametrize(
    ("text", "office", "expected"),
    [
        ("Rosa Quiroa\nIOM Guatemala\nTel: 502-2331-0741\nEmail: rquiroa@iom.int", ("Guatemala", "GT"), ["+50223310741"]),
        ("Rosa Quiroa, IOM Guatemala, Tel. (502) 2331 0741", ("Guatemala", "GT"), ["+50223310741"]),
        ("Bui Thi Lan, IOM Hanoi, Tel: 84 24 3850 0100", ("Hanoi", "VN"), ["+842438500100"]),
        # an older plan under the office: kept as given
        ("Moussa Ndiaye, IOM Dakar, Tel: 221 869 41 20, Email: x@iom.int", ("Dakar", "SN"), ["+2218694120"]),
        ("Lani Reyes\nIOM Manila\nTel: 632 230 1866\n", ("Manila", "PH"), ["+6322301866"]),
    ],
)
def test_office_country_code_without_plus(text: str, office: tuple[str, str], expected: list[str]) -> None:
    assert _under_office(text, *office) == expected


@pytest.mark.parametrize(
    ("text", "office", "expected"),
    [
        # under a U.S. office "1" is a trunk prefix: a number no area code accepts stays unread
        ("Washington press office, tel. (123) 456-7890", ("Washington", "US"), []),
        # no cue before it: a figure that starts with the code is no number
        ("IOM Dakar registered 221 869 41 20 households", ("Dakar", "SN"), []),
        # a Guatemalan mobile that starts with the code digits is read in the national plan
        ("Rosa Quiroa, IOM Guatemala, Cel. 5021 4567", ("Guatemala", "GT"), ["+50250214567"]),
    ],
)
def test_office_country_code_negatives(text: str, office: tuple[str, str], expected: list[str]) -> None:
    assert _under_office(text, *office) == expected


# --- 3. The mistyped U.S. prefix is repaired only under a U.S. or Canadian office ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mei Chen\nIOM Washington\nTel: +202 862 1855", [("+12028621855", True)]),
        ("Mei Chen, IOM Washington, Tel: +202 862 1855 ext. 12", [("+12028621855", True)]),
        # the same digits elsewhere are Egypt's as written
        ("Karim Saleh\nIOM Cairo\nTel: +202 862 1855", [("+2028621855", False)]),
        ("Talks in Washington ended.\n\nKarim Saleh\nIOM Cairo\nTel: +202 862 1855", [("+2028621855", False)]),
    ],
)
def test_us_repair_needs_a_us_office(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(hit.e164, hit.repaired) for hit in _hits(text, countries=("US",))] == expected


# --- 4. Prefixes, groupings and spacing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # "00" read as "+" whatever the region's own international prefix
        ("Contact: Tel 00 41 79 40 35 526", ("US",), ["+41794035526"]),
        ("Tel: 0041 22 717 9361", ("US",), ["+41227179361"]),
        ("Tel: ++41 22 717 9361", (), ["+41227179361"]),
        # alternates and ranges after a spaced prefix
        ("Tel: + 51 1 221 7209/12", (), ["+5112217209", "+5112217212"]),
        ("Tel: + 51 1 221 7209/12/15", (), ["+5112217209", "+5112217212", "+5112217215"]),
        ("Tel. +254-20-4444174/ 4444167", (), ["+254204444174", "+254204444167"]),
        # dotted groupings
        ("Tel: +34.91.445.7116", (), ["+34914457116"]),
        ("Tél. : 01.40.44.06.91", ("FR",), ["+33140440691"]),
        ("Tel: 202.862.1826", ("US",), ["+12028621826"]),
        # an area code and a slash
        ("Tel: 202/862-1826", ("US",), ["+12028621826"]),
        # digits spread with spaces after a cue
        ("Tel: + 2 5 4 2 0 4 4 4 4 1 7 4", (), ["+254204444174"]),
        ("Tel 0 4 4 7 2 1 2 3 4", ("NZ",), ["+6444721234"]),
        # a number glued to the word before it
        ("please call on+41 22 717 9111.", (), ["+41227179111"]),
        ("please call us at033316005", ("NZ",), ["+6433316005"]),
        ("our number-03 331 6005", ("NZ",), ["+6433316005"]),
    ],
)
def test_prefixes_groupings_and_spacing(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert _numbers(text, countries) == expected


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # an old Australian national form is not an international call
        ("Toll free 008 651 920", ("AU",)),
        # a date or a table of small figures is not spread digits
        ("Meeting on 01.12.2006 in Geneva", ("CH",)),
        ("Totals 0 4 4 7 2 1 2 3 4 by district", ("NZ",)),
        # glued on both sides, or after a capitalised code: a reference
        ("see ref0227179111xyz", ("CH",)),
        ("ABN12345678901", ("AU",)),
        # glued to a capitalised word (a name, an office): the word stays whole
        ("Wendy Levy-(06) 276 4966", ("AU",)),
        ("Jo Kim at IOM Nairobi+254 20 444 4174", ()),
        # a fraction and a document symbol are not an area code and a slash
        ("resolution 1325/2000 and A/RES/60/1", ()),
    ],
)
def test_prefix_and_grouping_negatives(text: str, countries: tuple[str, ...]) -> None:
    assert _numbers(text, countries) == []


# --- 5. An extension is never glued into the E.164 ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "e164", "extension"),
    [
        ("Tel: +34 91 445 7116 int. 231", "+34914457116", "231"),
        ("Tel: +41 22 717 9111 ext. 231/232", "+41227179111", "231"),
        ("Tel: +420 257 199 800 ext. 112/113, Email: x@iom.int", "+420257199800", "112"),
        ("Call +44 2034567890x456/x12 today", "+442034567890", "456"),
        ("Tel: +233 21 774 310 Ext. 214, Email: x@iom.int", "+23321774310", "214"),
        ("Tel: +66 (0) 2 343 9300 Ext 12", "+6623439300", "12"),
    ],
)
def test_extension_stays_out_of_the_number(text: str, e164: str, extension: str) -> None:
    hits = _hits(text)
    assert [(hit.e164, hit.extension) for hit in hits] == [(e164, extension)]
    assert not any(char.isalpha() for char in hits[0].raw)


# --- 6. With no region evidence a national number is read only when its reading is clear ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Media Contact: Steve Ingram (02) 6277 7860", ["+61262777860"]),
        ("Call 415-666-7777 today", ["+14156667777"]),
        # valid in no default region the release may point to: no answer
        ("Tel: (02) 858 1011", []),
    ],
)
def test_no_evidence_reading(text: str, expected: list[str]) -> None:
    assert _numbers(text) == expected
