"""One overlap filter for every kind of mention: the longest wins.

spaCy's ``filter_spans`` keeps, of overlapping spans, the longest (the earlier of two as long).
The components find mentions that are not yet ``Span`` objects (character ranges, token ranges,
candidates with a source), so this is that rule over anything with a start and an end, plus an
optional rank that breaks ties between equally long items ("a gazetteer name before a guess").
Linear in the text the kept items cover: each kept position is marked once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def keep_longest(
    items: Iterable[T],
    bounds: Callable[[T], tuple[int, int]],
    rank: Callable[[T], int] | None = None,
    *,
    text_order: bool = True,
) -> list[T]:
    """The items no longer (or, as long, better-ranked or earlier) item overlaps, in text order.

    ``bounds(item)`` is its half-open (start, end); ``rank(item)``, lower is better, decides
    between items of the same length before their position does. Empty items are dropped.
    ``text_order=False`` returns them in the order they won (longest first), for a caller that
    merges them into mentions it already holds and wants the strongest placed first.
    """
    keyed = [(bounds(item), rank(item) if rank is not None else 0, order, item) for order, item in enumerate(items)]
    keyed.sort(key=lambda row: (row[0][0] - row[0][1], row[1], row[0][0], row[2]))
    taken: set[int] = set()
    kept: list[tuple[int, int, T]] = []
    for (start, end), _, order, item in keyed:
        if end <= start or start in taken or end - 1 in taken:
            continue  # a kept item is at least as long, so it cannot lie strictly inside this one
        taken.update(range(start, end))
        kept.append((start, order, item))
    if text_order:
        kept.sort(key=lambda row: (row[0], row[1]))
    return [item for _, _, item in kept]
