"""Undoing overprinted text from scanned or badly extracted PDFs.

Some releases come out of PDF extraction with every text run repeated several times
("Rebecca Tucker Rebecca Tucker Rebecca Tucker Rebecca Tucker ph (03)  ph (03) ... 9664
9664 9664 9664 7 7  7 7359 359 359 359"). A line is taken as overprinted when a run of two or
more words repeats at least three times in a row; it is then collapsed chunk by chunk, and
each kept character remembers its offset in the original line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_REPEATED_WORDS = re.compile(r"\b((?:[A-Za-z][\w.'’-]*\s+){1,3}?)(?:\1){2,}")
MAX_CHUNK = 16
MIN_UNIT = 6


@dataclass(frozen=True)
class Collapsed:
    """The collapsed text and, for each of its characters, the offset it came from (or -1)."""

    text: str
    origins: tuple[int, ...]


def repetition_factor(line: str) -> int:
    """How many times the runs of an overprinted line repeat (0 when it is not overprinted)."""
    match = _REPEATED_WORDS.search(line + " ")
    if match is None:
        return 0
    unit = match.group(1)
    if len(unit.strip()) < MIN_UNIT:
        return 0
    return len(match.group(0)) // len(unit)


def collapse(line: str, factor: int) -> Collapsed:
    """Keep one copy of each run repeated ``factor`` times; offsets point into ``line``."""
    positions = [index for index, char in enumerate(line) if not char.isspace()]
    chars = [line[index] for index in positions]
    out: list[str] = []
    origins: list[int] = []
    i = 0
    while i < len(chars):
        length = _repeated_chunk_length(chars, positions, i, factor)
        step = length or 1
        for offset in range(step):
            if out and _space_before(line, positions, i + offset):
                out.append(" ")
                origins.append(-1)
            out.append(chars[i + offset])
            origins.append(positions[i + offset])
        i += step * factor if length else 1
    return Collapsed("".join(out), tuple(origins))


def _repeated_chunk_length(chars: list[str], positions: list[int], start: int, factor: int) -> int:
    """Length of the run at ``start`` repeated ``factor`` times (0 if none).

    Runs whose copies are separated by whitespace in the original win ("5550 5550 5550" is
    "5550", not "5"); otherwise the shortest repeated run is taken.
    """
    repeated = [length for length in range(1, MAX_CHUNK + 1) if _repeats(chars, start, length, factor)]
    for length in repeated:
        boundaries = [start + copy * length for copy in range(1, factor)]
        if all(positions[index] - positions[index - 1] > 1 for index in boundaries):
            return length
    return repeated[0] if repeated else 0


def _repeats(chars: list[str], start: int, length: int, factor: int) -> bool:
    if start + length * factor > len(chars):
        return False
    chunk = chars[start : start + length]
    return all(chars[start + copy * length : start + (copy + 1) * length] == chunk for copy in range(1, factor))


def _space_before(line: str, positions: list[int], index: int) -> bool:
    """True when the original had whitespace (or a letter-digit boundary) before character ``index``."""
    if index == 0:
        return False
    previous, current = positions[index - 1], positions[index]
    if current - previous > 1:
        return True
    return line[previous].isalpha() != line[current].isalpha()
