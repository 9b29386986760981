"""Which of a release's bodies a short text names ("IOM Regional Representative" -> IOM).

A speaker's title is matched against every form of every organisation the release names. One
regular expression per form and title made the work grow with the number of titles times the
number of forms, and recompiled patterns once Python's regex cache overflowed: a long report
with thousands of quotes and bodies took seconds. Here the forms are indexed once per release
by their first word, and each title is read word by word: linear in the titles' length.
A form matches where ``re.search(rf"(?<![\\w-]){re.escape(form)}(?![\\w-])", title)`` would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"(?<![\w-])[\w-]")


class _Node:
    """One character of the trie: what may follow, and the preferred body whose form ends here."""

    __slots__ = ("children", "ended")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ended: tuple[int, str] | None = None


class FormIndex:
    """The forms of a release's bodies in a character trie, walked from each word start of a text.

    ``bodies`` are (key, forms) pairs in order of preference: when a text names several bodies,
    the earliest pair wins (the caller puts the longest forms first). A text costs its length
    times the longest form at most, however many bodies share a first word ("Ministry of …").
    """

    def __init__(self, bodies: Sequence[tuple[str, Sequence[str]]]) -> None:
        self._root = _Node()
        for rank, (key, forms) in enumerate(bodies):
            for form in forms:
                if _WORD.match(form) is None:
                    continue  # a form that does not start with a word character cannot start at a word
                node = self._root
                for char in form:
                    node = node.children.setdefault(char, _Node())
                if node.ended is None:  # bodies come in order of preference: the first stays
                    node.ended = (rank, key)

    def named_in(self, text: str | None) -> str | None:
        """The key of the preferred body whose form ``text`` contains as whole words, or None."""
        if not text or not self._root.children:
            return None
        best: tuple[int, str] | None = None
        for word in _WORD.finditer(text):
            node: _Node | None = self._root
            position = word.start()
            while position < len(text) and node is not None:
                node = node.children.get(text[position])
                position += 1
                if node is not None and node.ended is not None and (best is None or node.ended[0] < best[0]) and _boundary(text, position):
                    best = node.ended
        return best[1] if best is not None else None


def _boundary(text: str, end: int) -> bool:
    """No word character or hyphen right after a form that ends at ``end``."""
    return end == len(text) or not (text[end].isalnum() or text[end] in "_-")
