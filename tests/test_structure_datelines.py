"""Datelines as IOM lays them out: alone in their paragraph, under a release label, with no
date, glued to the body, before the headline. Invented texts in the style of the releases."""

from __future__ import annotations

import pytest

from iom_nlp.data import load_json
from iom_nlp.rules.structure import StructureSettings, analyse

SETTINGS = StructureSettings.from_dict(load_json("structure.json"))
HEADLINE = "Water Points Restored in Flooded Districts"


@pytest.mark.parametrize(
    ("text", "place", "iso"),
    [
        # The dateline in a paragraph of its own; the body opens in the next one.
        (f"{HEADLINE}\n\nKHARTOUM, 3 April 2011\n\nIOM said today that teams reached the camps.", "Khartoum", "2011-04-03"),
        (f"{HEADLINE}\n\nLilongwe, 19 January 2015\nIOM has opened two clinics.", "Lilongwe", "2015-01-19"),
        (f"{HEADLINE}\n\nManila, March 8, 2009:\n\nThe Organization will fly 300 workers home.", "Manila", "2009-03-08"),
        (f"{HEADLINE}\n\nCox’s Bazar, Bangladesh, 2 May 2019\n\nHeavy rains hit the camps.", "Cox’s Bazar, Bangladesh", "2019-05-02"),
        # Not a place and a date alone on the line: a sentence, no place.
        (f"{HEADLINE}\n\nAmina, 3 April 2011 was the day she left home.", None, "2011-04-03"),
    ],
)
def test_a_dateline_in_a_paragraph_of_its_own_gives_the_place(text: str, place: str | None, iso: str) -> None:
    dateline = analyse(text, SETTINGS).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date) == (place, iso)
    assert text[dateline.start : dateline.end] == dateline.text


@pytest.mark.parametrize(
    ("text", "place", "iso", "title"),
    [
        (f"{HEADLINE}\nPRESS RELEASE\nJuba – IOM has delivered shelter kits.", "Juba", None, HEADLINE),
        (f"FOR IMMEDIATE RELEASE\n\n{HEADLINE}\n\nJuba – IOM has delivered shelter kits.", "Juba", None, HEADLINE),
        (f"{HEADLINE}\nFor Immediate Release\nDHAKA, 7 June 2012 – Teams are on the ground.", "Dhaka", "2012-06-07", HEADLINE),
        (f"{HEADLINE}\n\nJoint Press Release\n\nTripoli – IOM and partners met.", "Tripoli", None, HEADLINE),
        (f"{HEADLINE}\n\nPress Briefing Notes\nGeneva – IOM reports arrivals.", "Geneva", None, HEADLINE),
        (f"{HEADLINE}\nEMBARGOED UNTIL 10:00 GMT\nNairobi – A new survey shows.", "Nairobi", None, HEADLINE),
        # A date on its own line between the label and the place: the place takes it.
        (f"{HEADLINE}\nNews Release\n14 August 2014\nAmman – IOM opened a centre.", "Amman", "2014-08-14", HEADLINE),
        # The dateline above the headline, under the label.
        (f"FOR IMMEDIATE RELEASE\nGeneva, 3 April 2011\n{HEADLINE}\nIOM said today.", "Geneva", "2011-04-03", HEADLINE),
    ],
)
def test_a_dateline_after_a_release_label_gives_the_place(text: str, place: str, iso: str | None, title: str) -> None:
    structure = analyse(text, SETTINGS)
    assert structure.title is not None and structure.title.text == title
    assert structure.dateline is not None
    assert (structure.dateline.place, structure.dateline.date) == (place, iso)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (f"{HEADLINE}\n\nGeneva –\n\nIOM said today that teams reached the camps.", "Geneva"),
        (f"{HEADLINE}\n\nGeneva - \nIOM said today that teams reached the camps.", "Geneva"),
        (f"{HEADLINE}\n\nN’Djamena–A new project opened this week.", "N’Djamena"),
        (f"{HEADLINE}\n\nBamako— “We are ready,” said the mayor.", "Bamako"),
        (f"{HEADLINE}\n\nGeneva- The Organization warned today.", "Geneva"),
        (f"{HEADLINE}\n\nBRASÍLIA – A series of workshops opened.", "Brasília"),
        (f"{HEADLINE}\n\nYaoundé – IOM handed over equipment.", "Yaoundé"),
        (f"{HEADLINE}\n\nSan José — Officials met in the capital.", "San José"),
        # Places joined by a slash share the dateline.
        (f"{HEADLINE}\n\nDhaka/Cox’s Bazar – Teams moved to the camps.", "Dhaka/Cox’s Bazar"),
        (f"{HEADLINE}\n\nBrussels / Geneva – The two agencies met.", "Brussels / Geneva"),
    ],
)
def test_a_place_and_a_dash_without_a_date_give_the_place(text: str, place: str) -> None:
    dateline = analyse(text, SETTINGS).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date) == (place, None)
    assert text[dateline.start : dateline.end] == dateline.text


@pytest.mark.parametrize(
    "text",
    [
        # Capitalised words and a comma with no date: a second headline line, not a place.
        f"{HEADLINE}\n\nMigrants, Refugees Stranded – Aid Appeal Launched\nIOM said.",
        # A weekday with no date is not a place.
        f"{HEADLINE}\n\nFriday – IOM said the boats had left.",
        # The first paragraph is a sentence: a place line after it is no dateline.
        f"{HEADLINE}\n\nThe meeting opened in the morning.\nGeneva – IOM said.",
    ],
)
def test_no_dateline_place_from_a_line_that_is_not_one(text: str) -> None:
    dateline = analyse(text, SETTINGS).dateline
    assert dateline is None or dateline.place is None
