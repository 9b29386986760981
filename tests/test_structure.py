from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.structure import DATE, StructureSettings, analyse, parse_date, place_as_written

SETTINGS = StructureSettings.from_dict(load_json("structure.json"))


@pytest.mark.parametrize(
    ("text", "place", "iso"),
    [
        ("Big News For The Region\nGENEVA, 12 May 2020 – IOM said today", "Geneva", "2020-05-12"),
        ("Big News For The Region\nGeneva – IOM said today", "Geneva", None),
        ("Big News For The Region\n(18 February 2010) The meeting opened.", None, "2010-02-18"),
        ("Big News For The Region\nThe meeting opened.\n17 December 2008", None, "2008-12-17"),
        ("Big News For The Region\nPORT OF SPAIN, 14 March 2024 – Delegations met.", "Port of Spain", "2024-03-14"),
        ("Big News For The Region\nN'DJAMENA, 2 June 2021 – Teams deployed.", "N'Djamena", "2021-06-02"),
        ("Big News For The Region\nDAR ES SALAAM, 5 July 2019 – Talks opened.", "Dar es Salaam", "2019-07-05"),
        ("Big News For The Region\nCOX'S BAZAR, 1 May 2018 – Rains came.", "Cox's Bazar", "2018-05-01"),
        ("MINISTER FOR FOREIGN AFFAIRS  Senator the Hon. Bob Carr  April 22, 2013", None, "2013-04-22"),
        ("Media Release\nMonday, 16 May 2011\nText.", None, "2011-05-16"),
        ("Contact Richard Wise  03 9650 7274  24/05/2002", None, "2002-05-24"),
        ("West Papuans deserve protection   Senator Nettle, 23rd March 2006", None, "2006-03-23"),
    ],
)
def test_datelines(text: str, place: str | None, iso: str | None) -> None:
    dateline = analyse(text, SETTINGS).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date) == (place, iso)
    assert text[dateline.start : dateline.end] == dateline.text


@pytest.mark.parametrize("text", ["31 February 2010", "13/13/2010"])
def test_impossible_dates_are_not_parsed(text: str) -> None:
    match = DATE.search(text)
    assert match is not None and parse_date(match) is None


def test_navigation_and_furniture_are_boilerplate() -> None:
    text = (
        "-\nWho we are\nWHO WE AREThe blurb about us.\nPartnerships\nPartnerships\n"
        "Real Headline About Migration\nBody text.\nPage 2\n-ends-\n"
    )
    structure = analyse(text, SETTINGS)
    marked = {text[start:end] for _, start, end in structure.zones}
    assert {"-", "Who we are", "WHO WE AREThe blurb about us.", "Partnerships", "Page 2", "-ends-"} <= marked
    assert "Body text." not in marked
    assert structure.title is not None and structure.title.text == "Real Headline About Migration"


def test_seed_structure(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.extract(seed_text, nlp=nlp)
    assert release.title == "Caribbean Regional Meeting on Counter-Trafficking Strategies"
    kinds = [zone.kind for zone in release.zones]
    assert kinds.count("title") == 1 and kinds.count("body") == 1 and kinds.count("contact") == 1
    navigation = [seed_text[zone.start : zone.end] for zone in release.zones if zone.kind == "boilerplate"]
    assert "Partnerships" in navigation and "Take Action" in navigation
    contact = next(zone for zone in release.zones if zone.kind == "contact")
    assert seed_text[contact.start : contact.end].startswith("Chissey Mueller")
    assert seed_text[contact.start : contact.end].endswith("npineiro@iom.int")
    assert not any("Partnerships" in org.name for org in release.organizations)


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        # The release's own spelling in its body wins over folding the capitals.
        ("MCALLEN – Shelters in McAllen opened.", "MCALLEN", "McAllen"),
        ("ST. JOHN'S – Crews reached St. John's overnight.", "ST. JOHN'S", "St. John's"),
        # No other mention: fold word by word, particles low, elided articles kept.
        ("BOBO-DIOULASSO – Crews arrived.", "BOBO-DIOULASSO", "Bobo-Dioulasso"),
        ("PORT OF SPAIN – Delegations met.", "PORT OF SPAIN", "Port of Spain"),
        ("N’DJAMENA – Teams deployed.", "N’DJAMENA", "N’Djamena"),
        # Mixed case is already the place's own case.
        ("Port-au-Prince – Teams deployed.", "Port-au-Prince", "Port-au-Prince"),
    ],
)
def test_dateline_place_in_its_own_case(text: str, place: str, expected: str) -> None:
    assert place_as_written(text, place, len(place), SETTINGS.place_lowercase_words) == expected


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("Aid Reaches Flood Areas\n\nFri, 14/09/2019 - 10:20\n\nMaputo – IOM has delivered tents.", "Maputo", "2019-09-14"),
        ("Aid Reaches Flood Areas\n\nTuesday, 3 March 2020\n\nDHAKA – IOM opened a clinic in the camps.", "Dhaka", "2020-03-03"),
        ("Aid Reaches Flood Areas\n\nWed, 12 May 2021 - 09:00\n\nIOM has delivered tents in the north.", None, "2021-05-12"),
        ("Aid Reaches Flood Areas\n\nGeneva, 14 May 2020 – IOM has delivered tents.", "Geneva", "2020-05-14"),
    ],
)
def test_a_weekday_is_a_date_never_the_place(text: str, place: str | None, date: str) -> None:
    settings = StructureSettings.from_dict(load_json("structure.json"))
    dateline = analyse(text, settings).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date) == (place, date)
