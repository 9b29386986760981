"""The countries component's time grows linearly with the text (issue 14).

Two shapes once grew faster than the text: every person-risk match ("Chad", "Jordan") asked
the Doc whether it had entities (a scan of the whole Doc per match), and every ambiguous
"Congo" counted its cue words over the whole text. Per-document facts are now computed once
per document. The test compares the cost per character at n and 4n characters (median of
three runs, CPU time of this process), with only the sentencizer and ``iom_countries``
running; linear code keeps the ratio near 1, quadratic code near 4. No absolute time is asserted.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from timing import cpu_seconds

MAX_COST_RATIO = 2.5
SIZE = 12_000

SHAPES = {
    "Congo repeated": "Congo ",
    "Congolese and Georgia repeated": "Congolese families in Georgia. ",
    "person-risk names": "Chad Smith met Jordan Lee and Georgia Brown in Jordan. ",
    "demonyms in capitals": "KENYAN AND SOMALI FAMILIES RETURN HOME WITH US. ",
    "lists of demonyms and languages": "Guineans, Malians, Ivorians and Malagasy, in Dutch, English and Spanish. ",
    "government names": "the Russian government and the Australian Government said. ",
    "names across spaces and glued tokens": "Christmas\u00a0Island, New\n\nZealand and U.S.-Kuwait talks. ",
    "CAR in capitals": "CAR BOMB IN CAR CITY. ",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(nlp: Language, text: str) -> float:
    return cpu_seconds(lambda: nlp(text))



@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_countries_time_grows_linearly(rules_nlp: Language, shape: str) -> None:
    enabled = [name for name in rules_nlp.pipe_names if name in {"sentencizer", "iom_countries"}]
    with rules_nlp.select_pipes(enable=enabled):
        rules_nlp(_text(SHAPES[shape], SIZE))  # warm caches before timing
        small = _seconds(rules_nlp, _text(SHAPES[shape], SIZE))
        large = _seconds(rules_nlp, _text(SHAPES[shape], 4 * SIZE))
    ratio = (large / (4 * SIZE)) / (max(small, 1e-4) / SIZE)
    assert ratio < MAX_COST_RATIO, f"{shape}: cost per character grew {ratio:.2f}x for 4x the text"
