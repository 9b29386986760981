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

import ftfy

from .patterns import opening_lookahead
from .ranges import Ranges

_SPACE = r"[ \t\u00a0]+"
# A word of a name: letters (any script) with inner apostrophes or hyphens ("O’Keeffe",
# "Aydoğan-Kerr"), and a trailing period for initials and abbreviated honorifics ("J.", "Dr.").
# Mojibake of a hyphen or an apostrophe ("SchultzÃ¢Â\x80Â\x90Byard") stays inside the word so
# that the name can be repaired whole.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-‐\u0080-\u009f\u00a1-\u00bf]+(?=[^\W\d_]))*\.?")
_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf]")
# The "Â" of a mis-decoded no-break space ("Brad RobinsonÂ\u00a0 0419 ..."), left at a word's end.
_MOJIBAKE_SPACE_LEAD = re.compile(r"(?<=[a-z])Â+(?=\s|$)")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})
_RUN_GAP = re.compile(r"[ \t\u00a0]{1,3}")
_POSSESSIVE = re.compile(r"[’'][sS]$")
_CONNECTORS = frozenset({"of", "for", "and"})
# Between a name and its office or principal: punctuation and a title in capitalised words
# ("(Warren Snowdon)", ", Adviser to Senator"), never a lower-case cue ("contact", "or").
# Each word matches one way only (it must end where the word ends): no backtracking blow-up.
_ATTRIBUTE_GAP = re.compile(r"[^\S\n]*(?:[,(\-–—|][^\S\n]*|(?:[A-Z][\w’'\-]*|for|to|of|the|at)(?![\w’'\-])\.?[^\S\n]*)*")
_LIST_GAP = re.compile(r"\b(?:and|or)\b|[;/|&]")


@dataclass(frozen=True)
class ContactSettings:
    """Cues, zone size and the word lists that tell a person's name from an office's.

    ``office_words`` open an office's name: what follows them on the same run ("Department
    Canberra") or after "of"/"for"/"and" ("Office of Jane Doe") is the office, not a contact.
    ``name_particles`` are the lower-case words inside names ("van der", "de", "bin").
    ``not_contact_lead_pattern`` matches the text just before a name that makes it no contact
    (an authorisation footer: "Authorised by Senator Jane Doe, 1 Main St, Tel ...").
    ``organization_tail_words`` never end an office's name ("IOM Kenya on", "MP tel").
    ``cut_off_lead_pattern`` is what may stand between a cue and the name of a contact whose
    block the text ends in before any number ("please contact:\n\nJo Doe"), and
    ``cut_off_tail_chars`` how much text may follow that name (an office line, a cut-off label);
    ``cut_off_titles`` the only titles such a name may open with ("Ms", "Dr"; not "Senator").
    """

    cue_pattern: str
    zone_chars: int = 600
    not_name_words: frozenset[str] = frozenset()
    honorifics: tuple[str, ...] = ()
    office_words: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    not_contact_lead_pattern: str = r"(?!x)x"
    max_name_words: int = 4
    organization_tail_words: frozenset[str] = frozenset()
    cut_off_lead_pattern: str = r"[\s:,]*"
    cut_off_tail_chars: int = 80
    cut_off_titles: frozenset[str] = frozenset()
    cue: re.Pattern[str] = field(init=False, repr=False, compare=False)
    not_contact_lead: re.Pattern[str] = field(init=False, repr=False, compare=False)
    cut_off_lead: re.Pattern[str] = field(init=False, repr=False, compare=False)
    honorific_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # the cue is searched over every release: a look-ahead on its first letters lets the scan skip ahead
        object.__setattr__(self, "cue", opening_lookahead(self.cue_pattern, re.IGNORECASE))
        object.__setattr__(self, "not_contact_lead", re.compile(rf"(?:{self.not_contact_lead_pattern})\s*$", re.IGNORECASE))
        object.__setattr__(self, "cut_off_lead", re.compile(self.cut_off_lead_pattern, re.IGNORECASE))
        words = {word for honorific in self.honorifics for word in honorific.split() if word != "the"}
        object.__setattr__(self, "honorific_words", frozenset(words))


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
    # The rule that found the contact (:data:`iom_nlp.sources.CONTACT_SOURCES`).
    source: str = ""


def find_contacts(
    text: str,
    found: Sequence[Found],
    settings: ContactSettings,
    complete_name: Callable[[str], str] | None = None,
    not_names: Sequence[tuple[int, int]] = (),
) -> list[ContactRecord]:
    """Every press contact in ``text``: a person with at least one phone or e-mail.

    ``not_names`` are ranges another component has read as something else (a country, a
    capital): a name candidate ending inside one is a place ("IOM Addis Ababa"), not a person.
    """
    if not found:
        # A contact is a name with at least one item, or a block the text ends in after the name.
        return _cut_off_block(text, settings, complete_name, not_names)
    records: list[ContactRecord] = []
    seen: set[tuple[int, int]] = set()
    items = Items.of(found)
    blocked = Ranges(not_names)
    for zone_start, zone_end, source in _zones(text, items, settings):
        for record in _contacts_in_zone(text, zone_start, zone_end, items, blocked, settings, complete_name, source):
            if (record.start, record.end) not in seen:
                seen.add((record.start, record.end))
                records.append(record)
    return _merge_same_person(records)


def _cut_off_block(
    text: str, settings: ContactSettings, complete_name: Callable[[str], str] | None, not_names: Sequence[tuple[int, int]]
) -> list[ContactRecord]:
    """The contact of a text that ends in its contact block before any number or address.

    Releases are often kept cut short ("For further information, please contact:\n\nJo Doe");
    only the last cue near the end is read, so a text with no items costs one short scan.
    """
    tail = max(0, len(text) - settings.zone_chars)
    last = max(settings.cue.finditer(text, tail), key=lambda match: match.start(), default=None)
    if last is None:
        return []
    records = _contacts_in_zone(text, last.end(), len(text), Items.of(()), Ranges(not_names), settings, complete_name, CUT_OFF)
    return _merge_same_person(records)


# Source names of the contacts found in a cue's zone, on an item's line, and cut off after the name.
BLOCK, LINE, CUT_OFF = "contact:block", "contact:line", "contact:cut-off"
LINE_ZONE_CHARS = 120
# A block past a blank line stays in the contact zone when it holds a phone or e-mail, or is a
# short field line (IOM's "Name", "IOM Dakar", "Tel: ..." each in its own paragraph).
FIELD_BLOCK_CHARS = 100
# Two names on one line with nothing but a title between them: the second is the first one's
# office or principal ("Kate Sieper (Warren Snowdon)", "Jane Doe, Adviser to Senator X").
ATTRIBUTE_GAP_CHARS = 80


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
        index = bisect_left(self.starts, start)
        while index < len(self.found) and self.found[index].start < end:
            items.append(self.found[index])
            index += 1
        return items


_NO_RANGES = Ranges(())


def _any_item_in(items: Items, start: int, end: int) -> bool:
    position = bisect_left(items.starts, start)
    return position < len(items.found) and items.found[position].start < end


def line_starts(text: str) -> list[int]:
    """Offsets at which the text's lines start (found once, then bisected)."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _zones(text: str, found: Items, settings: ContactSettings) -> list[tuple[int, int, str]]:
    """Cue zones, then for each item outside them the stretch of its line just before it; each
    with the source name of the contacts found in it (``BLOCK`` or ``LINE``)."""
    cue_zones = [(cue.end(), _zone_end(text, cue.end(), settings.zone_chars, found), BLOCK) for cue in settings.cue.finditer(text)]
    starts = [start for start, _, _ in cue_zones]
    lines = line_starts(text)
    line_zones: list[tuple[int, int, str]] = []
    previous_end = 0
    for item in found.found:
        position = bisect_right(starts, item.start) - 1
        if position >= 0 and cue_zones[position][0] <= item.start < cue_zones[position][1]:
            continue
        if line_zones and _LISTED_NEXT.fullmatch(text, previous_end, item.start):
            # "Jo Doe ph 0400 000 000 or jdoe@example.org": the second item is still Jo's.
            line_zones[-1] = (line_zones[-1][0], item.end, LINE)
        else:
            line_start = _signature_start(text, lines, bisect_right(lines, item.start) - 1, item.start, settings)
            line_zones.append((max(line_start, previous_end, item.start - LINE_ZONE_CHARS), item.end, LINE))
        previous_end = item.end
    return sorted(cue_zones + line_zones, key=lambda zone: zone[:2])


SIGNATURE_LINE_CHARS = 100
_PRINCIPAL = re.compile(r"\b(?:MP|MHR|MLA|MLC)\b")
_SIGNATURE_NAME = re.compile(r"[ \t\u00a0]*[A-Z][a-z’'\-]+[ \t\u00a0]+[A-Z][a-z’'\-]*[a-z](?:[ \t\u00a0]|$)")


def _signature_start(text: str, lines: list[int], index: int, item_start: int, settings: ContactSettings) -> int:
    """The item's line, or a short line above it that starts with a name (an e-mail signature).

    "Jo Doe  Media Adviser" over "Suite 1, Parliament House | P: 02 ...": the name's line has
    no number of its own; a prose line above is never short.
    """
    line_start = lines[index]
    if item_start - line_start > LINE_ZONE_CHARS:
        return line_start
    if name_candidates(text, _words(text, line_start, item_start, (), settings), _NO_RANGES, settings):
        return line_start
    back = index - 1
    while back >= max(0, index - 5) and not text[lines[back] : lines[back + 1]].strip():
        back -= 1
    if back < max(0, index - 5):
        return line_start
    line = text[lines[back] : lines[back + 1]].strip()
    first = line.split()[0].rstrip(".")
    # A letterhead names the principal ("The Hon Jo Doe MP", "Senator Jo Doe"): no press contact.
    principal = first.title() in settings.honorific_words or first.lower() == "the" or _PRINCIPAL.search(line)
    if len(line) > SIGNATURE_LINE_CHARS or principal or line.endswith((".", "”", '"')) or not _SIGNATURE_NAME.match(line):
        return line_start
    # The line must open with the name itself ("Jo Doe  Media Adviser"), not "Media Release  Jo Doe MP".
    raw = text[lines[back] : lines[back + 1]]
    start = lines[back] + len(raw) - len(raw.lstrip())
    words = _words(text, start, min(lines[back + 1], start + SIGNATURE_LINE_CHARS), (), settings)
    names = name_candidates(text, words, _NO_RANGES, settings)
    if names and names[0][0] == start:
        return lines[back]
    return line_start


# What may separate two items listed under one name: a connector or a field label in any
# language or as a symbol ("Cel.:", "Tél. :", "Móvil", "Courriel", "☎").
_H = r"[ \t\u00a0]*"
_LISTED_NEXT = re.compile(
    rf"[\s,;/|\-–—]{{0,6}}(?:(?:or|and|on|at)\b{_H})?(?:(?:[^\W\d_][\w\-]{{0,8}}|[^\w\s,;]{{1,2}})(?:{_H}[:.]){{0,2}}{_H})?"
    rf"(?:\([\w ]{{1,10}}\){_H}:?{_H})?"
)


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def _zone_end(text: str, start: int, limit: int, found: Items) -> int:
    """The zone runs to its block's end; past a blank line while blocks hold items or are field lines."""
    end = min(len(text), start + limit)
    first_gap = _BLANK_LINE.search(text, start, end)
    # Field style (the cue alone, then "Name", "IOM Dakar", "Tel: ..." apart) only when the
    # cue's own block lists nothing; else a letterhead after the contact line would join it.
    fields = first_gap is not None and not _any_item_in(found, start, first_gap.start())
    position = start
    while position < end:
        gap = _BLANK_LINE.search(text, position, end)
        if gap is None:
            return end
        next_block = gap.end()
        following = _BLANK_LINE.search(text, next_block, end)
        block_end = end if following is None else following.start()
        field_line = fields and block_end - next_block <= FIELD_BLOCK_CHARS
        if not field_line and not _any_item_in(found, next_block, block_end):
            return gap.start()
        position = max(block_end, next_block + 1)
    return end


def _contacts_in_zone(
    text: str,
    start: int,
    end: int,
    found: Items,
    blocked: Ranges,
    settings: ContactSettings,
    complete_name: Callable[[str], str] | None,
    source: str = BLOCK,
) -> list[ContactRecord]:
    items = found.between(start, end)
    words = _words(text, start, end, items, settings)
    names = _drop_attributes(text, name_candidates(text, words, blocked, settings), items)
    barriers = _office_labels(text, words, names, settings)
    records: list[ContactRecord] = []
    listed: list[tuple[int, int]] = []  # names listed together before the one that holds their items
    for index, (name_start, name_end) in enumerate(names):
        claim_end = names[index + 1][0] if index + 1 < len(names) else end
        claimed = _claim(items, barriers, name_end, claim_end)
        if not claimed and _cut_off_after(text, start, end, names, index, records, settings):
            # The text ends in this block before the name's numbers: the name is still a contact.
            name = _clean_name(text[name_start:name_end], settings, complete_name)
            organization = _tidy_organization((_organization(f"{text}\n", name_end, end + 1, settings) or "").rstrip("."), settings)
            records.append(ContactRecord(name, name_start, name_end, organization, (), (), name_end, CUT_OFF))
            continue
        if not claimed:
            listed = [*listed, (name_start, name_end)] if claim_end < end and _NAME_LIST.fullmatch(text, name_end, claim_end) else []
            continue
        group = [*listed, (name_start, name_end)]
        listed = []
        for (member_start, member_end), own in zip(group, _share(text, group, claimed), strict=True):
            if not own:
                continue
            records.append(
                ContactRecord(
                    name=_clean_name(text[member_start:member_end], settings, complete_name),
                    start=member_start,
                    end=member_end,
                    organization=_tidy_organization(_organization(text, name_end, claimed[0].start, settings) or "", settings),
                    phones=_unique(item.value for item in own if item.kind == "phone"),
                    emails=_unique(item.value for item in own if item.kind == "email"),
                    items_end=max(item.end for item in own),
                    source=source,
                )
            )
    return records


def _cut_off_after(
    text: str,
    zone_start: int,
    zone_end: int,
    names: list[tuple[int, int]],
    index: int,
    records: list[ContactRecord],
    settings: ContactSettings,
) -> bool:
    """True when the zone's last name ends the text but for a short tail: its block was cut off.

    The name must follow the cue directly ("please contact:\n\nJo Doe", ``cut_off_lead``) or
    open a line after the contacts listed before it; nothing but an office line or a cut-off
    label may follow it.
    """
    if index != len(names) - 1 or zone_end < len(text.rstrip()):
        return False
    name_start, name_end = names[index]
    tail = text[name_end:]
    if len(tail.rstrip()) > settings.cut_off_tail_chars:
        return False
    if _DIGIT.search(tail) and (tail != tail.rstrip() or tail.rstrip()[-1:] in ".)"):
        return False  # "Jo Doe on (02) 858 1011." is complete: its number was not read, no cut
    first = text[name_start:name_end].split()[0].rstrip(".")
    if first.title() in settings.honorific_words and first.title() not in settings.cut_off_titles:
        return False  # "Senator the Hon Jo Doe" signs a letterhead: a principal, not a press contact
    if records and records[-1].start < name_start:
        line_start = text.rfind("\n", 0, name_start) + 1
        return not text[line_start:name_start].strip() and not text[name_start:name_end].isupper()
    return index == 0 and settings.cut_off_lead.fullmatch(text, zone_start, name_start) is not None


_DIGIT = re.compile(r"\d")


# "Jo Doe and Jane Roe, Tel: ...": names listed together share the items after the last one.
_NAME_LIST = re.compile(r"[ \t\u00a0]*(?:,|and|or|&)[ \t\u00a0]*")


def _share(text: str, group: list[tuple[int, int]], claimed: list[Found]) -> list[list[Found]]:
    """The items of names listed together ("Jo Doe and Jane Roe, Tel: A and B, Email: a, b").

    Only when the items say so: one phone per name, in order, or an e-mail address naming the
    person ("jroe@..."); else the names before the last are no contacts ("Human Rights and
    Equal Opportunity Commission, 02 ..." lists no people), as without a list.
    """
    if len(group) == 1:
        return [claimed]
    surnames = [_surname_key(text[start:end]) for start, end in group]
    phones = [item for item in claimed if item.kind == "phone"]
    if any(_OR.search(text, group[position][1], group[position + 1][0]) for position in range(len(group) - 1)):
        # "contact Jo Doe or Jane Roe on A or B": either person at either number; an address
        # naming one of them is theirs.
        return [
            [item for item in claimed if item.kind == "phone" or _owner(item, surnames) in (position, None)]
            for position in range(len(group))
        ]
    one_each = len(phones) == len(group)
    shares: list[list[Found]] = [[phones[position]] if one_each else [] for position in range(len(group))]
    if not one_each:
        shares[-1].extend(phones)
    for item in claimed:
        if item.kind == "phone":
            continue
        local = item.value.split("@", 1)[0].lower()
        owners = [position for position, surname in enumerate(surnames) if len(surname) > 1 and surname in local]
        shares[owners[0] if len(owners) == 1 else -1].append(item)
    if not one_each and not any(shares[:-1]):
        return [[] for _ in group[:-1]] + [claimed]
    return [sorted(share, key=lambda item: item.start) for share in shares]


_OR = re.compile(r"\bor\b")


def _owner(item: Found, surnames: list[str]) -> int | None:
    """The position of the only name whose surname the address's local part holds, or None."""
    local = item.value.split("@", 1)[0].lower()
    owners = [position for position, surname in enumerate(surnames) if len(surname) > 1 and surname in local]
    return owners[0] if len(owners) == 1 else None


def _surname_key(name: str) -> str:
    """The last word of a name in lower case, letters only ("Doyle" -> "doyle")."""
    words = name.split()
    return "".join(char for char in words[-1].lower() if char.isalpha()) if words else ""


def _claim(items: Sequence[Found], barriers: list[int], name_end: int, claim_end: int) -> list[Found]:
    """The items after a name up to the next name, or up to an office's label once it has one."""
    claimed: list[Found] = []
    for item in items:
        if item.start < name_end:
            continue
        if item.start >= claim_end:
            break
        if claimed and bisect_left(barriers, claimed[-1].end) < bisect_left(barriers, item.start):
            break
        claimed.append(item)
    return claimed


def _office_labels(text: str, words: list[_Word], names: list[tuple[int, int]], settings: ContactSettings) -> list[int]:
    """Starts of words naming an office ("DEEWR Media:", "or Customs and Border Protection media")."""
    starts = [start for start, _ in names]
    labels = []
    for word in words:
        index = bisect_right(starts, word.start) - 1
        if index >= 0 and word.start < names[index][1]:
            continue
        acronym = word.kind == "caps"
        office = word.kind == "stop" and _is_office(word.text, settings) and not _bracketed(text, word)
        if (acronym or office) and not text.startswith(":", word.end):
            labels.append(word.start)
    return labels


def _bracketed(text: str, word: _Word) -> bool:
    """A word alone in brackets labels the number before it ("+977 1 442 6250 (Office)"), no office."""
    return text[word.start - 1 : word.start] == "(" and text[word.end : word.end + 1] == ")"


def _drop_attributes(text: str, names: list[tuple[int, int]], items: Sequence[Found]) -> list[tuple[int, int]]:
    """Drop a name that follows another on its line with no item or list word between them."""
    kept: list[tuple[int, int]] = []
    item_starts = [item.start for item in items]
    for name in names:
        if kept:
            previous_end = kept[-1][1]
            between = text[previous_end : name[0]]
            if (
                len(between) <= ATTRIBUTE_GAP_CHARS
                and _ATTRIBUTE_GAP.fullmatch(between)
                and not _LIST_GAP.search(between)
                and bisect_left(item_starts, previous_end) == bisect_left(item_starts, name[0])
            ):
                continue
        kept.append(name)
    return kept


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    kind: str  # name, caps, initial, honorific, particle, stop (a not-name word), other


def _classify(word: str, settings: ContactSettings) -> str:
    bare = word.rstrip(".")
    if bare in settings.honorific_words or bare.title() in settings.honorific_words:
        return "honorific"
    if bare in settings.name_particles:
        return "particle"
    if not bare[:1].isupper():
        return "other"
    base = _POSSESSIVE.sub("", bare)
    if base != bare or _is_not_name(base, settings):
        return "stop"
    if len(bare) == 1:
        return "initial" if bare.isascii() else "other"
    if bare.isupper():
        return "caps"
    return "name" if any(char.islower() for char in bare) else "other"


def _is_not_name(word: str, settings: ContactSettings) -> bool:
    title = word.title()
    return any(form in words for form in (word, title) for words in (settings.not_name_words, settings.office_words))


def _words(text: str, start: int, end: int, items: Sequence[Found], settings: ContactSettings) -> list[_Word]:
    """The zone's words, classified; a word inside a phone or e-mail is ``other``."""
    words = []
    item_index = 0
    for match in _WORD.finditer(text, start, end):
        while item_index < len(items) and items[item_index].end <= match.start():
            item_index += 1
        inside = item_index < len(items) and items[item_index].start < match.end()
        touching = match.end() < len(text) and (text[match.end()].isdigit() or text[match.end()] in "@_")
        kind = "other" if inside or touching else _classify(match.group(), settings)
        words.append(_Word(match.start(), match.end(), match.group(), kind))
    for index, word in enumerate(words[:-1]):
        # "Senator the Hon Jane Doe": "the" before an honorific belongs to it.
        if word.text == "the" and words[index + 1].kind == "honorific":
            words[index] = _Word(word.start, word.end, word.text, "honorific")
    return words


def _runs(text: str, words: list[_Word]) -> list[tuple[int, int]]:
    """Index ranges of words joined by plain spaces on one line: the stretches a name can take."""
    runs = []
    first = 0
    for index in range(1, len(words) + 1):
        if index < len(words):
            previous, word = words[index - 1], words[index]
            sentence_end = previous.text.endswith(".") and previous.kind not in ("initial", "honorific")
            if _RUN_GAP.fullmatch(text, previous.end, word.start) and not sentence_end:
                continue
        runs.append((first, index))
        first = index
    return runs


_NAME_KINDS = frozenset({"name", "caps", "initial"})


def name_candidates(text: str, words: list[_Word], blocked: Ranges, settings: ContactSettings) -> list[tuple[int, int]]:
    """Spans of the zone that read as a person's name, in text order.

    A run of words is cut into pieces at words that are never part of a name ("Media",
    "Director", "Office", "please"); a piece right after an office word or an acronym, or after
    "of"/"for"/"and" following one ("IOM Regional Office for South America"), names the office.
    """
    candidates: list[tuple[int, int]] = []
    for first, last in _runs(text, words):
        run = words[first:last]
        mixed = any(word.kind == "name" for word in run)
        piece: list[_Word] = []
        office = False
        previous: _Word | None = None
        joined: tuple[int, int] | None = None  # the candidate just before "and"/"of"/"for"
        for word in run:
            surname = bool(piece) and piece[-1].kind == "name" and len(word.text) >= 4  # "Mina ANDREEVA"
            kind = "acronym" if mixed and word.kind == "caps" and not surname else word.kind
            names_in_piece = any(item.kind in _NAME_KINDS for item in piece)
            if kind in _NAME_KINDS or kind == "particle" or (kind == "honorific" and not names_in_piece):
                piece.append(word)
                previous = word
                continue
            closes = _closes_office(text, word, kind, piece, settings)
            if closes and joined is not None and candidates and candidates[-1] == joined:
                candidates.pop()  # "Human Rights and Equal Opportunity Commission": one office
            added = len(candidates)
            _add_candidate(text, piece, office or closes, blocked, settings, candidates)
            joined = candidates[-1] if word.text in _CONNECTORS and len(candidates) > added else None
            office = _opens_office(word, kind, previous, piece, office, settings)
            piece = [word] if kind == "honorific" else []
            previous = word
        _add_candidate(text, piece, office, blocked, settings, candidates)
    return candidates


_OFFICE_GOES_ON = re.compile(r"[ \t\u00a0]+(?:of|for|and)\b|:")


def _closes_office(text: str, word: _Word, kind: str, piece: list[_Word], settings: ContactSettings) -> bool:
    """An office word right after the piece ends an office's name ("Equal Opportunity Commission on ...").

    Not after a name with an honorific ("Senator Jo Doe Parliament House"), nor when the office's
    name goes on ("Jo Doe Department of Immigration": the person, then the office) or is a label.
    """
    if kind != "stop" or not piece or not _is_office(word.text, settings):
        return False
    if any(item.kind == "honorific" for item in piece) or _OFFICE_GOES_ON.match(text, word.end):
        return False
    return text[piece[-1].end : word.start] == " "  # "Jo Doe  Department ...": a column apart


def _opens_office(word: _Word, kind: str, previous: _Word | None, piece: list[_Word], office: bool, settings: ContactSettings) -> bool:
    """Whether the words after ``word`` go on naming an office rather than a person."""
    if kind == "acronym":
        return True
    if word.text == "the" and previous is not None and previous.text in _CONNECTORS:
        return office
    if word.text not in _CONNECTORS or previous is None or not previous.text[:1].isupper() or previous.kind == "honorific":
        return False
    if word.text != "and":
        return True
    # "Customs and Border Protection", "Immigration and Ethnic Affairs"; not "Kate Sieper and Jo Hajaj".
    return previous.kind in ("stop", "acronym", "caps") or sum(item.kind in _NAME_KINDS for item in piece) < 2


def _add_candidate(
    text: str, piece: list[_Word], office: bool, blocked: Ranges, settings: ContactSettings, out: list[tuple[int, int]]
) -> None:
    if office:
        return
    candidate = _candidate(piece, settings)
    if candidate and not _all_place(blocked, candidate) and not _led_away(text, candidate[0], settings):
        out.append(candidate)


def _all_place(blocked: Ranges, candidate: tuple[int, int]) -> bool:
    """Both ends of the candidate in places ("Addis Ababa"), not "David Paris" nor "Chad Smith"."""
    start, end = candidate
    return blocked.overlapping(start, start + 1) and blocked.overlapping(end - 1, end)


def _is_office(word: str, settings: ContactSettings) -> bool:
    base = _POSSESSIVE.sub("", word.rstrip("."))
    return base in settings.office_words or base.title() in settings.office_words


def _candidate(piece: list[_Word], settings: ContactSettings) -> tuple[int, int] | None:
    """The name's span in a piece of a run, when the piece reads as a person's name."""
    while piece and piece[-1].kind not in ("name", "caps"):
        piece = piece[:-1]
    leading = 0
    while leading < len(piece) and piece[leading].kind in ("honorific", "particle"):
        leading += 1
    names = [word for word in piece if word.kind in _NAME_KINDS]
    if not names or (leading < len(piece) and piece[leading].kind not in _NAME_KINDS):
        return None
    honorific = any(word.kind == "honorific" for word in piece[:leading])
    if len(names) > settings.max_name_words:
        # Overprinted letterheads repeat a name ("Jo Doe Jo Doe Jo Doe"): keep its last copy.
        size = _repeat_unit([word.text for word in piece[leading:]])
        if size:
            return piece[-size].start, piece[-1].end
    if not (2 <= len(names) <= settings.max_name_words or (honorific and len(names) == 1)):
        return None
    first = piece[0] if honorific else piece[leading]
    last = piece[-1]
    return first.start, last.end - (1 if last.text.endswith(".") else 0)


def _repeat_unit(words: list[str]) -> int:
    """The length of the word sequence that ``words`` repeats, or 0."""
    for size in range(2, len(words) // 2 + 1):
        if len(words) % size == 0 and words == words[:size] * (len(words) // size):
            return size
    return 0


def _led_away(text: str, start: int, settings: ContactSettings) -> bool:
    """The words just before the name say it is no contact ("Authorised by")."""
    return settings.not_contact_lead.search(text, max(0, start - 40), start) is not None


def _clean_name(raw: str, settings: ContactSettings, complete_name: Callable[[str], str] | None) -> str:
    words = raw.split()
    while words and (words[0].rstrip(".").title() in settings.honorific_words or words[0].lower() == "the"):
        words = words[1:]
    # "Lea MARTIN": a surname in capitals is written in its usual case (a name all in capitals below).
    whole = " ".join(words)
    name = whole if whole.isupper() else " ".join(word.title() if word.isupper() and len(word) >= 4 else word for word in words)
    name = _MOJIBAKE_SPACE_LEAD.sub("", name)
    if _MOJIBAKE.search(name):
        name = ftfy.fix_text(name)
    name = name.translate(_HYPHENS)
    if name.replace(" ", "").replace("-", "").isupper():
        name = name.title()
    if len(words) == 1 and complete_name is not None:
        name = complete_name(name)
    return name


_PARENTHESIS = re.compile(r"^[\s,\-–—]*\(([^()\n]{2,60})\)")
_OFFICE_LINE = re.compile(r"^[ \t]*\n\s*([^\n]{2,60}?)[ \t]*\n")
_INLINE_OFFICE = re.compile(r"[ \t]*(?:,|\bat\b|\bfrom\b)[ \t]*(?:the[ \t]+)?([^\n,:;()]{2,60}?)[ \t]*(?:,|\n|$)")


def _organization(text: str, name_end: int, first_item: int, settings: ContactSettings) -> str | None:
    """The office after the name: "(AusAID)", "Jo Doe\nIOM Dakar\n", "Jo Doe, IOM Dakar," or "at IOM Dakar"."""
    between = text[name_end:first_item]
    parenthesis = _PARENTHESIS.match(between)
    if parenthesis:
        return parenthesis.group(1).strip()
    office = _OFFICE_LINE.match(between)
    if office and not re.search(r"\d|:|@", office.group(1)) and len(office.group(1).split()) <= 6:
        return office.group(1).strip()
    position = 0
    for _ in range(3):  # "Jo Doe, Communications Manager, IOM Kenya, Tel": skip the title
        inline = _INLINE_OFFICE.match(between, position)
        if not inline or re.search(r"\d|@", inline.group(1)):
            return None
        words = inline.group(1).split()
        if not words:
            return None
        if (words[0].isupper() and len(words[0]) > 1) or _is_office(words[0], settings):
            return " ".join(words)
        if not all(_is_not_name(word, settings) for word in words):
            return None
        position = inline.end(1)
    return None


# A label symbol or stray punctuation left at the end of an office ("IOM Ethiopia ☎" once the
# lines are joined): never part of its name.
_ORGANIZATION_TAIL = re.compile(r"[^\w)\].’'\s]+$")


def _tidy_organization(value: str, settings: ContactSettings) -> str | None:
    """The office without a trailing symbol or connector ("IOM Kenya on"), or None when nothing is left."""
    words = _ORGANIZATION_TAIL.sub("", value).split()
    while words and words[-1] in settings.organization_tail_words:
        words.pop()
    return " ".join(words) or None


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
                first.source,
            )
        else:
            merged[key] = record
    return list(merged.values())
