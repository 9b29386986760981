"""Lines of a release that read as headlines, for rules that must not trust capitals there."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_TITLE_LINE_MIN_WORDS = 3
# Three words (each opens on a letter) with a separator between each two: no shorter line holds them.
_TITLE_LINE_MIN_CHARS = 2 * _TITLE_LINE_MIN_WORDS - 1
_TITLE_LINE_SHARE = 0.8
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "from", "with", "as", "into", "after", "over", "amid"}
)


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line whose words (small words aside) are capitalised, at least
    three of them, and that is no sentence (no final full stop), or written all in capitals:
    headlines. One pass over the text, shared by the rules that ask (countries, speakers)."""
    return list(_title_case_lines(text))


@lru_cache(maxsize=2)
def _title_case_lines(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`title_case_lines`, kept for the release being read: the country rules and the
    speaker rules both ask for the same text's headlines (a tenth of the quotes' time)."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if len(line) < _TITLE_LINE_MIN_CHARS:  # blank and short lines, most of a release's lines: no words to read
            offset += len(line) + 1
            continue
        # A line ending with a full stop is no headline: it counts only when it holds no lower-case
        # letter, which the first lower-case letter of a sentence settles without reading its words.
        if line.rstrip().endswith(".") and any(map(str.islower, line)):
            offset += len(line) + 1
            continue
        words = [word for word in _LINE_WORDS.findall(line) if word.lower() not in _SMALL_WORDS]
        if len(words) >= _TITLE_LINE_MIN_WORDS:
            capitalised = sum(1 for word in words if word[0].isupper())
            headline = capitalised >= _TITLE_LINE_SHARE * len(words) and not line.rstrip().endswith(".")
            if headline or not any(char.islower() for char in line):
                lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    return tuple(lines)


_AFTER_ANY_END = 2**63
_LINE_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")


def in_lines(lines: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``lines`` (sorted (start, end) pairs)."""
    index = bisect_right(lines, (position, _AFTER_ANY_END)) - 1
    return index >= 0 and lines[index][0] <= position < lines[index][1]
