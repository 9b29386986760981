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
    title_modifiers: frozenset[str] = frozenset()
    leading_descriptors: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    place_connectors: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    country_cues: tuple[tuple[str, tuple[str, ...]], ...] = ()
    possessive_name_words: frozenset[str] = frozenset()
    registered_suffixes: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    headline_verbs: frozenset[str] = frozenset()
    generic_groups: frozenset[str] = frozenset()
    body_openers: frozenset[str] = frozenset()
    office_holders: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    not_person_words: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()
    purpose_verbs: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    government_modifiers: frozenset[str] = frozenset()
    # parties that may stand before a government's place ("Labor-Green Tasmanian Government")
    party_words: frozenset[str] = frozenset()
    building_words: frozenset[str] = frozenset()

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
            title_modifiers=frozenset(data.get("title_modifiers", [])),
            leading_descriptors=frozenset(data.get("leading_descriptors", [])),
            abbreviations=frozenset(data.get("abbreviations", [])),
            place_connectors=frozenset(data.get("place_connectors", [])),
            place_heads=frozenset(data.get("place_heads", [])),
            possessive_name_words=frozenset(data.get("possessive_name_words", [])),
            registered_suffixes=frozenset(data.get("registered_suffixes", [])),
            time_words=frozenset(data.get("time_words", [])),
            headline_verbs=frozenset(data.get("headline_verbs", [])),
            generic_groups=frozenset(word.lower() for word in data.get("generic_groups", [])),
            body_openers=frozenset(data.get("body_openers", [])),
            office_holders=frozenset(data.get("office_holders", [])),
            name_particles=frozenset(data.get("name_particles", [])),
            not_person_words=frozenset(data.get("not_person_words", [])),
            sentence_openers=frozenset(data.get("sentence_openers", [])),
            government_modifiers=frozenset(data.get("government_modifiers", [])),
            building_words=frozenset(data.get("building_words", [])),
            party_words=frozenset(data.get("party_words", [])),
            purpose_verbs=frozenset(data.get("purpose_verbs", [])),
            place_words=frozenset(data.get("place_words", [])),
            country_cues=tuple((code, tuple(cues)) for code, cues in dict(data.get("country_cues", {})).items()),
        )

    def purpose_at(self, words: list[str], index: int) -> bool:
        """``words[index]`` is "to" before a verb of purpose ("Committee to Protect Journalists"):
        part of a name, not a place's "to"."""
        return words[index] == "to" and index + 1 < len(words) and words[index + 1].strip(",") in self.purpose_verbs

    def is_head(self, words: list[str], index: int) -> bool:
        """Whether ``words[index]`` is a head word, alone or closing a two-word head ("Red Cross")."""
        word = _bare(words[index])
        if word == "Government":  # "Government of Japan", "Ethiopian Government"; not "Government Relations"
            return index == len(words) - 1 or words[index + 1] == "of"
        if word in self.head_words:
            return True
        return index > 0 and f"{_bare(words[index - 1])} {word}" in self.head_words


def _bare(word: str) -> str:
    """A word without trailing punctuation or possessive ("Foundation’s," -> "Foundation")."""
    word = word.strip(",.;:")
    return word[:-2] if word.endswith(("’s", "'s")) else word


bare_word = _bare  # public: a component prefilters name runs on their bare words


@lru_cache(maxsize=8)
def _cue_at_end(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for "a cue, then only non-word characters, ends the text", compiled once per
    list of cues (not one search per cue and candidate)."""
    return re.compile("|".join(rf"\b{re.escape(cue)}\W*$" for cue in cues) or "(?!)")


@lru_cache(maxsize=65_536)
def clean_surface(surface: str) -> str:
    """ "the Ministry of\\nJustice’s" -> "Ministry of Justice"."""
    cleaned = re.sub(r"\s+", " ", surface).strip()
    cleaned = _LEADING_ARTICLE.sub("", cleaned)
    cleaned = _POSSESSIVE.sub("", cleaned) if re.search(r"\w[’']s?$", cleaned) and not cleaned.endswith("s'") else cleaned
    return _TRAILING.sub("", cleaned)


_BRACKETS = {"(": ")", "[": "]"}


def before_unclosed_bracket(surface: str) -> int:
    """Where a name ends when it opens a bracket it never closes: "Ministry of Urban Development
    and Housing (MIDUVI" ends before " (MIDUVI" (the acronym is its own mention); a name whose
    brackets are all closed ("Honda Automobile (Thailand)") runs to its end. Half a bracket pair
    is never part of a body's name."""
    depth: list[tuple[str, int]] = []
    for position, char in enumerate(surface):
        if char in _BRACKETS:
            depth.append((_BRACKETS[char], position))
        elif depth and char == depth[-1][0]:
            depth.pop()
    if not depth:
        return len(surface)
    return len(surface[: depth[0][1]].rstrip(" ,;:–-"))


_AND_THEN = re.compile(r"\s+(?:and|&)\s+")


def before_trailing_country(surface: str, country_words: frozenset[str]) -> int:
    """Where a name ends when it runs on through "and" into a country or a demonym that opens
    the next phrase: "Ministry of Labour and Skills and Kenya" (of "… and Kenya’s National
    Employment Authority"), "Ministry of Foreign Affairs and Guatemalan" (of "… and Guatemalan
    consulates"). A body's name does not end on "and" plus a bare country; a list of countries
    stays whole ("Embassy of Switzerland and Liechtenstein"). ``country_words``: folded country
    names and demonyms."""
    joints = list(_AND_THEN.finditer(surface))
    if not joints:
        return len(surface)
    joint = joints[-1]
    tail = surface[joint.end() :].rstrip(" ,;:")
    before = surface[: joint.start()].split()
    if not before or len(tail.split()) > 3 or fold_name(tail) not in country_words:
        return len(surface)
    if fold_name(before[-1]) in country_words or fold_name(" ".join(before[-2:])) in country_words:
        return len(surface)  # "Switzerland and Liechtenstein": countries listed in a name
    return joint.start()


@lru_cache(maxsize=65_536)
def fold_name(surface: str) -> str:
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
    national: bool = False,
    is_country: bool = False,
) -> str | None:
    """Why ``surface`` is not a named body, or None when it may be one.

    ``before`` is the text just before the mention; ``country_words`` how many country names
    the mention contains; ``is_person`` whether the NER calls it a person; ``national`` whether
    the words before its head name a country ("Ethiopian Government", "Government of Japan");
    ``is_country`` whether the whole mention is a country's name ("Russian Federation").
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
    if is_country:
        return "a country"
    if country_words >= 2 or (country_words and "," in cleaned and not looks_like_body(cleaned.split(",")[0], rules)):
        return "country list"  # "The Bahamas, Barbados"; not "Ministry of Labour, Social Security and Migration of the Kyrgyz Republic"
    if lowered in rules.generic_alone:
        return "generic"  # the curated list: never a body alone, whatever a model thinks
    if _only_generic_words(words, rules):
        return "head words only"
    if _generic_in_place(words, rules):
        return "generic in a place"
    if _first_head_is_not_a_body(words, rules):
        return "not a body"
    if any(_bare(word) in rules.headline_verbs for word in words):
        return "a headline"  # "IOM Launches New Shelter Programme for ...": a title-case headline, not a name
    if _holder_after_title(words, before, rules):
        return "a title's holder"
    if len(words) >= 3 and words[0] == "Office" and words[1] == "of" and _bare(words[2]).rstrip(".") in rules.role_words:
        return "a person's office"  # "Office of Sen. Jane Doe", "Office of Senator X"; not "Office of the Prime Minister"
    if words[-1] == "Government" and not national and not _government_inside_a_title(words, rules) and not _led_government(words, rules):
        return "a government by its party or level"  # "Federal Government", "Labor Government"; not "the Howard Government"
    if any(f"{word} Cent" in cleaned for word in rules.facility_words):
        return "facility"
    if _has_role(words, rules):
        return "a person's title"
    if any(word not in rules.possessive_name_words for word in re.findall(r"(\w+)[’']s\s", cleaned)):
        return "possessive"  # "Minister’s Office"; not "Women’s and Children’s Hospital"
    if in_quotes or _cue_at_end(rules.publication_cues).search(before.lower()):
        return "publication"
    if cleaned[0].islower() or not any(char.isupper() for char in cleaned):
        return "not a name"
    return None


LEADER_WORDS = 3  # "Rudd Labor", "Abbott-Turnbull", "Howard/Costello": a leader's name and a party at most


def _led_government(words: list[str], rules: OrganizationRules) -> bool:
    """ "Howard Government", "Rudd Labor Government", "Abbott-Turnbull Government": a government
    named after its leader is a named body; one named by its level or party ("Federal
    Government", "Coalition Government", ``government_modifiers``) is the generic government."""
    if len(words) < 2 or len(words) > LEADER_WORDS + 1:
        return False
    before = words[:-1]
    if any(word in rules.connectors or rules.is_head(before, index) for index, word in enumerate(before)):
        return False  # "Parliament on the Rudd Government": a run over a body and a connector, not one name
    parts = re.split(r"[-/–]", _bare(words[0]).rstrip("’'s"))
    return all(part[:1].isupper() and part not in rules.government_modifiers for part in parts)


def party_before_government(surface: str, rules: OrganizationRules) -> int:
    """How many characters at the start of a government's name are its party or level before
    its place: "Labor-Green Tasmanian Government" is the "Tasmanian Government", "Liberal NSW
    Government" the "NSW Government" (``party_words``; a level or "New" is part of the name or
    makes it generic: "New Zealand Government", "Federal Labor Government"). A name left with
    only parties stays whole (refused as generic: "Labor Coalition Government"). Returns 0
    when nothing goes."""
    words = list(re.finditer(r"\S+", surface))
    if len(words) < 3 or _bare(words[-1].group()) != "Government":
        return 0
    article = int(words[0].group().lower() == "the")
    named = [_bare(word.group()) for word in words[article:-1]]
    if not named or any(not word[:1].isupper() or word == "Government" for word in named):
        return 0  # one Title-case name before "Government" only: not "Government of Japan and the Ethiopian Government"
    skipped = article
    while skipped < len(words) - 1 and _only_parties(words[skipped].group(), rules):
        skipped += 1
    if skipped == article or skipped >= len(words) - 1:
        return 0
    return words[skipped].start()


def _only_parties(word: str, rules: OrganizationRules) -> bool:
    """ "Labor", "Labor-Green", "Liberal/National": party names only (``party_words``); not a
    level ("Federal") or a word that opens a place's name ("New Zealand", "Central African")."""
    parts = [part for part in re.split(r"[-/–]", _bare(word)) if part]
    return bool(parts) and all(part in rules.party_words for part in parts)


def _government_inside_a_title(words: list[str], rules: OrganizationRules) -> bool:
    """ "Ministry of Interior and Coordination of National Government", "Kennedy School of
    Government": "Government" closes the portfolio of a body named before it (a head word, then
    "of"/"for"), not a leader's government ("the Howard Government", "Parliament on the Rudd
    Government", "Coalition Scrutiny of Government")."""
    return any(rules.is_head(words, index) and words[index + 1] in {"of", "for"} for index in range(len(words) - 2))


def _holder_after_title(words: list[str], before: str, rules: OrganizationRules) -> bool:
    """ "Chief of | Mission Ana Pereira": after a role and "of", a generic head word followed by
    a name with no connector is the rest of a title and its holder, not a body."""
    if len(words) < 2 or words[0].lower() not in rules.generic_alone or words[1] in rules.connectors or rules.is_head(words, 1):
        return False
    previous = before.split()
    return len(previous) >= 2 and previous[-1] in {"of", "for"} and _bare(previous[-2]) in rules.role_words


def _only_generic_words(words: list[str], rules: OrganizationRules) -> bool:
    """ "Department", "Government Department", "Federal Police Service": no word names the body."""
    return all(word in rules.head_words or word.lower() in rules.generic_alone or word in rules.connectors for word in words)


def _generic_in_place(words: list[str], rules: OrganizationRules) -> bool:
    """ "Mission in Djibouti" (from "Chief of Mission in Djibouti"): a generic word and a place."""
    for index, word in enumerate(words):
        if word in rules.place_connectors:
            if rules.purpose_at(words, index):
                return False  # "Committee to Protect Journalists": a purpose, no place
            before = words[:index]
            return " ".join(before).lower() in rules.generic_alone or (len(before) == 1 and before[0] in rules.head_words)
    return False


def _first_head_is_not_a_body(words: list[str], rules: OrganizationRules) -> bool:
    """ "Legal Review on Trafficking", "World Cricket Cup": the name is built on an event, law or report."""
    if words and rules.is_head(words, len(words) - 1):
        return False  # "Refugee Review Tribunal", "Summit Organising Committee": the name ends on its head
    for index, word in enumerate(words):
        bare = word.strip(",")
        if rules.is_head(words, index):
            return _event_after_body(words, rules)
        if bare in rules.not_body_heads:
            return True
    return False


def _event_after_body(words: list[str], rules: OrganizationRules) -> bool:
    """ "Status of Forces Agreement", "Refugee Council Annual Conference", "Senate Committee
    Inquiry": a body's name before an event or document word names the event. Not when the last
    head word governs what follows ("Centre for Humanitarian Dialogue", "Boston University School
    of Law", "Select Committee on Industrial Relations Legislation"), nor before a place
    ("Regional Assistance Mission Solomon Islands")."""
    last = _bare(words[-1])
    if last not in rules.not_body_heads or last in rules.place_words:
        return False
    heads = [index for index in range(len(words) - 1) if rules.is_head(words, index)]
    return not heads or words[heads[-1] + 1] not in {"of", "for", "on", "to"}


def _has_role(words: list[str], rules: OrganizationRules) -> bool:
    """ "Cabinet Minister", "ABF Commissioner": a role word not governed by "of"/"for"/"the"."""
    for index, word in enumerate(words):
        if (
            word in rules.role_words
            and (index == 0 or words[index - 1] not in rules.connectors)
            and not _governed_title(words, index, rules)
            and not (index > 0 and f"{_bare(words[index - 1])} {word}" in rules.head_words)
            and not (index + 1 < len(words) and f"{word} {_bare(words[index + 1])}" in rules.head_words)
        ):
            return True
    return False


def _governed_title(words: list[str], index: int, rules: OrganizationRules) -> bool:
    """ "Office of the Prime Minister", "Office of the Prosecutor General": a compound title
    (title modifiers, then the role) governed by "of the"/"for the" names the body's holder."""
    position = index - 1
    while position >= 0 and (words[position] in rules.title_modifiers or words[position] in rules.role_words):
        position -= 1
    return position < index - 1 and position >= 0 and words[position] in rules.connectors


WINDOW = 12  # words either side that a split decision may look at


def split_candidate(surface: str, rules: OrganizationRules) -> list[tuple[int, int]]:
    """Offsets of the bodies inside a Title-case run.

    Leading roles, connectors, lower-case words and descriptors go ("Prefect of the Dicastery
    for …" -> "Dicastery for …", "during the Human Rights Council" -> "Human Rights Council",
    "NGO Association X" -> "Association X"); a run is cut before a role that follows a name
    ("… Security Assistant Secretary …", "Refugee Council Director"), after a word that ends a
    sentence ("Ministry of Health. The"), at a place preposition except after a mission
    ("UN Mission in Sudan"), and "A and B" becomes A and B when both sides are bodies.
    """
    tokens = [(match.start(), match.end(), match.group()) for match in re.finditer(r"\S+", surface)]
    if any(_bare(token[2]) in rules.headline_verbs for token in tokens):
        return []  # "IOM Nigeria Assists in Relocation of … Living in School Building": a headline, no name
    pieces: list[list[tuple[int, int, str]]] = [[]]
    for index, token in enumerate(tokens):
        word = token[2].strip(",")
        previous = tokens[index - 1][2] if index else ""
        # each decision looks at a bounded window of words, so a huge run stays linear
        left, right = pieces[-1][-WINDOW:], tokens[index + 1 : index + 1 + WINDOW]
        if (
            word in rules.role_words
            and previous not in rules.connectors
            and left
            and not _title_continues(left, word, rules)
            and f"{_bare(previous)} {word}" not in rules.head_words  # "Directorate General": a head, not a role
        ):
            pieces.append([])
        if word in {"and", "&"} and _splits_two_bodies(pieces[-1][-WINDOW:], right, rules):
            pieces.append([])
            continue
        if word in rules.place_connectors and previous.strip(",") not in rules.place_heads and not _purpose(word, left, right, rules):
            pieces.append([])
            continue
        pieces[-1].append(token)
        if _possessive_head(pieces[-1][-WINDOW:], right, rules):
            pieces.append([])  # "Kurdistan Regional Government’s | Joint Crisis Coordination Centre": two bodies
            continue
        if _ends_sentence(token[2], right, rules) or (token[2].endswith(",") and not _portfolio_comma(pieces[-1][-WINDOW:], right, rules)):
            pieces.append([])
    spans = []
    for piece in pieces:
        span = _trim_piece(piece, rules)
        if span is not None:
            spans.append(span)
    return spans


def _purpose(word: str, left: list[tuple[int, int, str]], right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """ "Committee to Protect Journalists", "Office to Monitor and Combat Trafficking in Persons":
    "to" right after the head word and before a verb of purpose (``purpose_verbs``) is inside the
    name, not a place's "to" (and not a Title-case headline's "Ministry of Health to Fight …")."""
    if not left or not right or not rules.purpose_at([word, right[0][2]], 0):
        return False
    words = [token[2] for token in left]
    return rules.is_head(words, len(words) - 1)


def _possessive_head(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """``left`` names a body (it holds a head word) and ends in the possessive before a capitalised
    word: the body owns what comes next ("Kurdistan Regional Government’s Joint Crisis Centre",
    "Ministry of Health’s Disease Control Bureau"); not a plural noun's possessive inside a name
    ("Council for Women’s Affairs")."""
    word = left[-1][2]
    if not right or not word.endswith(("’s", "'s")) or not right[0][2][:1].isupper() or word[:-2] in rules.possessive_name_words:
        return False
    words = [token[2] for token in left[:-1]] + [word[:-2]]
    return any(rules.is_head(words, index) for index in range(len(words)))


def _portfolio_comma(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """ "Department of Agriculture, Fisheries and Forestry", "Ministry of Labour, Social Security
    and Migration": a comma inside the portfolio a body is "of", closed by "and" in the same
    run. Not a list of bodies ("Ministry of Health, UNICEF and WHO", "Treasury, the Department")."""
    words = [token[2].strip(",") for token in left]
    if not any(word in {"of", "for"} for word in words[1:]) or not any(rules.is_head(words, index) for index in range(len(words))):
        return False
    tail: list[str] = []
    for token in right:
        if token[2] == "and":
            break
        tail.append(token[2])
    else:
        return False
    if not tail:
        return False
    for index, word in enumerate(tail):
        bare = word.strip(",")
        if bare in rules.connectors or rules.is_head(tail, index) or bare in rules.role_words or (len(bare) > 1 and bare.isupper()):
            return False
    return True


def _trim_piece(piece: list[tuple[int, int, str]], rules: OrganizationRules) -> tuple[int, int] | None:
    """Offsets of a piece without its leading/trailing connectors, roles and descriptors, and
    without a trailing "of the <report>" ("Government of Georgia | of the Migration Strategy");
    None if no body is left."""
    if _is_portfolio(piece, rules):
        return None
    piece = _without_document_tail(piece, rules)
    piece = _without_plain_prefix(piece, rules)
    skippable = rules.connectors | rules.place_connectors | rules.leading_descriptors
    first, last = 0, len(piece)
    role_before = False
    while first < last and (
        piece[first][2] in skippable
        or (piece[first][2].strip(",") in rules.role_words and not _opens_two_word_head(piece, first, last, rules))
        or piece[first][2][:1].islower()
    ):
        role_before = role_before or piece[first][2].strip(",") in rules.role_words
        first += 1
    if role_before and first > 0 and piece[first - 1][2] in rules.connectors:
        first = _start_of_head_phrase(piece, first, last, rules)  # "Secretary of State for the | Bureau of ..."
    while last > first and (piece[last - 1][2] in rules.connectors or piece[last - 1][2] in rules.place_connectors):
        last -= 1
    if last - first >= 2 and _bare(piece[last - 1][2]) in rules.time_words and piece[last - 2][2] in rules.connectors:
        last -= 2  # "... Museum on Monday"
    piece = piece[first:last]
    words = [token[2] for token in piece]
    if not piece or not any(rules.is_head(words, index) for index in range(len(words))):
        return None
    end = piece[-1][1]
    final = piece[-1][2]
    if (final.endswith(".") and final not in rules.abbreviations and not _is_initials(final)) or final.endswith((",", ";", ":")):
        end -= 1
    elif final.endswith(("’s", "'s")):
        end -= 2  # "the Belarusian Sport Solidarity Foundation’s efforts"
    return piece[0][0], end


def _opens_two_word_head(piece: list[tuple[int, int, str]], first: int, last: int, rules: OrganizationRules) -> bool:
    """ "General | Directorate of Migration": a role word that opens a two-word head stays in the name."""
    return first + 1 < last and f"{_bare(piece[first][2])} {_bare(piece[first + 1][2])}" in rules.head_words


def _without_plain_prefix(piece: list[tuple[int, int, str]], rules: OrganizationRules) -> list[tuple[int, int, str]]:
    """ "Volunteers of the | Kenya Red Cross Society": words with no head word before "of" (and
    "the"), when a body follows, are not part of its name."""
    words = [token[2].strip(",.;:") for token in piece]
    if "of" not in words:
        return piece
    index = words.index("of")
    if index == 0 or any(rules.is_head(words, position) or words[position] in rules.role_words for position in range(index)):
        return piece
    rest = index + 1 + (index + 1 < len(words) and words[index + 1] == "the")
    tail = words[rest:]
    return piece[rest:] if any(rules.is_head(tail, position) for position in range(len(tail))) else piece


def _without_document_tail(piece: list[tuple[int, int, str]], rules: OrganizationRules) -> list[tuple[int, int, str]]:
    """Cut at the last "of"/"for"/"on" when what follows names a document or event, not a body."""
    words = [token[2].strip(",.;:") for token in piece]
    for index in range(len(words) - 1, 0, -1):
        if words[index] in {"of", "for", "on"} and index + 1 < len(words) and words[index + 1] == "the":
            tail = words[index + 1 :]
            has_head = any(rules.is_head(tail, position) for position in range(len(tail)))
            head_before = any(rules.is_head(words, position) for position in range(index))
            # a document or event ("of the Migration Strategy"), not a place ("of the Solomon Islands")
            if head_before and not has_head and any(word in rules.not_body_heads and word not in rules.place_words for word in tail):
                return piece[:index]
            return piece
    return piece


def _title_continues(piece: list[tuple[int, int, str]], role: str, rules: OrganizationRules) -> bool:
    """ "Office of the Prime | Minister": the role completes a compound title governed by a connector."""
    words = [token[2] for token in piece] + [role]
    return _governed_title(words, len(words) - 1, rules)


def _is_initials(word: str) -> bool:
    """ "U.S.", "U.N.", "D.C.": dotted capitals do not end a sentence."""
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", word))


def _ends_sentence(word: str, following: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """ "Ministry of Health. The": a full stop after a word that is no abbreviation, before a capital.

    A registered suffix, with or without its full stop, closes the body too ("Welfare Council
    Inc. He said", "Medical Association Limited  ABN 37 …"), unless another suffix follows
    ("Pty. Ltd.", "Pty Ltd"): the company's name ends there.
    """
    if following and word.rstrip(".,") in rules.registered_suffixes:
        return following[0][2].rstrip(".,") not in rules.registered_suffixes
    if not word.endswith(".") or not following or not following[0][2][:1].isupper():
        return False
    return not (word in rules.abbreviations or _is_initials(word) or len(word) < 3)


def _splits_two_bodies(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """ "A Council and B Office" is two bodies: the left ends on a head word or the right starts
    with one; "A and the B" is a list ("Treasury and the Department of Health"), and so is an
    acronym on the left ("WFP and UNICEF", "IOM and Mahidol University")."""
    if not left or not right:
        return False
    if _registered_name_follows(right, rules):
        return False  # "Migrant Resource Centre and Hunter Region Inc": one incorporated body
    left_words = [token[2] for token in left]
    ends_with_head = rules.is_head(left_words, len(left_words) - 1)
    starts_with_head = right[0][2] in rules.head_words and len(right) > 1  # not "Department of the Prime Minister and Cabinet"
    the_list = right[0][2] == "the" and len(right) > 1 and right[1][2][:1].isupper()
    if _generic_phrase(right, rules):
        return True  # "agencies of the United Nations and Civil Society": the right side is no body
    acronym_left = len(left) == 1 and _is_acronym_word(left[0][2])
    acronym_right = _is_acronym_word(right[0][2]) and (len(right) == 1 or right[0][2][-1:] in ".,;:" or not right[1][2][:1].isupper())
    return ends_with_head or starts_with_head or the_list or acronym_left or acronym_right


def _generic_phrase(right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """The words after "and" (up to the next "and" or comma) are a generic group ("Civil Society",
    "Member States"), not a body: "Cabinet" or "Police" after "and" may close a portfolio name."""
    words: list[str] = []
    for token in right:
        if token[2] in {"and", "&"}:
            break
        words.append(token[2].strip(",.;:"))
        if token[2].endswith((",", ";", ".")):
            break
    return bool(words) and " ".join(words).lower() in rules.generic_groups


def _registered_name_follows(right: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """The words after "and" end on a company suffix with no other head word before it."""
    words = [_bare(token[2]) for token in right]
    for index, word in enumerate(words):
        if word in rules.registered_suffixes:
            return not any(rules.is_head(words, position) for position in range(index))
        if word == "and":
            return False
    return False


def _is_acronym_word(word: str) -> bool:
    """ "WFP", "IOM", "UN-Habitat": two capitals or more, no lower-case word."""
    bare = word.strip(",.;:")
    return sum(char.isupper() for char in bare) >= 2 and not bare[:2].istitle()


def _start_of_head_phrase(piece: list[tuple[int, int, str]], first: int, last: int, rules: OrganizationRules) -> int:
    """After a role and its connector, the body starts with the name phrase of the first head word:
    "Secretary of State for the Bureau of X" -> "Bureau of X", "Director of the Regional Office" -> "Regional Office"."""
    words = [token[2] for token in piece]
    head = next((index for index in range(first, last) if rules.is_head(words, index)), None)
    if head is None:
        return first
    start = _name_start(words, head, first, rules)
    if start - 2 >= first and words[start - 1] in {"and", "&"} and _name_word(words[start - 2], rules):
        # "CEO of the Australian Transaction Reports and Analysis Centre": "and" inside the name when
        # the name words before it run back to where the role's connector left off; not "Deputy
        # Secretary for Management and Resources Brian McKeon and Afghanistan Task Force"
        before = _name_start(words, start - 2, first, rules)
        if before == first:
            return before
    return start


def _name_start(words: list[str], index: int, first: int, rules: OrganizationRules) -> int:
    """The first of the capitalised, non-connector words that run back from ``index`` (not before ``first``)."""
    start = index
    while start > first and words[start - 1] not in rules.connectors and words[start - 1][:1].isupper():
        start -= 1
    return start


def _name_word(word: str, rules: OrganizationRules) -> bool:
    return word not in rules.connectors and word[:1].isupper() and not word.endswith(",")


def _is_portfolio(piece: list[tuple[int, int, str]], rules: OrganizationRules) -> bool:
    """ "Minister for Employment Services": what follows a role and "for"/"of" is a portfolio, not a body."""
    words = [token[2] for token in piece]
    if len(words) < 2 or words[0] not in rules.role_words:
        return False
    if words[1] == "for" and words[2:3] != ["the"]:
        return True  # "Minister for Employment Services"; not "Official for the Bureau of ..."
    following = [word for word in words[2:] if word not in rules.connectors]
    return words[1] in {"for", "of"} and not any(rules.is_head(following, index) for index in range(len(following)))


def looks_like_body(surface: str, rules: OrganizationRules) -> bool:
    """A name built on an organisation head word ("Settlement Council of Australia", "Kenya Red Cross")."""
    words = clean_surface(surface).split()
    return any(rules.is_head(words, index) for index in range(len(words)))


@dataclass
class OrganizationEntry:
    """One organisation being assembled: its long form, acronym, aliases and mentions."""

    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    known: bool = False
    mention_set: set[tuple[int, int]] = field(default_factory=set, repr=False)
    alias_keys: set[str] = field(default_factory=set, repr=False)

    def forms(self) -> set[str]:
        """Folded name, acronym and aliases (computed per call: use :meth:`has_form` in loops)."""
        forms = {fold_name(self.name), *(fold_name(alias) for alias in self.aliases)}
        if self.acronym:
            forms.add(fold_name(self.acronym))
        return forms

    def has_form(self, surface: str) -> bool:
        """Whether ``surface`` is already one of the entry's forms, in time independent of their number."""
        key = fold_name(surface)
        return key in self.alias_keys or key == fold_name(self.name) or (self.acronym is not None and key == fold_name(self.acronym))

    def add_alias(self, surface: str) -> None:
        self.aliases.append(clean_surface(surface))
        self.alias_keys.add(fold_name(surface))


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
        entry = next((self._by_form[fold_name(form)] for form in forms if fold_name(form) in self._by_form), None)
        if entry is None:
            entry = OrganizationEntry(clean_surface(long_form), acronym, known=known)
            self.entries.append(entry)
        else:
            entry.known = entry.known or known
            if acronym and not entry.acronym:
                entry.acronym = acronym
            if len(clean_surface(long_form)) > len(entry.name) and fold_name(long_form) not in entry.alias_keys:
                if fold_name(entry.name) != fold_name(long_form):
                    entry.add_alias(entry.name)
                entry.name = clean_surface(long_form)
        for alias in aliases:
            if not known and not entry.has_form(alias):
                entry.add_alias(alias)
        for form in [*forms, entry.name]:
            self._by_form.setdefault(fold_name(form), entry)
        return entry

    def find(self, surface: str) -> OrganizationEntry | None:
        return self._by_form.get(fold_name(surface))

    def add_key(self, entry: OrganizationEntry, key: str) -> None:
        """Register a hidden grouping key (never shown as a form) that :meth:`find` also answers."""
        self._by_form.setdefault(fold_name(key), entry)

    def add_alias(self, entry: OrganizationEntry, surface: str) -> None:
        """Record another form of the body as the release writes it ("IOM Washington")."""
        if not entry.has_form(surface):
            entry.add_alias(surface)
            self._by_form.setdefault(fold_name(surface), entry)

    def add_mention(self, entry: OrganizationEntry, start: int, end: int, surface: str) -> None:
        if (start, end) not in entry.mention_set:
            entry.mention_set.add((start, end))
            entry.mentions.append((start, end))
        self.add_alias(entry, surface)

    def mentioned(self) -> list[OrganizationEntry]:
        return [entry for entry in self.entries if entry.mentions]


_PERSON_WORD = re.compile(r"[A-Z][^\W\d_]*(?:[-’'][^\W\d_]+)*")  # "Marzouq", "Al-Ghanem", "O’Neil"
HOLDER_WORDS = (2, 4)  # how many words a holder's name after a body may have


def opener_length(surface: str, rules: OrganizationRules) -> int:
    """How many characters at the start of ``surface`` open the sentence rather than the name.

    A Title-case run that starts a sentence takes its first word with it: "Because the High
    Court", "Only the Coalition", "Indeed the Government of Papua New Guinea" (a function word
    from ``sentence_openers`` before "the"), and "A World Bank Task Force" (an indefinite
    article before a capitalised word). Names that start with such a word ("One Nation",
    "Three Seas Initiative") have no "the" after it and are kept.
    """
    match = _OPENER.match(surface)
    if match is None:
        return 0
    word, article = match.group(1), match.group(2)
    if (article and word in rules.sentence_openers) or (not article and word in _INDEFINITE):
        return match.end()
    return 0


_OPENER = re.compile(r"([A-Z][a-z]*)[ \u00a0]+(the[ \u00a0]+)?(?=[A-Z])")
_INDEFINITE = frozenset({"A", "An"})


def holder_after_body(surface: str, before: str, rules: OrganizationRules, after: str = "") -> int | None:
    """Where the body ends when the holder's name is glued after it.

    "Speaker of the National Assembly Marzouq Al Ghanem": a title governs the body ("… of the"
    in ``before``, the text just before ``surface``) and the body's head word is followed by two
    to four name-shaped words that are no head, role, connector or acronym. Returns the end of
    the body inside ``surface`` (None to keep it whole). Without the governing title a trailing
    Title-case run is part of the name ("Association Horizons Nouveaux"), and so it is after a
    lone head word. One name-shaped word is enough when ``after`` (the text right after
    ``surface``) goes on with a lower-case particle and a surname ("… Assembly Marzouq al
    Ghanem", "… Commission Ana de Souza"): a Title-case run stops at the particle.
    """
    if not _governed_by_title(before, rules):
        return None
    tokens = [(match.start(), match.end(), match.group()) for match in re.finditer(r"\S+", surface)][: 3 * WINDOW]
    words = [token[2].rstrip(",") for token in tokens]
    shortest = 1 if _particle_and_surname(after, rules) else HOLDER_WORDS[0]
    for size in range(HOLDER_WORDS[1], shortest - 1, -1):
        head = len(words) - size - 1
        # a lone head word ("Association Horizons Nouveaux", "Fundación Pies Descalzos") keeps its name
        if head < 1 or not rules.is_head(words, head) or tokens[head][2].endswith(","):
            continue
        run = words[head + 1 :]
        if run[0] not in rules.name_particles and _is_person_run(run, rules):
            return tokens[head][1]
    return None


def _particle_and_surname(after: str, rules: OrganizationRules) -> bool:
    """ "… al Ghanem", " bin Salman", " van der Berg": lower-case name particles (one or two),
    then a capitalised word."""
    words = after[:40].split()[:3]
    particles = 0
    while particles < min(2, len(words)) and words[particles] in rules.name_particles and words[particles].islower():
        particles += 1
    return 0 < particles < len(words) and bool(_PERSON_WORD.fullmatch(words[particles].rstrip(",.;:")))


def _governed_by_title(before: str, rules: OrganizationRules) -> bool:
    """ "… Speaker of the", "Director-General of": a role word, "of"/"for" and maybe "the"."""
    words = before.split()[-3:]
    if words and words[-1].lower() == "the":
        words = words[:-1]
    if len(words) < 2 or words[-1] not in {"of", "for"}:
        return False
    role = words[-2]
    return role in rules.role_words or role in rules.office_holders


def _is_person_run(run: list[str], rules: OrganizationRules) -> bool:
    """Every word looks like part of a personal name and none like part of a body's name."""
    for word in run:
        if word in rules.name_particles:
            continue
        if (
            not _PERSON_WORD.fullmatch(word)
            or not any(letter.islower() for letter in word)  # "ASEAN": an acronym
            or word in rules.not_person_words
            or word in rules.head_words
            or word in rules.role_words
            or word in rules.office_holders
            or word in rules.title_modifiers
            or word in rules.registered_suffixes
            or word in rules.time_words
            or word in rules.connectors
        ):
            return False
    return run[-1] not in rules.name_particles


_UNIT_NUMBER = re.compile(r"\d+(?:/\d+)?(?:st|nd|rd|th)|No\.\s\d+")  # "2/28th", "40th", "No. 11"


def numbered_unit_before(prefix: str, rules: OrganizationRules) -> str | None:
    """How a numbered unit relates to the known body that follows it inside one Title-case run.

    ``prefix`` is the run's text before the known body. "own": the unit is a body of its own
    that the body's acronym follows ("No. 11 Squadron RAAF" -> "No. 11 Squadron"); "part": the
    unit is named as part of the body ("40th Wing of the Royal Air Force" is the unit, and the
    Royal Air Force is named too); None: no numbered unit, the known body alone stands.
    """
    match = _UNIT_NUMBER.match(prefix)
    if match is None:
        return None
    words = prefix[match.end() :].split()[:WINDOW]
    if not words or not rules.is_head(words, 0):
        return None
    rest = [word for word in words[1:] if word != "the"]
    if not rest:
        return "own"
    return "part" if rest in (["of"], ["for"]) else None
