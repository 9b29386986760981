"""Phone edge cases by class (issues 12, 13 and 16): exact mentions, regions the release points to,
alternate endings and extensions, scripts and spacing, things that are not phones, bad input.

All cases are invented; the rule functions are called with the packaged ``models/phones.json``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.phones import PhoneHit, PhoneSettings, find_phones, fold_text, infer_regions

RAW: dict[str, Any] = load_json("phones.json")
SETTINGS_VALUES: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value for key, value in RAW.items()}
SETTINGS = PhoneSettings(**SETTINGS_VALUES)
LETTER = re.compile(r"[^\W\d_]")


def _hits(text: str, countries: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> list[PhoneHit]:
    regions = infer_regions(text, SETTINGS, country_evidence=countries, place_evidence=places)
    return find_phones(text, regions, SETTINGS)


# --- 1. A mention covers the number only (issue 13 Phones 1, issue 16 deliverable 6) ------------


@pytest.mark.parametrize(
    ("text", "countries", "raw", "e164"),
    [
        ("Tel:022 717 9111", ("CH",), "022 717 9111", "+41227179111"),
        ("Tel:+41 22 717 9111.Fax", (), "+41 22 717 9111", "+41227179111"),
        ("Ph:(02) 6277 7500", ("AU",), "(02) 6277 7500", "+61262777500"),
        ("Mobile:0412 345 678,Email: a@b.org", ("AU",), "0412 345 678", "+61412345678"),
        ("Office:+1 202 555 0147;", ("US",), "+1 202 555 0147", "+12025550147"),
        ("T:+254 20 444 4174E", (), "+254 20 444 4174", "+254204444174"),
        ("Tel: +1 202 862 1826 x.225", ("US",), "+1 202 862 1826", "+12028621826"),
        ("Tel (02) 9876 5432~7", ("AU",), "(02) 9876 5432", "+61298765432"),
        ("هاتف: +٩٦٢ ٦ ٥٦٥ ٩٢١٧", ("JO",), "+٩٦٢ ٦ ٥٦٥ ٩٢١٧", "+96265659217"),
        ("電話：０３-１２３４-５６７８", ("JP",), "０３-１２３４-５６７８", "+81312345678"),
    ],
)
def test_mention_covers_the_number_only(text: str, countries: tuple[str, ...], raw: str, e164: str) -> None:
    hits = _hits(text, countries)
    assert [(hit.raw, hit.e164) for hit in hits] == [(raw, e164)]
    hit = hits[0]
    assert text[hit.start : hit.end] == hit.raw
    assert not LETTER.search(hit.raw)


def test_extension_kept_outside_the_mention() -> None:
    hits = _hits("Tel: +1 202 862 1826 x.225", ("US",))
    assert [(hit.raw, hit.extension) for hit in hits] == [("+1 202 862 1826", "225")]


# --- 2. No number from a region the release does not point to (issue 13 Phones 2) -------------


@pytest.mark.parametrize(
    ("text", "countries", "places", "expected"),
    [
        # a city points to its country, and evidence beats a foreign plan that groups the digits "better"
        ("Jane Doe, IOM Geneva, Tel: 022 739 8111", (), (), ["+41227398111"]),
        ("Tel: 022 717 9111", ("CH",), (), ["+41227179111"]),
        ("Contact the office in Melbourne: (03) 9416 1721", (), (), ["+61394161721"]),
        # a mistyped U.S. number that no area code accepts is not British or Irish
        ("Washington press office, tel. (123) 456-7890", ("US",), (), []),
        ("Call our Boston office on 011 4567 8901", ("US",), (), []),
        # a Swiss release: a number only a New Zealand plan accepts is not read
        ("IOM Geneva. Tel: 020 7946 0958", ("CH",), (), []),
        # an Australian number from before 1996 (old 8-digit plan): the office's country, valid=False
        ("call the Senator in Canberra on (06) 277 3643", (), (), ["+6162773643"]),
        # an old number with no office before it is dropped, never read in the most named country
        ("Aid to Viet Nam and Laos.\n\nCONTACT: Jo Bloggs\n\nPH: 062 72.6817", ("VN", "LA", "AU"), (), []),
        ("China's policy.\n\nFurther information: (02) 6277 4349", ("CN", "AU"), (), ["+61262774349"]),
        # ... but read in the release's home region (its places and domains) when it has one
        ("Parliament House, Canberra\n\nAid to Viet Nam.\n\nPH: 062 72.6817", ("VN", "AU"), (), ["+6162726817"]),
        ("Aid to Viet Nam.\n\nPH: (062) 72 6817 e: jo@dfat.gov.au", ("VN",), (), ["+6162726817"]),
        # weak evidence words count: a Senator's release about Thailand is still Australian
        (
            "Senator Example urged help for refugees in Thailand.\n\nMedia Contact - Jo Bloggs 0417 174 302",
            ("TH", "MM"),
            (),
            ["+61417174302"],
        ),
        # international numbers need no evidence
        ("Tel: +44 20 7946 0958", ("US",), (), ["+442079460958"]),
        # no evidence at all: the default regions are still read
        ("Call 0412 345 678 today", (), (), ["+61412345678"]),
    ],
)
def test_no_region_the_release_does_not_point_to(
    text: str, countries: tuple[str, ...], places: tuple[str, ...], expected: list[str]
) -> None:
    hits = _hits(text, countries, places)
    assert [hit.e164 for hit in hits] == expected
    regions = infer_regions(text, SETTINGS, country_evidence=countries, place_evidence=places)
    for hit in hits:
        assert hit.region is None or hit.region in regions.evidenced or not regions.evidenced or hit.raw.startswith("+")


def test_unverified_number_keeps_no_region() -> None:
    hits = _hits("call the Senator in Canberra on (06) 277 3643")
    assert [(hit.valid, hit.region) for hit in hits] == [(False, None)]


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        (
            "The UK, Denmark and France offer packages.\n\nMedia contact: Jo Bloggs, Sydney, 0419 278 715",
            ("AU", "GB", "DK", "FR"),
            ["+61419278715"],
        ),
        # the office on the number's line, or on the line before it in a contact block, decides
        ("Jane Doe, IOM Geneva, Tel: 022 739 8111", ("NZ", "CH"), ["+41227398111"]),
        ("Jane Doe\nIOM Geneva\nTel: 022 739 8111", ("NZ", "CH"), ["+41227398111"]),
        # a person called Paris does not make an Australian mobile French
        ("Jobs in France.\n\nMEDIA CONTACT: PARIS LORD 0427 604 760", ("AU", "FR"), ["+61427604760"]),
        # a city that ends a sentence in the body is not an office
        ("The talks in Geneva ended.\nInquiries: Chris Kenny 02-6277 7500", ("AU", "CH"), ["+61262777500"]),
        ("Talks in Geneva.\n\nInquiries: Jo Bloggs 0419 206 890", ("AU", "CH"), ["+61419206890"]),
    ],
)
def test_office_named_before_the_number(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text, countries)] == expected


# --- 3. Alternate endings, joined numbers, extensions, spacing and scripts (issue 13 Phones 3) ---


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("Tel: +254 20 444 4174/167", (), ["+254204444174", "+254204444167"]),
        ("Tel: +41 22 717 9111/12", (), ["+41227179111", "+41227179112"]),
        ("Tel: +41 22 717 53 59/60, Fax", (), ["+41227175359", "+41227175360"]),
        ("Tel: +961 1 752 174/167, Mobile: +961 3 417 285", (), ["+9611752174", "+9611752167", "+9613417285"]),
        ("Tel: +216 29 417 886 / +218 91 380 2264", (), ["+21629417886", "+218913802264"]),
        ("Contacts: Ann Lee 0400 510 802 / Bob Roy 0432 833 769", ("AU",), ["+61400510802", "+61432833769"]),
        ("Mob 0400 510 802/0432 833 769", ("AU",), ["+61400510802", "+61432833769"]),
        ("MEDIA\u00a0CONTACT:\u00a0JO\u00a0BLOGGS\u00a00427\u00a0604\u00a0760", ("AU",), ["+61427604760"]),
        ("Tel:\u202f+41\u202f22\u202f717\u202f9111", (), ["+41227179111"]),
        ("電話: ０３-１２３４-５６７８", ("JP",), ["+81312345678"]),
        ("Tel: ۰۲۱ ۸۸۷۷ ۶۶۵۵", ("IR",), ["+982188776655"]),
        ("Call 1300 301 879 or 1800 688 964", ("AU",), ["+611300301879", "+611800688964"]),
        ("Ph 02/6277 7260 or 0439 300 335", ("AU",), ["+61262777260", "+61439300335"]),
        ("Tel. 022/717 91 11", ("CH",), ["+41227179111"]),
        ("Ph: (02) 6277 3430/ Fx: (02) 6277 5819", ("AU",), ["+61262773430", "+61262775819"]),
    ],
)
def test_alternates_joined_numbers_and_scripts(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    hits = _hits(text, countries)
    assert [hit.e164 for hit in hits] == expected
    for hit in hits:
        assert text[hit.start : hit.end] == hit.raw
        assert not LETTER.search(hit.raw)


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("Tel: (02) 9876 5432/x7", "7"),
        ("Tel: (02) 9876 5432 / ext. 12", "12"),
        ("Tel: (02) 9876 5432~7", "7"),
        ("Tel: (02) 9876 5432 ~ 345", "345"),
        ("Tel: (02) 9876 5432 ext 4410", "4410"),
        ("Tel: (02) 9876 5432 x 8", "8"),
        ("Tel: (02) 9876 5432", None),
        ("Tel: (02) 9876 5432 / 0412 345 678", None),
    ],
)
def test_extensions(text: str, extension: str | None) -> None:
    hits = _hits(text, ("AU",))
    assert hits[0].e164 == "+61298765432"
    assert hits[0].extension == extension
    assert hits[0].raw == "(02) 9876 5432"


# --- Australian numbers: 13 numbers, local numbers without their area code ----------------------


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("Call 13 14 50 for an interpreter", ("AU",), ["+61131450"]),
        ("For bookings phone 131 450.", ("AU",), ["+61131450"]),
        ("Tel: 132 500 or 1300 301 879", ("AU",), ["+61132500", "+611300301879"]),
        # six digits with no cue, or outside Australia, are figures
        ("The vote was 13 14 50 in favour", ("AU",), []),
        ("Call 13 14 50 now", ("US",), []),
        ("Phone 13 14 50 62 71", ("AU",), []),
        # a local number takes the area code of the city named before it
        ("the CFMEU office in Port Melbourne on 9416 1721 or 0414 765 613", ("AU",), ["+61394161721", "+61414765613"]),
        ("Brisbane electorate office: 3252 7101", ("AU",), ["+61732527101"]),
        ("Media contact: Jo Bloggs 9416 1721", ("AU",), []),
    ],
)
def test_australian_short_and_local_numbers(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text, countries)] == expected


# --- 4. Not phones (issue 13 Phones 4) -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ref0227179111xyz",
        "Case REF0412345678ABC closed",
        "ABN12345678901",
        "11.2 - 22.61 - 24.05",
        "Rates: 11.25 - 22.61 - 24.05 - 30.17 per cent",
        "1989-2019 200",
        "Figures for 2001-2019 2003 were revised",
        "1990 – 2015 4000 arrivals",
        "See A/RES/73/1951234 and S/2019/1234567.",
        "Dated 24/05/2002 at 06:22 PM",
        "Arrivals 1975 2003 and departures",
        "Tel 0412 345 678/ABC",
        "Interdisciplinary Essays 31.1 (1998) 64-73.",
        "The Second Byte, 29 Aug 200 53-54.",
        "India 33 2 1 0 36\nFiji 26 11 3 2 42",
        "07118/9712:33:14",
        "CHILD PLACES 220 35-80 L. 75",
        "ProductId=DFES-00045-2007",
    ],
)
def test_not_phones(text: str) -> None:
    assert _hits(text, ("AU", "US", "CH")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel0227179111", ["+41227179111"]),
        ("T+41 22 717 9111", ["+41227179111"]),
        ("Tel: 022 717 9111 ref", ["+41227179111"]),
    ],
)
def test_cue_glued_to_a_number_is_still_a_phone(text: str, expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text, ("CH",))] == expected


# --- 5. Bad input: lone surrogates (issue 13 Input 12) -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x\ud800 Tel: 0427 604 760",
        "Tel: 0427\ud800604 760",
        "\udcff\udcfe+41 22 717 9111\udc80",
        "\ud83d",
        "Tel:\udfff",
        "0427 604 760\ud800/12",
        "\ud800" * 50 + "1234567",
        "ref\ud8000227179111",
    ],
)
def test_lone_surrogate_does_not_raise(text: str) -> None:
    hits = _hits(text, ("AU",))
    for hit in hits:
        assert text[hit.start : hit.end] == hit.raw


def test_fold_keeps_length() -> None:
    text = "\u00a0٠١٢\ud800０３－\u2028"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded == " 012\ufffd03-\n"


# --- through the pipeline: the Release's offsets are the number's, not the token's -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "IOM Geneva. For more information contact Jane Doe, Tel:022 717 9111, Mobile:+41 79 123 45 67.Fax",
            [("+41227179111", "022 717 9111"), ("+41791234567", "+41 79 123 45 67")],
        ),
        ("IOM Amman. Contact: Rana Example, Tel:+٩٦٢ ٦ ٥٦٥ ٩٢١٧", [("+96265659217", "+٩٦٢ ٦ ٥٦٥ ٩٢١٧")]),
        ("IOM Tokyo. 電話：０３-１２３４-５６７８", [("+81312345678", "０３-１２３４-５６７８")]),
        ("IOM Canberra\nMEDIA\u00a0CONTACT:\u00a0Jo\u00a0Bloggs\u00a00427\u00a0604\u00a0760", [("+61427604760", "0427\u00a0604\u00a0760")]),
    ],
)
def test_release_mentions_are_exact(rules_nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    release = iom_nlp.to_release(rules_nlp(text))
    assert sorted((phone.e164, phone.raw) for phone in release.phones) == sorted(expected)
    for phone in release.phones:
        assert text[phone.start : phone.end] == phone.raw
        assert not LETTER.search(phone.raw)
        for mention in phone.mentions:
            assert text[mention.start : mention.end] == mention.text == phone.raw


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        (
            "Joanna Example Joanna Example Joanna Example Joanna Example ph (03)  ph (03)  ph (03)  ph (03) "
            "9123 9123 9123 9123 4 4  4 4567 567 567 567",
            "+61391234567",
        ),
        (
            "Joanna Example Joanna Example Joanna Example Joanna Example Tel (02)  Tel (02)  Tel (02)  Tel (02) "
            "6277 6277 6277 6277 7 7  7 7500 500 500 500",
            "+61262777500",
        ),
    ],
)
def test_overprinted_mention_holds_no_letter(text: str, e164: str) -> None:
    hits = _hits(text, ("AU",))
    assert [hit.e164 for hit in hits] == [e164]
    assert text[hits[0].start : hits[0].end] == hits[0].raw
    assert not LETTER.search(hits[0].raw)
