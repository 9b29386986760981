"""A document's words as flat lists, and a phrase lookup over them, without spaCy objects.

Gazetteer names must match across a non-breaking space, a double space or a wrapped line
("Australian\u00a0Government", "New\\nZealand"), but the tokenizer keeps such whitespace as tokens
of their own. Building a second spaCy Doc without them only to run a ``PhraseMatcher`` cost more
than all the matching, so the components read the words as flat lists of ints (:class:`WordView`:
offsets and lengths; the comparison key of each word, such as the hash of its lower-case form,
comes from ``Doc.to_array``) and look phrases up with :class:`PhraseLookup`, whose matches are
exactly a ``PhraseMatcher``'s over such a Doc.
Overlaps between matches are settled by :func:`iom_nlp.rules.overlaps.keep_longest` (spaCy's
``filter_spans`` over pairs), so no Span objects are made for matches that lose.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
import numpy.typing as npt

# Low bits of a hash that index the table of possible first words (see PhraseLookup.find_hashes).
_TABLE_BITS = 16
_TABLE_MASK = numpy.uint64((1 << _TABLE_BITS) - 1)


@dataclass(frozen=True)
class WordView:
    """The words a matcher reads: word ``i`` is ``text[start(i) : end(i)]``. ``starts`` and
    ``lengths`` may be lists or integer arrays (read only at the few words a match touches, so a
    long document's columns need not become Python lists). ``as_tokens`` says the words are the
    Doc's tokens themselves, one for one: none dropped and none cut in parts (a view built with a
    splitter counts as rebuilt even where the splitter cut nothing, as a Doc of its words would)."""

    starts: Sequence[int] | npt.NDArray[numpy.integer[Any]]
    lengths: Sequence[int] | npt.NDArray[numpy.integer[Any]]
    as_tokens: bool

    def __len__(self) -> int:
        return len(self.starts)

    def start(self, index: int) -> int:
        """The offset of word ``index``."""
        return int(self.starts[index])

    def end(self, index: int) -> int:
        """The offset just after word ``index``."""
        return int(self.starts[index]) + int(self.lengths[index])

    def word(self, text: str, index: int) -> str:
        return text[self.start(index) : self.end(index)]

    def phrase(self, text: str, start: int, end: int) -> str:
        """Words ``start:end`` as a Doc made of the words writes them: the text itself when the
        view is the Doc's tokens, else the words joined by single spaces (how the gazetteer
        writes a name that the text wraps or spaces out)."""
        if self.as_tokens:
            return text[self.start(start) : self.end(end - 1)]
        return " ".join(self.word(text, index) for index in range(start, end))


class _Node:
    """A trie node: the next words, and the labels of the phrases that end here."""

    __slots__ = ("children", "labels")

    def __init__(self) -> None:
        self.children: dict[Hashable, _Node] = {}
        self.labels: list[str] = []


class PhraseLookup:
    """Phrases, each a sequence of word keys (strings, or the hashes ``Doc.to_array`` gives),
    under string labels; :meth:`find` gives every occurrence in a sequence of word keys.

    The matches are a spaCy ``PhraseMatcher``'s over a Doc of those words when the keys are that
    matcher's attribute (``LOWER``, ``ORTH``): every match, overlapping ones included, ordered by
    start, then end; the labels of one span in the order they were first added; one match per
    label and span however many of its phrases fit. Empty phrases never match.
    """

    def __init__(self) -> None:
        self._root = _Node()
        self._table: npt.NDArray[numpy.bool_] | None = None

    def add(self, label: str, phrases: Iterable[Sequence[Hashable]]) -> None:
        for phrase in phrases:
            if not phrase:
                continue
            node = self._root
            for key in phrase:
                node = node.children.setdefault(key, _Node())
            if label not in node.labels:
                node.labels.append(label)
        self._table = None

    def find(self, keys: Sequence[Hashable], starts: Iterable[int] | None = None) -> list[tuple[str, int, int]]:
        """(label, start, end) of every phrase in ``keys``: ``keys[start:end]`` is the phrase.

        ``starts``, when given, are the only positions looked at, in increasing order: every
        position whose key starts a phrase must be among them."""
        first = self._root.children
        count = len(keys)
        found: list[tuple[str, int, int]] = []
        for start in range(count) if starts is None else starts:
            node = first.get(keys[start])
            end = start + 1
            while node is not None:
                found.extend((label, start, end) for label in node.labels)
                if end == count:
                    break
                node = node.children.get(keys[end])
                end += 1
        return found

    def find_hashes(self, hashes: npt.NDArray[numpy.uint64], keys: list[int] | None = None) -> list[tuple[str, int, int]]:
        """:meth:`find` over word hashes (64-bit ints, e.g. a ``Doc.to_array(LOWER)`` column):
        one vectorised table lookup finds the positions whose hash may start a phrase, so only
        those are looked at in Python. ``keys`` is ``hashes.tolist()`` when the caller has it."""
        if len(hashes) == 0 or not self._root.children:
            return []
        if self._table is None:
            self._table = numpy.zeros(1 << _TABLE_BITS, dtype=numpy.bool_)
            firsts = numpy.array(list(self._root.children), dtype=numpy.uint64)
            self._table[(firsts & _TABLE_MASK).astype(numpy.intp)] = True
        starts = numpy.flatnonzero(self._table[(hashes & _TABLE_MASK).astype(numpy.intp)])
        if len(starts) == 0:
            return []
        return self.find(hashes.tolist() if keys is None else keys, starts.tolist())
