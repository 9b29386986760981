"""Organisations: a body's name that only names a building ("Parliament House, Canberra") is no
mention of the body; the body named on its own in the same release still is.

Invented letterheads and sentences in the style of Australian parliamentary and IOM releases.
"""

from __future__ import annotations

import pytest
from org_helpers import org_names
from spacy.language import Language

PARLIAMENT = "Parliament"  # the gazetteer's canonical name of the Australian Parliament


@pytest.mark.parametrize(
    "text",
    [
        "MEDIA RELEASE\nThe Hon. Jane Citizen MP\nParliament House, Canberra ACT 2600\n\nNew settlement grants were announced today.",
        "Senator Brown spoke at a seminar in NSW Parliament House today, organised by refugee advocates.",
        "Suite MG-42 Parliament House Canberra ACT 2600 | Phone: 02 6277 0000",
        "The reception will be held at Parliament House on Tuesday evening, Australia's Minister said.",
        "Senator Jane Sample Parliament House Canberra ACT 2600\nTelephone (02) 6277 0000",
        "A vigil on the Parliament House Lawns drew two hundred people, Australia's refugee groups said.",
        "Government House Sydney hosted the citizenship ceremony for 40 Australians.",
    ],
)
def test_a_building_named_after_a_body_is_not_the_body(rules_nlp: Language, nlp: Language, text: str) -> None:
    for pipeline in (rules_nlp, nlp):
        names = org_names(pipeline, text)
        assert PARLIAMENT not in names
        assert not any("House" in name for name in names)  # nor is the building itself a body


@pytest.mark.parametrize(
    "text",
    [
        "Parliament House, Canberra ACT 2600\n\nThe Minister told Parliament today that Australia's programme would grow.",
        "The Prime Minister misled Parliament last week, Senator Smith of Australia said.",
        "Australia's Parliament passed the bill on Thursday after a long debate.",
    ],
)
def test_the_body_itself_is_still_found(rules_nlp: Language, text: str) -> None:
    assert PARLIAMENT in org_names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("The White House said on Monday that the talks would go on.", "White House"),
        ("Officials of the House of Representatives Committee on Foreign Affairs met IOM.", "House of Representatives"),
    ],
)
def test_bodies_named_house_are_not_buildings(rules_nlp: Language, text: str, present: str) -> None:
    assert any(present in name for name in org_names(rules_nlp, text))
