"""Release structure: title, dateline and the zones of the text.

Pure functions over the text:
- :func:`boilerplate_lines` marks site navigation (repeated menu lines, "Partnerships",
  a heading glued to its blurb "WHO WE AREThe …"), page furniture ("Page 2", "-ends-",
  "To unsubscribe …", "Created by … Last modified …") and bare URLs;
- :func:`find_title` takes the first real line after the navigation and letterhead;
- :func:`find_dateline` reads "GENEVA, 12 May 2020 –", "Geneva –", "(18 February 2010)",
  "17 December 2008", "April 22, 2013", "24/05/2002" and gives the date in ISO 8601.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from .dates_fr_es import FR_ES_DATE, month_number

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY_MONTH_YEAR = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>(?:19|20)\d\d)"
_MONTH_DAY_YEAR = rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
_NUMERIC = r"(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>(?:19|20)\d\d)"
# Every date opens with a digit or the first letter of a weekday or month: the lookahead turns
# most positions away with one test instead of trying every alternative (2x faster searches).
_DATE_FIRST = r"(?=[\dADFJMNOSTW])"
DATE = re.compile(rf"{_DATE_FIRST}(?i:{_WEEKDAY})(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_NUMERIC})", re.IGNORECASE)
# In French and Spanish releases: the English forms and "le 12 mars 2019", "5 de mayo de 2021"
# (:mod:`iom_nlp.rules.dates_fr_es`); English releases keep :data:`DATE` alone.
DATE_FR_ES = re.compile(rf"(?i:{_WEEKDAY})(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_NUMERIC})|{FR_ES_DATE}", re.IGNORECASE)


def date_pattern(language: str) -> re.Pattern[str]:
    """The date pattern for a release in ``language`` ("en", "fr", "es")."""
    return DATE_FR_ES if language in {"fr", "es"} else DATE


# Every date ends with its year: a window without one holds no date.
_YEAR = re.compile(r"(?:19|20)\d\d")
# At most this many non-space characters come before a date's year ("Wednesday, 30th September.,").
MAX_DATE_HEAD = 25
YEAR_LOOKBACK = 200
# A place's words open with a capital, accented ones included ("Brasília", "Yaoundé").
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|[’'.\-])+"
# Places joined by a slash share a dateline ("Dhaka/Cox’s Bazar –", "Brussels / Geneva –").
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_WORD}|of|de|du|la)|[ \t]*/[ \t]*{_PLACE_WORD})*)"
# "GENEVA, 12 May 2020 – IOM …", "Geneva – IOM …", "N’Djamena–A new …" (a dash glued to the next
# capital), "Geneva –" closing its line.
DATELINE_PLACE = re.compile(
    rf"^[ \t]*{_PLACE}[ \t]*(?:,[ \t]*(?P<date>[^–—\-\n]{{4,40}}?))?"
    r"[ \t]*(?:[–—\-][ \t]+(?=\S)|[–—](?=[A-Z“\"])|[–—\-][ \t]*$)"
)
# "KHARTOUM, 3 April 2011" on a line of its own (the body opens on the next line or paragraph).
DATELINE_ALONE = re.compile(rf"^[ \t]*{_PLACE}[ \t]*,[ \t]*(?P<date>[^\n]{{4,60}}?)[ \t]*[:.]?[ \t]*$")
# What may stand between the place and the date: a country or province ("Geneva, Switzerland,").
_MORE_PLACE = re.compile(rf"[ \t]*(?P<more>{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_WORD}|of|de|du|la)){{0,3}})[ \t]*,?[ \t]*")


@dataclass(frozen=True)
class StructureSettings:
    navigation_lines: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    letterhead_patterns: tuple[re.Pattern[str], ...]
    max_title_chars: int = 200
    place_lowercase_words: frozenset[str] = frozenset()
    # "Fri, 14/09/2019 - 10:20" above "Geneva – ...": a weekday is a date line, never the place.
    weekday_words: frozenset[str] = frozenset()
    # "PRESS RELEASE", "For Immediate Release": labels between the title and the dateline.
    release_label_patterns: tuple[re.Pattern[str], ...] = ()
    # All ``boilerplate_patterns`` as one regex: one call per line instead of one per pattern.
    boilerplate_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    release_label_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "boilerplate_pattern", combine_patterns(self.boilerplate_patterns))
        object.__setattr__(self, "release_label_pattern", combine_patterns(self.release_label_patterns))
        if self.release_label_patterns and self.release_label_pattern is None:
            raise ValueError("release_label_patterns: each pattern must combine into one regex (no backreferences)")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StructureSettings:
        return cls(
            navigation_lines=frozenset(line.lower() for line in data.get("navigation_lines", [])),
            boilerplate_patterns=tuple(re.compile(pattern) for pattern in data.get("boilerplate_patterns", [])),
            letterhead_patterns=tuple(re.compile(pattern) for pattern in data.get("letterhead_patterns", [])),
            max_title_chars=int(data.get("max_title_chars", 200)),
            place_lowercase_words=frozenset(word.lower() for word in data.get("place_lowercase_words", [])),
            weekday_words=frozenset(word.lower() for word in data.get("weekday_words", [])),
            release_label_patterns=tuple(re.compile(pattern) for pattern in data.get("release_label_patterns", [])),
        )


class Line(NamedTuple):
    """One line of the text and where it starts and ends (a tuple: a release has thousands)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DatelineMatch:
    text: str
    start: int
    end: int
    place: str | None
    date_text: str | None
    date: str | None
    # The rule that found it (:data:`iom_nlp.sources.DATELINE_SOURCES`).
    source: str = ""


@dataclass
class Structure:
    title: Line | None = None
    dateline: DatelineMatch | None = None
    zones: list[tuple[str, int, int]] = field(default_factory=list)


def lines_of(text: str) -> list[Line]:
    lines = []
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        lines.append(Line(position, end, raw))
        position = end + 1
    return lines


# A backreference, a group condition or verbose mode would change meaning inside a combined regex.
_NOT_COMBINABLE = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")
_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
_SCOPED_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s"}


def combine_patterns(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that matches at a position exactly where one of ``patterns`` matches there.

    Each pattern keeps its own flags in a scoped group ("(?i:...)"). None when a pattern
    cannot be combined safely (backreferences, verbose or ASCII mode): the caller then tries
    them one by one.
    """
    parts = []
    for pattern in patterns:
        flags = pattern.flags & ~re.UNICODE
        letters = "".join(letter for flag, letter in _SCOPED_FLAGS.items() if flags & flag)
        if flags & ~sum(_SCOPED_FLAGS) or _NOT_COMBINABLE.search(pattern.pattern):
            return None
        body = _GLOBAL_FLAGS.sub("", pattern.pattern, count=1)
        parts.append(f"(?{letters}:{body})" if letters else f"(?:{body})")
    if not parts:
        return None
    try:
        return re.compile("|".join(parts))
    except re.error:
        return None


def boilerplate_lines(lines: list[Line], settings: StructureSettings) -> set[int]:
    """Indexes of lines that are navigation or page furniture."""
    marked: set[int] = set()
    previous = ""
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        lowered = stripped.lower()
        if not stripped:
            continue
        if (
            lowered in settings.navigation_lines
            or lowered.lstrip("-–• ").strip() in settings.navigation_lines
            or (previous and lowered == previous)
            or (previous and len(previous) >= 4 and lowered.startswith(previous) and _glued(stripped, len(previous)))
            or _is_boilerplate(stripped, settings)
        ):
            marked.add(index)
        previous = lowered
    return marked


def _is_boilerplate(line: str, settings: StructureSettings) -> bool:
    combined = settings.boilerplate_pattern
    if combined is not None:
        return combined.match(line) is not None
    return any(pattern.match(line) for pattern in settings.boilerplate_patterns)


def _glued(line: str, cut: int) -> bool:
    """"WHO WE AREThe International …": a heading glued to the blurb under it."""
    return cut < len(line) and line[cut - 1].isalpha() and line[cut].isupper()


def find_title(lines: list[Line], boilerplate: set[int], settings: StructureSettings) -> Line | None:
    """The first line after the navigation that reads like a headline."""
    last_navigation = _end_of_top_navigation(lines, boilerplate)
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if index <= last_navigation or index in boilerplate or not stripped:
            continue
        if any(pattern.match(stripped) for pattern in settings.letterhead_patterns) or DATE.fullmatch(stripped.strip(" ()")):
            continue
        if _is_label(stripped, settings) or (DATELINE_ALONE.match(stripped) and DATE.search(stripped)):
            continue  # "For Immediate Release"; "Geneva, 3 April 2011" above the headline
        if DATELINE_PLACE.match(stripped):
            return None
        if len(stripped.split()) < 3 or len(stripped) > settings.max_title_chars or stripped.startswith(("“", '"')):
            continue
        offset = line.text.find(stripped)
        return Line(line.start + offset, line.start + offset + len(stripped), stripped)
    return None


def _is_label(line: str, settings: StructureSettings) -> bool:
    return settings.release_label_pattern is not None and settings.release_label_pattern.match(line) is not None


def _dateline_above_title(
    text: str, lines: list[Line], title: Line | None, settings: StructureSettings, dates: re.Pattern[str] = DATE
) -> DatelineMatch | None:
    """"FOR IMMEDIATE RELEASE / Geneva, 3 April 2011 / <headline>": a place and date alone on a
    line above the headline are the dateline."""
    if title is None:
        return None
    for line in lines:
        if line.start >= title.start:
            break
        if DATELINE_ALONE.match(line.text):
            found = read_place_line(text, line, settings.place_lowercase_words, dates)
            if found is not None and found[3] is not None:
                return _dateline(text, *found, source="dateline:above-title")
    return None


MAX_GAPS_IN_NAVIGATION = 0
DATE_WINDOW = 2500


def _end_of_top_navigation(lines: list[Line], boilerplate: set[int]) -> int:
    """Index of the last line of the navigation block at the top (-1 when there is none)."""
    last = -1
    gaps = 0
    for index, line in enumerate(lines):
        if index in boilerplate:
            last = index
        elif line.text.strip():
            gaps += 1
            if gaps > MAX_GAPS_IN_NAVIGATION:
                break
    return last


MAX_LABEL_LINES = 3


def find_dateline(
    text: str,
    lines: list[Line],
    after: int,
    lowercase_words: frozenset[str] = frozenset(),
    weekday_words: frozenset[str] = frozenset(),
    label_pattern: re.Pattern[str] | None = None,
    dates: re.Pattern[str] = DATE,
) -> DatelineMatch | None:
    """A dateline opening the body ("GENEVA, 12 May 2020 –"), else the release's first date.

    A line dated by its weekday ("Fri, 14/09/2019 - 10:20") or holding only a date is a date,
    not a place: the line after it may still open with the place ("Geneva – ..."), which then
    takes that date. Release labels ("PRESS RELEASE", "For Immediate Release", matched by
    ``label_pattern``) before the dateline are passed over; the dateline may stand alone on its
    line ("KHARTOUM, 3 April 2011", the body in the next paragraph).
    """
    date_line: tuple[int, int, re.Match[str] | None] | None = None
    labels = 0
    for line in lines:
        if line.start < after:
            continue
        stripped = line.text.strip()
        if not stripped:
            continue
        if label_pattern is not None and labels < MAX_LABEL_LINES and label_pattern.match(stripped):
            labels += 1
            continue
        first_word = stripped.split(" ", 1)[0].strip(",.").lower()
        if first_word in weekday_words or dates.fullmatch(stripped.strip(" ()")):
            # "Tuesday, 3 March 2020" alone on its line: the date; the place may follow.
            if date_line is None:
                date_line = (line.start, line.end, dates.search(line.text))
            continue
        found = read_place_line(text, line, lowercase_words, dates)
        if found is not None:
            start, end, place, date_match = found
            if date_match is None and date_line is not None:
                date_match = date_line[2]
            return _dateline(text, start, end, place, date_match, source="dateline:place-line")
        break
    if date_line is not None and date_line[2] is not None:
        return _dateline(text, date_line[0], date_line[1], None, date_line[2], source="dateline:date-line")
    # Releases date themselves near the top or at the very end; the middle is not searched.
    head_end = after + DATE_WINDOW
    for window_start, window_end in ((0, head_end), (max(head_end, len(text) - DATE_WINDOW), len(text))):
        match = first_date(text, window_start, window_end, dates)
        if match:
            return _dateline(text, match.start(), match.end(), None, match, source="dateline:first-date")
    return None


MAX_PLACE_CHARS = 40


def read_place_line(
    text: str, line: Line, lowercase_words: frozenset[str] = frozenset(), dates: re.Pattern[str] = DATE
) -> tuple[int, int, str, re.Match[str] | None] | None:
    """(start, end, place, date) of a line opening with a dateline, or None.

    "GENEVA, 12 May 2020 – …", "Geneva – …", "Cox's Bazar, Bangladesh, 2 May 2019 – …" (the
    place's country or province kept with it: "Cox's Bazar, Bangladesh"), "KHARTOUM, 3 April
    2011" alone on its line. What follows the place's comma must hold a date: "Migrants,
    Refugees Stranded – …" may be a headline, "Geneva, le 3 mars –" is for another reader.
    """
    match = DATELINE_PLACE.match(line.text)
    alone = False
    if match is None:
        match = DATELINE_ALONE.match(line.text)
        alone = True
    if match is None or len(match.group("place")) > MAX_PLACE_CHARS:
        return None
    rest = _read_rest(match.group("date"), alone, dates)
    if rest is None:
        return None
    more, date_match = rest
    place_end = line.start + match.end("place")
    place = place_as_written(text, match.group("place"), place_end, lowercase_words)
    if more:
        place += ", " + place_as_written(text, more, place_end, lowercase_words)
    return line.start + match.start("place"), line.start + match.end(), place, date_match


def _read_rest(rest: str | None, alone: bool, dates: re.Pattern[str] = DATE) -> tuple[str | None, re.Match[str] | None] | None:
    """(more of the place, date) read from what follows the place's comma; None when it is
    neither. A line standing alone must be the place and a date, nothing else."""
    if rest is None:
        return None, None
    date_match = dates.search(rest)
    if date_match is not None:
        head = rest[: date_match.start()]
        more = _MORE_PLACE.fullmatch(head) if head.strip(" \t,") else None
        if alone and (
            (head.strip(" \t,") and more is None) or rest[date_match.end() :].strip(" \t,.:")
        ):
            return None
        return (more.group("more") if more else None), date_match
    # "Migrants, Refugees Stranded – …": capitalised words without a date may be a headline.
    return None


def first_date(text: str, start: int, end: int, dates: re.Pattern[str] = DATE) -> re.Match[str] | None:
    """``DATE.search(text, start, end)``, without scanning text that cannot hold the first date.

    Every date ends with a year and holds at most ``MAX_DATE_HEAD`` non-space characters
    before it, so none starts more than that many before the window's first year: the search
    starts there (or nowhere, when the window has no year).
    """
    year = _YEAR.search(text, start, end)
    if year is None:
        return None
    from_ = max(start, year.start() - YEAR_LOOKBACK)
    if len("".join(text[from_ : year.start()].split())) <= MAX_DATE_HEAD:
        from_ = start  # too little text before the year to be sure: search the whole window
    return dates.search(text, from_, end)


def _dateline(
    text: str, start: int, end: int, place: str | None, date_match: re.Match[str] | None, *, source: str
) -> DatelineMatch:
    while end > start and text[end - 1] in " \t–—-":
        end -= 1
    return DatelineMatch(
        text=text[start:end],
        start=start,
        end=end,
        place=place,
        date_text=date_match.group(0).strip() if date_match else None,
        date=parse_date(date_match) if date_match else None,
        source=source,
    )


PLACE_SEARCH_CHARS = 20000


def place_as_written(text: str, place: str, after: int, lowercase_words: frozenset[str] = frozenset()) -> str:
    """The dateline's place in its own case: "PORT OF SPAIN" is "Port of Spain".

    The release's own spelling wins when its body writes the place in mixed case; else the
    capitals are folded word by word, keeping particles low ("of", "es") and a capital after an
    elided article ("N'Djamena"), never after a possessive ("Cox's").
    """
    if not place.isupper():
        return place
    pattern = re.compile(r"(?<![\w])" + r"[ \t]+".join(re.escape(word) for word in place.split()) + r"(?![\w])", re.IGNORECASE)
    for match in pattern.finditer(text, after, min(len(text), after + PLACE_SEARCH_CHARS)):
        written = match.group()
        if not written.isupper() and written[:1].isupper():
            return re.sub(r"[ \t]+", " ", written)
    return " ".join(_fold_word(word, index == 0, lowercase_words) for index, word in enumerate(place.split()))


def _fold_word(word: str, first: bool, lowercase_words: frozenset[str]) -> str:
    lowered = word.lower()
    if not first and lowered in lowercase_words:
        return lowered
    return "-".join(_fold_part(part) for part in lowered.split("-"))


def _fold_part(part: str) -> str:
    elided = re.match(r"^([a-z])['’]([a-z].*)$", part)
    if elided and elided.group(2) != "s":
        return f"{elided.group(1).upper()}'{elided.group(2).capitalize()}".replace("'", part[1])
    return part[:1].upper() + part[1:]


def parse_date(match: re.Match[str]) -> str | None:
    """ISO 8601 for a :data:`DATE` match (day first for numeric dates, as in the releases here)."""
    groups = match.groupdict()
    try:
        if groups.get("d1"):
            value = date(int(groups["y1"]), MONTHS[groups["m1"].lower().rstrip(".")], int(groups["d1"]))
        elif groups.get("d2"):
            value = date(int(groups["y2"]), MONTHS[groups["m2"].lower().rstrip(".")], int(groups["d2"]))
        elif groups.get("d3"):
            value = date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        else:
            numbers = month_number(groups)
            if numbers is None:
                return None
            value = date(*numbers)
    except (KeyError, ValueError):
        return None
    return value.isoformat()


def analyse(text: str, settings: StructureSettings, language: str = "en") -> Structure:
    """Title, dateline and boilerplate zones of ``text`` (its dates read in ``language``)."""
    dates = date_pattern(language)
    lines = lines_of(text)
    boilerplate = boilerplate_lines(lines, settings)
    structure = Structure()
    structure.zones = [("boilerplate", lines[index].start, lines[index].end) for index in sorted(boilerplate)]
    structure.title = find_title(lines, boilerplate, settings)
    body_from = structure.title.end if structure.title else 0
    structure.dateline = _dateline_above_title(text, lines, structure.title, settings, dates) or find_dateline(
        text, lines, body_from, settings.place_lowercase_words, settings.weekday_words, settings.release_label_pattern, dates
    )
    return structure
