"""Finding phone numbers without being told the region.

Pure functions over text: :func:`infer_regions` ranks the regions a release's national-format
numbers could belong to, :func:`find_phones` matches with ``phonenumbers`` under the best of
them, and :func:`repair_number` corrects an obviously mistyped international prefix (a US
"+202 862 1826" is "+1 202-862-1826"). Historic numbers (Netherlands Antilles "+599 5...") are
kept with ``valid=False`` rather than dropped.

Numbers are matched on a folded copy of the text of the same length (non-breaking and other
Unicode spaces read as spaces, full-width and Arabic-Indic digits as ASCII digits, lone
surrogates as U+FFFD), so every offset and every ``raw`` is the caller's text as written.
A national number is read only in the regions the release points to; the default regions are
used only when the release points to none.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

import phonenumbers
from phonenumbers import Leniency, PhoneNumber, PhoneNumberFormat, PhoneNumberMatcher

from ..explain import reject
from .mojibake import MOJIBAKE_SEQUENCE
from .overprint import collapse, repetition_factor
from .patterns import alternation

# phonenumbers compiles its metadata's patterns on every use and the re module keeps only the
# last 512: matching numbers of several regions keeps recompiling them. The library's own cache
# (bounded by its metadata; absent from older versions) keeps them; results do not change.
if hasattr(phonenumbers, "enable_pattern_cache"):
    phonenumbers.enable_pattern_cache()

MAX_OVERPRINT_LINE = 2_000
MIN_DIGITS_FOR_OVERPRINT = 14
# "+41", "0041" (not "1000"). Each form opens with a literal, its context checked after it: the
# regex engine then jumps between "+" and "0" instead of trying every position.
_INTERNATIONAL_CODE = re.compile(r"(?:\+|0(?<!\w0)0)(\d{1,3})")
# ".org", ".au" after a label, which is only looked at, never scanned (the "." opens the regex).
_TLD = re.compile(r"\.(?<=[A-Za-z0-9-]\.)([a-z]{2,3})(?![\w-])(?!\.\w)")
_DIGIT = re.compile(r"\d")
_NOT_DIGIT_OR_BREAK = bytes(byte for byte in range(256) if byte not in b"0123456789\n")
_YEAR_RANGE = re.compile(r"^(19|20)\d\d\s*[-–/]\s*(\d\d|(19|20)\d\d)$|^(19|20)\d\d\s+(19|20)\d\d$")
# "24 2011-12", "552 1985-86": a figure then a year range is a table row; "2000-3000" a range of figures.
# "(95) 98765-4321": the matcher left out an area code it could not read; the rest is no number.
_BRACKETED_CODE_BEFORE = re.compile(r"\(\+?\d{1,4}\)[ \t]?\Z")
_YEAR_RANGE_END = re.compile(r"(?<![\d-])(?:19|20)\d\d\s*-\s*(?:(?:19|20)\d\d|\d\d)$|^\d{2,4}00\s*-\s*\d{2,4}00$")
# "Ph 02/6277 7260", "022/717 91 11": a slash between the trunk and area code and the number.
_AREA_CODE_SLASH = re.compile(r"\(?0\d{1,4}\)?/\d")
# "1989-2019 200": a year range then a number is a table row, never a phone.
_YEAR_RANGE_START = re.compile(r"(?:19|20)\d\d ?- ?(?:(?:19|20)\d\d|\d\d)(?!\d)")
# "11.2 - 22.61 - 24.05": decimals joined by spaced dashes are a table of figures.
_DECIMAL_TABLE = re.compile(r"\d\.\d+ +- +\d|\d +- +\d+\.\d")
_DATE_OR_TIME = re.compile(r"\b\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d\d\b|\b(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b|\d:\d\d")
# "01.40.44.06.91", "+34.91.445.7116": a number in dotted groups, trunk prefix or "+" first, not a date.
_DOTTED_NUMBER = re.compile(r"(?:\+\d{1,3}|0\d{1,3})(?:\.\d{2,4}){3,}")
# "202/862-1826", "(212) / 963 5000": an area code, a slash, then the rest of the number in groups.
_AREA_CODE_THEN_SLASH = re.compile(r"\(?\d{2,5}\)? ?/ ?\d{2,4}[ \-.]\d{3,4}$")
# A single region is only tried on the text where numbers may be; longer texts are scanned once.
MAX_MATCH_TRIES = 10_000


@dataclass(frozen=True)
class PhoneSettings:
    """Phone finding settings, read from ``models/phones.json`` through the component config."""

    default_regions: tuple[str, ...] = ("US", "GB", "AU")
    min_digits: int = 7
    kind_cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    cue_window: int = 24
    reject_before: tuple[str, ...] = ()
    reject_after: tuple[str, ...] = ()
    tld_regions: Mapping[str, str] = field(default_factory=dict)
    historic_prefixes: Mapping[str, str] = field(default_factory=dict)
    max_regions_tried: int = 8
    city_regions: Mapping[str, str] = field(default_factory=dict)
    local_window: int = 160
    area_codes: Mapping[str, str] = field(default_factory=dict)
    region_words: Mapping[str, str] = field(default_factory=dict)
    short_numbers: Mapping[str, str] = field(default_factory=dict)
    hyphen_extension_regions: tuple[str, ...] = ()
    office_cities: Mapping[str, str] = field(default_factory=dict)
    # Labels that may follow a number with no space when a page lost its line breaks ("9111Email:").
    glued_after_words: frozenset[str] = frozenset()
    # Where the releases read mostly come from: a number grouped as their plans group it is read
    # there when the release points to no region (see ``_placed_region``).
    house_regions: tuple[str, ...] = ()
    cue_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    office_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    city_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    city_lookup: Mapping[str, str] = field(init=False, repr=False, compare=False)
    area_lookup: Mapping[str, str] = field(init=False, repr=False, compare=False)
    short_patterns: Mapping[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)
    words_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_pattern", compile_kind_cues(self.kind_cues))
        object.__setattr__(self, "city_pattern", compile_cities(self.city_regions))
        object.__setattr__(self, "office_pattern", compile_cities(self.office_cities))
        object.__setattr__(self, "city_lookup", {_city_key(city): code for city, code in self.city_regions.items()})
        object.__setattr__(self, "area_lookup", {_city_key(city): code for city, code in self.area_codes.items()})
        object.__setattr__(self, "words_pattern", compile_cities({word: word for word in self.region_words}))
        object.__setattr__(self, "short_patterns", {region: re.compile(pattern) for region, pattern in self.short_numbers.items()})


def compile_cities(city_regions: Mapping[str, str]) -> re.Pattern[str]:
    """One regex over the office cities that point to a country ("Geneva", "GENEVA" -> CH), whole words only.

    Matched as written or in capitals (contact blocks are often in capitals), never in lower
    case: "perth" or "darwin" in running text is not taken for a city.
    """
    forms = {form for city in city_regions for form in (city, city.upper())}
    if not forms:
        return re.compile(r"(?!x)x")
    if not all(forms):
        return re.compile(rf"(?<![\w-])(?:{alternation(forms)})(?![\w-])")
    # One branch per first character, which opens the branch as a literal: the regex engine
    # then skips to the next possible first character instead of trying every position (a
    # lookbehind first would defeat that). Within a branch the longest name still wins.
    branches: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        branches.setdefault(form[0], []).append(re.escape(form[1:]))
    alternatives = "|".join(
        rf"{re.escape(first)}(?<![\w-]{re.escape(first)})(?:{'|'.join(rests)})" for first, rests in branches.items()
    )
    return re.compile(rf"(?:{alternatives})(?![\w-])")


def compile_kind_cues(kind_cues: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """One regex with a named group per kind, compiled once per pipeline."""
    groups = []
    for kind, cues in kind_cues.items():
        alternatives = alternation(cues)
        groups.append(f"(?P<{kind}>{alternatives})")
    if not groups:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![a-z])(?:{'|'.join(groups)})(?![a-z])")


@dataclass(frozen=True)
class PhoneHit:
    """One phone number as written and as meant."""

    start: int
    end: int
    raw: str
    e164: str
    extension: str | None
    region: str | None
    valid: bool
    kind: str
    repaired: bool
    grouping_matches: bool = False
    # The reading that found it (:data:`iom_nlp.sources.PHONE_SOURCES`), set where the hit is made.
    source: str = ""


@dataclass(frozen=True)
class RegionEvidence:
    """Regions to try, most likely first, those the release itself points to, and where.

    ``ranked`` holds the evidenced regions by weight, or the default regions when the release
    points to none. ``located`` is (offset, region) of each place or country the text names, in
    text order: the one just before a number is the office it belongs to ("IOM Geneva, Tel: 022 ...").
    ``area_codes`` is (offset, region, trunk and area code) of each city whose local numbers are
    written without their area code ("media office in Melbourne on 9416 1721"). ``home`` is the
    region the release is written from: most votes from its office cities and domains, never
    from the countries or capitals it is about.
    """

    ranked: tuple[str, ...]
    evidenced: frozenset[str]
    located: tuple[tuple[int, str], ...] = ()
    area_codes: tuple[tuple[int, str, str], ...] = ()
    home: str | None = None


# ---------------------------------------------------------------------------------------------
# Folding: one character in, one character out, so offsets never move.

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LINE_BREAKS = frozenset("\x85\u2028\u2029")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d")
_FULL_WIDTH = {"＋": "+", "（": "(", "）": ")", "／": "/", "～": "~", "．": ".", "＃": "#"}
_SURROGATES = range(0xD800, 0xE000)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if ord(char) in _SURROGATES:
        return "\ufffd"
    if char in _LINE_BREAKS:
        return "\n"
    if char.isspace():
        return " "
    if char in _DASHES:
        return "-"
    if char in _FULL_WIDTH:
        return _FULL_WIDTH[char]
    digit = unicodedata.decimal(char, None)
    return char if digit is None else str(digit)


def fold_text(text: str) -> str:
    """``text`` with the same length, numbers written in any script or spacing made ASCII.

    Non-breaking spaces ("0427\\u00a0604\\u00a0760"), full-width ("０３-１２３４") and Arabic-Indic
    digits, full-width punctuation and lone surrogates (from a bad decode) would otherwise cut
    a number or make a library raise; mentions are still read from the caller's text.
    """
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda match: _fold_char(match.group()), text)


# ---------------------------------------------------------------------------------------------
# Regions


def infer_regions(
    text: str,
    settings: PhoneSettings,
    country_evidence: Iterable[str] = (),
    place_evidence: Iterable[str] = (),
    located: Iterable[tuple[int, str]] = (),
) -> RegionEvidence:
    """Regions to read national-format numbers in, most likely first.

    Evidence comes from the release itself: countries it names, capitals and office cities
    (``city_regions``: "Geneva" is Switzerland), e-mail and web domains, and the calling codes
    of its international numbers. The default regions are used only when there is no evidence
    at all: a number that no region the release points to accepts is not read in another
    country's plan ("022 739 8111" in a Geneva release is not a New Zealand mobile).
    """
    votes: Counter[str] = Counter()
    addresses: Counter[str] = Counter()
    for code in country_evidence:
        votes[code] += 2
    for code in place_evidence:
        votes[code] += 3  # capitals are as often a topic ("talks in Jakarta") as an address: not home
    places = list(located)
    areas = []
    for match in settings.city_pattern.finditer(text):
        city = _city_key(match.group())
        city_region = settings.city_lookup.get(city)
        if city_region:
            votes[city_region] += 3
            addresses[city_region] += 1
            places.append((match.start(), city_region))
            if city in settings.area_lookup:
                areas.append((match.start(), city_region, settings.area_lookup[city]))
    for word in {match.group() for match in settings.words_pattern.finditer(text)}:
        # Weak evidence, once per word: "Senator", "Australian Greens" (a country inside a name).
        word_region = settings.region_words.get(word) or settings.region_words.get(word.title())
        if word_region:
            votes[word_region] += 1
    for match in _TLD.finditer(text):
        tld = match.group(1).lower()
        region = settings.tld_regions.get(tld, tld.upper() if len(tld) == 2 else None)
        if region and region in phonenumbers.SUPPORTED_REGIONS:
            votes[region] += 3
            addresses[region] += 1
    for match in _INTERNATIONAL_CODE.finditer(text):
        region = _region_for_prefix(match.group(1))
        if region:
            votes[region] += 1
    ranked = tuple(code for code, _ in votes.most_common() if code in phonenumbers.SUPPORTED_REGIONS)
    supported_places = tuple(sorted((offset, code) for offset, code in places if code in phonenumbers.SUPPORTED_REGIONS))
    homes = [code for code, _ in addresses.most_common(1) if code in phonenumbers.SUPPORTED_REGIONS]
    if ranked:
        return RegionEvidence(ranked, frozenset(ranked), supported_places, tuple(areas), homes[0] if homes else None)
    defaults = tuple(code for code in settings.default_regions if code in phonenumbers.SUPPORTED_REGIONS)
    return RegionEvidence(defaults, frozenset(), supported_places, tuple(areas))


def _city_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _region_for_prefix(digits: str) -> str | None:
    """The region of the shortest calling code that starts ``digits`` ("599..." is CW)."""
    for length in range(1, len(digits) + 1):
        region = phonenumbers.region_code_for_country_code(int(digits[:length]))
        if region != "ZZ":
            return str(region)
    return None


MAX_OFFICE_LINES = 2
MAX_OFFICE_LINE = 40


def _local_region(text: str, regions: RegionEvidence, offsets: list[int], start: int, window: int) -> str | None:
    """The region of the office named nearest before ``start`` (within ``window`` characters).

    "IOM Geneva, Tel: 022 ..." and a contact block's office line ("IOM Geneva" alone on the line
    before "Tel:") name the office; "talks in Geneva ended." before a contact line does not.
    """
    index = bisect.bisect_left(offsets, start) - 1
    if index < 0 or start - offsets[index] > window:
        return None
    between = text[offsets[index] : start]
    if "\n" in between:
        office_line = between.split("\n", 1)[0]
        if "\n\n" in between or between.count("\n") > MAX_OFFICE_LINES or "." in office_line or len(office_line) > MAX_OFFICE_LINE:
            return None
    return regions.located[index][1]


def _office_city_before(text: str, start: int, settings: PhoneSettings) -> str | None:
    """The region of an office city (``office_cities``) on the office line just before ``start``.

    "IOM Washington\nTel: +202 ..." names a U.S. office; these cities are no region evidence
    elsewhere in a release ("talks in Washington" does not make its numbers American).
    """
    window_start = max(0, start - MAX_OFFICE_LINE - len("Tel: "))
    last = max(settings.office_pattern.finditer(text, window_start, start), key=lambda match: match.start(), default=None)
    if last is None:
        return None
    between = text[last.end() : start]
    if between.count("\n") > 1 or "." in between.replace("Tel.", "").replace("tel.", ""):
        return None
    return settings.office_cities.get(last.group()) or settings.office_cities.get(last.group().title())


# ---------------------------------------------------------------------------------------------
# Finding


RegionSource = RegionEvidence | Callable[[], RegionEvidence]


def find_phones(text: str, regions: RegionSource, settings: PhoneSettings) -> list[PhoneHit]:
    """Every phone and fax number in ``text``, overprinted PDF lines included (see :mod:`.overprint`).

    An overprinted line is read only in its collapsed form: its raw copies would give garbage.
    Matching runs on :func:`fold_text` of ``text``; each hit's ``raw`` is ``text[start:end]``.
    ``regions`` may be a function that infers them (:func:`infer_regions`): it is then called
    at most once, and only when the text holds something that may be a number.
    """
    evidence = _once(regions)
    folded = fold_text(text)
    overprinted = _overprinted_lines(folded)
    hits = [
        replace(hit, raw=text[hit.start : hit.end])
        for hit in _find_in_region(folded, evidence, settings)
        if not any(start <= hit.start < end for start, end, _ in overprinted)
    ]
    for line_start, line_end, factor in overprinted:
        collapsed = collapse(folded[line_start:line_end], factor)
        line_regions = replace(evidence(), located=())
        for hit in _find_in_region(collapsed.text, line_regions, settings):
            start, end = _original_span(collapsed.origins, hit.start, hit.end)
            start += _after_last_letter(folded[line_start + start : line_start + end])
            raw = text[line_start + start : line_start + end]
            hits.append(replace(hit, start=line_start + start, end=line_start + end, raw=raw))
    return sorted(hits, key=lambda hit: hit.start)


def _once(regions: RegionSource) -> Callable[[], RegionEvidence]:
    """``regions`` as a function that infers them on its first call only."""
    known: list[RegionEvidence] = [] if callable(regions) else [regions]

    def evidence() -> RegionEvidence:
        if not known:
            known.append(regions() if callable(regions) else regions)
        return known[0]

    return evidence


def _overprinted_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, repetition factor) of each overprinted line of a folded text (one with enough digits)."""
    lines = []
    for line_start, line_end in _lines_with_many_digits(text, MIN_DIGITS_FOR_OVERPRINT):
        factor = repetition_factor(text[line_start:line_end]) if line_end - line_start < MAX_OVERPRINT_LINE else 0
        if factor:
            lines.append((line_start, line_end, factor))
    return lines


def _lines_with_many_digits(folded: str, min_digits: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``folded`` holding at least ``min_digits`` digits, in text order.

    Counted on the UTF-8 bytes with everything but ASCII digits and line breaks deleted, one
    fast pass instead of a regex per line: :func:`fold_text` made every digit ASCII, and no
    byte of a multi-byte character is an ASCII digit or a line break.
    """
    digits = folded.encode("utf-8", "surrogatepass").translate(None, _NOT_DIGIT_OR_BREAK).split(b"\n")
    wanted = [index for index, line in enumerate(digits) if len(line) >= min_digits]
    if not wanted:
        return []
    lengths = [len(line) for line in folded.split("\n")]
    ends = list(accumulate(lengths))  # without the breaks: line i ends at ends[i] + i
    return [(ends[index] + index - lengths[index], ends[index] + index) for index in wanted]


def _after_last_letter(span: str) -> int:
    """Offset in ``span`` past its last letter and the spaces after it (0 when it has none).

    The copies of an overprinted line interleave cue words with digits ("(03)  ph (03)  ph (03)
    9664 ..."): the mention starts after the last of them, so it never holds a letter.
    """
    letters = list(_LETTER.finditer(span))
    if not letters:
        return 0
    cut = letters[-1].end()
    return cut + len(span[cut:]) - len(span[cut:].lstrip())


def _original_span(origins: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    kept = [origin for origin in origins[start:end] if origin >= 0]
    return kept[0], kept[-1] + 1


# "(02) 9876 5432/x7": an extension after a slash.
_SLASH_EXTENSION = re.compile(r" ?/ ?(?:x|ext\.?|extn\.?) ?(\d{1,6})(?!\d)", re.IGNORECASE)
# "+41 22 717 9111/12", "+254 20 444 4174/167": another number sharing all but its last digits.
# Endings may be chained: "+961 1 752 970/1/2" is ...970, ...971 and ...972.
_ALTERNATE_ENDING = re.compile(r" ?/ ?(\d{1,4}|[1-9]\d{4,7})(?!\d|/(?!\d)|[.,:\-]\d| \d)")
# "ext. 112/113", "x 3456/x12": a second extension after a slash.
_SECOND_EXTENSION = re.compile(r" ?/ ?(?:(?:x|ext|extn|int)\.? ?)?\d{1,6}(?!\d)", re.IGNORECASE)
MAX_ALTERNATES = 6
# An extension at the end of a matched number ("x.225", "~7", "ext 12"): not part of the mention.
_TRAILING_EXTENSION = re.compile(r"[\s,;]*(?:~|#|x\.?|ext[.:]?|extn[.:]?|extension:?|int[.:]?)\s*\d{1,7}$", re.IGNORECASE)
_ASCII_WORD_END = re.compile(r"[A-Za-z]+$")
_LETTER = re.compile(r"[^\W\d_]")
SLASH_LOOKAHEAD = 40
# "4811-13", "9111-9112": a hyphen then the last digits of a sibling number (the "-" opens the regex).
_RANGE_TAIL = re.compile(r"-(?:(?<=\d-)|(?<=\d -)(?= \d)) ?(\d{1,4})(?![\d/-]|[.,:]\d| \d)")
# The number written before such a hyphen: digits and their separators back to the line's last letter.
_RANGE_HEAD = re.compile(r"(?:\+|\(?\d)[\d ().-]*$")
RANGE_HEAD_WINDOW = 28
_WORD_NEXT = re.compile(r" ?[^\W\d_]")
# A line holding only the last digits of the number ending the line before ("(02) 6273\n4144"),
# as a line break inside a number leaves it (the "\n" opens the regex).
_BROKEN_LINE = re.compile(r"\n(?:(?<=\d\n)|(?<=\d[ \t]\n))[ \t]*(\d{2,4})[ \t]*(?=\n|$)")


def _find_in_region(text: str, regions: RegionSource, settings: PhoneSettings) -> list[PhoneHit]:
    """Every phone and fax number in ``text``, each read in the region that explains it best.

    A reading earns two points when the number is valid in the region and one more when it is
    written the way that region groups its digits ("(02) 6277 7500" is Australian grouping, not
    Indonesian). Regions are tried in the order the release's evidence ranks them and the first
    best reading wins; the office named just before the number ("IOM Geneva, Tel: 022 ...")
    breaks ties and beats readings that do not group the digits as their plan does.
    International numbers need no region.
    """
    windows = _digit_windows(text, settings.min_digits)
    broken = _BROKEN_LINE.search(text) is not None
    if not windows and not broken and not any(pattern.search(text) for pattern in settings.short_patterns.values()):
        return []  # nothing that may be a number: the regions need not be known
    evidence = regions() if callable(regions) else regions
    text = _ranges_as_slashes(text, evidence, settings)
    if broken:
        mended = _mend_broken_lines(text, evidence, settings)
        if mended is not text:
            text, windows = mended, _digit_windows(mended, settings.min_digits)
    short = _short_numbers(text, evidence, settings)
    if not windows:
        return _short_hits(text, short, [], settings)
    hits = _read_all(text, windows, evidence, settings)
    if not evidence.evidenced:
        # No region evidence: the national numbers placed with confidence (see _placed_region)
        # say where the release is from, and its other numbers are read there.
        placed = tuple(dict.fromkeys(hit.region for hit in hits if hit.region and hit.valid and _dialled_form(hit.raw) is None))
        if placed:
            hits = _read_all(text, windows, replace(evidence, ranked=placed, evidenced=frozenset(placed)), settings)
    return _short_hits(text, short, hits, settings)


def _read_all(text: str, windows: list[tuple[int, int]], evidence: RegionEvidence, settings: PhoneSettings) -> list[PhoneHit]:
    """Every number the candidates of ``windows`` and the runs written with a country code hold."""
    offsets = [offset for offset, _ in evidence.located]
    hits: list[PhoneHit] = []
    previous_end = -1
    for start, end, raw in _candidates(text, windows, evidence, settings):
        found, previous_end = _read_candidate(text, start, end, raw, evidence, settings, offsets, previous_end)
        hits.extend(found)
    return _with_written_codes(text, hits, evidence, settings, offsets)


def _read_candidate(
    text: str,
    start: int,
    end: int,
    raw: str,
    evidence: RegionEvidence,
    settings: PhoneSettings,
    offsets: list[int],
    previous_end: int,
) -> tuple[list[PhoneHit], int]:
    """The number a candidate span holds and its alternate endings, and where the reading stopped."""
    if start < previous_end:
        return [], previous_end  # read already as an extension or a sibling of the number before
    glued = _glued_to_word(text, start, end, settings)
    if (glued and not _may_follow_a_word(text, start, end, raw)) or _bad_slash(text, start, end, previous_end, settings):
        reject("phone", start, end, raw, "phonenumbers:matcher", "glued to a word, or a slash joining it to other figures")
        return [], previous_end
    extension = _SLASH_EXTENSION.match(text, end)
    # "ext. 231/232": a second extension after a slash is only skipped, never read into the number.
    has_own_extension = _TRAILING_EXTENSION.search(raw) is not None
    parse_raw = f"{raw} ext. {extension.group(1)}" if extension and not has_own_extension else raw
    local = _local_region(text, evidence, offsets, start, settings.local_window) or _office_city_before(text, start, settings)
    hit = _best_reading(text, start, end, parse_raw, evidence, settings, local)
    hit = _number_only(text, hit) if hit is not None else None
    if hit is None or (glued and not raw.lstrip().startswith(("+", "(")) and not hit.valid):
        reject("phone", start, end, raw, "phonenumbers:matcher", "no valid reading in the regions the release points to")
        return [], previous_end
    if hit.valid and _figures(raw.strip()) and hit.region not in {local, evidence.home, *evidence.ranked[:1]}:
        reject("phone", start, end, raw, hit.source, "spread digits read in a country the release is not from (OCR debris)")
        return [], previous_end  # spread digits read in a country the release is not from: OCR debris
    hits = [hit]
    previous_end = extension.end() if extension else end
    if has_own_extension:
        # "ext. 112/113": what follows the slash is another extension, never a sibling number.
        second = _SECOND_EXTENSION.match(text, end)
        return hits, second.end() if second else previous_end
    alternate = None if extension else _ALTERNATE_ENDING.match(text, end)
    for _ in range(MAX_ALTERNATES):
        alternate_hit = _alternate(hit, alternate.start(1), alternate.end(1), text) if alternate else None
        if alternate_hit is None:
            break
        hits.append(alternate_hit)
        previous_end = alternate_hit.end
        alternate = _ALTERNATE_ENDING.match(text, alternate_hit.end)
    return hits, previous_end


# A number written with its country code: "+", "++", "+ +" or "00" (not "000"), then digit groups
# joined by one separator each ("+235 52 64 18", "+ 51 1 221 7209", "+34.91.445.7116",
# "+41 (0)22 ..."). The "+" or "0" opens the regex; what comes before is only looked at.
_WRITTEN_CODE = re.compile(
    r"(?:\+[ \t]?\+?|0(?<![\w+]0)0(?!0))[ \t]?\(?[1-9]\d{0,3}\)?(?:(?:[ \t]?\(0\)[ \t]?|[ \t]|[ \t]?[.\-][ \t]?|[ \t]?\()\d+\)?)*"
)
# A national number under an office line, written with the office country's calling code but no "+".
# "221 869 62 00", "(57-1) 639 7777": the code and the area code may share brackets.
_BARE_RUN = re.compile(r"(?<![\d+])(?:\([1-9]\d{0,3}[.\-]\d{1,4}\)[ \t]?\d+|[1-9]\d{0,3})(?:(?:[ \t]|[.\-])\d+)+")
MIN_WRITTEN_NATIONAL = 6


def _with_written_codes(
    text: str, hits: list[PhoneHit], evidence: RegionEvidence, settings: PhoneSettings, offsets: list[int]
) -> list[PhoneHit]:
    """``hits`` plus the numbers written with a country code that the matcher could not read.

    Today's metadata rejects numbers from older plans ("+235 52 64 18", "+221 869 62 00" before
    those countries added digits); written with their country code they are still that
    country's numbers and are kept as given (:func:`_as_given`). So is a number under an office
    line that starts with the office country's calling code but lacks its "+" ("IOM Dakar, Tel:
    221 869 62 00"). Spans the matcher already read are left alone.
    """
    if "+" not in text and "00" not in text and not offsets:
        return hits
    taken = [(hit.start, hit.end) for hit in hits]
    added: list[PhoneHit] = []
    previous_end = -1
    for start, end, written in _written_code_runs(text, evidence, settings, offsets):
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        if _rejected(text, start, end, written, settings):
            reject("phone", start, end, written, "phonenumbers:as-given", "a date, year range, time, figure, table or symbol")
            continue
        found, previous_end = _read_candidate(text, start, end, written, evidence, settings, offsets, previous_end)
        added.extend(found)
        taken.extend((hit.start, hit.end) for hit in found)
    return sorted([*hits, *added], key=lambda hit: hit.start) if added else hits


def _written_code_runs(
    text: str, evidence: RegionEvidence, settings: PhoneSettings, offsets: list[int]
) -> list[tuple[int, int, str]]:
    """(start, end, raw) of each run written with a country code, "+" or office-country digits first."""
    runs = []
    for match in _WRITTEN_CODE.finditer(text):
        raw = match.group().rstrip(" \t.-(")
        if raw.count("(") != raw.count(")") and not raw.lstrip("+ ").startswith("("):
            raw = raw[: raw.rfind("(")].rstrip(" \t.-") if raw.count("(") > raw.count(")") else raw
        if _written_national(raw) is not None and (raw.lstrip("( ").startswith("+") or _valid(_dialled_form(raw) or raw, None)):
            runs.append((match.start(), match.start() + len(raw), raw))
    if offsets:
        for match in _BARE_RUN.finditer(text):
            local = _local_region(text, evidence, offsets, match.start(), settings.local_window)
            if local is None or not _has_cue(text, match.start(), settings):
                continue
            code = str(phonenumbers.country_code_for_region(local))
            raw = match.group()
            digits = "".join(_DIGIT.findall(raw))
            if digits.startswith(code) and len(digits) - len(code) >= MIN_WRITTEN_NATIONAL and len(digits) <= MAX_E164_DIGITS:
                runs.append((match.start(), match.end(), raw))
    return sorted(runs)


def _written_national(raw: str) -> tuple[int, str] | None:
    """(country code, national digits) of a number written with its code, "(0)" dropped, or None.

    None when no calling code opens the digits, when the national part is too short to be a
    number or when the whole is longer than E.164 allows.
    """
    body = raw.lstrip("(+ \t")
    if body.startswith("00"):
        body = body[2:]
    body = re.sub(r"\(0\)", "", body, count=1)
    digits = "".join(_DIGIT.findall(body))
    for length in range(1, 4):
        code = int(digits[:length] or 0)
        if phonenumbers.region_code_for_country_code(code) != "ZZ" or code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
            national = digits[length:]
            if len(national) < MIN_WRITTEN_NATIONAL or len(digits) > MAX_E164_DIGITS:
                return None
            return code, national
    return None


def _ranges_as_slashes(text: str, regions: RegionEvidence, settings: PhoneSettings) -> str:
    """``text`` with each hyphen that opens a range of final digits written as a slash.

    "+880 2 5504 4811-13" and "+41 22 717 9111-9112" give a number and its sibling, as the
    slash form "4811/13" does; the matcher would otherwise refuse the whole run as too long
    and find no number at all. The text keeps its length, so offsets do not move.
    """
    if "-" not in text:
        return text
    chars: list[str] | None = None
    for match in _RANGE_TAIL.finditer(text):
        spaced = match.group(1) != text[match.start() + 1 : match.end()]
        if spaced and _WORD_NEXT.match(text, match.end()):
            continue  # "9111 - 12 May": a date after the number
        if _is_range(text, match.start() - spaced, match.group(1), regions, settings, spaced):
            chars = chars if chars is not None else list(text)
            chars[match.start()] = "/"
    return text if chars is None else "".join(chars)


def _is_range(text: str, hyphen: int, tail: str, regions: RegionEvidence, settings: PhoneSettings, spaced: bool = False) -> bool:
    """True when the number before ``hyphen`` and its sibling ending in ``tail`` are both valid.

    A spaced dash ("76 52 – 53") only joins a close sibling: "9111 - 12 May" is a date after a number.
    Groups of two digits ("52-53") only count in an international number: "02-03 03-04" are years.

    The tail must count up from the number's last digits ("4811-13", "9111-9112"; not
    "5504-4811" nor "2212-5300", whose tail is the rest of the number) and the digits read as one number must be invalid, or the
    tail a close sibling: an ordinary hyphenated number ("0412-345-678", "+880-2-5504-4811")
    is never split, nor a German or Austrian direct-dial extension ("+49 30 1234 5678-12").
    """
    head = _RANGE_HEAD.search(text, max(0, hyphen - RANGE_HEAD_WINDOW), hyphen)
    if head is None:
        return False
    written = head.group().rstrip()
    international = written.lstrip("(").startswith(("+", "00"))
    last_group = _digit_groups(written)[-1]
    shortest = MIN_RANGE_GROUP - international
    if len(last_group) < shortest or len(tail) > len(last_group) or int(tail) <= int(last_group[-len(tail) :]):
        return False  # "02-03 03-04 04-05" is a table of financial years
    if len(tail) == len(last_group) and tail[:-MAX_CLOSE_TAIL] != last_group[:-MAX_CLOSE_TAIL]:
        return False  # "2212-5300" is one eight-digit number; "9111-9112" are siblings
    tried: tuple[str | None, ...] = (None,) if international else regions.ranked[: settings.max_regions_tried]
    close = len(tail) <= MAX_CLOSE_TAIL and int(tail) - int(last_group[-len(tail) :]) <= MAX_CLOSE_STEP
    if spaced and not close:
        return False
    for start in _group_starts(written, international, _has_cue(text, head.start(), settings)):
        number = written[start:]
        if len(_DIGIT.findall(number)) < settings.min_digits:
            break
        for region in tried:
            if not (_valid(number, region) and _valid(number[: -len(tail)] + tail, region)):
                continue
            if not _valid(f"{number} {tail}", region):
                return True
            # The digits read as one longer number too (Pakistan, Italy): a close sibling
            # ("2701-2") is still a range, except where a hyphen opens a direct-dial extension.
            if close and _region_code(number, region) not in settings.hyphen_extension_regions:
                return True
    return False


MAX_CLOSE_TAIL = 2
MAX_CLOSE_STEP = 9
MIN_RANGE_GROUP = 3


def _region_code(number: str, region: str | None) -> str:
    return str(phonenumbers.region_code_for_number(phonenumbers.parse(number, region)))


def _mend_broken_lines(text: str, regions: RegionEvidence, settings: PhoneSettings) -> str:
    """``text`` with each line break inside a number read as a space (same length, same offsets).

    A break is mended only when the number before it is incomplete and joined to the next
    line's digits it becomes valid: "0419 278\\n715" is one mobile; a page number under a
    complete number ("(02) 6277 7860\\n12") stays apart.
    """
    chars: list[str] | None = None
    for match in _BROKEN_LINE.finditer(text):
        head = _RANGE_HEAD.search(text, max(0, match.start() - RANGE_HEAD_WINDOW), match.start())
        if head is None or not _completes(head.group().rstrip(), match.group(1), regions, settings):
            continue
        chars = chars if chars is not None else list(text)
        chars[match.start()] = " "
    return text if chars is None else "".join(chars)


def _looks_dialled(written: str) -> bool:
    """A number with a prefix ("+94", "0419", "(02)"): not a figure cut by a line break."""
    return written.lstrip("(").startswith(("+", "0"))


def _completes(written: str, tail: str, regions: RegionEvidence, settings: PhoneSettings) -> bool:
    """True when ``written`` is no valid number in any region tried and ``written`` + ``tail`` is one."""
    international = written.lstrip("(").startswith(("+", "00"))
    tried: tuple[str | None, ...] = (None,) if international else regions.ranked[: settings.max_regions_tried]
    for start in _group_starts(written, international, cued=False):
        number = written[start:]
        if len(_DIGIT.findall(number)) + len(tail) < settings.min_digits:
            break
        if any(_valid(number, region) for region in tried):
            return False
        if any(_valid(f"{number} {tail}", region) for region in tried):
            return True
    return False


def _group_starts(written: str, international: bool, cued: bool) -> list[int]:
    """Where a number may begin in ``written``: its start, or (national) after a space.

    A national number must open with its trunk prefix ("022", "(02)"), or be the whole run
    after a phone cue: "31.1 (1998) 64-73" is a citation, never "31.1 (1998) 64" and its sibling.
    """
    if international:
        return [0]
    starts = [0, *(index + 1 for index, char in enumerate(written) if char == " " and written[index + 1 : index + 2] not in ("", " "))]
    return [start for start in starts if _looks_dialled(written[start:]) or (cued and start == 0)]


def _valid(number: str, region: str | None) -> bool:
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


def _short_hits(text: str, short: list[tuple[int, int, str, str]], hits: list[PhoneHit], settings: PhoneSettings) -> list[PhoneHit]:
    """``hits`` plus the valid short numbers that overlap none of them, in text order."""
    if not short:
        return hits
    taken = sorted((hit.start, hit.end) for hit in hits)
    starts = [start for start, _ in taken]
    for start, end, raw, region in short:
        index = bisect.bisect_right(starts, start) - 1
        if (index >= 0 and taken[index][1] > start) or (index + 1 < len(taken) and taken[index + 1][0] < end):
            continue
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            kind = phone_kind(text, start, settings)
            hits.append(PhoneHit(start, end, raw, e164, None, region, True, kind, False, False, "phonenumbers:short-number"))
    return sorted(hits, key=lambda hit: hit.start)


_RUN_SEPARATORS = r"[ \t().\-/]"
_DIGIT_RUN = re.compile(r"\d[\d \t().\-/]*")
# Numbers are found by phonenumbers' matcher in the likeliest region and in two permissive
# ones, so that a number the likeliest region thinks impossible is still seen.
SCAN_FALLBACK_REGIONS = ("US", "GB")
MAX_E164_DIGITS = 15


WINDOW_BEFORE = 4
WINDOW_AFTER = 16


def _digit_windows(text: str, min_digits: int) -> list[tuple[int, int]]:
    """Merged windows around runs holding at least ``min_digits`` digits (a "+" before, an extension after)."""
    windows: list[tuple[int, int]] = []
    for match in _long_digit_runs(min_digits).finditer(text):
        start = max(0, match.start() - WINDOW_BEFORE)
        end = min(len(text), match.end() + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@lru_cache(maxsize=8)
def _long_digit_runs(min_digits: int) -> re.Pattern[str]:
    """The runs of ``_DIGIT_RUN`` that hold at least ``min_digits`` digits, and only those.

    Each digit is read with the separators after it. A run with too few digits fails within
    the run at each of its (fewer than ``min_digits``) digits, so the scan stays linear, and
    no run is handed back to Python only to be counted and dropped.
    """
    more = max(0, min_digits - 1)
    return re.compile(rf"\d{_RUN_SEPARATORS}*(?:\d{_RUN_SEPARATORS}*){{{more},}}")


def _candidates(text: str, windows: list[tuple[int, int]], regions: RegionEvidence, settings: PhoneSettings) -> list[tuple[int, int, str]]:
    """Spans that look like phone numbers (dates, money and symbols already rejected).

    The matcher only reads ``windows`` around runs of enough digits (:func:`_digit_windows`),
    not the whole text: scanned releases are full of short numbers that cost parsing and are
    never phones.
    """
    scan = list(dict.fromkeys([*regions.ranked[:1], *SCAN_FALLBACK_REGIONS]))
    found: dict[tuple[int, int], str] = {}
    for window_start, window_end in windows:
        window = text[window_start:window_end]
        for region in scan:
            for match in PhoneNumberMatcher(window, region, leniency=Leniency.POSSIBLE, max_tries=MAX_MATCH_TRIES):
                start, end, raw = _without_alternate_ending(text, window_start + match.start, window_start + match.end, match.raw_string)
                if not _rejected(text, start, end, raw, settings):
                    found.setdefault((start, end), raw)
                else:
                    reject("phone", start, end, raw, "phonenumbers:matcher", "a date, year range, time, figure, table or symbol")
    spans = sorted(found, key=lambda span: (span[0], -(span[1] - span[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, found[(start, end)]))
    return kept


def _without_alternate_ending(text: str, start: int, end: int, raw: str) -> tuple[int, int, str]:
    """The match without an alternate ending the matcher took for part of it ("+420 257 199 800/1").

    A short ending after a slash names a sibling number (read after the number, see
    :data:`_ALTERNATE_ENDING`); left in the match, the slash would make it refused as a symbol.
    """
    slash = raw.find("/")
    while slash > 0:
        cut = len(raw[:slash].rstrip())
        ending = _ALTERNATE_ENDING.match(text, start + cut)
        for _ in range(MAX_ALTERNATES):
            if ending is None or ending.end() >= end:
                break
            ending = _ALTERNATE_ENDING.match(text, ending.end())
        if ending is not None and ending.end() == end:
            return start, start + cut, raw[:cut]
        slash = raw.find("/", slash + 1)
    return start, end, raw


def _glued_to_word(text: str, start: int, end: int, settings: PhoneSettings) -> bool:
    """Digits inside a word are a reference, not a phone ("ref0227179111xyz", "ABN12345678901").

    A number glued to letters on both sides is refused, and so is one glued to letters after it
    ("415-666-7777def") unless they open a label of the next item ("...9111Email:", a line break
    lost by a web page). Glued only before (or by a hyphen: "DFES-00045-2007"), it is kept when
    the letters are a phone cue ("Tel0227179111", "T+41 22 ..."). Only Latin letters count
    ("É", "e" with a combining accent too): Arabic and CJK labels are often written without a
    space before or after the number.
    """
    word_end = start - 1 if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha() else start
    # A "+" or a bracket opens a number after an accented capital as after an ASCII letter ("É+1 ...").
    before = word_end > 0 and (
        text[word_end - 1].isascii() if text[start] in "+(" else True
    ) and _is_latin_letter(text[word_end - 1])
    after = end < len(text) and _is_latin_letter(text[end])
    if before and after:
        return True
    if after and _MOJIBAKE_AFTER.match(text, end):
        return before  # "7860Â\xa0", "9911Ã¢Â\x94Â\x82Fax": a mis-decoded space or rule, not a word
    if after:
        label = _LABEL_AFTER.match(text, end)
        if label is not None and _CAPITALISED.fullmatch(label.group()):
            return False  # "...4144Minister for", "...7860Facsimile:": a line break the page lost
        return label is None or label.group() not in settings.glued_after_words
    if not before:
        return False
    word = _ASCII_WORD_END.search(text, max(0, word_end - 16), word_end)
    return word is None or settings.cue_pattern.fullmatch(word.group().lower()) is None


_LABEL_AFTER = re.compile(r"[A-Z][A-Za-z\-]*")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Za-z]+)?")  # one capitalised word, not capitals ("7777ABC")
# a mis-decoded character; "Â" then a space is a non-breaking space decoded twice (its second
# byte is a space once the text is folded)
_MOJIBAKE_AFTER = re.compile(f"{MOJIBAKE_SEQUENCE}|\u00c2(?=\\s)")


@lru_cache(maxsize=1024)
def _is_latin_letter(char: str) -> bool:
    """A letter of the Latin script, or a combining mark (read with the letter before it)."""
    if char.isascii():
        return char.isalpha()
    if unicodedata.category(char) == "Mn":
        return True
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


MIN_GROUPS_AFTER_HYPHEN = 3


def _may_follow_a_word(text: str, start: int, end: int, raw: str) -> bool:
    """A number glued to a lower-case word before it is still read when it is written dialled.

    "on+41 22 ...", "at(800) 901-3355": a "+" or a bracket opens a number; "at033316005": a
    trunk prefix, read only when valid (the caller checks). After a capitalised word
    ("Levy-(06) ...", "Nairobi+254 ...") the digits would cut a name or an office, and
    "ABN12345678901" and "ref0227179111xyz" stay references.
    """
    word_end = start - 1 if text[start - 1] == "-" else start  # "number-033316005"
    word = _ASCII_WORD_END.search(text, max(0, word_end - 16), word_end)
    if (end < len(text) and text[end].isalpha()) or word is None or not word.group().islower():
        return False  # "Levy-(06) ...", "Nairobi+254": a name's last word stays the name's
    # "number-415-666-7777": a hyphen after the word, then a number in three groups or more.
    return raw.lstrip().startswith(("+", "(", "0")) or (text[start - 1] == "-" and len(_digit_groups(raw)) >= MIN_GROUPS_AFTER_HYPHEN)


def _bad_slash(text: str, start: int, end: int, previous_end: int, settings: PhoneSettings) -> bool:
    """A slash glued to a number makes it a symbol or a date ("A/RES/73/1951234"), unless it
    joins two numbers ("0400 510 802/0432 833 769"), an alternate ending ("9111/12") or an
    extension ("5432/x7"). A spaced " / " separates list items and is fine.
    """
    if start > 0 and text[start - 1] == "/" and not (previous_end >= 0 and not text[previous_end : start - 1].strip()):
        return True
    if end >= len(text) or text[end] != "/":
        return False
    if _SLASH_EXTENSION.match(text, end) or _ALTERNATE_ENDING.match(text, end):
        return False
    after_slash = text[end + 1 : end + 1 + SLASH_LOOKAHEAD]
    rest = after_slash.lstrip(" +(")
    if not rest[:1].isdigit():
        return after_slash[:1].isalnum()  # "5432/ Fax" separates; "5432/ABC" is a symbol
    following = _DIGIT_RUN.match(rest)
    return following is None or len(_DIGIT.findall(following.group())) < settings.min_digits


def _number_only(text: str, hit: PhoneHit) -> PhoneHit | None:
    """The hit narrowed to the number itself: a trailing extension is kept only in ``extension``.

    A mention never holds a letter: one that still would after trimming is dropped.
    """
    written = text[hit.start : hit.end]
    trailing = _TRAILING_EXTENSION.search(written)
    end = hit.start + trailing.start() if trailing else hit.end
    written = text[hit.start : end]
    if _LETTER.search(written) or not written:
        return None
    return replace(hit, end=end, raw=written)


MAX_GIVEN_TAIL = 2


def _alternate(hit: PhoneHit, start: int, end: int, text: str) -> PhoneHit | None:
    """The number written as an alternate ending of ``hit`` ("4174/167" is also ...4167)."""
    tail = text[start:end]
    digits = hit.e164[1:]
    if len(tail) >= len(digits) - 4:
        return None
    if not hit.valid:
        # A number kept as given ("+221 869 62 00/01"): its sibling is kept as given too.
        if len(tail) > MAX_GIVEN_TAIL or hit.repaired:
            return None
        e164 = f"+{digits[: -len(tail)]}{tail}"
        return replace(hit, start=start, end=end, raw=tail, e164=e164, extension=None, source=ALTERNATE_SOURCE)
    try:
        number = phonenumbers.parse(f"+{digits[: -len(tail)]}{tail}")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(number)
    region_code = str(region) if region else hit.region
    return replace(hit, start=start, end=end, raw=tail, e164=e164, extension=None, region=region_code, source=ALTERNATE_SOURCE)


ALTERNATE_SOURCE = "phonenumbers:alternate-ending"


# A reading valid in its region (2) and grouped as that region's plan groups it (1): the most
# a reading in a region other than the office's can score in :func:`_best_reading`.
FULL_READING_SCORE = 3.0


def _best_reading(
    text: str,
    start: int,
    end: int,
    raw: str,
    regions: RegionEvidence,
    settings: PhoneSettings,
    local: str | None = None,
) -> PhoneHit | None:
    dialled = _dialled_form(raw)
    international = dialled is not None
    if len(_DIGIT.findall(_number_part(raw))) > MAX_E164_DIGITS:
        return None
    # A mistyped "+202 ..." is read as the U.S. number it was meant to be only under a U.S. or
    # Canadian office (the one named before it, else the release's home): never elsewhere.
    repairable = (local or regions.home) in NORTH_AMERICA
    if international:
        tried: tuple[str | None, ...] = regions.ranked[:1] or settings.default_regions[:1]
    else:
        tried = tuple(dict.fromkeys([*([local] if local else []), *regions.ranked[: settings.max_regions_tried]]))
    best: PhoneHit | None = None
    best_score = -1.0
    for region in tried:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        hit = _to_hit(text, start, end, raw, number, settings, repairable, _reading_source(international, region, local, regions))
        if hit is None:
            continue
        # The office named just before the number breaks ties and beats a reading that does not
        # group the digits as its plan does; a person called Paris does not make 0427 604 760 French.
        score = 2 * hit.valid + hit.grouping_matches + 0.5 * (hit.valid and region == local)
        if score > best_score:
            best, best_score = hit, score
        if best_score >= FULL_READING_SCORE:
            # No later region can beat it: the office's region, the only one with the tie-break
            # bonus, is tried first, and a later reading must score more, not as much, to win.
            break
    if international:
        return _international_reading(text, start, end, raw, dialled or raw, best, settings, repairable)
    if local and (best is None or not best.valid):
        with_code = _office_code_reading(text, start, end, raw, local, settings)
        if with_code is not None:
            return with_code
    if not regions.evidenced and not local:
        # The release points to no region: only a number every plan that groups it so reads
        # alike, in a default region, is read ("0401 443 524"); "023 1234 0000" may be British or
        # Argentinian and "312 345 678" Italian or Czech: no answer, never a guess.
        placed = _placed_region(_number_part(raw).strip(), tuple(settings.default_regions), tuple(settings.house_regions))
        return best if best is not None and best.valid and best.region == placed else _reading_in(text, start, end, raw, placed, settings)
    if not tried:
        return best
    if best is None:
        best = _with_area_code(text, start, end, raw, regions, settings)
    if local and (best is None or (best.region != local and not best.grouping_matches)):
        # The office named just before the number outranks a reading in another country.
        return _unverified(text, start, end, raw, local, settings) or best
    if best is None and regions.home:
        return _unverified(text, start, end, raw, regions.home, settings)
    return best


def _reading_in(text: str, start: int, end: int, raw: str, region: str | None, settings: PhoneSettings) -> PhoneHit | None:
    """The valid reading of a national number in ``region``, or None."""
    if region is None:
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    hit = _to_hit(text, start, end, raw, number, settings, repairable=False, source="phonenumbers:default-region")
    return hit if hit is not None and hit.valid else None


@lru_cache(maxsize=2048)
def _placed_region(written: str, defaults: tuple[str, ...], house: tuple[str, ...]) -> str | None:
    """The region a national number is read in when the release points to no region, or None.

    A house region (where the releases the library reads mostly come from) takes a number
    valid there and written in its plan's groups or coarser ("415-666-7777", "(415) 6667777",
    "1 415 666 7777", "0401 443 524"), unless another house region reads it too. Another default
    region takes it only when no numbering plan in the world that groups its digits so reads
    another number. Else no answer: "023 1234 0000" may be British or Argentinian, "011 3797
    0000" Argentinian or from New Zealand, "312 345 678" Italian or Czech.
    """
    placed = {region: _coarsely_grouped_in(written, region) for region in house}
    readings = {e164 for e164 in placed.values() if e164 is not None}
    if len(readings) == 1:
        return next(region for region, e164 in placed.items() if e164 is not None)
    if readings or not any(_grouped_valid_in(written, region) for region in defaults):
        return None  # no default region groups it so: the whole world need not be asked
    numbers: set[str] = set()
    grouped: set[str] = set()
    for region in phonenumbers.SUPPORTED_REGIONS:
        try:
            number = phonenumbers.parse(written, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and grouping_matches(written, number):
            numbers.add(phonenumbers.format_number(_without_extension(number), PhoneNumberFormat.E164))
            if len(numbers) > 1:
                return None
            grouped.add(str(region))
    return next((region for region in defaults if region in grouped), None)

def _grouped_valid_in(written: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(written, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number)) and grouping_matches(written, number)


def _coarsely_grouped_in(written: str, region: str) -> str | None:
    """The E.164 of ``written`` read in ``region`` when valid there and grouped as its plan groups it or coarser.

    Each digit group written must join whole groups of the plan's national format ("(415)
    6667777", "4156667777"); a leading country code ("1 415 666 7777") may come first.
    """
    try:
        number = phonenumbers.parse(written, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    groups = _digit_groups(written)
    if len(groups) > 1 and groups[0] == str(number.country_code):
        groups = groups[1:]
    plain = _without_extension(number)
    expected = _digit_groups(phonenumbers.format_number(plain, PhoneNumberFormat.NATIONAL))
    for group in groups:
        joined = ""
        while expected and len(joined) < len(group):
            joined += expected.pop(0)
        if joined != group:
            return None
    return None if expected else str(phonenumbers.format_number(plain, PhoneNumberFormat.E164))

def _international_reading(
    text: str, start: int, end: int, raw: str, dialled: str, best: PhoneHit | None, settings: PhoneSettings, repairable: bool
) -> PhoneHit | None:
    """The reading of a number written with an international prefix.

    "00 41 ..." is also read as "+41 ...": "00" is the international prefix nearly everywhere,
    but not in the region tried (the U.S. dials 011), which would read the digits as national.
    A valid reading wins. Else a number written with "+" is kept as given (:func:`_as_given`);
    one written with "00" is not, as "008 651 921" may be an old national number: it needs a
    valid reading.
    """
    if best is not None and (best.valid or best.repaired):
        return best
    if dialled != raw:
        try:
            number = phonenumbers.parse(dialled)
        except phonenumbers.NumberParseException:
            number = None
        source = "phonenumbers:international"
        hit = _to_hit(text, start, end, raw, number, settings, repairable, source) if number is not None else None
        if hit is not None and (hit.valid or hit.repaired):
            return hit
    if raw.lstrip("( \t").startswith("+"):
        return _as_given(text, start, end, raw, settings)
    return None


NORTH_AMERICA = frozenset({"US", "CA"})
# Where an extension starts in a number as written: "x.225", "ext 12", "int. 231", "#3456", "~7".
# A "~" marks an extension only before the last digits: "0~0 1800 ..." is a prefix (dial "0", wait, dial "0").
_EXTENSION_MARK = re.compile(r"[\s,;]*(?:[xX#]|~(?=\s*\d{1,7}\s*$)|ext|EXT|Ext|extn|extension|int\b|Int\b)")


def _number_part(raw: str) -> str:
    """``raw`` without its extension: digits after an extension mark never join the number."""
    mark = _EXTENSION_MARK.search(raw)
    return raw[: mark.start()] if mark else raw


def _dialled_form(raw: str) -> str | None:
    """The number with "+" for its international prefix ("00 41 ...", "++41", "+ +41"), or None when national."""
    written = raw.lstrip("( \t")
    if written.startswith("+"):
        return "+" + written.lstrip("+ \t")
    if written.startswith("00") and not written.startswith("000") and not raw.lstrip().startswith("("):
        return "+" + written[2:].lstrip(" \t")
    if written.startswith("0~0"):
        return "+" + written[3:].lstrip(" \t")  # "0~0 1800 ...": "00" with a wait for the dial tone
    return None


def _as_given(text: str, start: int, end: int, raw: str, settings: PhoneSettings) -> PhoneHit | None:
    """A number written with its country code that today's plan rejects, kept as written.

    ``valid=False``, ``region`` from the calling code, ``e164`` the code and the digits as
    written ("+233 21 771 225" from before Accra's numbers gained a digit is ``+23321771225``):
    an older plan is never re-read as another country's number. The extension stays out.
    """
    number = _number_part(raw).rstrip()
    written = _written_national(number)
    if written is None or _holds_a_shorter_number(number):
        return None
    code, national = written
    if not text[end:] and len(national) < _shortest_national(code) - 1:
        return None  # nothing after it and too short even for an older plan: cut inside ("+41 22 717 91")
    e164 = f"+{code}{national}"
    region = _historic_region(e164, settings) or phonenumbers.region_code_for_country_code(code)
    extension = _EXTENSION_DIGITS.search(raw[len(number) :])
    return PhoneHit(
        start,
        end,
        raw,
        e164,
        extension.group() if extension else None,
        None if region in ("ZZ", "001") else str(region),
        False,
        phone_kind(text, start, settings),
        False,
        False,
        "phonenumbers:as-given",
    )


_EXTENSION_DIGITS = re.compile(r"\d{1,7}")


def _shortest_national(code: int) -> int:
    """The fewest national digits today's plan of any region with calling code ``code`` allows."""
    lengths = [
        length
        for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ())
        for metadata in [phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(code, region)]
        if metadata is not None and metadata.general_desc is not None
        for length in metadata.general_desc.possible_length or ()
        if length > 0
    ]
    return min(lengths, default=MIN_WRITTEN_NATIONAL)
_GROUP_END = re.compile(r"\d(?=[^\d]+\d)")


def _holds_a_shorter_number(number: str) -> bool:
    """True when the digits before a later group already make a valid or a too-long number.

    "+41 22 717 9119-12" is a valid Swiss number and something else after it: the whole run is
    not one number from an older plan.
    """
    dialled = _dialled_form(number) or number
    try:
        whole = phonenumbers.parse(dialled)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_possible_number_with_reason(whole) == phonenumbers.ValidationResult.TOO_LONG:
        return True
    return any(_valid(dialled[: match.end()], None) for match in _GROUP_END.finditer(dialled))


def _office_code_reading(text: str, start: int, end: int, raw: str, local: str, settings: PhoneSettings) -> PhoneHit | None:
    """A number under an office that starts with the office country's calling code, without its "+".

    "IOM Dakar, Tel: 221 869 62 00": read as "+221 869 62 00" (kept as given when today's
    plan rejects it); only after a phone cue, and only with at least six digits after the code.
    """
    number = _number_part(raw)
    digits = "".join(_DIGIT.findall(number))
    code = str(phonenumbers.country_code_for_region(local))
    if code == "0" or not digits.startswith(code) or not _has_cue(text, start, settings):
        return None
    if code == "1" and _digit_groups(number)[0] != "1":
        return None  # "(123) 456-7890" under a U.S. office: "1" is a trunk prefix there, not this
    if number.lstrip("( ").startswith("0") or len(digits) - len(code) < MIN_WRITTEN_NATIONAL:
        return None
    try:
        parsed = phonenumbers.parse(f"+{digits}")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_valid_number(parsed):
        parsed.extension = phonenumbers.parse(raw, local).extension if number != raw else None
        return _to_hit(text, start, end, raw, parsed, settings, repairable=False, source=OFFICE_CODE_SOURCE)
    given = _as_given(text, start, end, "+" + raw.lstrip("( "), settings)
    return replace(given, raw=raw, source=OFFICE_CODE_SOURCE) if given is not None else None


OFFICE_CODE_SOURCE = "phonenumbers:office-code"


def _with_area_code(text: str, start: int, end: int, raw: str, regions: RegionEvidence, settings: PhoneSettings) -> PhoneHit | None:
    """A local number written without its area code, read with the code of the city named before it.

    Australian releases give "on 9416 1721" for a Melbourne office: the nearest city before the
    number with a known area code (``area_codes``), else the first one in the text, supplies it,
    and only a valid result is kept.
    """
    if not regions.area_codes or raw.lstrip("( ").startswith("0"):
        return None
    index = bisect.bisect_left(regions.area_codes, (start, "", "")) - 1
    _, region, code = regions.area_codes[max(index, 0)]
    if region not in regions.evidenced:
        return None
    try:
        number = phonenumbers.parse(f"{code} {raw}", region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    kind = phone_kind(text, start, settings)
    return PhoneHit(start, end, raw, e164, number.extension or None, region, True, kind, False, False, "phonenumbers:area-code")


def _short_numbers(text: str, regions: RegionEvidence, settings: PhoneSettings) -> list[tuple[int, int, str, str]]:
    """National numbers shorter than ``min_digits`` (Australian "13 14 50"), each with its region.

    Read only in a region the release points to, and only after a phone cue on the same line:
    six digits alone are as often a figure as a number.
    """
    found = []
    for region, pattern in settings.short_patterns.items():
        if region not in regions.evidenced:
            continue
        for match in pattern.finditer(text):
            if _has_cue(text, match.start(), settings):
                found.append((match.start(), match.end(), match.group(), region))
    return found


def _unverified(text: str, start: int, end: int, raw: str, region: str, settings: PhoneSettings) -> PhoneHit | None:
    """A national number the office's region does not accept, kept as written, ``valid=False``.

    Only in the region of the office named just before the number or, when no region accepts
    it, the release's home region (its places and domains), never in the country it is most
    about (a Canberra release about Viet Nam holds no Vietnamese numbers); only when the number is written in full national
    form (a trunk prefix in brackets, "(06) 277 3643", an Australian number from before 1996, or a
    trunk prefix after a cue such as "Tel"; "9416 1721" lacks its area code) and has a possible
    length there. It takes the office's calling code, as the annotation guide says; ``region``
    stays None: no numbering plan vouches for the number.
    """
    written = raw.lstrip()
    if not (written.startswith("(0") or (written.startswith("0") and _has_cue(text, start, settings))):
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if number.italian_leading_zero or phonenumbers.is_possible_number_with_reason(number) != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None  # a leading zero the plan does not strip as a trunk prefix ("07 ..." in the US)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    kind = phone_kind(text, start, settings)
    return PhoneHit(start, end, raw, e164, number.extension or None, None, False, kind, False, False, "phonenumbers:unverified")


def grouping_matches(raw: str, number: PhoneNumber) -> bool:
    """True when ``raw`` groups its digits as the number's own region formats them (or merges its last groups)."""
    written = _digit_groups(raw.split("x")[0].split("ext")[0])
    fmt = PhoneNumberFormat.INTERNATIONAL if raw.lstrip("(").startswith(("+", "00")) else PhoneNumberFormat.NATIONAL
    expected = _digit_groups(phonenumbers.format_number(_without_extension(number), fmt))
    if fmt == PhoneNumberFormat.INTERNATIONAL and raw.lstrip("(").startswith("00"):
        written = written[1:] if written and written[0] == "00" else written
    if written == expected or ("".join(written) == "".join(expected) and len(written) == 1):
        return True
    # The habit of merging the last groups ("022 739 8111" for the Swiss "022 739 81 11").
    kept = len(written) - 1
    return kept >= MIN_GROUPS_KEPT and written[:kept] == expected[:kept] and written[kept] == "".join(expected[kept:])


MIN_GROUPS_KEPT = 2


def _digit_groups(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _without_extension(number: PhoneNumber) -> PhoneNumber:
    plain = PhoneNumber()
    plain.merge_from(number)
    plain.extension = None
    return plain


def _to_hit(
    text: str,
    start: int,
    end: int,
    raw: str,
    number: PhoneNumber,
    settings: PhoneSettings,
    repairable: bool,
    source: str,
) -> PhoneHit | None:
    written_international = _dialled_form(raw) is not None
    if _glued_extension(raw, number):
        return None  # "2034567890x456": an extension read into the number would make a wrong one
    if not written_international and _short_bracket(raw, number):
        return None  # "(33) 1234-5678" is no U.S. number: the plan's area code "(331)" is longer
    valid = phonenumbers.is_valid_number(number)
    repaired = False
    if not valid and written_international and repairable:
        fixed = repair_number(number, us_evidence=True)
        if fixed is not None:
            number, valid, repaired, source = fixed, True, True, "phonenumbers:us-repair"
    if not valid and not written_international:
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    region = _region_of(number, e164, settings)
    kind = phone_kind(text, start, settings)
    grouped = valid and grouping_matches(raw, number)
    return PhoneHit(start, end, raw, e164, number.extension or None, region, valid, kind, repaired, grouped, source)


def _reading_source(international: bool, region: str | None, local: str | None, regions: RegionEvidence) -> str:
    """Which reading of :func:`_best_reading` a hit parsed in ``region`` is (``PHONE_SOURCES``)."""
    if international:
        return "phonenumbers:international"
    if region is not None and region == local:
        return "phonenumbers:office-region"
    return "phonenumbers:release-region" if region in regions.evidenced else "phonenumbers:default-region"


_BRACKETED_DIGITS = re.compile(r"\((\d+)\)")


def _short_bracket(raw: str, number: PhoneNumber) -> bool:
    """True when the digits written in brackets are fewer than the area code of the plan read.

    The brackets of a national number hold its area code: a plan whose first group is longer
    reads the digits otherwise than they were written. "(0)" and longer brackets ("(1800)",
    "(0207)") pass.
    """
    bracket = _BRACKETED_DIGITS.search(_number_part(raw))
    if bracket is None or not bracket.group(1).strip("0") or bracket.group(1) == str(number.country_code):
        return False  # "(0)", or the country code in brackets ("(502) 2331 0741" under IOM Guatemala)
    national = _digit_groups(phonenumbers.format_number(_without_extension(number), PhoneNumberFormat.NATIONAL))
    return len(national) > 1 and len(bracket.group(1)) < len(national[0])


def _glued_extension(raw: str, number: PhoneNumber) -> bool:
    """True when the national number holds more digits than the number written before its extension."""
    number_part = _number_part(raw)
    if number_part == raw:
        return False  # no extension written (a plan may add a digit: Christmas Island's "8")
    written = len(_DIGIT.findall(number_part))
    national = len(str(number.national_number))
    return national + (len(str(number.country_code)) if _dialled_form(raw) is not None else 0) > written


def _region_of(number: PhoneNumber, e164: str, settings: PhoneSettings) -> str | None:
    region = phonenumbers.region_code_for_number(number)
    if region:
        return str(region)
    historic = _historic_region(e164, settings)
    if historic:
        return historic
    fallback = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return None if fallback == "ZZ" else str(fallback)


def _historic_region(e164: str, settings: PhoneSettings) -> str | None:
    """The region of a number from a plan that no longer exists ("+5995..." was the Netherlands Antilles)."""
    for prefix, historic_region in settings.historic_prefixes.items():
        if e164.startswith(prefix):
            return historic_region
    return None


def _rejected(text: str, start: int, end: int, raw: str, settings: PhoneSettings) -> bool:
    """Dates, years, money, percentages, tables of figures and document symbols are not phone numbers."""
    digits = len(_DIGIT.findall(raw))
    if digits < settings.min_digits:
        return True
    stripped = raw.strip()
    if ("/" in raw and not _AREA_CODE_SLASH.match(stripped) and not _AREA_CODE_THEN_SLASH.match(stripped)) or raw.count("/") > 1:
        return True
    bare = stripped.strip("()")  # "(1980-1985)": the years of a biography, in brackets
    if _YEAR_RANGE.match(bare) or (_DATE_OR_TIME.search(raw) and not _DOTTED_NUMBER.fullmatch(bare)):
        return True
    if not _looks_dialled(bare) and (_YEAR_RANGE_END.search(bare) or _BRACKETED_CODE_BEFORE.search(text, max(0, start - 8), start)):
        return True
    spread = _figures(stripped) and not _spread_after_cue(text, start, stripped, settings)
    if _YEAR_RANGE_START.match(bare) or _DECIMAL_TABLE.search(raw) or spread:
        return True
    if _quantity(text, end, stripped) and not _has_cue(text, start, settings):
        return True
    before = text[max(0, start - 12) : start].rstrip()
    after = text[end : end + 12].lstrip().lower()
    if _TIME_AFTER.match(text, end):
        return True
    if any(before.endswith(token) for token in settings.reject_before):
        return True
    return any(after.startswith(token) for token in settings.reject_after)


# "4 433 221", "12 500": thousands grouped by spaces (French, Spanish, SI style), no leading zero.
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+")
_WORD_AFTER = re.compile(r"[ \u00a0\u202f]+(\w)")


def _quantity(text: str, end: int, raw: str) -> bool:
    """ "lists 4 433 221 displaced", "1 200 personnes", "12 500 migrantes": a number grouped in
    thousands and followed by a lower-case word is a count of something, not a phone number
    (a phone cue before it on its line still makes it one: see :func:`_rejected`)."""
    if _THOUSANDS.fullmatch(raw) is None:
        return False
    word = _WORD_AFTER.match(text, end)
    return word is not None and word.group(1).islower()


# "(1998) 64-73"; not "(1800) 7493 524", a bracketed toll-free prefix.
_CITATION_YEAR = re.compile(r"\((?:19|20)\d\d\)")
_PAGE_RANGE = re.compile(r"(?<![\d-])(\d{1,3})-(\d{1,3})$")
_TIME_AFTER = re.compile(r":\d\d")
MIN_GROUPS_FOR_SPREAD = 4


def _spread_after_cue(text: str, start: int, raw: str, settings: PhoneSettings) -> bool:
    """A national number typed with its digits spread by spaces ("Tel 0 4 4 7 2 1 2 3 4"), after a cue.

    Without a phone cue on its line such a run is a table of small figures.
    """
    return raw.startswith(("0", "(0")) and max(map(len, _digit_groups(raw))) <= MAX_SPREAD_GROUP and _has_cue(text, start, settings)


MAX_SPREAD_GROUP = 3


def _figures(raw: str) -> bool:
    """Citations, page ranges and tables of small figures read as digits: "(1998) 64-73",
    "Aug 200 53-54", "India 33 2 1 0 36". International numbers are never refused here.
    """
    if raw.startswith(("+", "00")):
        return False
    if _CITATION_YEAR.match(raw):
        return True
    pages = _PAGE_RANGE.search(raw)
    if pages and not raw.startswith(("0", "(0")) and int(pages.group(1)) < int(pages.group(2)):
        return True
    groups = _digit_groups(raw)
    return len(groups) >= MIN_GROUPS_FOR_SPREAD and 2 * sum(len(group) == 1 for group in groups) > len(groups)


def repair_number(number: PhoneNumber, us_evidence: bool) -> PhoneNumber | None:
    """Read an invalid "+AAA NNN NNNN" as the North American number it was meant to be.

    Releases from US offices often write "+202 862 1826": the author put "+" before the area
    code and forgot the "1". Only done when the release points to the US or Canada and the
    ten digits form a valid North American number.
    """
    if not us_evidence:
        return None
    digits = f"{number.country_code}{number.national_number}"
    if len(digits) != 10:
        return None
    candidate = phonenumbers.parse(f"+1{digits}")
    candidate.extension = number.extension
    return candidate if phonenumbers.is_valid_number(candidate) else None


def _has_cue(text: str, start: int, settings: PhoneSettings) -> bool:
    line_start = text.rfind("\n", max(0, start - settings.cue_window), start) + 1
    window = text[max(line_start, start - settings.cue_window) : start].lower()
    return settings.cue_pattern.search(window) is not None


def phone_kind(text: str, start: int, settings: PhoneSettings) -> str:
    """ "fax", "mobile" or "phone", from the nearest cue word before the number on its line."""
    line_start = text.rfind("\n", max(0, start - settings.cue_window), start) + 1
    window = text[max(line_start, start - settings.cue_window) : start].lower()
    kind = "phone"
    for match in settings.cue_pattern.finditer(window):
        kind = match.lastgroup or kind
    return kind
