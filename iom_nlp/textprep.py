"""Text preparation that never moves an offset.

The statistical model and the matchers read a *prepared* text of exactly the same length as
the caller's text: control characters become spaces and a hard line break inside a sentence
becomes a space, so "Ministry of\\nJustice" is one name to the tokenizer. Because every
replacement is one character for one character, an offset into the prepared text is the same
offset into the original.
"""

from __future__ import annotations

import itertools
import re

# Characters that confuse the tokenizer and the model and carry no meaning in a release.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_SENTENCE_END = tuple(".!?:;\"”’»)")
_CONTINUATION_WORDS = frozenset(
    {"of", "and", "the", "for", "to", "in", "on", "a", "an", "by", "with", "at", "from", "or", "&"}
)
# A line this long that does not end a sentence was wrapped by a tool, not by its author.
MIN_WRAPPED_LINE = 30


# A lone surrogate (U+D800-U+DFFF) is what a bad decode (``errors="surrogateescape"``) leaves in a
# str; no encoder accepts it, so it would stop the tokenizer and any JSON writer.
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD: same length, so offsets hold."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def prepare_text(text: str) -> str:
    """Return ``text`` with the same length, control characters blanked and hard wraps joined."""
    cleaned = _CONTROL.sub(" ", replace_surrogates(text)).replace("\r", " ").replace("\t", " ")
    blanks = sorted([*_wrapped_line_breaks(cleaned), *_long_run_breaks(cleaned)])
    pieces = []
    previous = 0
    for position in blanks:
        pieces.append(cleaned[previous:position])
        pieces.append(" ")
        previous = position + 1
    pieces.append(cleaned[previous:])
    return "".join(pieces)


# spaCy's tokenizer is quadratic in the length of one whitespace-free chunk ("“" * 20000);
# no real word is this long, so such runs get a space every MAX_RUN characters.
MAX_RUN = 256
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _long_run_breaks(text: str) -> list[int]:
    breaks: list[int] = []
    for match in _LONG_RUN.finditer(text):
        breaks.extend(range(match.start() + MAX_RUN, match.end(), MAX_RUN))
    return breaks


def _wrapped_line_breaks(text: str) -> list[int]:
    """Offsets of newlines that break a sentence rather than end a line of their own."""
    breaks: list[int] = []
    lines = text.split("\n")
    offset = 0
    for current, following in itertools.pairwise(lines):
        offset += len(current)
        if is_wrapped(current, following):
            breaks.append(offset)
        offset += 1
    return breaks


def is_wrapped(line: str, next_line: str) -> bool:
    """Decide whether the break between ``line`` and ``next_line`` is a hard wrap."""
    body = line.rstrip()
    following = next_line.lstrip()
    if not body or not following:
        return False
    if body.endswith(_SENTENCE_END):
        return False
    last_word = body.rsplit(None, 1)[-1].lower()
    if last_word in _CONTINUATION_WORDS:
        return True
    if following[0].islower():
        return True
    if _is_headline(body):
        return False
    return len(body) >= MIN_WRAPPED_LINE and len(following) >= 3 and not _looks_like_field(following)


def _is_headline(line: str) -> bool:
    """A Title Case line that does not run on with a comma is a headline, not a wrapped line."""
    if line.endswith((",", "-", "–")):
        return False
    words = [word for word in line.split() if len(word) >= 4 and word[0].isalpha()]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


def _looks_like_field(line: str) -> bool:
    """Contact and letterhead lines ("Tel: ...", "E-mail:") start a line of their own."""
    head = line.split(None, 1)[0].rstrip(":").lower()
    return head in {"tel", "tel.", "telephone", "phone", "ph", "fax", "mobile", "mob", "e-mail", "email", "web"}
