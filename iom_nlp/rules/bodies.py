"""Which capitalised names in a release are bodies: the organisation rules' decisions in one
place, over plain text and character offsets (no spaCy objects).

:class:`BodyFinder` holds what the decisions need (the head-word rules, the French and Spanish
rules, the country names) and makes each of them: title-case names built on a head word
(:meth:`BodyFinder.pattern_candidates`), cutting a guess into bodies (:meth:`BodyFinder.split`:
line breaks, people, "and" between two bodies, possessors), why a guess is no body
(:meth:`BodyFinder.reason`), how the trained model's spans are cut and vetoed
(:meth:`BodyFinder.proposals`, :meth:`BodyFinder.supported`), how trusted names and guesses
merge (:meth:`BodyFinder.merge`), and which mentions are one body
(:meth:`BodyFinder.entry_for`). The ``iom_organizations`` component reads the Doc (people,
countries, boilerplate zones, the model's spans), asks these, and writes the span group.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..explain import reject
from .combination import Combination
from .organizations import (
    OrganizationIndex,
    OrganizationRules,
    bare_word,
    before_trailing_country,
    before_unclosed_bracket,
    clean_surface,
    fold_name,
    holder_after_body,
    looks_like_body,
    numbered_unit_before,
    opener_length,
    party_before_government,
    rejection_reason,
    split_candidate,
)
from .organizations_fr_es import FrEsOrganizationRules
from .overlaps import keep_longest
from .patterns import opening_lookahead
from .ranges import Occupancy, Ranges
from .selection import candidate_features, select

logger = logging.getLogger(__name__)
_NEXT_WORD = re.compile(r"[ \u00a0]{1,2}([A-Z][a-z]+)\b")  # the next word on the same line, capitalised
GAZETTEER_FILE = "organizations.tsv"
SCOPE_MARK = "@"
SELF_SCOPE = "self"
FR_ES_LANGUAGES = frozenset({"fr", "es"})


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer row. ``scopes`` maps a folded form to the scope it needs ("Labor@AU" fires
    only in a release that points to Australia; "the Organization@self" only where the body is
    also named by another form), so that every alias is safe in every country's releases."""

    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    kind: str
    scopes: tuple[tuple[str, str], ...] = ()

    def scope_of(self, surface: str) -> str | None:
        key = fold_name(surface)
        return next((scope for form, scope in self.scopes if form == key), None)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    surface: str
    source: str
    entry: GazetteerEntry | None = None
    office: str | None = None
    alias: str | None = field(default=None, compare=False)


def parse_gazetteer(text: str, source: str = GAZETTEER_FILE) -> list[GazetteerEntry]:
    """The entries of a gazetteer text: rows of ``name<TAB>acronym<TAB>alias|alias<TAB>kind``;
    lines starting with # are comments.

    Any form may end in ``@SCOPE`` (an ISO country code, or ``self``): see :class:`GazetteerEntry`.
    """
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, acronym, aliases, kind = [*line.split("\t"), "", "", ""][:4]
        scopes: list[tuple[str, str]] = []
        forms = [_unscoped(form, scopes, source, number) for form in (name, acronym, *aliases.split("|"))]
        entries.append(GazetteerEntry(forms[0], forms[1] or None, tuple(form for form in forms[2:] if form), kind.strip(), tuple(scopes)))
    return entries


def _unscoped(form: str, scopes: list[tuple[str, str]], source: str, number: int) -> str:
    """ "Labor@AU" -> "Labor", recording its scope; a malformed scope is an error naming the line."""
    form = form.strip()
    if SCOPE_MARK not in form:
        return form
    bare, scope = form.rsplit(SCOPE_MARK, 1)
    if not (scope == SELF_SCOPE or re.fullmatch(r"[A-Z]{2}", scope)) or not bare.strip():
        raise ValueError(f"{source}:{number}: scope {scope!r} of {form!r} must be a two-letter country code or {SELF_SCOPE!r}")
    scopes.append((fold_name(bare), scope))
    return bare.strip()


_SOURCE_RANK = {"gazetteer": 0, "definition": 1, "model": 2, "pattern": 3, "ner": 4}


def most_probable(model: list[tuple[Candidate, float]], accept: float) -> list[Candidate]:
    """The model's spans at or above ``accept`` that overlap no more probable one (the model
    offers "Department of Home Affairs" and "Home Affairs"; the likelier boundary wins)."""
    ranked = sorted((item for item in model if item[1] >= accept), key=lambda item: (-item[1], item[0].start))
    kept: list[Candidate] = []
    for candidate, _ in ranked:
        if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda candidate: candidate.start)


def _overlaps(one: Candidate, other: Candidate) -> bool:
    return one.start < other.end and other.start < one.end


def _outside(candidate: Candidate, inner: Candidate) -> str:
    """The text of ``candidate`` that ``inner`` does not cover, before and after it."""
    before = candidate.surface[: max(0, inner.start - candidate.start)]
    after = candidate.surface[max(0, inner.end - candidate.start) :]
    return f"{before} {after}"


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates overlapping a longer (or better-sourced) one, longest first."""
    return keep_longest(candidates, _candidate_bounds, rank=lambda candidate: _SOURCE_RANK[candidate.source], text_order=False)


def _candidate_bounds(candidate: Candidate) -> tuple[int, int]:
    return candidate.start, candidate.end


_LOWER_WORDS = re.compile(r"^(?:(?:[a-z][\w’'-]*|\S+-based)\s+)+")


POSSESSOR_WINDOW = 40


_POSSESSOR_BEFORE = re.compile(r"(?<![\w’'.])[A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?[’']s[ \u00a0]$")


POSSESSIVE_END = re.compile(r"[’']s?$|[\s,;:’'-]+$")  # the model's span "IOM’s", "UNHCR," ends before it


_POSSESSOR = re.compile(r"^([A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)[’']s\s+")


PORTFOLIO_WINDOW = 80  # characters before a gazetteer alias searched for a role's portfolio


EPONYM_WINDOW = 40  # characters after a person's name searched for the head word of a body named after them


WRAPPED_LINE = 45  # a line at least this long, broken inside a name, is a hard wrap of running text


# A hyphen the tokenizer keeps inside a word: U+2010/U+2011, or their mojibake once or twice over
# ("UNHCRÃ¢Â\x80Â\x90assessed" in scanned newspaper text); a known name before it still counts.
GLUE = re.compile(
    "(?<=[A-Za-z])(?:[\u2010\u2011]|\u00e2[\u0080\u20ac][\u0090\u0091]|\u00c3\u00a2\u00c2[\u0080\u20ac]\u00c2[\u0090\u0091])(?=\\w)"
)


# :data:`GLUE` without its look-around, opening on one set of characters: where to try it. A
# search for GLUE itself (a look-behind first) or for a plain alternation would try every
# position of the text; a leading character set lets the regex engine skip to the candidates.
_GLUE_START = re.compile(
    "[\u2010\u2011\u00e2\u00c3]"
    "(?:(?<=[\u2010\u2011])|(?<=\u00e2)[\u0080\u20ac][\u0090\u0091]|(?<=\u00c3)\u00a2\u00c2[\u0080\u20ac]\u00c2[\u0090\u0091])"
)


# A character that, just before a name or a verb, makes it part of a longer word.
_WORD_BEFORE = re.compile(r"[\w’'.-]")


_WORD_RUN = re.compile(r"[\w’'.-]*")


def not_after_word(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches ``pattern.finditer`` would give if ``pattern`` opened on the look-behind
    ``(?<![\w’'.-])``: at each position in turn, a match not preceded by a word character. The
    regex engine skips fast to the positions where a pattern's first words start (a capitalised
    verb), but not when it opens on a look-behind, so the check is made here. ``pattern`` never
    matches empty."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start > 0 and _WORD_BEFORE.match(text, start - 1):
            # every position up to the end of this run of word characters follows one too
            run = _WORD_RUN.match(text, start)
            position = (run.end() if run else start) + 1
            continue
        yield match
        position = match.end()


def has_glue(text: str) -> bool:
    """Whether :data:`GLUE` occurs in ``text`` (as ``GLUE.search`` would say), trying it only
    where one of its first characters is."""
    return any(GLUE.match(text, mark.start()) for mark in _GLUE_START.finditer(text))


def unglued(word: str) -> list[tuple[int, int]]:
    """The parts of ``word`` around each glued hyphen before a participle ("UNHCR‐assessed" ->
    "UNHCR", "‐", "assessed")."""
    parts, position = [], 0
    for match in GLUE.finditer(word):
        if not PARTICIPLE.match("-" + word[match.end() :]):
            continue  # "PORT‐AU‐PRINCE": only a body before "-led", "-assessed", "-run" stands alone
        parts.extend([(position, match.start()), (match.start(), match.end())])
        position = match.end()
    parts.append((position, len(word)))
    return [(start, end) for start, end in parts if end > start]


def line_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at every line break that is not a hard wrap: "the Sudanese Red\nCrescent"
    in a paragraph wrapped at 65 characters stays whole; a heading, a navigation line or a
    letterhead line is a part of its own. Looks only at a bounded window around each break."""
    parts = []
    position = text.find("\n", start, end)
    while position >= 0:
        line_start = text.rfind("\n", max(0, position - WRAPPED_LINE), position)
        next_break = text.find("\n", position + 1, position + 1 + WRAPPED_LINE // 2)
        if line_start >= 0 or next_break >= 0 or position < WRAPPED_LINE:
            parts.append((start, position))
            start = position + 1
        position = text.find("\n", position + 1, end)
    parts.append((start, end))
    return [(part_start, part_end) for part_start, part_end in parts if part_end > part_start]


ACRONYM_TOKEN = re.compile(r"[\w&/.\-]+")


def acronym_uses(text: str, acronyms: Mapping[str, object]) -> list[tuple[int, int, str]]:
    """Every use of a defined acronym, in one pass over the text (not one pass per acronym):
    a run of word characters, "&", "/", "." and "-" that is the acronym, or the acronym and
    trailing full stops ("IOM." at a sentence end)."""
    if not acronyms:
        return []
    uses = []
    for match in ACRONYM_TOKEN.finditer(text) if "" in acronyms else _runs_opening_on(text, acronyms):
        token = match.group()
        bare = token if token in acronyms else token.rstrip(".")
        if bare not in acronyms and "-" in token:
            bare = token.split("-", 1)[0]  # "UN-led", "IOM-supported"
        if bare in acronyms:
            end = match.start() + len(bare)
            if text[end : end + 1] != "-" or PARTICIPLE.match(text, end):
                uses.append((match.start(), end, bare))
    return uses


def _runs_opening_on(text: str, acronyms: Iterable[str]) -> Iterator[re.Match[str]]:
    """The runs ``ACRONYM_TOKEN.finditer(text)`` gives that open on one of ``acronyms`` (a run
    holding a use of one does), in order: only where an acronym occurs (found by ``str.find``, a
    few times per release) is a run read, not at every word of the text."""
    positions: set[int] = set()
    for acronym in acronyms:
        position = text.find(acronym)
        while position >= 0:
            positions.add(position)
            position = text.find(acronym, position + 1)
    for position in sorted(positions):
        if position > 0 and ACRONYM_TOKEN.match(text, position - 1):
            continue  # inside a longer run, which opens earlier
        match = ACRONYM_TOKEN.match(text, position)
        if match is not None:
            yield match


def government_before_and(words: list[str], index: int) -> bool:
    """ "The US Government and IOM": "Government" closes a body before "and" (the split that
    follows judges each side), though not before other words ("Government Relations")."""
    return words[index] == "Government" and index + 1 < len(words) and words[index + 1] in {"and", "&"}


def country_codes(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Folded country name or demonym -> ISO code ("kuwaiti" -> "KW"), from the country list
    rows: the forms of one national government are grouped by their country."""
    codes: dict[str, str] = {}
    for row in rows:
        if row.get("kind") in {"name", "demonym"}:
            codes.setdefault(fold_name(row["pattern"]), str(row["code"]))
    return codes


def country_words(codes: Mapping[str, str]) -> frozenset[str]:
    """Folded country names and demonyms ("japan", "ethiopian", "us"): a body named with its
    country, or a candidate that is only a country."""
    return frozenset(set(codes) | {"us", "u.s.", "uk", "u.k."})


def inside_word(text: str, start: int, end: int) -> bool:
    """ "PORT-AU-PRINCE": an acronym glued to letters or hyphens is part of another word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after == "-" and PARTICIPLE.match(text, end):
        after = " "  # "UN-led", "IOM-supported", "EU-funded": the body itself
    glue = GLUE.match(text, end)
    if glue is not None and PARTICIPLE.match("-" + text[glue.end() : glue.end() + 30]):
        after = " "  # the same with a typographic or mis-decoded hyphen ("UNHCR‐assessed")
    return before in "-–\u2010\u2011" or after in "-–\u2010\u2011" or before.isalpha() or after.isalpha()


_JOINED_AFTER = re.compile(r"[A-Za-z]{2,12}")


_JOINED_BEFORE = re.compile(r"[A-Za-z]{2,12}$")


def joined_acronyms(text: str, start: int, end: int, acronyms: Mapping[str, object]) -> bool:
    """ "IOM-UNHCR pre-registration", "the IOM-UNICEF report": two known acronyms joined by a hyphen
    name two bodies; "PORT-AU-PRINCE" (a place in capitals) joins no other acronym."""
    joined = 0
    for hyphen, after in ((start - 1, False), (end, True)):
        if not 0 <= hyphen < len(text) or text[hyphen] not in "-–":
            if 0 <= hyphen < len(text) and text[hyphen].isalpha():
                return False  # glued to letters: part of another word
            continue
        joined += 1
        word = _JOINED_AFTER.match(text, hyphen + 1) if after else _JOINED_BEFORE.search(text, max(0, hyphen - 12), hyphen)
        if word is None or word.group() not in acronyms:
            return False
        outer = word.end() if after else word.start() - 1
        if 0 <= outer < len(text) and (text[outer].isalpha() or text[outer] in "-–"):
            return False  # "PORT-AU-PRINCE": the joined word continues into a longer one
    following = re.match(r"[A-Za-z\-–]*\s+(\S)", text[end : end + 40])
    # "the EU-IOM Joint Initiative": a joined pair that opens a title-case name is that programme's name
    return joined > 0 and not (following is not None and following.group(1).isupper())


PARTICIPLE = re.compile(r"-(?:[a-z]+ed|run|backed|built)\b")


# Words after which a capitalised word opens a sentence or a quotation, not a longer name.
SENTENCE_MARKS = frozenset({".", "!", "?", ":", "\u201c", '"'})


# How many surfaces a BodyFinder keeps the split of (:meth:`BodyFinder.split_surface`).
SPLITS_KEPT = 16_384


class BodyFinder:
    """The organisation rules' decisions over a release's text (see the module docstring). Built
    once per pipeline from the component's settings; the patterns are compiled here."""

    def __init__(self, rules: OrganizationRules, fr_es: FrEsOrganizationRules, country_codes: Mapping[str, str]) -> None:
        self.rules = rules
        self.fr_es = fr_es
        self.country_codes = dict(country_codes)
        self.country_words = country_words(self.country_codes)
        self.cues = {
            code: re.compile(rf"(?<![\w.]){'|'.join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))}(?!\w)")
            for code, cues in rules.country_cues
            if cues
        }
        verbs = "|".join(re.escape(word) for word in sorted(rules.headline_verbs, key=len, reverse=True)) or "(?!)"
        # not after a word (:func:`not_after_word`: no look-behind here, so the search skips fast)
        self.headline_verb = re.compile(rf"(?:{verbs})(?![\w’'-])")
        roles = "|".join(re.escape(word) for word in sorted(rules.role_words, key=len, reverse=True))
        # case-insensitive: letterheads write "MINISTER FOR HOME AFFAIRS"
        self.portfolio = opening_lookahead(rf"\b(?:{roles})\s+(?:for|on)\s[^.!?;\n]*$", re.IGNORECASE)
        joining = rules.connectors | rules.place_connectors
        connectors = "|".join(re.escape(word) for word in sorted(joining, key=len, reverse=True))
        ordinal = r"\d+(?:/\d+)?(?:st|nd|rd|th)|No\.[ ]\d+"  # "2/28th Battalion", "No. 1 Squadron"
        name_word = rf"(?:{ordinal}|[A-Z][\w’'&.\-]*)"
        space = "[ \\t\u00a0]"  # a wider gap ("Greens \u00a0 Royal Darwin Hospital") ends a headline, not a name
        # a line break is cut later unless it is a hard wrap (:func:`line_parts`); a comma is a
        # list separator unless :func:`split_candidate` finds a portfolio ("Agriculture, Fisheries and Forestry")
        gap = rf"(?:{space}{{1,2}}|{space}?\n|,{space})"
        # every word :meth:`OrganizationRules.is_head` or :func:`government_before_and` accepts, bare
        self.head_endings = frozenset({"Government", *(word.rsplit(" ", 1)[-1] for word in rules.head_words)})
        self.name_run = re.compile(rf"(?<![\w’'.-]){name_word}(?:{gap}(?:{name_word}|(?:{connectors})(?={space}|\n)))*")
        self._splits: dict[str, tuple[tuple[int, int], ...]] = {}

    def split_surface(self, surface: str) -> tuple[tuple[int, int], ...]:
        """:func:`split_candidate` of ``surface`` under these rules, kept per surface (up to
        :data:`SPLITS_KEPT`, then forgotten at once): the same names come back within a release and
        release after release ("Department of Immigration and Citizenship"), and the split is a
        pure function of the surface and the rules, which a BodyFinder never changes."""
        known = self._splits.get(surface)
        if known is None:
            if len(self._splits) >= SPLITS_KEPT:
                self._splits.clear()
            known = self._splits[surface] = tuple(split_candidate(surface, self.rules))
        return known

    def pattern_candidates(self, text: str, headlines: Ranges) -> list[Candidate]:
        """Title-case names (connectors allowed inside) that contain an organisation head word;
        ``headlines`` are the document's headline lines (:meth:`headline_lines`)."""
        candidates = []
        trailing = self.rules.connectors | self.rules.place_connectors
        head_endings = self.head_endings
        in_headline = headlines.covering if headlines.ranges else None  # most releases have no headline line
        for match in self.name_run.finditer(text):
            if in_headline is not None and in_headline(match.start(), match.start() + 1):
                continue
            words = match.group().split()
            while words and words[-1] in trailing:
                words.pop()
            if head_endings.isdisjoint(map(bare_word, words)):
                continue  # no word can be a head: most runs ("The", "Mr Smith") end here, cheaply
            if not any(self.rules.is_head(words, position) or government_before_and(words, position) for position in range(len(words))):
                continue
            surface = " ".join(words)
            end = match.start() + len(match.group().rstrip())
            while text[match.start() : end].split() != words:
                end = text.rfind(words[-1], match.start(), end) + len(words[-1])
            candidates.append(Candidate(match.start(), end, text[match.start() : end], "pattern"))
            del surface
        return candidates

    def headline_lines(self, text: str) -> Ranges:
        """Lines with a title-case headline verb ("IOM Nigeria Assists in Relocation of 189 Displaced
        Families Living in School Building"): their capitalised runs are a headline's words, not
        names (gazetteer names and acronym definitions there are still found). One scan of the text."""
        lines = []
        for match in not_after_word(self.headline_verb, text):
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            lines.append((start, len(text) if end < 0 else end))
        return Ranges(lines)

    def split(self, candidates: list[Candidate], text: str, people: Ranges) -> list[Candidate]:
        """Cut guesses at line breaks, people, roles and "and" between two bodies; strip leading
        lower-case words and possessors (a country's possessive stays as an alias: "Egypt’s
        Ministry of Health")."""
        pieces = []
        for candidate in candidates:
            for line_start, line_end in line_parts(text, candidate.start, candidate.end):
                markup = text.find("<", line_start, line_end)  # "Government of Norway.<br>"
                line_end = line_end if markup < 0 else markup
                for start, stop in people.gaps(line_start, line_end):  # "Robin Dunnigan, Bureau of ...": around each person
                    pieces.extend(self._split_one(text, candidate, start, stop))
        return pieces

    def _split_one(self, text: str, candidate: Candidate, start: int, end: int) -> list[Candidate]:
        """The bodies in ``text[start:end]``, a part of ``candidate`` with no person in it."""
        end = start + before_unclosed_bracket(text[start:end])  # "… Housing (MIDUVI": the acronym is its own mention
        segment = text[start:end]
        start += len(segment) - len(segment.lstrip(" ,;:–-\u00a0"))
        start += opener_length(text[start:end], self.rules)  # "Because the High Court", "A World Bank Task Force"
        lower = _LOWER_WORDS.match(text[start:end])  # "during the", "US-based"
        if lower:
            start += lower.end()
        surface = text[start:end]
        if candidate.source != "pattern" and not looks_like_body(surface, self.rules):
            start, alias = self._without_possessor(text, start, end)
            surface = text[start:end]
            return [Candidate(start, end, surface, candidate.source, alias=alias)] if surface.strip(" ,;:") else []
        pieces = []
        for piece_start, piece_end in self.split_surface(surface):
            first, alias = self._without_possessor(text, start + piece_start, start + piece_end)
            for body_start, body_end in (
                self.split_surface(text[first : start + piece_end])
                if first > start + piece_start
                else [(0, start + piece_end - first)]
            ):
                body_start, body_end = first + body_start, first + body_end
                body_start += party_before_government(text[body_start:body_end], self.rules)  # "Labor-Green Tasmanian Government"
                body_end = self._before_holder(text, body_start, body_end)
                body_end = body_start + before_trailing_country(text[body_start:body_end], self.country_words)
                pieces.append(Candidate(body_start, body_end, text[body_start:body_end], candidate.source, alias=alias))
        return pieces

    def _before_holder(self, text: str, start: int, end: int) -> int:
        """The end of a body a title governs, before its holder's name ("Speaker of the National
        Assembly Marzouq Al Ghanem"); a place after the body is no holder ("… Office Papua New Guinea")."""
        cut = holder_after_body(text[start:end], text[max(0, start - 40) : start], self.rules, after=text[end : end + 40])
        if cut is None:
            return end
        holder = text[start + cut : end].split()
        if any(fold_name(word) in self.country_words for word in holder) or fold_name(" ".join(holder)) in self.country_words:
            return end
        return start + cut

    def _without_possessor(self, text: str, start: int, end: int) -> tuple[int, str | None]:
        """ "Thailand’s Ministry of Foreign Affairs" starts at "Ministry" and keeps the whole as an
        alias (a country's possessive is part of how the release names the body); another
        possessor ("Smith’s Foundation") just goes."""
        possessor = _POSSESSOR.match(text[start:end])
        if possessor is None or possessor.group(1).split()[-1] in self.rules.possessive_name_words:
            return start, None  # "Australian Women’s Land Army": a plural noun's possessive is part of the name
        alias = text[start:end] if fold_name(possessor.group(1)) in self.country_words else None
        return start + possessor.end(), alias

    def possessed(self, text: str, candidate: Candidate) -> Candidate:
        """The candidate with the possessor written right before it ("New Zealand’s"), which
        :meth:`split` turns into an alias when it is a country and drops otherwise."""
        before = _POSSESSOR_BEFORE.search(text[max(0, candidate.start - POSSESSOR_WINDOW) : candidate.start])
        if before is None:
            return candidate
        start = candidate.start - (len(before.group()))
        return Candidate(start, candidate.end, text[start : candidate.end], candidate.source)

    def reason(
        self, text: str, language: str | None, candidate: Candidate, countries: Ranges, people: Ranges, boilerplate: Ranges
    ) -> str | None:
        """Why a guess is not a body (None if it may be one); every lookup is by bisection."""
        if boilerplate.covering(candidate.start, candidate.end):
            return "navigation"
        inside = countries.count_within(candidate.start, candidate.end)
        person = people.covering(candidate.start, candidate.end)
        before = text[max(0, candidate.start - 30) : candidate.start]
        in_quotes = before.rstrip().endswith(("“", '"', "‘")) and text[candidate.end : candidate.end + 1] in ("”", '"', "’")
        reason = rejection_reason(
            candidate.surface,
            before=before,
            rules=self.rules,
            country_words=inside,
            is_person=person,
            in_quotes=in_quotes,
            national=self._national(candidate.surface),
            is_country=fold_name(candidate.surface) in self.country_words,
        )
        if reason is None and (self._building(candidate.surface) or self.names_a_building(text, candidate.end)):
            return "a building"
        if reason is None and candidate.source == "ner" and not self._trusted_ner(candidate.surface):
            return "unsupported NER guess"
        statistical = candidate.source in ("ner", "model")
        if reason is None and statistical and language in FR_ES_LANGUAGES and not self.fr_es_body(candidate.surface):
            return "statistical guess without a head word in a French or Spanish release"
        return reason

    def fr_es_body(self, surface: str) -> bool:
        """A name with a head word of either language ("Cruz Roja", "Ministry"); the English models
        read French and Spanish capitals ("Tchad", "Un", "Kolda et Louga") as bodies."""
        return looks_like_body(surface, self.rules) or self.fr_es.head_pattern.search(surface) is not None

    def _national(self, surface: str) -> bool:
        """ "Government of Japan", "Ethiopian Government", "US Government": a government named
        with its country (not "Howard Government", a government by its leader)."""
        words = clean_surface(surface).split()
        if len(words) >= 3 and words[0] == "Government" and words[1] == "of":
            return True
        if len(words) >= 3 and words[-2:] == ["State", "Government"] and words[0][:1].isupper():
            return True  # "Borno State Government": a state's government named with its state
        return len(words) >= 2 and words[-1] == "Government" and fold_name(" ".join(words[:-1])) in self.country_words

    def eponym(self, text: str, end: int) -> bool:
        """ "Royal Darwin Hospital", "Charles Darwin University", "the Carter Center": a person's name
        followed on the same line, after one space, by a head word names a body after the person;
        it neither cuts the name nor makes it a person's."""
        gap = text[end : end + 2]
        if gap[:1] not in (" ", "\u00a0") or gap[1:2].isspace():
            return False
        words = text[end + 1 : end + 1 + EPONYM_WINDOW].split()[:3]
        if words and words[0].rstrip(",.;:") == "Government":
            return True  # "the Howard Government": a government named after its leader
        if not words or not words[0][:1].isupper():
            return False
        return self.rules.is_head([word.rstrip(",.;:") for word in words], 0)

    def named_as_body(self, surface: str) -> bool:
        """ "Fundación Techo Compartido" tagged PERSON: a name that opens on a word no person's name
        starts with (``body_openers``: "Fundación", "Ministry", "Foundation") is a body's name."""
        words = clean_surface(surface).split()
        return len(words) >= 2 and words[0] in self.rules.body_openers

    def _trusted_ner(self, surface: str) -> bool:
        cleaned = clean_surface(surface)
        return looks_like_body(cleaned, self.rules)

    def _building(self, surface: str) -> bool:
        """ "Parliament House Canberra ACT", "Government House Lawns": a head word followed by a
        building word is the building's name (see :meth:`names_a_building`)."""
        words = [bare_word(word) for word in surface.split()]
        return any(words[index + 1] in self.rules.building_words and self.rules.is_head(words, index) for index in range(len(words) - 1))

    def names_a_building(self, text: str, end: int) -> bool:
        """ "Parliament House, Canberra", "NSW Parliament House", "Government House": a body's name
        followed on the same line by a building word (``building_words``) names the building,
        a place on a letterhead or a venue, not the body."""
        after = _NEXT_WORD.match(text, end)
        return after is not None and after.group(1) in self.rules.building_words

    def in_portfolio(self, text: str, start: int) -> bool:
        """Whether ``start`` lies in the portfolio of a role ("Minister for Home Affairs",
        "Spokesperson on Trade and Customs"): a role and "for"/"on" earlier in the same
        sentence, within a bounded window."""
        window = text[max(0, start - PORTFOLIO_WINDOW) : start]
        return self.portfolio.search(window) is not None

    def in_scope(self, text: str, candidates: list[Candidate], found: frozenset[str]) -> list[Candidate]:
        """Drop scoped forms whose scope the release does not meet: a country scope needs the
        release to name that country (or its people or capital; ``found``: the codes of the
        countries and places ``iom_countries`` found); ``self`` needs the body named by an
        unscoped form too."""
        codes = set(found)
        scoped = [(candidate, candidate.entry.scope_of(candidate.surface) if candidate.entry else None) for candidate in candidates]
        named = {id(candidate.entry) for candidate, scope in scoped if scope is None}
        for code in {scope for _, scope in scoped if scope and scope != SELF_SCOPE} - codes:
            cue = self.cues.get(code)
            if cue is not None and cue.search(text):
                codes.add(code)  # "Queensland Democrat Senator": a state, city or national body names the country
        kept = []
        for candidate, scope in scoped:
            if scope is None or (scope == SELF_SCOPE and id(candidate.entry) in named) or scope in codes:
                kept.append(candidate)
            else:
                logger.debug("gazetteer form out of scope (%s): %r", scope, candidate.surface)
        return kept

    def proposals(
        self,
        text: str,
        language: str | None,
        model: list[tuple[Candidate, float]],
        rules: list[Candidate],
        probability: dict[tuple[int, int], float],
        evidence: tuple[Ranges, Ranges, Ranges],
        combination: Combination,
    ) -> list[Candidate]:
        """The model's accepted spans as the rules would cut them: a country's possessive before
        the span becomes an alias ("Egypt’s Ministry of Health"), two bodies joined by "and" are
        two, people and line breaks end a name; each piece keeps its span's probability
        (recorded in ``probability``). A proposal no rule candidate overlaps needs
        ``accept_alone``; a piece is refused for any reason of :meth:`reason` but those
        listed in ``model_overrules`` (a recogniser trained on the rules' evidence may
        overrule "head words only" ("Senate", "Navy"), "person" and "not a body"; never
        "generic", the curated words that are no body alone: "the Coalition", "Opposition")."""
        countries, people, boilerplate = evidence
        alone = combination.accept_alone
        occupied = Ranges((candidate.start, candidate.end) for candidate in rules)
        out: list[Candidate] = []
        for candidate in most_probable(model, combination.accept):
            score = probability[(candidate.start, candidate.end)]
            if alone is not None and score < alone and not occupied.overlapping(candidate.start, candidate.end):
                continue
            for piece in self.split([self.possessed(text, candidate)], text, people):
                reason = self.reason(text, language, piece, countries, people, boilerplate)
                if reason is None or reason in combination.model_overrules:
                    probability[(piece.start, piece.end)] = max(score, probability.get((piece.start, piece.end), 0.0))
                    out.append(piece)
                else:
                    reject("organization", piece.start, piece.end, piece.surface, "model", reason)  # --explain-rejected
        return out

    def supported(self, guess: Candidate, model: list[tuple[Candidate, float]], veto: float | None) -> bool:
        """A rule's guess stands unless the model, where it ran, gave every span overlapping it
        less than ``veto``: a head word alone does not make a headline fragment a body."""
        if veto is None:
            return True
        return any(score >= veto and _overlaps(candidate, guess) for candidate, score in model)

    def combine(
        self,
        text: str,
        language: str | None,
        model: list[tuple[Candidate, float]],
        found: tuple[list[Candidate], list[Candidate]],
        probability: dict[tuple[int, int], float],
        evidence: tuple[Ranges, Ranges, Ranges],
        combination: Combination,
        observe: list[tuple[int, int, str, dict[str, float]]] | None = None,
    ) -> list[Candidate]:
        """The rules' (trusted, guesses) and the model's spans as one list: by the learned
        selector when the combination has one (:meth:`choose`), else by its thresholds (accept,
        veto, overrule, whose boundaries are preferred)."""
        if combination.selector is not None:
            return self.choose(text, language, model, found, probability, evidence, combination, observe)
        trusted, guesses = found
        proposed = self.proposals(text, language, model, trusted + guesses, probability, evidence, combination)
        guesses = [
            guess
            for guess in guesses
            if self.supported(guess, model, combination.veto) and not self.outweighed(guess, proposed, probability, combination)
        ]
        if combination.prefer == "model":  # the model's boundaries first, the rules' guesses where it proposed nothing
            return self.merge(self.merge(trusted, proposed), guesses)
        return self.merge(self.merge(trusted, guesses), proposed)

    def choose(
        self,
        text: str,
        language: str | None,
        model: list[tuple[Candidate, float]],
        found: tuple[list[Candidate], list[Candidate]],
        probability: dict[tuple[int, int], float],
        evidence: tuple[Ranges, Ranges, Ranges],
        combination: Combination,
        observe: list[tuple[int, int, str, dict[str, float]]] | None = None,
    ) -> list[Candidate]:
        """The learned choice (``combination.selector``): the rules' guesses and every model
        proposal the rules do not refuse (cut as :meth:`proposals` cuts them) are scored by the
        selector; among overlapping ones the likeliest is kept, none below its threshold; the
        trusted candidates (gazetteer, definitions) win as in :meth:`merge`. ``found`` is
        (trusted, guesses); ``observe`` collects (start, end, surface, features) per candidate
        for fitting (``training/selector.py``)."""
        selector = combination.selector
        if selector is None:
            raise ValueError("choose() needs combination.selector; without one the thresholds decide (see OrganizationRecognizer)")
        trusted, guesses = found
        wide = replace(combination, accept=combination.floor, accept_alone=None)
        pool: dict[tuple[int, int], Candidate] = {(guess.start, guess.end): guess for guess in guesses}
        agreed: set[tuple[int, int]] = set()
        for proposal in self.proposals(text, language, model, trusted + guesses, probability, evidence, wide):
            key = (proposal.start, proposal.end)
            if key in pool:
                agreed.add(key)
            else:
                pool[key] = proposal
        scored = []
        for key, candidate in pool.items():
            overlap = max(
                (score for other, score in model if (other.start, other.end) != key and _overlaps(other, candidate)),
                default=0.0,
            )
            features = candidate_features(
                candidate.surface,
                candidate.source,
                exact=probability.get(key, 0.0),
                overlap=overlap,
                agreed=key in agreed,
                head=looks_like_body(candidate.surface, self.rules),
                repeated=text.count(candidate.surface) > 1,
            )
            if observe is not None:
                observe.append((candidate.start, candidate.end, candidate.surface, features))
            scored.append((candidate.start, candidate.end, selector.probability(features), candidate))
        return self.merge(trusted, select(scored, selector.threshold))

    def outweighed(
        self, guess: Candidate, proposed: list[Candidate], probability: Mapping[tuple[int, int], float], combination: Combination
    ) -> bool:
        """Whether a rule's guess gives way to the model's boundaries: a proposal overlapping it
        reaches ``combination.overrule`` while the model gave the guess's own span less than
        ``accept`` (or never saw it), and what the proposal leaves of the guess names nothing (no
        head word, no acronym). The rules' words cut "and", roles and people, but a head word alone
        cannot tell "Unilever Philippines and Jollibee Foods Corporation" is two; where the rest
        is "to ASEAN" or "… Executive Council" the rules' longer name stands."""
        threshold = combination.overrule
        if threshold is None or guess.source not in ("pattern", "ner"):
            return False
        if probability.get((guess.start, guess.end), 0.0) >= combination.accept:
            return False
        return any(
            probability.get((other.start, other.end), 0.0) >= threshold
            and _overlaps(other, guess)
            and (other.start, other.end) != (guess.start, guess.end)
            and not self._names_something(_outside(guess, other))
            for other in proposed
        )

    def _names_something(self, rest: str) -> bool:
        """Whether the words of ``rest`` hold a head word or an acronym (a second name)."""
        return looks_like_body(rest, self.rules) or any(_acronym(bare_word(word)) for word in rest.split())

    def merge(self, trusted: list[Candidate], guesses: list[Candidate]) -> list[Candidate]:
        """Trusted candidates, plus guesses that overlap none of them (or extend one: "ASIO Committee")."""
        kept: list[Candidate | None] = list(trusted)
        taken = Occupancy()
        for position, candidate in enumerate(trusted):
            taken.add(candidate.start, candidate.end, position)
        for guess in longest_first(guesses):
            overlapping = taken.overlapping(guess.start, guess.end)
            others = [other for other in (kept[position] for position in overlapping) if other is not None]
            if others and self._keeps_numbered_unit(guess, others, kept, taken):
                continue
            if others and self._extends(guess, others):
                for position in overlapping:
                    dropped = kept[position]
                    if dropped is not None:
                        taken.remove(dropped.start, dropped.end)
                    kept[position] = None
                others = []
            if not others:
                taken.add(guess.start, guess.end, len(kept))
                kept.append(guess)
        return sorted((candidate for candidate in kept if candidate is not None), key=lambda candidate: candidate.start)

    def _keeps_numbered_unit(self, guess: Candidate, others: list[Candidate], kept: list[Candidate | None], taken: Occupancy) -> bool:
        """A numbered unit before a known body stays beside it: "No. 11 Squadron" of "No. 11
        Squadron RAAF", the whole "40th Wing of the Royal Air Force" (see
        :func:`numbered_unit_before`). Returns whether ``guess`` was dealt with."""
        first = min(other.start for other in others)
        if first <= guess.start or any(other.entry is None for other in others):
            return False
        prefix = guess.surface[: first - guess.start].rstrip()
        relation = numbered_unit_before(prefix, self.rules)
        if relation == "own" and not taken.overlapping(guess.start, guess.start + len(prefix)):
            unit = Candidate(guess.start, guess.start + len(prefix), prefix, guess.source)
            taken.add(unit.start, unit.end, len(kept))
            kept.append(unit)
            return True
        if relation == "part" and max(other.end for other in others) == guess.end:
            taken.add(guess.start, guess.end, len(kept))
            kept.append(guess)
            return True
        return False

    def _extends(self, guess: Candidate, trusted: list[Candidate]) -> bool:
        """ "ASIO Committee" over "ASIO": a longer name ending on a head word wins over what it contains."""
        if not trusted or not all(guess.start <= other.start and other.end <= guess.end and other.entry is not None for other in trusted):
            return False
        if any(other.office for other in trusted):
            return False  # "IOM Yemen Health Programme (Coordinator)": a unit of the office "IOM Yemen", not a body
        rest = guess.surface[max(other.end for other in trusted) - guess.start :].split()
        if any(self.rules.is_head(rest, position) for position in range(len(rest))):
            return True  # "ASIO Committee", "UN Mission in Sudan"
        words = guess.surface.split()
        prefix = guess.surface[: min(other.start for other in trusted) - guess.start].split()
        if len(prefix) >= 2 and prefix[-1] in self.rules.place_connectors and prefix[-2] in self.rules.place_heads:
            return True  # "U.S. Mission to ASEAN"
        if len(prefix) >= 3 and self.rules.purpose_at(prefix, len(prefix) - 2):
            return True  # "Global Coalition to Defeat ISIS": the known body is what the name is for
        national = bool(prefix) and (fold_name(prefix[0]) in self.country_words or fold_name(" ".join(prefix[:2])) in self.country_words)
        connected = any(word in self.rules.connectors for word in prefix)
        # "Philippine Red Cross", "Kenya Red Cross": a country word before a known body, not a
        # place or a title before it ("Western Australia Australian Labor Party")
        return bool(words) and self.rules.is_head(words, len(words) - 1) and national and not connected

    def with_parent_prefix(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """ "UN Peacebuilding Fund", "UN Human Rights Council", "OECD Development Assistance
        Committee": a parent body's acronym right before a body's name is part of that name, not
        a mention of the parent of its own. The name must read as a body (a known one, or a head
        word) and start with a capitalised word that is no acronym ("NATO EU", "FAO IAEA Center"
        stay two)."""
        fused: list[Candidate] = []
        for candidate in candidates:
            previous = fused[-1] if fused else None
            if previous is not None and self._parent_prefix(text, previous, candidate):
                fused[-1] = Candidate(
                    previous.start, candidate.end, text[previous.start : candidate.end], candidate.source, candidate.entry, candidate.office
                )
                continue
            fused.append(candidate)
        return fused

    def _parent_prefix(self, text: str, parent: Candidate, body: Candidate) -> bool:
        if parent.entry is None or parent.office or parent.surface != parent.entry.acronym:
            return False
        if body.start != parent.end + 1 or text[parent.end] not in " \u00a0":
            return False
        words = body.surface.split()
        if not words or not words[0][:1].isupper() or words[0].isupper() or len(words) < 2:
            return False
        return body.entry is not None or any(self.rules.is_head(words, position) for position in range(len(words)))

    def entry_for(self, index: OrganizationIndex, candidate: Candidate) -> Any:
        if candidate.entry is not None:
            gaz = candidate.entry
            entry = index.add_definition(gaz.name, gaz.acronym, gaz.aliases, known=True)
            if candidate.office:
                index.add_alias(entry, candidate.office)
            return entry
        found = index.find(candidate.surface)
        if found is not None:
            return found
        key = self._government_key(candidate.surface)
        same = index.find(key) if key else None
        if same is not None:  # "Government of Kuwait" then "the Kuwaiti Government": one body
            index.add_alias(same, candidate.surface)
            return same
        entry = index.add_definition(candidate.surface, None)
        if key:
            index.add_key(entry, key)
        return entry

    def _government_key(self, surface: str) -> str | None:
        """A hidden key shared by the forms of one country's government ("Government of Japan",
        "Japanese Government", "the Government of the Japan"), or None for any other name."""
        words = clean_surface(surface).split()
        if len(words) >= 3 and words[:2] == ["Government", "of"]:
            country = " ".join(words[2:])
        elif len(words) >= 2 and words[-1] == "Government":
            country = " ".join(words[:-1])
        else:
            return None
        code = self.country_codes.get(fold_name(country))
        return f"\x00government:{code}" if code else None
