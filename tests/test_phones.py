from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.phones import PhoneSettings, find_phones, grouping_matches, infer_regions

RAW = load_json("phones.json")
SETTINGS = PhoneSettings(**{key: tuple(value) if isinstance(value, list) else value for key, value in RAW.items()})


def _numbers(text: str) -> list[str]:
    return [hit.e164 for hit in find_phones(text, infer_regions(text, SETTINGS), SETTINGS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Media Contact: Steve Ingram (02) 6277 7860", ["+61262777860"]),
        ("Further information: Ben Oquist 0419704095", ["+61419704095"]),
        ("Contact: Kate Walshe on 0411 472 299", ["+61411472299"]),
        ("please contact Laurie Ferguson (02) 6277 4920 or 0418 601  716.", ["+61262774920", "+61418601716"]),
        ("t: 07 3252 7101  local call cost (Qld): 1300 301 879  f: 07 3252 8957", ["+61732527101", "+611300301879", "+61732528957"]),
        ("Tel: +41 22 717 9111", ["+41227179111"]),
        ("Call +44 20 7946 0958 today", ["+442079460958"]),
        ("Washington office: (202) 862-1826", ["+12028621826"]),
    ],
)
def test_find_phones_without_a_region(text: str, expected: list[str]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MPS 132/2001 was released on 24/05/2002.",
        "In 2002-03 the program cost $30 million, up 15 per cent.",
        "See resolution A/RES/73/195 and Resolution 2334 of 2016.",
        "Last modified 01-05-2006 06:22 PM",
        "ISBN 978-3-16-148410-0",
        "Between 1947 and 1987, 12,000 places were offered.",
    ],
)
def test_no_phones_from_dates_money_and_symbols(text: str) -> None:
    assert _numbers(text) == []


def test_mistyped_us_prefix_is_repaired() -> None:
    text = "Niurka Piñeiro\nIOM Washington\nTel: +202 862 1826 x.225\nin the United States"
    hits = find_phones(text, infer_regions(text, SETTINGS, country_evidence=["US"]), SETTINGS)
    assert [(hit.e164, hit.extension, hit.repaired, hit.valid) for hit in hits] == [("+12028621826", "225", True, True)]


def test_mistyped_prefix_kept_as_written_without_us_evidence() -> None:
    text = "Tel: +202 862 1826"
    hits = find_phones(text, infer_regions(text, SETTINGS), SETTINGS)
    assert all(not hit.repaired for hit in hits)


def test_historic_number_is_kept_invalid() -> None:
    text = "Chissey Mueller\nTel +599 545 2115"
    hits = find_phones(text, infer_regions(text, SETTINGS), SETTINGS)
    assert [(hit.e164, hit.valid, hit.region) for hit in hits] == [("+5995452115", False, "SX")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Fax (02) 6277 8577", "fax"),
        ("f: 07 3252 8957", "fax"),
        ("Mob: 0419 278 715", "mobile"),
        ("Tel (02) 6277 4345", "phone"),
        ("Steve Ingram (02) 6277 7860", "phone"),
    ],
)
def test_kind_from_cue(text: str, kind: str) -> None:
    hits = find_phones(text, infer_regions(text, SETTINGS, country_evidence=["AU"]), SETTINGS)
    assert [hit.kind for hit in hits] == [kind]


def test_grouping_tells_regions_apart() -> None:
    import phonenumbers

    assert grouping_matches("(02) 6277 7860", phonenumbers.parse("(02) 6277 7860", "AU"))
    assert not grouping_matches("(02) 6277 7860", phonenumbers.parse("(02) 6277 7860", "ID"))


def test_region_inferred_from_domain_and_capital() -> None:
    text = "Parliament House, Canberra. e: jo@aph.gov.au"
    assert infer_regions(text, SETTINGS, place_evidence=["AU"]).ranked[0] == "AU"


def test_component_on_seed(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.to_release(nlp(seed_text))
    assert sorted(phone.e164 for phone in release.phones) == ["+12028621826", "+5995452115"]
    for phone in release.phones:
        assert seed_text[phone.start : phone.end] == phone.raw
