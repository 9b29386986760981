"""One way to turn a word list into a regex alternation, so every list is escaped the same way;
and a faster compiled form of a pattern that opens on a word boundary (:func:`opening_lookahead`)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

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


def opening_lookahead(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled to find the same matches faster when it opens on a boundary (``\\b``).

    Python's regex engine skips ahead in C to where a match can start only when a pattern opens
    on a literal or a character set; opening on ``\\b`` it tries every alternative at every
    position. When the characters every match starts with can be told from the pattern
    (:func:`first_characters`), a look-ahead on them is put first, which the engine tests at
    once: the same matches (the look-ahead only refuses positions no match starts at), in half
    the time for a case-insensitive alternation of cue words. Else the pattern as it is.
    """
    compiled = re.compile(pattern, flags)
    firsts = first_characters(pattern, flags)
    if not firsts:
        return compiled
    try:
        faster = re.compile(f"(?=[{''.join(re.escape(char) for char in sorted(firsts))}])(?:{pattern})", flags)
    except re.error:
        return compiled
    same_groups = faster.groups == compiled.groups and faster.groupindex == compiled.groupindex
    return faster if same_groups else compiled


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters, as written, that every match of ``pattern`` opens on (their other cases
    follow from ``flags``), or None when the pattern does not say so simply: only zero-width
    boundaries, literals, and alternatives that each open on a literal are read; anything else
    (a character class, a repeat, a look-around, a group with its own flags) gives None."""
    try:
        parsed = _regex_parser().parse(pattern, flags)
    except re.error:
        return None
    found = _opening_literals(list(parsed))
    return frozenset(found) if found else None


def _opening_literals(items: list[tuple[Any, Any]]) -> set[str] | None:
    for op, argument in items:
        name = str(op)
        if name == "AT":  # \b, ^, $: zero-width, the next item opens the match
            continue
        if name == "LITERAL":
            return {chr(argument)}
        if name == "SUBPATTERN":
            _, add_flags, del_flags, inner = argument
            return _opening_literals(list(inner)) if not add_flags and not del_flags else None
        if name == "BRANCH":
            found: set[str] = set()
            for alternative in argument[1]:
                opening = _opening_literals(list(alternative))
                if opening is None:
                    return None
                found |= opening
            return found
        return None
    return None  # the pattern may match the empty string


def _regex_parser() -> Any:
    """The standard library's regex parser: ``re._parser`` (Python 3.11 on), ``sre_parse`` before."""
    try:
        return importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")
