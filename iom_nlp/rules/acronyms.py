"""Acronym definitions inside a release (Schwartz & Hearst, 2003).

"Bureau of Population, Refugees and Migration (PRM)" and "IOM (International Organization for
Migration)" define PRM and IOM for the rest of the text. A definition is accepted when the
acronym's characters occur, in order, in the long form, with its first character starting a
word; the long form is the shortest one that explains the acronym, taken from at most
min(|A| + 5, 2|A|) words before the parenthesis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARENTHESIS = re.compile(r"\(([^()]{1,120})\)")
_WORD = re.compile(r"\S+")
MAX_ACRONYM = 12


@dataclass(frozen=True)
class AcronymDefinition:
    long_form: str
    acronym: str
    long_start: int
    long_end: int
    acronym_start: int
    acronym_end: int


def looks_like_acronym(candidate: str) -> bool:
    """2–12 characters, one word (or two joined by "&"/"-"), at least one capital, starting alphanumerically."""
    candidate = candidate.strip()
    if not 2 <= len(candidate) <= MAX_ACRONYM or not candidate[0].isalnum():
        return False
    if len(candidate.split()) > 1:
        return False
    letters = [char for char in candidate if char.isalpha()]
    capitals = sum(char.isupper() or char.isdigit() for char in candidate)
    return bool(letters) and candidate[0].isupper() and capitals >= 2


def best_long_form(acronym: str, candidate: str) -> str | None:
    """The shortest tail of ``candidate`` that explains ``acronym`` (Schwartz & Hearst's match).

    A capital first letter is first looked for at a capitalised word, so "Office of the Prime
    Minister (OPM)" starts at "Office", not at "of"; failing that, at any word start.
    """
    if acronym[:1].isupper():
        strict = _match_long_form(acronym, candidate, capital_start=True)
        if strict is not None:
            return strict
    loose = _match_long_form(acronym, candidate, capital_start=False)
    if loose is not None and acronym[:1].isupper() and loose.split()[0] in _FUNCTION_WORDS:
        return None  # "in support of the UN Migration Agency (IOM)": a capital acronym does not start on "in"
    return loose


_FUNCTION_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})


def _match_long_form(acronym: str, candidate: str, *, capital_start: bool) -> str | None:
    short = [char.lower() for char in acronym if char.isalnum()]
    long_text = candidate.lower()
    s_index = len(short) - 1
    l_index = len(long_text) - 1
    while s_index >= 0:
        char = short[s_index]
        while l_index >= 0 and (
            long_text[l_index] != char
            or (s_index == 0 and l_index > 0 and long_text[l_index - 1].isalnum())
            or (s_index == 0 and capital_start and not candidate[l_index].isupper())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        s_index -= 1
        l_index -= 1
    start = l_index + 1
    while start > 0 and not candidate[start - 1].isspace() and candidate[start - 1] not in "/(":
        start -= 1  # "2014/African Press Organization (APO)": a date glued by a slash is no part of the name
    start = _extend_over_connector(candidate, start)
    long_form = candidate[start:].strip(" ,;:")
    elided = _ELIDED_ARTICLE.match(long_form)
    if elided is not None and long_form[elided.end() : elided.end() + 1].lower() == short[0]:
        long_form = long_form[elided.end() :]  # "L'Office national de la migration (ONM)": the article is no part of it
    if len(long_form) <= len(acronym) or long_form.lower().startswith(acronym.lower()):
        return None
    return long_form


_ELIDED_ARTICLE = re.compile(r"[lLdD]['’](?=\w)")
_CONNECTED_HEAD = re.compile(r"([A-Z][\w’'\-]*\s+(?:of|for|on)\s+)$")


def _extend_over_connector(candidate: str, start: int) -> int:
    """ "Bureau of | Population, Refugees and Migration": take in the head the acronym skips."""
    head = _CONNECTED_HEAD.search(candidate[:start])
    return head.start(1) if head else start


def find_acronym_definitions(text: str) -> list[AcronymDefinition]:
    """Every "Long Form (ACR)" and "ACR (Long Form)" in ``text``."""
    definitions = []
    for match in _PARENTHESIS.finditer(text):
        inside = match.group(1).strip()
        inside_start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
        if looks_like_acronym(inside):
            definition = _long_before(text, match.start(), inside, inside_start)
        else:
            definition = _acronym_before(text, match.start(), inside, inside_start)
        if definition is not None:
            definitions.append(definition)
    return definitions


def _long_before(text: str, paren_start: int, acronym: str, acronym_start: int) -> AcronymDefinition | None:
    """The long form in the window before "(ACR)"; the paragraph-break search is bounded by the
    window so that many definitions in one long paragraph stay linear."""
    window = max(len(acronym) + 5, 2 * len(acronym))
    window_start = max(0, paren_start - 400)
    line_start = text.rfind("\n\n", window_start, paren_start) + 1
    words = list(_WORD.finditer(text, max(line_start, window_start), paren_start))[-window:]
    if not words:
        return None
    candidate_start = words[0].start()
    candidate = text[candidate_start:paren_start].rstrip()
    long_form = best_long_form(acronym, candidate)
    if long_form is None:
        return None
    long_start = candidate_start + candidate.rfind(long_form)
    return AcronymDefinition(long_form, acronym, long_start, long_start + len(long_form), acronym_start, acronym_start + len(acronym))


def _acronym_before(text: str, paren_start: int, inside: str, inside_start: int) -> AcronymDefinition | None:
    before = text[max(0, paren_start - MAX_ACRONYM - 2) : paren_start].rstrip()
    acronym = before.split()[-1].lstrip("([{\"'“‘") if before.split() else ""
    if not looks_like_acronym(acronym):
        return None
    long_form = best_long_form(acronym, inside)
    if long_form is None or long_form != inside.strip(" ,;:"):
        return None
    acronym_start = paren_start - (len(text[:paren_start]) - len(text[:paren_start].rstrip())) - len(acronym)
    return AcronymDefinition(long_form, acronym, inside_start, inside_start + len(long_form), acronym_start, acronym_start + len(acronym))
