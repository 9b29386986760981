"""Finding phone numbers without being told the region.

Pure functions over text: :func:`infer_regions` ranks the regions a release's national-format
numbers could belong to, :func:`find_phones` matches with ``phonenumbers`` under the best of
them, and :func:`repair_number` corrects an obviously mistyped international prefix (a US
"+202 862 1826" is "+1 202-862-1826"). Historic numbers (Netherlands Antilles "+599 5...") are
kept with ``valid=False`` rather than dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import phonenumbers
from phonenumbers import Leniency, PhoneNumber, PhoneNumberFormat, PhoneNumberMatcher

from .overprint import collapse, repetition_factor

MAX_OVERPRINT_LINE = 2_000
MIN_DIGITS_FOR_OVERPRINT = 14
_INTERNATIONAL_CODE = re.compile(r"(?:\+|\b00)(\d{1,3})")
_TLD = re.compile(r"(?<=[A-Za-z0-9-])\.([a-z]{2,3})(?![\w-])(?!\.\w)")  # the label before is only looked at, never scanned
_DIGIT = re.compile(r"\d")
_YEAR_RANGE = re.compile(r"^(19|20)\d\d\s?[-–/]\s?(\d\d|(19|20)\d\d)$")
_DATE_OR_TIME = re.compile(r"\b\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d\d\b|\b(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b|\d:\d\d")
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
    cue_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_pattern", compile_kind_cues(self.kind_cues))


def compile_kind_cues(kind_cues: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """One regex with a named group per kind, compiled once per pipeline."""
    groups = []
    for kind, cues in kind_cues.items():
        alternatives = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
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


@dataclass(frozen=True)
class RegionEvidence:
    """Regions to try, most likely first, and those the release itself points to."""

    ranked: tuple[str, ...]
    evidenced: frozenset[str]


def infer_regions(
    text: str,
    settings: PhoneSettings,
    country_evidence: Iterable[str] = (),
    place_evidence: Iterable[str] = (),
) -> RegionEvidence:
    """Regions to read national-format numbers in, most likely first.

    Evidence comes from the release itself: countries it names, capitals and other places,
    e-mail and web domains, and the calling codes of its international numbers. The default
    regions are appended so that a release with no evidence is still read.
    """
    votes: Counter[str] = Counter()
    for code in country_evidence:
        votes[code] += 2
    for code in place_evidence:
        votes[code] += 3
    for match in _TLD.finditer(text):
        tld = match.group(1).lower()
        region = settings.tld_regions.get(tld, tld.upper() if len(tld) == 2 else None)
        if region and region in phonenumbers.SUPPORTED_REGIONS:
            votes[region] += 3
    for match in _INTERNATIONAL_CODE.finditer(text):
        region = _region_for_prefix(match.group(1))
        if region:
            votes[region] += 1
    ranked = [code for code, _ in votes.most_common() if code in phonenumbers.SUPPORTED_REGIONS]
    fallback = [code for code in settings.default_regions if code not in ranked]
    return RegionEvidence(tuple(ranked + fallback), frozenset(ranked))


def _region_for_prefix(digits: str) -> str | None:
    """The region of the shortest calling code that starts ``digits`` ("599..." is CW)."""
    for length in range(1, len(digits) + 1):
        region = phonenumbers.region_code_for_country_code(int(digits[:length]))
        if region != "ZZ":
            return str(region)
    return None


def find_phones(text: str, regions: RegionEvidence, settings: PhoneSettings) -> list[PhoneHit]:
    """Every phone and fax number in ``text``, overprinted PDF lines included (see :mod:`.overprint`).

    An overprinted line is read only in its collapsed form: its raw copies would give garbage.
    """
    overprinted = _overprinted_lines(text)
    hits = [
        hit
        for hit in _find_in_region(text, regions, settings)
        if not any(start <= hit.start < end for start, end, _ in overprinted)
    ]
    for line_start, line_end, factor in overprinted:
        collapsed = collapse(text[line_start:line_end], factor)
        for hit in _find_in_region(collapsed.text, regions, settings):
            start, end = _original_span(collapsed.origins, hit.start, hit.end)
            raw = text[line_start + start : line_start + end]
            hits.append(replace(hit, start=line_start + start, end=line_start + end, raw=raw))
    return sorted(hits, key=lambda hit: hit.start)


def _overprinted_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, repetition factor) of each overprinted line."""
    lines = []
    line_start = 0
    for line in text.split("\n"):
        has_number = len(_DIGIT.findall(line)) >= MIN_DIGITS_FOR_OVERPRINT
        factor = repetition_factor(line) if has_number and len(line) < MAX_OVERPRINT_LINE else 0
        if factor:
            lines.append((line_start, line_start + len(line), factor))
        line_start += len(line) + 1
    return lines


def _original_span(origins: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    kept = [origin for origin in origins[start:end] if origin >= 0]
    return kept[0], kept[-1] + 1


def _find_in_region(text: str, regions: RegionEvidence, settings: PhoneSettings) -> list[PhoneHit]:
    """Every phone and fax number in ``text``, each read in the region that explains it best.

    A reading earns two points when the number is valid in the region and one more when it is
    written the way that region groups its digits ("(02) 6277 7500" is Australian grouping, not
    Indonesian). Regions are tried in the order the release's evidence ranks them, and the first
    best reading wins; international numbers need no region.
    """
    if not _has_long_digit_run(text, settings.min_digits):
        return []
    us_evidence = bool({"US", "CA"} & regions.evidenced)
    hits = []
    for start, end, raw in _candidates(text, regions, settings):
        hit = _best_reading(text, start, end, raw, regions, settings, us_evidence)
        if hit is not None:
            hits.append(hit)
    return hits


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
    for match in _DIGIT_RUN.finditer(text):
        if sum(char.isdigit() for char in match.group()) < min_digits:
            continue
        start = max(0, match.start() - WINDOW_BEFORE)
        end = min(len(text), match.end() + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _has_long_digit_run(text: str, min_digits: int) -> bool:
    """Whether any run of digits and separators holds enough digits to be a phone number."""
    return any(sum(char.isdigit() for char in match.group()) >= min_digits for match in _DIGIT_RUN.finditer(text))


def _candidates(text: str, regions: RegionEvidence, settings: PhoneSettings) -> list[tuple[int, int, str]]:
    """Spans that look like phone numbers (dates, money and symbols already rejected).

    The matcher only reads windows around runs of enough digits, not the whole text: scanned
    releases are full of short numbers that cost parsing and are never phones.
    """
    scan = list(dict.fromkeys([*regions.ranked[:1], *SCAN_FALLBACK_REGIONS]))
    found: dict[tuple[int, int], str] = {}
    for window_start, window_end in _digit_windows(text, settings.min_digits):
        window = text[window_start:window_end]
        for region in scan:
            for match in PhoneNumberMatcher(window, region, leniency=Leniency.POSSIBLE, max_tries=MAX_MATCH_TRIES):
                start, end = window_start + match.start, window_start + match.end
                if not _rejected(text, start, end, match.raw_string, settings):
                    found.setdefault((start, end), match.raw_string)
    spans = sorted(found, key=lambda span: (span[0], -(span[1] - span[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, found[(start, end)]))
    return kept


def _best_reading(
    text: str, start: int, end: int, raw: str, regions: RegionEvidence, settings: PhoneSettings, us_evidence: bool
) -> PhoneHit | None:
    international = raw.lstrip("(").startswith(("+", "00"))
    if len(_DIGIT.findall(raw.split("x")[0])) > MAX_E164_DIGITS:
        return None
    tried = regions.ranked[:1] if international else regions.ranked[: settings.max_regions_tried]
    best: PhoneHit | None = None
    best_score = -1
    for region in tried:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        hit = _to_hit(text, start, end, raw, number, settings, us_evidence)
        if hit is None:
            continue
        score = 2 * hit.valid + hit.grouping_matches
        if score > best_score:
            best, best_score = hit, score
        if score == 3:
            break
    return best


def grouping_matches(raw: str, number: PhoneNumber) -> bool:
    """True when ``raw`` groups its digits as the number's own region formats them."""
    written = _digit_groups(raw.split("x")[0].split("ext")[0])
    fmt = PhoneNumberFormat.INTERNATIONAL if raw.lstrip("(").startswith(("+", "00")) else PhoneNumberFormat.NATIONAL
    expected = _digit_groups(phonenumbers.format_number(_without_extension(number), fmt))
    if fmt == PhoneNumberFormat.INTERNATIONAL and raw.lstrip("(").startswith("00"):
        written = written[1:] if written and written[0] == "00" else written
    return written == expected or ("".join(written) == "".join(expected) and len(written) == 1)


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
    us_evidence: bool,
) -> PhoneHit | None:
    written_international = raw.lstrip("(").startswith(("+", "00"))
    valid = phonenumbers.is_valid_number(number)
    repaired = False
    if not valid and written_international:
        fixed = repair_number(number, us_evidence=us_evidence)
        if fixed is not None:
            number, valid, repaired = fixed, True, True
    if not valid and not written_international:
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    region = _region_of(number, e164, settings)
    kind = phone_kind(text, start, settings)
    grouped = valid and grouping_matches(raw, number)
    return PhoneHit(start, end, raw, e164, number.extension or None, region, valid, kind, repaired, grouped)


def _region_of(number: PhoneNumber, e164: str, settings: PhoneSettings) -> str | None:
    region = phonenumbers.region_code_for_number(number)
    if region:
        return str(region)
    for prefix, historic_region in settings.historic_prefixes.items():
        if e164.startswith(prefix):
            return historic_region
    fallback = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return None if fallback == "ZZ" else str(fallback)


def _rejected(text: str, start: int, end: int, raw: str, settings: PhoneSettings) -> bool:
    """Dates, years, money, percentages and document symbols are not phone numbers."""
    digits = len(_DIGIT.findall(raw))
    if digits < settings.min_digits:
        return True
    if "/" in raw or _YEAR_RANGE.match(raw.strip()) or _DATE_OR_TIME.search(raw):
        return True
    before = text[max(0, start - 12) : start].rstrip()
    after = text[end : end + 12].lstrip().lower()
    if any(before.endswith(token) for token in settings.reject_before):
        return True
    if before.endswith("/") or after.startswith("/"):
        return True
    return any(after.startswith(token) for token in settings.reject_after)


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


def phone_kind(text: str, start: int, settings: PhoneSettings) -> str:
    """"fax", "mobile" or "phone", from the nearest cue word before the number on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - settings.cue_window) : start].lower()
    kind = "phone"
    for match in settings.cue_pattern.finditer(window):
        kind = match.lastgroup or kind
    return kind
