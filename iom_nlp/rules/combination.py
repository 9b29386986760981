"""How the trained recogniser's spans and the hand-written rules make one list of bodies,
and how sure each mention is.

The model proposes names with a probability; the rules know what a model cannot (gazetteer
bodies and their canonical names, acronyms defined in the release, what is no body: roles,
people, navigation). :class:`Combination` holds the few numbers that decide how the two meet,
and the calibration table that turns (how a mention was found, the model's probability) into
the share of such mentions that were right on held-out releases. Both are fitted by
``training/train.py`` and stored as data (``models/org_model/combination.json``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .selection import Selector

# How a mention was found: a gazetteer body or an acronym defined in the release ("known"), a
# rule's guess from a head word or the base model's ORG ("rules"), the trained model alone ("model").
Origin = Literal["known", "rules", "model"]
ORIGINS: tuple[Origin, ...] = ("known", "rules", "model")
ORIGIN_OF_SOURCE: dict[str, Origin] = {"gazetteer": "known", "definition": "known", "pattern": "rules", "ner": "rules", "model": "model"}


@dataclass(frozen=True)
class Combination:
    """``accept``: a model span at or above it is a body (if no rule vetoes it); ``accept_alone``:
    the same for a span no rule candidate overlaps (None: ``accept``); ``prefer``: whose
    boundaries win where a model span and a rule's guess overlap; ``model_overrules``: the rules'
    rejection reasons a model span overrules (every other reason refuses it); ``veto``: a
    rule's guess is dropped when no model span overlapping it reaches this (None: never);
    ``overrule``: a rule's guess gives way to an overlapping model proposal at or above this
    probability when the model gave the guess's own boundaries less than ``accept`` ("Unilever
    Philippines and Jollibee Foods Corporation" to "Jollibee Foods Corporation" at .99; None:
    never, the rules' boundaries stand wherever ``prefer`` is "rules"); ``selector``: when set,
    a learned choice among the rules' guesses and every model proposal (:mod:`.selection`)
    replaces ``prefer``, ``accept``, ``accept_alone``, ``veto`` and ``overrule`` (gazetteer
    bodies and acronym definitions are kept as always);
    ``bins``: lower edges of the model-probability bins; ``table``: per origin, the share of
    right mentions in each bin (non-decreasing); ``floor``: the spancat threshold, the lowest
    probability the model reports."""

    accept: float = 0.5
    accept_alone: float | None = None
    prefer: Literal["model", "rules"] = "model"
    veto: float | None = None
    overrule: float | None = None
    selector: Selector | None = None
    model_overrules: list[str] = field(default_factory=list)
    floor: float = 0.05
    bins: list[float] = field(default_factory=lambda: [0.0])
    table: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("accept", "accept_alone", "veto", "overrule"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be a probability in [0, 1] or null, got {value!r}")
        if not self.bins or self.bins[0] != 0.0 or sorted(self.bins) != self.bins:
            raise ValueError(f"bins must rise from 0.0, got {self.bins}")
        for origin, row in self.table.items():
            if origin not in ORIGINS:
                raise ValueError(f"table origin {origin!r} is none of {ORIGINS}")
            if len(row) != len(self.bins) or any(not 0.0 <= share <= 1.0 for share in row):
                raise ValueError(f"table[{origin!r}] needs {len(self.bins)} shares in [0, 1], got {row}")

    def score(self, origin: Origin, probability: float) -> float:
        """The calibrated confidence of a mention found by ``origin`` with model probability
        ``probability`` (0.0 where the model did not propose it)."""
        row = self.table.get(origin)
        if not row:
            return 0.5
        return row[bisect.bisect_right(self.bins, probability) - 1]


def isotonic(shares: Sequence[float], weights: Sequence[float]) -> list[float]:
    """Pool-adjacent-violators: the closest non-decreasing sequence (weighted least squares),
    so a higher model probability never gets a lower calibrated score."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for share, weight in zip(shares, weights, strict=True):
        blocks.append([share, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight_sum, count = blocks.pop()
            previous = blocks[-1]
            total = previous[1] + weight_sum
            previous[0] = (previous[0] * previous[1] + mean * weight_sum) / total if total else (previous[0] + mean) / 2
            previous[1] = total
            previous[2] += count
    out: list[float] = []
    for mean, _, count in blocks:
        out.extend([mean] * int(count))
    return out


def fit_table(
    observations: Sequence[tuple[Origin, float, bool]], bins: Sequence[float], prior_weight: float = 2.0
) -> dict[str, list[float]]:
    """Per origin, the share of right mentions per probability bin, shrunk towards the
    origin's overall share by ``prior_weight`` pseudo-mentions (small bins do not swing) and
    made non-decreasing."""
    table: dict[str, list[float]] = {}
    for origin in ORIGINS:
        rows = [(probability, right) for found, probability, right in observations if found == origin]
        if not rows:
            continue
        overall = sum(right for _, right in rows) / len(rows)
        counts = [0] * len(bins)
        rights = [0] * len(bins)
        for probability, right in rows:
            index = bisect.bisect_right(bins, probability) - 1
            counts[index] += 1
            rights[index] += right
        shares: list[float] = []
        for i in range(len(bins)):
            weight = counts[i] + prior_weight
            # a bin nobody fell in claims no more than the bin below it (or the overall share)
            shares.append((rights[i] + prior_weight * overall) / weight if weight else (shares[-1] if shares else overall))
        table[origin] = [round(share, 4) for share in isotonic(shares, [count + prior_weight for count in counts])]
    return table
