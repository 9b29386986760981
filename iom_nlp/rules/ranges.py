"""Character ranges of a document, looked up by bisection: which spans cover, overlap or cut a
candidate. One class for every rule that asks (organisations, contacts)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Ranges:
    """Character ranges sorted once per document, looked up by bisection (no scan per candidate)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]
        self.longest = max((end - start for start, end in self.ranges), default=0)

    def covering(self, start: int, end: int) -> bool:
        """Whether one range contains [start, end)."""
        if not self.ranges:
            return False  # most documents: no headline, no boilerplate zone
        position = bisect.bisect_right(self.starts, start)
        low = bisect.bisect_left(self.starts, end - self.longest) if self.longest else position
        return any(self.ranges[index][1] >= end for index in range(max(0, min(low, position)), position))

    def overlapping(self, start: int, end: int) -> bool:
        """Whether any range shares a character with [start, end)."""
        if not self.ranges:
            return False
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return any(self.ranges[index][1] > start for index in range(first, last))

    def count_within(self, start: int, end: int) -> int:
        """How many ranges lie inside [start, end)."""
        if not self.ranges:
            return 0
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return sum(1 for index in range(first, last) if self.ranges[index][1] <= end)

    def gaps(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) without the ranges that start inside it (a range starting at ``start`` stays)."""
        if not self.ranges:
            return [(start, end)] if end > start else []
        parts = []
        position = bisect.bisect_left(self.starts, start + 1)
        while position < len(self.starts) and self.starts[position] < end:
            parts.append((start, self.starts[position]))
            start = max(start, self.ranges[position][1])
            position += 1
        parts.append((start, end))
        return [(part_start, part_end) for part_start, part_end in parts if part_end > part_start]


class Occupancy:
    """Which characters are covered by a kept candidate, and by which one."""

    def __init__(self) -> None:
        self.owner: dict[int, int] = {}

    def overlapping(self, start: int, end: int) -> list[int]:
        found = {self.owner[position] for position in range(start, end) if position in self.owner}
        return sorted(found)

    def add(self, start: int, end: int, index: int) -> None:
        for position in range(start, end):
            self.owner[position] = index

    def remove(self, start: int, end: int) -> None:
        for position in range(start, end):
            self.owner.pop(position, None)
