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
_INTERNATIONAL_CODE = re.compile(r"(?:\+|\b00)(\d{1,3})")
_TLD = re.compile(r"[A-Za-z0-9-]+\.([a-z]{2,3})\b")
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
    """Every phone and fax number in ``text``, overprinted PDF lines included (see :mod:`.overprint`)."""
    hits = _find_in_region(text, regions, settings)
    taken = [(hit.start, hit.end) for hit in hits]
    for hit in _find_in_overprinted_lines(text, regions, settings):
        if not any(hit.start < end and start < hit.end for start, end in taken):
            hits.append(hit)
    return sorted(hits, key=lambda hit: hit.start)


def _find_in_overprinted_lines(text: str, regions: RegionEvidence, settings: PhoneSettings) -> list[PhoneHit]:
    hits: list[PhoneHit] = []
    line_start = 0
    for line in text.split("\n"):
        factor = repetition_factor(line) if len(line) < MAX_OVERPRINT_LINE else 0
        if factor:
            collapsed = collapse(line, factor)
            for hit in _find_in_region(collapsed.text, regions, settings):
                start, end = _original_span(collapsed.origins, hit.start, hit.end)
                raw = text[line_start + start : line_start + end]
                hits.append(replace(hit, start=line_start + start, end=line_start + end, raw=raw))
        line_start += len(line) + 1
    return hits


def _original_span(origins: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    kept = [origin for origin in origins[start:end] if origin >= 0]
    return kept[0], kept[-1] + 1


def _find_in_region(text: str, regions: RegionEvidence, settings: PhoneSettings) -> list[PhoneHit]:
    """Every phone and fax number in ``text``, read in the region that explains them best.

    A region earns two points per number that is valid there and one more when the number is
    written the way that region groups its digits ("(02) 6277 7500" is Australian grouping).
    The most likely region is tried first; others only while it leaves something unexplained.
    """
    best: list[PhoneHit] = []
    best_score = -1
    us_evidence = bool({"US", "CA"} & regions.evidenced)
    if not _has_long_digit_run(text, settings.min_digits):
        return best
    for region in regions.ranked[: settings.max_regions_tried]:
        hits, unexplained, candidates = _match(text, region, settings, us_evidence=us_evidence)
        score = sum(2 * hit.valid + hit.grouping_matches for hit in hits)
        if score > best_score:
            best, best_score = hits, score
        if candidates and not unexplained:
            break
    return best


_DIGIT_RUN = re.compile(r"\d[\d \t().\-/]*")


def _has_long_digit_run(text: str, min_digits: int) -> bool:
    """Whether any run of digits and separators holds enough digits to be a phone number."""
    return any(sum(char.isdigit() for char in match.group()) >= min_digits for match in _DIGIT_RUN.finditer(text))


def _match(
    text: str, region: str, settings: PhoneSettings, us_evidence: bool
) -> tuple[list[PhoneHit], int, int]:
    """Numbers read in ``region``, how many candidates it leaves unexplained, and how many it saw."""
    hits = []
    unexplained = 0
    candidates = 0
    matcher = PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE, max_tries=MAX_MATCH_TRIES)
    for match in matcher:
        candidates += 1
        if _rejected(text, match.start, match.end, match.raw_string, settings):
            continue
        hit = _to_hit(text, match.start, match.end, match.raw_string, match.number, settings, us_evidence)
        international = match.raw_string.lstrip("(").startswith(("+", "00"))
        if not international and (hit is None or not hit.grouping_matches):
            unexplained += 1  # a national number this region does not read well: try the next one
        if hit is not None:
            hits.append(hit)
    return hits, unexplained, candidates


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
