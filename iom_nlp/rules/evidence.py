"""What the rules found, as per-token features for the trained organisation recogniser.

The recogniser learns boundaries the rules cannot write down, and the rules know what a model
cannot (the gazetteer, acronym definitions, vetoes). Rather than combine the two after the fact
with thresholds (which saturated: the losses were in choosing between candidates, not in
finding them), the rules' own organisations are given to the model as token features, so that
it learns from annotated releases when the rules are right and when to trust its own span.

Per token, :data:`FEATURES` columns of 0/1: where the token sits in a rule span (begin,
inside, last, unit), whether its neighbours are in one (so the model sees a rule span running
on past its own boundary), and which kind of rule found the span.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import numpy
from numpy.typing import NDArray

SOURCES: Final = ("gazetteer", "definition", "pattern", "ner")
FEATURES: Final = ("begin", "inside", "last", "unit", "after_span", "before_span", *(f"source_{source}" for source in SOURCES))
_COLUMN: Final = {name: index for index, name in enumerate(FEATURES)}


def token_features(n_tokens: int, spans: Iterable[tuple[int, int, str]]) -> NDArray[numpy.float32]:
    """A ``(n_tokens, len(FEATURES))`` matrix for rule spans given as (start token, end token
    (exclusive), source); spans outside ``0..n_tokens`` are clipped, empty ones ignored, and a
    token in two spans carries both spans' features."""
    out = numpy.zeros((n_tokens, len(FEATURES)), dtype=numpy.float32)
    for start, end, source in spans:
        start, end = max(start, 0), min(end, n_tokens)
        if end <= start:
            continue
        if end - start == 1:
            out[start, _COLUMN["unit"]] = 1.0
        else:
            out[start, _COLUMN["begin"]] = 1.0
            out[end - 1, _COLUMN["last"]] = 1.0
            out[start + 1 : end - 1, _COLUMN["inside"]] = 1.0
        if end < n_tokens:
            out[end, _COLUMN["after_span"]] = 1.0
        if start > 0:
            out[start - 1, _COLUMN["before_span"]] = 1.0
        column = _COLUMN.get(f"source_{source}")
        if column is not None:
            out[start:end, column] = 1.0
    return out
