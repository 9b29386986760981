"""Finding direct quotations: where each one starts and ends.

Pure functions over the *prepared* text (hard wraps already joined, same offsets as the
original), so every remaining newline is a real line or paragraph end:
- double marks of any style (“…”, "…", «…», „…“); single marks (‘…’) only in releases that
  use no double marks for speech;
- a quote left open at the end of a paragraph runs on when the next paragraph opens with a
  quote mark (the usual multi-paragraph convention) and otherwise ends with its paragraph, so
  an unbalanced or stray mark never swallows the rest of the document; a single line end
  inside a paragraph (a hard wrap) does not end it;
- in flattened text that lost its paragraph breaks (`... now. "Next paragraph ...`), a straight
  mark after a sentence end and glued to the next word opens a paragraph of the running quote;
- each quote is cut out without its marks; scare quotes and titles are filtered later by
  :func:`is_scare_quote`.
The scan is one pass over the marks: linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .patterns import alternation

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
# Two apostrophes stand for a straight double mark in some newswire text (''like this'').
# Written ``''|[“”„«»"]`` but led by one character class, so the scan skips to candidates in C.
# HTML entities left in the text ("&laquo;", "&rdquo;") are marks too; "&" leads them, so the
# scan still skips to candidates in C.
_DOUBLE_MARKS = re.compile(r"['“”„«»\"](?:(?<=')'|(?<!'))|&(?:laquo|raquo|ldquo|rdquo|bdquo);")
_ENTITY_OPEN = ("&laquo;", "&ldquo;", "&bdquo;")
_SINGLE_MARKS = re.compile(r"(?<![\w])‘|’(?![\w])|(?<![\w])'|'(?![\w])")
_PARAGRAPH_BREAK = re.compile(r"\n")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
MAX_LINE_BROKEN_QUOTE = 4000


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` bound its text, ``open_at``/``close_at`` its marks."""

    start: int
    end: int
    open_at: int
    close_at: int
    closed: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, marks excluded."""
    spans = list(_scan(text, _DOUBLE_MARKS))
    if "‘" in text:
        spans = sorted(spans + list(_curly_singles(text)), key=lambda span: span.start)
    return [trimmed for span in _outermost(spans) if text[(trimmed := _trim(text, span)).start : trimmed.end].strip()]


# The spaces French typography puts inside « » (no-break, narrow no-break, or typed as entities):
# no part of the quote. Ordinary spaces are trimmed only inside « ».
_INNER_SPACE_START = re.compile(r"(?:[\u00a0\u202f\u2009]|&nbsp;|&#160;|&#8239;)+")
_INNER_SPACE_END = re.compile(r"(?:[\u00a0\u202f\u2009]|&nbsp;|&#160;|&#8239;)+$")
_GUILLEMET_SPACE_START = re.compile(r"(?:[ \t\u00a0\u202f\u2009]|&nbsp;|&#160;|&#8239;)+")
_GUILLEMET_SPACE_END = re.compile(r"(?:[ \t\u00a0\u202f\u2009]|&nbsp;|&#160;|&#8239;)+$")


def _trim(text: str, span: QuoteSpan) -> QuoteSpan:
    """The span without the spaces inside its marks (« Bonjour », « Bonjour », «&nbsp;Bonjour&nbsp;»)."""
    if span.start >= span.end:
        return span
    first, last = text[span.start], text[span.end - 1]
    if first not in " \t\u00a0\u202f\u2009&" and last not in " \t\u00a0\u202f\u2009;":
        return span  # nearly every quote: nothing to trim
    guillemets = text.startswith(("«", "&laquo;"), span.open_at)
    start_pattern = _GUILLEMET_SPACE_START if guillemets else _INNER_SPACE_START
    end_pattern = _GUILLEMET_SPACE_END if guillemets else _INNER_SPACE_END
    start, end = span.start, span.end
    lead = start_pattern.match(text, start, end)
    if lead is not None:
        start = lead.end()
    tail = end_pattern.search(text, max(start, end - 40), end)
    if tail is not None:
        end = tail.start()
    if start >= end:
        return span
    return QuoteSpan(start, end, span.open_at, span.close_at, span.closed)


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop quotes nested in another one, in one sweep over the spans sorted by opening."""
    kept: list[QuoteSpan] = []
    reach = -1
    for span in sorted(spans, key=lambda item: (item.open_at, -item.close_at)):
        if span.close_at <= reach:
            continue
        kept.append(span)
        reach = max(reach, span.close_at)
    return kept


# ‘, not after a word; then characters other than quote marks and line ends, or ’ inside a word;
# then ’ not before a word. The opening mark leads (the scan skips to it) and the body is one
# unambiguous loop, so a failed candidate is given up in one pass.
_CURLY_SINGLE = re.compile(r"‘(?<!\w‘)(?:[^‘’\n]|’(?=\w))[^‘’\n]*(?:’(?=\w)[^‘’\n]*)*’(?!\w)")


def _curly_singles(text: str) -> Iterable[QuoteSpan]:
    """‘…’ pairs within a line; a ’ inside a word is an apostrophe, not a closing mark."""
    for match in _CURLY_SINGLE.finditer(text):
        yield QuoteSpan(match.start() + 1, match.end() - 1, match.start(), match.end() - 1, closed=True)



def _scan(text: str, marks: re.Pattern[str]) -> Iterable[QuoteSpan]:
    paragraph_ends = [match.start() for match in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    # Without blank lines a newline may be only a line end: a quote then runs on to its closing mark.
    line_broken = _BLANK_LINE.search(text) is None
    open_at: int | None = None
    opener = ""
    paragraph_index = 0
    for match in marks.finditer(text):
        position = match.start()
        while paragraph_ends[paragraph_index] < position:
            if open_at is not None and not _continues(text, paragraph_ends[paragraph_index], marks, line_broken, opener):
                yield _ended_at_paragraph(text, open_at, paragraph_ends[paragraph_index], len(opener))
                open_at = None
            paragraph_index += 1
        mark = match.group()
        if open_at is None:
            if _can_open(mark):
                open_at, opener = position, mark
        elif (
            _closes(opener, mark)
            and not _is_paragraph_continuation(text, position, open_at)
            and not _is_flattened_paragraph_opening(text, position, match.end())
        ):
            yield QuoteSpan(open_at + len(opener), position, open_at, position, closed=True)
            open_at = None
    if open_at is not None:
        for end in paragraph_ends[paragraph_index:]:
            if end > open_at and not _continues(text, end, marks, line_broken, opener):
                yield _ended_at_paragraph(text, open_at, end, len(opener))
                break


def _can_open(mark: str) -> bool:
    """Double marks open a quote; curly single quotes are found apart (:func:`_curly_singles`)."""
    return mark in DOUBLE_OPEN or mark in (STRAIGHT, "''") or mark in _ENTITY_OPEN


_CLOSERS = {"“": ("”",), "„": ("“", "”"), "«": ("»",), "&laquo;": ("&raquo;", "»"), "&ldquo;": ("&rdquo;", "”"),
            "&bdquo;": ("&ldquo;", "&rdquo;"), '"': ('"', "”"), "''": ("''", '"'), "‘": ("’", "'"), "'": ("'", "’")}


def _closes(opener: str, mark: str) -> bool:
    """Whether ``mark`` closes a quote opened with ``opener`` („…“ and „…” both close)."""
    return mark in _CLOSERS.get(opener, ())


def _continues(text: str, paragraph_end: int, marks: re.Pattern[str], line_broken: bool = False, opener: str = "") -> bool:
    """True when the quote open at ``paragraph_end`` runs on into the next paragraph.

    It does when the next paragraph opens with a quote mark (the multi-paragraph convention),
    when it starts in lower case (a paragraph broken by extraction), or when only page furniture
    (short lines with no sentence end: "Page 2", a date, a contact line) stands between the two.
    """
    following = text[paragraph_end : paragraph_end + 200].lstrip()
    if not following:
        return False
    if following[0].islower() or _ends_mid_sentence(text, paragraph_end):
        return True
    if _opens_quote_paragraph(following, marks):
        return following[0] not in DOUBLE_CLOSE
    if line_broken and _closes_before_next_open(text, paragraph_end, marks, opener):
        return True
    if opener in _GUILLEMETS and _guillemet_closes_next_paragraph(text, paragraph_end, marks):
        return True
    if not line_broken and _closes_within_paragraph(text, paragraph_end, marks, opener):
        return True
    return _only_furniture_before_quote(text, paragraph_end, marks)


_MID_SENTENCE = re.compile(r"[\w,][ \t\u00a0]*$")


def _ends_mid_sentence(text: str, paragraph_end: int) -> bool:
    """The paragraph stops in the middle of a sentence ("... from the communities of Swan Hill,
    Horsham and"): a line break made by extraction (double-spaced text), not a paragraph end."""
    return _MID_SENTENCE.search(text, max(0, paragraph_end - 3), paragraph_end) is not None and _long_line_before(text, paragraph_end)


def _long_line_before(text: str, position: int) -> bool:
    """The line before ``position`` is body text (a wrapped line), not a short heading or a name."""
    start = text.rfind("\n", max(0, position - 200), position) + 1
    return position - start >= 50


def _closes_within_paragraph(text: str, line_end: int, marks: re.Pattern[str], opener: str) -> bool:
    """In a text with blank lines between paragraphs, a single line end inside a paragraph is a
    hard wrap: the quote runs on when its closing mark comes before the paragraph's end."""
    if not text.startswith("\n", line_end) or text[line_end + 1 : line_end + 2] in ("\n", ""):
        return False
    limit = min(len(text), line_end + MAX_LINE_BROKEN_QUOTE)
    blank = _BLANK_LINE.search(text, line_end, limit)
    match = marks.search(text, line_end, blank.start() if blank else limit)
    return match is not None and match.group() in _CLOSERS.get(opener, ()) and match.group() not in DOUBLE_OPEN


def _opens_quote_paragraph(line: str, marks: re.Pattern[str]) -> bool:
    """The line opens with a quote mark; a single mark before a capital counts (typed for a double)."""
    return marks.match(line) is not None or (line[:1] in "‘'" and line[1:2].isupper())


def _closes_before_next_open(text: str, position: int, marks: re.Pattern[str], opener: str) -> bool:
    """In a text without blank lines: the next mark closes the open quote, and not too far away."""
    match = marks.search(text, position, position + MAX_LINE_BROKEN_QUOTE)
    return match is not None and match.group() in _CLOSERS.get(opener, ()) and match.group() not in DOUBLE_OPEN


_GUILLEMETS = ("«", "&laquo;")


def _guillemet_closes_next_paragraph(text: str, paragraph_end: int, marks: re.Pattern[str]) -> bool:
    """A « … quote whose next paragraph (not opening with a mark) holds its » before any other
    mark: the quote runs over both (French releases do not always reopen each paragraph with «).
    Guillemets only: their direction is never in doubt, unlike straight marks."""
    start = paragraph_end
    while start < len(text) and text[start] in "\n \t\u00a0":
        start += 1
    following = text.find("\n", start)
    following = len(text) if following < 0 else following
    match = marks.search(text, start, following)
    return match is not None and match.group() in ("»", "&raquo;")


_SENTENCE_END = re.compile(r"[.!?”\"’:;]\s*$")
MAX_FURNITURE_LINES = 6


def _only_furniture_before_quote(text: str, paragraph_end: int, marks: re.Pattern[str]) -> bool:
    position = paragraph_end
    lines = 0
    while lines <= MAX_FURNITURE_LINES:
        next_break = text.find("\n", position + 1)
        line = text[position + 1 : next_break if next_break >= 0 else len(text)]
        stripped = line.strip()
        if stripped:
            if _opens_quote_paragraph(stripped, marks):
                return lines > 0
            if len(stripped) > 160 or _SENTENCE_END.search(stripped):
                return False
            lines += 1
        if next_break < 0:
            return False
        position = next_break
    return False


def _is_paragraph_continuation(text: str, position: int, open_at: int) -> bool:
    """An opening mark at the start of a paragraph inside a running quote is not its end."""
    if position <= open_at:
        return False
    before = text[max(0, position - 20) : position]
    return text[position] in DOUBLE_OPEN + '"' and before.rstrip(" \t").endswith("\n")


_SENTENCE_BEFORE_SPACE = re.compile(r"[.!?][’'”)]?[ \t\u00a0]+$")


def _is_flattened_paragraph_opening(text: str, position: int, mark_end: int) -> bool:
    """A straight mark after a sentence end and a space, glued to the next word, opens a paragraph.

    Flattened text loses the paragraph breaks of a multi-paragraph quote (`... now. "Next
    paragraph ...`): the mark there continues the open quote; a closing mark is glued to the
    word before it, never to the word after it.
    """
    if text[position] != STRAIGHT or mark_end >= len(text) or not text[mark_end].isalnum():
        return False
    return _SENTENCE_BEFORE_SPACE.search(text, max(0, position - 40), position) is not None


_MISMATCHED_CLOSE = re.compile(r"[,.!?][’'](?=\s)")


def _ended_at_paragraph(text: str, open_at: int, paragraph_end: int, mark_length: int = 1) -> QuoteSpan:
    """Close a quote left open at its paragraph's end, or at a mistyped single closing mark in it."""
    paragraph_start = text.rfind("\n", open_at, paragraph_end) + 1 or open_at
    mistyped = None
    for match in _MISMATCHED_CLOSE.finditer(text, max(paragraph_start, open_at + mark_length), paragraph_end):
        mistyped = match
    if mistyped is not None:
        return QuoteSpan(open_at + mark_length, mistyped.start() + 1, open_at, mistyped.start() + 1, closed=True)
    end = paragraph_end
    while end > open_at + mark_length and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at + mark_length, end, open_at, end, closed=False)


def scare_context_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for "the text before a quote ends with a naming word" ("so-called", "titled")."""
    alternatives = alternation(words)
    # The naming word must be in the quote's own sentence: "... the campaign. ''That's ..." is speech.
    return re.compile(rf"(?<![\w-])(?:{alternatives})[^\w.!?]*$", re.IGNORECASE)


def is_scare_quote(text: str, start: int, end: int, scare_context: re.Pattern[str], min_words: int, has_cue: bool) -> bool:
    """Scare quotes and titles: short, no speech cue, or introduced as a name ("so-called")."""
    quoted = text[start:end].strip()
    words = quoted.split()
    if not words:
        return True
    if len(words) <= 6 and _is_title_case(words):
        return True  # a title: "Face the Nation," "Morning Joe"
    if has_cue and len(words) >= 3 and (words[0][0].isupper() or quoted[-1] in ".!?"):
        return False
    before = text[max(0, start - 40) : max(0, start - 1)]
    if scare_context.search(before):
        return True
    if len(words) < min_words:
        return True
    if not has_cue and quoted[0].islower() and len(words) < 2 * min_words and quoted[-1] not in ".!?,":
        return True  # a phrase held up for comment: the “ocean and climate action” agenda
    return _is_title_case(words) and not re.search(r"[.!?,]$", quoted)


def _is_title_case(words: list[str]) -> bool:
    """A title's content words are capitalised; numbers ("2024 in Review") are neutral."""
    content = [word for word in words if len(word) > 3 and not word[0].isdigit()]
    return bool(content) and all(word[0].isupper() for word in content) and len(words) <= 10
