"""Organisations named the French or Spanish way: the head word first, then what it is for.

"Ministère de l'Intérieur", "ministère des Affaires étrangères et des Sénégalais de l'extérieur",
"Direction nationale de la protection civile", "Croix-Rouge malienne", "Gouvernement du Niger",
"Ministerio de Relaciones Exteriores y Movilidad Humana", "Gobierno Federal de Brasil",
"Ministerio de Inclusión, Seguridad Social y Migraciones". A name opens on a head word
(``models/organizations_fr_es.json``) and runs on over:

- capitalised words ("de Relaciones Exteriores", "du Niger");
- connectors ("de", "de la", "d'", "pour les", "del", "para el", "y"), each only when a word of the
  name follows it; "et"/"y" never before another body (an acronym, a head word, a name the
  gazetteer knows: "Gobierno de Colombia y Migración Colombia" is two bodies);
- in French, lower-case words: adjectives right after the head or a noun ("nationale", "civile",
  and national adjectives by their endings: "malienne", "mauritanien"), and the nouns a body is for
  after a connector ("de la protection", "au développement");
- a comma inside a list of portfolios closed by "et"/"y" ("Inclusión, Seguridad Social y Migraciones").

A name followed by "(ACRONYM)" defines that acronym. A head alone ("le Gouvernement") is no name.
One regex finds the heads; each name is read over a bounded number of words: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .acronyms import looks_like_acronym
from .patterns import alternation

_ELISION = r"(?:[lLdD]|[qQ]u)['’](?=\w)"
_TOKEN = re.compile(rf"{_ELISION}|[^\W\d_][\w\-]*(?:['’][\w\-]+)*|\d+|[^\s\w]")
_GAP = re.compile(r"[ \t\u00a0\u202f]*\n[ \t\u00a0\u202f]*|[ \t\u00a0\u202f]+")
WRAPPED_LINE = 45  # a line at least this long, broken inside a name, is a hard wrap of running text
_ACRONYM_AFTER = re.compile(r"[ \t\u00a0]*\((?P<acronym>[^()\s]{2,14})\)")


@dataclass(frozen=True)
class FrEsOrganizationRules:
    """Word lists from ``models/organizations_fr_es.json``; the head regex is compiled once here."""

    heads: tuple[str, ...]  # capitalised head words and phrases: "Ministère", "Cruz Roja"
    lower_heads: tuple[str, ...]  # heads also written in lower case in running text: "ministère"
    connectors: frozenset[str]
    joining_words: frozenset[str]  # "et", "y": never before another body
    name_nouns: frozenset[str]  # lower-case nouns a French name goes on with after a connector
    adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]  # national adjectives right after the head: "malienne"
    stop_words: frozenset[str]
    office_heads: tuple[str, ...]  # "Bureau", "Oficina": with a body's acronym after them, that body's office
    max_words: int = 18
    head_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        heads = alternation((*self.heads, *self.lower_heads), space=r"[ \t\u00a0]+")
        # not inside a word; after an elided article ("l'Union", "d'Haïti") yes, after "aujourd'" no
        object.__setattr__(self, "head_pattern", re.compile(rf"(?<![\w-])(?<!\w\w['’])(?:{heads})(?![\w-])"))


@dataclass(frozen=True)
class FoundName:
    """A body's name as written, and the acronym it defines right after it (if any)."""

    start: int
    end: int
    acronym: str | None = None
    acronym_start: int | None = None
    acronym_end: int | None = None


def find_names(
    text: str, rules: FrEsOrganizationRules, is_known_start: Callable[[str], bool] = lambda word: False
) -> list[FoundName]:
    """Every French or Spanish body's name in ``text``, in order, none inside another.

    ``is_known_start``: whether a word opens a name the gazetteer knows (``"Migración"`` of
    "Migración Colombia"): "et"/"y" before it joins two bodies, not two parts of one name.
    """
    found: list[FoundName] = []
    reach = 0
    for match in rules.head_pattern.finditer(text):
        if match.start() < reach:
            continue  # a head inside the last name ("Direction générale ... Commission européenne")
        end = _name_end(text, match.end(), rules, is_known_start)
        if end is None:
            continue
        name = FoundName(match.start(), end)
        acronym = _ACRONYM_AFTER.match(text, end)
        if acronym is not None and looks_like_acronym(acronym.group("acronym")):
            name = FoundName(match.start(), end, acronym.group("acronym"), acronym.start("acronym"), acronym.end("acronym"))
        found.append(name)
        reach = end
    return found


def _tokens(text: str, start: int, limit: int) -> Iterable[tuple[str, int, int]]:
    """Words and marks after ``start`` on the same line, with the gap before each checked."""
    position = start
    for _ in range(limit):
        gap = _GAP.match(text, position)
        if gap is not None and "\n" in gap.group() and not _hard_wrap(text, position, gap.end()):
            return  # a line end that is no hard wrap ends the name
        at = gap.end() if gap is not None else position
        token = _TOKEN.match(text, at)
        if token is None:
            return
        if gap is None and position != start and text[position - 1] not in "'’" and token.group() not in ",.;:()":
            return  # glued to the word before: not a word of its own
        yield token.group(), token.start(), token.end()
        position = token.end()


def _hard_wrap(text: str, line_end: int, next_start: int) -> bool:
    """The line ending at ``line_end`` is long and the next one goes on at ``next_start``."""
    return line_end - text.rfind("\n", 0, line_end) > WRAPPED_LINE and text[next_start : next_start + 1] not in ("\n", "")


_Tokens = list[tuple[str, int, int]]
_KnownStart = Callable[[str], bool]


def _name_end(text: str, head_end: int, rules: FrEsOrganizationRules, is_known_start: _KnownStart) -> int | None:
    """Where the name that opens with the head ending at ``head_end`` ends; None for a head alone."""
    tokens = list(_tokens(text, head_end, rules.max_words * 2))
    end = head_end
    last = "head"
    adjectives = 0
    pending: list[str] = []  # connectors read since the last word of the name
    words = 0
    index = 0
    while index < len(tokens) and words < rules.max_words:
        word, _, word_end = tokens[index]
        lower = word.lower()
        if word == ",":
            if pending or not _portfolio_follows(text, tokens, index + 1, rules, is_known_start):
                break
            pending.append(",")
            index += 1
            continue
        if lower in rules.connectors:
            if lower in rules.joining_words and _joins_another_body(text, tokens, index + 1, rules, is_known_start):
                break
            pending.append(lower)
            index += 1
            continue
        kind = _word_kind(word, last, pending, adjectives, rules)
        if kind is None:
            break
        adjectives = adjectives + 1 if kind == "adjective" else 0
        last, end, pending = kind, word_end, []
        words += 1
        index += 1
    if end == head_end:
        return None
    return end


def _word_kind(word: str, last: str, pending: list[str], adjectives: int, rules: FrEsOrganizationRules) -> str | None:
    """What a word adds to the name ("capital", "noun", "adjective"), or None when it ends it."""
    lower = word.lower()
    if lower in rules.stop_words:
        return None
    if word[:1].isupper():
        return "capital"
    if not word[:1].isalpha():
        return None
    if pending:
        return "noun" if lower in rules.name_nouns or lower in rules.adjectives else None
    if adjectives >= 2:
        return None
    if lower in rules.adjectives:
        return "adjective"
    if last in ("head", "noun", "adjective") and lower.endswith(rules.adjective_endings) and len(lower) > 4:
        return "adjective" if last == "head" else None
    return None


# The connectors that may follow "et"/"y" inside a name ("et de la Sécurité", "y la Cooperación").
_AFTER_JOINING = frozenset(
    {"de", "des", "du", "la", "le", "les", "l'", "l’", "d'", "d’", "del", "el", "los", "las", "a", "à", "au", "aux", "para"}
)


def _joins_another_body(text: str, tokens: _Tokens, index: int, rules: FrEsOrganizationRules, is_known_start: _KnownStart) -> bool:
    """After "et"/"y": an article, then an acronym, a head word or a known name's first word; or a
    connector that opens no part of a name after "et" ("et en coordination avec")."""
    while index < len(tokens) and tokens[index][0].lower() in rules.connectors:
        if tokens[index][0].lower() not in _AFTER_JOINING:
            return True
        index += 1
    if index >= len(tokens):
        return True
    word = tokens[index][0]
    if len(word) >= 2 and word.isupper():
        return True  # "et le HCR", "y la OIM"
    return is_known_start(word) or rules.head_pattern.match(text, tokens[index][1]) is not None


def _portfolio_follows(text: str, tokens: _Tokens, index: int, rules: FrEsOrganizationRules, is_known_start: _KnownStart) -> bool:
    """After a comma: name words only, up to "et"/"y" and a last part, before any other mark
    ("Inclusión, Seguridad Social y Migraciones", "population, des réfugiés et des migrations")."""
    joined = False
    seen = 0
    while index < len(tokens) and seen < 8:
        word = tokens[index][0]
        lower = word.lower()
        if lower in rules.joining_words:
            if _joins_another_body(text, tokens, index + 1, rules, is_known_start):
                return False
            joined = True
        elif lower in rules.connectors:
            pass
        elif word[:1].isupper():
            if seen == 0 and (is_known_start(word) or rules.head_pattern.match(text, tokens[index][1]) is not None):
                return False
        elif lower in rules.name_nouns or lower in rules.adjectives:
            pass
        else:
            return joined and seen > 0
        index += 1
        seen += 1
    return joined


def office_of(surface: str, rules: FrEsOrganizationRules) -> str | None:
    """The acronym of the body whose office a name is ("Bureau régional de l'OIM à Dakar",
    "Oficina de la OIM en La Paz" -> "OIM"): an office head, then within three words an acronym."""
    for head in rules.office_heads:
        if surface.startswith(head + " "):
            for word in surface[len(head) :].split()[:3]:
                bare = re.sub(r"^[lLdD]['’]", "", word)
                if len(bare) >= 2 and bare.isupper() and bare.isalpha():
                    return bare
    return None
