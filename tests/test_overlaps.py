"""The one overlap filter: the longest mention wins, as spaCy's ``filter_spans`` decides."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import filter_spans

from iom_nlp.rules.overlaps import keep_longest

NLP = spacy.blank("en")
DOC = NLP.make_doc(" ".join(f"w{i}" for i in range(40)))


def _pair(item: tuple[int, int]) -> tuple[int, int]:
    return item


@pytest.mark.parametrize(
    ("items", "kept"),
    [
        ([(0, 3), (1, 2)], [(0, 3)]),  # nested: the outer one
        ([(1, 2), (0, 3)], [(0, 3)]),  # order of input does not matter
        ([(0, 2), (1, 3)], [(0, 2)]),  # as long: the earlier
        ([(0, 2), (1, 4)], [(1, 4)]),  # crossing: the longer
        ([(0, 2), (2, 4)], [(0, 2), (2, 4)]),  # touching is no overlap
        ([(5, 5), (0, 1)], [(0, 1)]),  # empty dropped
        ([(0, 2), (0, 2)], [(0, 2)]),  # duplicates: one
        ([], []),
    ],
)
def test_longest_wins(items: list[tuple[int, int]], kept: list[tuple[int, int]]) -> None:
    assert keep_longest(items, _pair) == kept


def test_rank_breaks_ties_before_position() -> None:
    items = [("guess", 0, 4), ("gazetteer", 2, 6), ("ner", 10, 12), ("definition", 10, 12)]
    rank = {"gazetteer": 0, "definition": 1, "guess": 2, "ner": 3}
    kept = keep_longest(items, lambda item: (item[1], item[2]), rank=lambda item: rank[item[0]])
    assert [item[0] for item in kept] == ["gazetteer", "definition"]


def test_kept_items_come_in_text_order() -> None:
    items = [(20, 22), (0, 9), (10, 11)]
    assert keep_longest(items, _pair) == [(0, 9), (10, 11), (20, 22)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 38), st.integers(1, 6)), max_size=25))
def test_same_as_spacy_filter_spans(raw: list[tuple[int, int]]) -> None:
    pairs = [(start, min(start + length, len(DOC))) for start, length in raw]
    expected = [(span.start, span.end) for span in filter_spans([DOC[start:end] for start, end in pairs])]
    assert keep_longest(pairs, _pair) == sorted(expected)
