"""Which organisation candidates to keep where the rules and the trained recogniser offer
overlapping ones: a logistic model over a few features of each candidate, fitted on annotated
releases no recogniser was trained on.

Thresholds alone (accept a model span at p, let it overrule the rules' boundaries at q) treat
every candidate alike; a sweep of them moved F1 by ±.002 on unseen releases while choosing the
right candidate among those offered would gain about .1 (``training/selector.py --oracle``).
What tells candidates apart is more than the model's probability: whether the rules found the
same boundaries, whether the name has a head word ("Council"), is an acronym, recurs in the
release. :class:`Selector` weighs those; :func:`select` keeps, among overlapping candidates,
the likeliest, and none below the threshold. The weights are data
(``models/org_combination.json``, key ``selector``), fitted by :func:`fit` (Newton's method,
L2-regularised) from ``training/selector.py``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy

# Every feature a candidate has (0.0 or 1.0 unless said otherwise); "bias" is always 1.0.
FEATURES: tuple[str, ...] = (
    "bias",
    "pattern",  # a head-word rule found it
    "ner",  # the base model's ORG entity
    "model",  # only the trained recogniser proposed it
    "probability",  # the recogniser's probability of exactly this span (0.0 if never offered)
    "overlap",  # the highest probability of another recogniser span overlapping it
    "agreed",  # a rule and the recogniser found exactly these boundaries
    "head",  # a head word ("Ministry", "Red Cross") in it
    "acronym",  # one word in capitals ("UNHCR")
    "long",  # more than four words
    "repeated",  # its surface occurs more than once in the release
    "joined",  # "and" or "&" inside it
)

Item = TypeVar("Item")


@dataclass(frozen=True)
class Selector:
    """``weights``: a logistic weight per feature name (missing: 0.0); ``threshold``: the
    lowest probability a kept candidate has; ``fitted_on``: a note of the data."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    fitted_on: str = ""

    def __post_init__(self) -> None:
        unknown = sorted(set(self.weights) - set(FEATURES))
        if unknown:
            raise ValueError(f"selector weights name unknown features {unknown}; expected some of {list(FEATURES)}")
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"selector threshold must be in [0, 1], got {self.threshold!r}")

    def probability(self, features: Mapping[str, float]) -> float:
        """How likely a candidate with ``features`` is a body as the annotators would mark it."""
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidate_features(
    surface: str, source: str, *, exact: float, overlap: float, agreed: bool, head: bool, repeated: bool
) -> dict[str, float]:
    """The features of one candidate (see :data:`FEATURES`); ``source`` is "pattern", "ner" or "model"."""
    words = surface.split()
    return {
        "bias": 1.0,
        "pattern": float(source == "pattern"),
        "ner": float(source == "ner"),
        "model": float(source == "model"),
        "probability": exact,
        "overlap": overlap,
        "agreed": float(agreed),
        "head": float(head),
        "acronym": float(len(words) == 1 and len(surface) > 1 and surface.isupper()),
        "long": float(len(words) > 4),
        "repeated": float(repeated),
        "joined": float(any(word in ("and", "&") for word in words)),
    }


def select(scored: Sequence[tuple[int, int, float, Item]], threshold: float) -> list[Item]:
    """The likeliest candidates that overlap no likelier one, none below ``threshold``;
    ``scored`` holds (start, end, probability, item). Ties go to the longer span, then the earlier."""
    ranked = sorted((row for row in scored if row[2] >= threshold), key=lambda row: (-row[2], -(row[1] - row[0]), row[0]))
    kept: list[tuple[int, int, float, Item]] = []
    for row in ranked:
        if all(row[1] <= other[0] or other[1] <= row[0] for other in kept):
            kept.append(row)
    return [row[3] for row in sorted(kept, key=lambda row: row[0])]


def fit(rows: Sequence[tuple[Mapping[str, float], bool]], l2: float = 1.0, iterations: int = 50) -> dict[str, float]:
    """Logistic regression by Newton's method with an L2 penalty ``l2`` on every weight but the
    bias (a feature nobody has keeps weight 0.0; a feature that separates the data perfectly
    stays finite)."""
    if not rows:
        raise ValueError("no candidates to fit the selector on: annotate releases first (training/README.md)")
    x = numpy.array([[features.get(name, 0.0) for name in FEATURES] for features, _ in rows], dtype=float)
    y = numpy.array([1.0 if right else 0.0 for _, right in rows])
    penalty = numpy.full(len(FEATURES), l2)
    penalty[FEATURES.index("bias")] = 1e-6
    w = numpy.zeros(len(FEATURES))
    for _ in range(iterations):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + numpy.diag(penalty)
        step = numpy.linalg.solve(hessian, gradient)
        w -= step
        if float(numpy.abs(step).max()) < 1e-8:
            break
    return {name: round(float(weight), 4) for name, weight in zip(FEATURES, w, strict=True)}

