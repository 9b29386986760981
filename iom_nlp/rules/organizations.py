"""Organisations: which named bodies a release mentions, one entry per body.

Pure functions over candidate mentions (from the gazetteer, acronym definitions, the statistical
NER and name patterns) that decide what is a body and group the surface forms of one body:
- :func:`rejection_reason` says why a candidate is not an organisation (a navigation word, a
  list of countries, a publication or report title, an event, a law or programme, a person, a
  generic word on its own) — every rule has a name that tests check;
- :func:`clean_surface` trims a leading "the", trailing punctuation and possessives and folds
  hard line breaks;
- :class:`OrganizationIndex` groups long forms, acronyms and aliases into one entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"[\s,;:.\-–—(]+$")


@dataclass(frozen=True)
class OrganizationRules:
    head_words: frozenset[str]
    not_body_heads: frozenset[str]
    generic_alone: frozenset[str]
    navigation_words: frozenset[str]
    publication_cues: tuple[str, ...]
    connectors: frozenset[str]
    role_words: frozenset[str] = frozenset()
    facility_words: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrganizationRules:
        return cls(
            head_words=frozenset(data.get("head_words", [])),
            not_body_heads=frozenset(data.get("not_body_heads", [])),
            generic_alone=frozenset(word.lower() for word in data.get("generic_alone", [])),
            navigation_words=frozenset(word.lower() for word in data.get("navigation_words", [])),
            publication_cues=tuple(data.get("publication_cues", [])),
            connectors=frozenset(data.get("connectors", [])),
            role_words=frozenset(data.get("role_words", [])),
            facility_words=tuple(data.get("facility_words", [])),
        )


@lru_cache(maxsize=65_536)
def clean_surface(surface: str) -> str:
    """"the Ministry of\\nJustice’s" -> "Ministry of Justice"."""
    cleaned = re.sub(r"\s+", " ", surface).strip()
    cleaned = _LEADING_ARTICLE.sub("", cleaned)
    cleaned = _POSSESSIVE.sub("", cleaned) if re.search(r"\w[’']s?$", cleaned) and not cleaned.endswith("s'") else cleaned
    return _TRAILING.sub("", cleaned)


@lru_cache(maxsize=65_536)
def fold(surface: str) -> str:
    """The comparison key of a surface form: case and whitespace folded, no leading "the"."""
    return clean_surface(surface).lower()


def rejection_reason(
    surface: str,
    *,
    before: str,
    rules: OrganizationRules,
    country_words: int = 0,
    is_person: bool = False,
    in_quotes: bool = False,
) -> str | None:
    """Why ``surface`` is not a named body, or None when it may be one.

    ``before`` is the text just before the mention; ``country_words`` how many country names
    the mention contains; ``is_person`` whether the NER calls it a person.
    """
    cleaned = clean_surface(surface)
    lowered = cleaned.lower()
    words = cleaned.split()
    if not words:
        return "empty"
    if lowered in rules.navigation_words or any(" " in nav and nav in lowered for nav in rules.navigation_words):
        return "navigation"
    if is_person:
        return "person"
    if country_words >= 2 or (country_words and "," in cleaned):
        return "country list"
    if lowered in rules.generic_alone or (len(words) == 1 and words[0] in rules.head_words):
        return "generic"
    if _first_head_is_not_a_body(words, rules):
        return "not a body"
    if words[-1] == "Government":
        return "a government by its leader"
    if any(f"{word} Cent" in cleaned for word in rules.facility_words):
        return "facility"
    if _has_role(words, rules):
        return "a person's title"
    if re.search(r"\w[’']s\s", cleaned):
        return "possessive"
    if in_quotes or any(re.search(rf"\b{re.escape(cue)}\W*$", before.lower()) for cue in rules.publication_cues):
        return "publication"
    if cleaned[0].islower() or not any(char.isupper() for char in cleaned):
        return "not a name"
    return None


def _first_head_is_not_a_body(words: list[str], rules: OrganizationRules) -> bool:
    """"Legal Review on Trafficking", "World Cricket Cup": the name is built on an event, law or report."""
    for word in words:
        bare = word.strip(",")
        if bare in rules.head_words:
            return False
        if bare in rules.not_body_heads:
            return True
    return False


def _has_role(words: list[str], rules: OrganizationRules) -> bool:
    """"Cabinet Minister", "ABF Commissioner": a role word not governed by "of"/"for"/"the"."""
    for index, word in enumerate(words):
        if word in rules.role_words and (index == 0 or words[index - 1] not in rules.connectors):
            return True
    return False


def split_candidate(surface: str, rules: OrganizationRules) -> list[tuple[int, int]]:
    """Offsets of the bodies inside a Title-case run.

    Leading roles and connectors go ("Prefect of the Dicastery for …" -> "Dicastery for …"),
    a run is cut before a role that follows a name ("… Security Assistant Secretary …"), and
    "A and B" becomes A and B when both sides are bodies.
    """
    tokens = [(match.start(), match.end(), match.group()) for match in re.finditer(r"\S+", surface)]
    pieces: list[list[tuple[int, int, str]]] = [[]]
    for index, token in enumerate(tokens):
        word = token[2].strip(",")
        previous = tokens[index - 1][2] if index else ""
        if word in rules.role_words and previous not in rules.connectors and pieces[-1]:
            pieces.append([])
        if word in {"and", "&"} and _splits_two_bodies(pieces[-1], tokens[index + 1 :], rules):
            pieces.append([])
            continue
        pieces[-1].append(token)
    spans = []
    for piece in pieces:
        if _is_portfolio(piece, rules):
            continue
        while piece and (piece[0][2] in rules.connectors or piece[0][2].strip(",") in rules.role_words):
            piece = piece[1:]
        while piece and piece[-1][2] in rules.connectors:
            piece = piece[:-1]
        if piece and any(token[2].strip(",") in rules.head_words for token in piece):
            spans.append((piece[0][0], piece[-1][1]))
    return spans


def _splits_two_bodies(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """"A Council and B Office" is two bodies: the left ends on a head word or the right starts with one."""
    ends_with_head = bool(left) and left[-1][2].strip(",") in rules.head_words
    starts_with_head = bool(right) and right[0][2] in rules.head_words
    return ends_with_head or starts_with_head


def _is_portfolio(piece: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """"Minister for Employment Services": what follows a role and "for"/"of" is a portfolio, not a body."""
    words = [token[2] for token in piece]
    if len(words) < 2 or words[0] not in rules.role_words:
        return False
    if words[1] == "for":
        return True
    following = [word for word in words[2:] if word not in rules.connectors]
    return words[1] == "of" and not (following and following[0] in rules.head_words)


def looks_like_body(surface: str, rules: OrganizationRules) -> bool:
    """A name built on an organisation head word ("Settlement Council of Australia")."""
    words = clean_surface(surface).split()
    return any(word.strip(",") in rules.head_words for word in words)


@dataclass
class OrganizationEntry:
    """One organisation being assembled: its long form, acronym, aliases and mentions."""

    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    known: bool = False
    mention_set: set[tuple[int, int]] = field(default_factory=set, repr=False)

    def forms(self) -> set[str]:
        forms = {fold(self.name), *(fold(alias) for alias in self.aliases)}
        if self.acronym:
            forms.add(fold(self.acronym))
        return forms


class OrganizationIndex:
    """Groups surface forms of the same body into one :class:`OrganizationEntry`."""

    def __init__(self) -> None:
        self.entries: list[OrganizationEntry] = []
        self._by_form: dict[str, OrganizationEntry] = {}

    def add_definition(self, long_form: str, acronym: str | None, aliases: Iterable[str] = (), known: bool = False) -> OrganizationEntry:
        """Register a body by its long form, acronym and aliases (merging with one already known).

        The aliases of a ``known`` (gazetteer) body only serve to recognise it; an entry's
        ``aliases`` list the other forms the release itself uses.
        """
        forms = [long_form, *aliases] + ([acronym] if acronym else [])
        entry = next((self._by_form[fold(form)] for form in forms if fold(form) in self._by_form), None)
        if entry is None:
            entry = OrganizationEntry(clean_surface(long_form), acronym, known=known)
            self.entries.append(entry)
        else:
            entry.known = entry.known or known
            if acronym and not entry.acronym:
                entry.acronym = acronym
            if len(clean_surface(long_form)) > len(entry.name) and fold(long_form) not in {fold(a) for a in entry.aliases}:
                if fold(entry.name) != fold(long_form):
                    entry.aliases.append(entry.name)
                entry.name = clean_surface(long_form)
        for alias in aliases:
            if not known and fold(alias) not in entry.forms():
                entry.aliases.append(clean_surface(alias))
        for form in [*forms, entry.name]:
            self._by_form.setdefault(fold(form), entry)
        return entry

    def find(self, surface: str) -> OrganizationEntry | None:
        return self._by_form.get(fold(surface))

    def add_alias(self, entry: OrganizationEntry, surface: str) -> None:
        """Record another form of the body as the release writes it ("IOM Washington")."""
        if fold(surface) not in entry.forms():
            entry.aliases.append(clean_surface(surface))
            self._by_form.setdefault(fold(surface), entry)

    def add_mention(self, entry: OrganizationEntry, start: int, end: int, surface: str) -> None:
        if (start, end) not in entry.mention_set:
            entry.mention_set.add((start, end))
            entry.mentions.append((start, end))
        self.add_alias(entry, surface)

    def mentioned(self) -> list[OrganizationEntry]:
        return [entry for entry in self.entries if entry.mentions]
