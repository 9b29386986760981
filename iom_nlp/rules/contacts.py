"""Press contacts: who to call, with the numbers and addresses listed under their name.

Pure functions over the text and the phones and emails already found in it:
1. contact zones start at a cue ("Media contact:", "For more information, please contact:",
   "For interview:", "Further information:") and run to the end of the block; a line that starts
   with a person's name followed by a number ("Georgie Klug - 0438 376 082") is a zone too;
2. in a zone, each person's name claims the phones and emails after it, up to the next name;
   an office or mailbox with no person ("Media Contact: 02 6277 7500") is no contact;
3. the organisation is the office line under the name ("IOM Washington") or a parenthesis
   after it ("(AusAID)");
4. a bare surname ("Senator Bartlett") is completed from the release by ``complete_name``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

_TITLE_WORD = r"[A-Z][A-Za-zà-ÿ’'\-]*[a-zà-ÿ]"
_CAPS_WORD = r"[A-Z][A-Z’'\-]+"
_SPACE = r"[ \t\u00a0]+"


@dataclass(frozen=True)
class ContactSettings:
    cue_pattern: str
    zone_chars: int = 600
    not_name_words: frozenset[str] = frozenset()
    honorifics: tuple[str, ...] = ()
    cue: re.Pattern[str] = field(init=False, repr=False, compare=False)
    name: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue", re.compile(self.cue_pattern, re.IGNORECASE))
        honorific = "|".join(re.escape(word) for word in sorted(self.honorifics, key=len, reverse=True)) or "(?!x)x"
        title_name = rf"{_TITLE_WORD}(?:{_SPACE}[A-Z]\.)?(?:{_SPACE}{_TITLE_WORD}){{1,2}}"
        caps_name = rf"{_CAPS_WORD}(?:{_SPACE}{_CAPS_WORD}){{1,2}}"
        surname = rf"(?:{honorific})\.?{_SPACE}{_TITLE_WORD}"
        name = rf"(?P<name>(?:(?:{honorific})\.?{_SPACE})?(?:{title_name}|{caps_name})|{surname})"
        object.__setattr__(self, "name", re.compile(rf"(?<![\w@.]){name}(?![\w@])"))


@dataclass(frozen=True)
class Found:
    """A phone or e-mail already extracted: where it is and its normalised value."""

    start: int
    end: int
    value: str
    kind: str


@dataclass(frozen=True)
class ContactRecord:
    name: str
    start: int
    end: int
    organization: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    items_end: int = 0


def find_contacts(
    text: str,
    found: Sequence[Found],
    settings: ContactSettings,
    complete_name: Callable[[str], str] | None = None,
) -> list[ContactRecord]:
    """Every press contact in ``text``: a person with at least one phone or e-mail."""
    records: list[ContactRecord] = []
    seen: set[tuple[int, int]] = set()
    items = Items.of(found)
    for zone_start, zone_end in _zones(text, items, settings):
        for record in _contacts_in_zone(text, zone_start, zone_end, items, settings, complete_name):
            if (record.start, record.end) not in seen:
                seen.add((record.start, record.end))
                records.append(record)
    return _merge_same_person(records)


LINE_ZONE_CHARS = 120


@dataclass(frozen=True)
class Items:
    """The phones and e-mails of a text, sorted by start, with their starts for bisection."""

    found: tuple[Found, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, found: Sequence[Found]) -> Items:
        ordered = tuple(sorted(found, key=lambda item: item.start))
        return cls(ordered, tuple(item.start for item in ordered))

    def between(self, start: int, end: int) -> list[Found]:
        items = []
        for item in self.found[bisect_left(self.starts, start) :]:
            if item.start >= end:
                break
            items.append(item)
        return items


def _any_item_in(items: Items, start: int, end: int) -> bool:
    position = bisect_left(items.starts, start)
    return position < len(items.found) and items.found[position].start < end


def _zones(text: str, found: Items, settings: ContactSettings) -> list[tuple[int, int]]:
    """Cue zones, then for each item outside them the stretch of its line just before it."""
    cue_zones = [(cue.end(), _zone_end(text, cue.end(), settings.zone_chars, found)) for cue in settings.cue.finditer(text)]
    starts = [start for start, _ in cue_zones]
    zones = list(cue_zones)
    previous_end = 0
    for item in found.found:
        position = bisect_right(starts, item.start) - 1
        if position >= 0 and cue_zones[position][0] <= item.start < cue_zones[position][1]:
            continue
        line_start = text.rfind("\n", 0, item.start) + 1
        zones.append((max(line_start, previous_end, item.start - LINE_ZONE_CHARS), item.end))
        previous_end = item.end
    return sorted(zones)


def _zone_end(text: str, start: int, limit: int, found: Items) -> int:
    """The zone runs to its block's end; past a blank line only while items keep coming."""
    end = min(len(text), start + limit)
    position = start
    while position < end:
        gap = re.search(r"\n[ \t]*\n", text[position:end])
        if gap is None:
            return end
        next_block = position + gap.end()
        block_end = text.find("\n\n", next_block)
        block_end = end if block_end < 0 else min(block_end, end)
        if not _any_item_in(found, next_block, block_end):
            return position + gap.start()
        position = block_end
    return end


def _contacts_in_zone(
    text: str,
    start: int,
    end: int,
    found: Items,
    settings: ContactSettings,
    complete_name: Callable[[str], str] | None,
) -> list[ContactRecord]:
    items = found.between(start, end)
    names = _names(text, start, end, items, settings)
    records = []
    for index, match in enumerate(names):
        claim_end = names[index + 1].start("name") if index + 1 < len(names) else end
        claimed = [item for item in items if match.end() <= item.start < claim_end]
        if not claimed:
            continue
        raw = re.sub(r"\s+", " ", match.group("name"))
        name = _clean_name(raw, settings, complete_name)
        organization = _organization(text, match.end(), claimed[0].start)
        records.append(
            ContactRecord(
                name=name,
                start=match.start("name"),
                end=match.end("name"),
                organization=organization,
                phones=_unique(item.value for item in claimed if item.kind == "phone"),
                emails=_unique(item.value for item in claimed if item.kind == "email"),
                items_end=max(item.end for item in claimed),
            )
        )
    return records


def _names(text: str, start: int, end: int, items: Sequence[Found], settings: ContactSettings) -> list[re.Match[str]]:
    names = []
    for match in settings.name.finditer(text, start, end):
        if any(item.start < match.end() and match.start() < item.end for item in items):
            continue
        words = re.sub(r"^(?:the\s+)?", "", match.group("name")).split()
        bare = [word.strip(".") for word in words if word.strip(".") not in settings.honorifics]
        if not bare or any(word.title() in settings.not_name_words or word in settings.not_name_words for word in bare):
            continue
        names.append(match)
    return names


def _clean_name(raw: str, settings: ContactSettings, complete_name: Callable[[str], str] | None) -> str:
    words = [word for word in raw.split() if word.strip(".") not in settings.honorifics and word != "the"]
    name = " ".join(words)
    if name.isupper():
        name = name.title()
    if len(words) == 1 and complete_name is not None:
        name = complete_name(name)
    return name


_PARENTHESIS = re.compile(r"^[\s,\-–—]*\(([^()\n]{2,60})\)")
_OFFICE_LINE = re.compile(r"^[ \t]*\n[ \t]*([^\n]{2,60}?)[ \t]*\n")


def _organization(text: str, name_end: int, first_item: int) -> str | None:
    between = text[name_end:first_item]
    parenthesis = _PARENTHESIS.match(between)
    if parenthesis:
        return parenthesis.group(1).strip()
    office = _OFFICE_LINE.match(between)
    if office and not re.search(r"\d|:|@", office.group(1)) and len(office.group(1).split()) <= 6:
        return office.group(1).strip()
    return None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    ordered: dict[str, None] = {}
    for value in values:
        ordered.setdefault(value, None)
    return tuple(ordered)


def _merge_same_person(records: list[ContactRecord]) -> list[ContactRecord]:
    merged: dict[str, ContactRecord] = {}
    for record in records:
        key = record.name.lower()
        if key in merged:
            first = merged[key]
            merged[key] = ContactRecord(
                first.name,
                first.start,
                first.end,
                first.organization or record.organization,
                _unique([*first.phones, *record.phones]),
                _unique([*first.emails, *record.emails]),
                max(first.items_end, record.items_end),
            )
        else:
            merged[key] = record
    return list(merged.values())
