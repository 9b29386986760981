from __future__ import annotations

import pytest

from iom_nlp.rules.overprint import collapse, repetition_factor

OVERPRINTED = (
    "Jane Sample Jane Sample Jane Sample ph (02)  ph (02)  ph (02) 5550 5550 5550 1 1 1234 234 234 or 04  or 04  or 0412 12 12 345 345 345"
)


def test_overprinted_line_is_detected_and_collapsed() -> None:
    factor = repetition_factor(OVERPRINTED)
    assert factor == 3
    collapsed = collapse(OVERPRINTED, factor)
    assert "ph (02) 5550 1234 or 0412 345" in collapsed.text


def test_every_kept_character_points_to_itself() -> None:
    collapsed = collapse(OVERPRINTED, 3)
    for char, origin in zip(collapsed.text, collapsed.origins, strict=True):
        if origin >= 0:
            assert OVERPRINTED[origin] == char


@pytest.mark.parametrize(
    "line",
    ["Media Contact: Steve Ingram (02) 6277 7860", "the the the", "Partnerships Partnerships Highlights", "", "ha ha ha ha"],
)
def test_ordinary_lines_are_not_overprinted(line: str) -> None:
    assert repetition_factor(line) == 0
