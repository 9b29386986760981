"""One way to turn a word list into a regex alternation, so every list is escaped the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Matches nothing: the alternation of an empty list must not match the empty string.
NOTHING = "(?!x)x"


def alternation(words: Iterable[str], *, space: str | None = None, longest_first: bool = True) -> str:
    """``a|b|c`` of the escaped ``words``; longest first, so "Tel." wins over "Tel".

    ``space`` replaces each escaped space (e.g. a pattern for any run of spaces or a line break),
    and an empty list gives a pattern that never matches.
    """
    unique = list(dict.fromkeys(words))
    ordered = sorted(unique, key=len, reverse=True) if longest_first else unique
    escaped = [re.escape(word) for word in ordered]
    if space is not None:
        escaped = [word.replace(r"\ ", space) for word in escaped]
    return "|".join(escaped) or NOTHING
