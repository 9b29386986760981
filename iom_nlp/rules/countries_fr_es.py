"""Deciding whether a French or Spanish gazetteer match names a country.

Pure functions over a matched span and the rules of ``models/country_rules_fr_es.json``; the
matches come from ``models/countries_fr_es.jsonl`` and only in releases of that language
(``doc._.iom_language``), so English releases never see these forms.

- a name is written with its capitals ("Tchad", "República Dominicana"): "la réunion", "chili
  con carne" and "l'équateur" name nothing; an all-capitals line ("NIGER :") counts;
- a demonym may be lower case (French and Spanish adjectives are: "migrants maliens",
  "migrantes venezolanos") or a capitalised noun ("les Maliens");
- a language is no demonym: "traduit en espagnol", "en français et en anglais", "clases de
  inglés", "el español" are languages; the list a name belongs to decides ("en anglais, français
  et portugais");
- a demonym glued after a hyphen is another word's part ("latino-américain", "afro-colombiens");
  compounds that are demonyms are gazetteer forms of their own ("sud-soudanais");
- a river, sea or gulf named after the country is no country ("golfe de Guinée", "fleuve
  Niger", "río Níger");
- a name that is also a first name ("Salvador", "Israel", "Chad") is no country beside another
  capitalised word ("Salvador Pérez", "Israel Gómez").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

_MAX_LIST_MEMBERS = 8


@dataclass(frozen=True)
class ForeignCountryRules:
    """The rules of one language (French or Spanish)."""

    language_names: frozenset[str]
    language_cues_before: frozenset[str]
    language_cues_before_two: frozenset[str]
    list_joiners: frozenset[str]
    water_words: frozenset[str]
    linking_words: frozenset[str]
    person_risk: frozenset[str]
    body_words: frozenset[str]
    body_words_capitalised: frozenset[str]
    body_modifiers: frozenset[str]
    language_words: frozenset[str]
    generic_name_words: frozenset[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ForeignCountryRules:
        def lowered(key: str) -> frozenset[str]:
            values = data[key]
            if not isinstance(values, list):
                raise TypeError(f"{key} must be a list of words")
            return frozenset(str(word).lower().replace("\u2019", "'") for word in values)

        return cls(
            language_names=lowered("language_names"),
            language_cues_before=lowered("language_cues_before"),
            language_cues_before_two=lowered("language_cues_before_two"),
            list_joiners=lowered("list_joiners"),
            water_words=lowered("water_words"),
            linking_words=lowered("linking_words"),
            person_risk=lowered("person_risk"),
            body_words=lowered("body_words"),
            body_words_capitalised=lowered("body_words_capitalised"),
            body_modifiers=lowered("body_modifiers"),
            language_words=lowered("language_words"),
            generic_name_words=lowered("generic_name_words"),
        )


def rules_by_language(data: Mapping[str, Any]) -> dict[str, ForeignCountryRules]:
    """``{"fr": rules, "es": rules}`` from the file's object; unknown keys are refused by the caller."""
    return {str(language): ForeignCountryRules.from_dict(section) for language, section in data.items()}


def keep_foreign_match(span: Span, pattern: str, kind: str, rules: ForeignCountryRules) -> bool:
    """True when the French or Spanish ``span`` (gazetteer ``pattern``) names a country."""
    if kind == "name" and not _capitalised_as_pattern(span, pattern, rules):
        return False
    return not vetoed(span, kind, rules)


def vetoed(span: Span, kind: str, rules: ForeignCountryRules) -> bool:
    """The checks of this language that also apply to a form both languages write ("Niger" in
    "fleuve Niger", "Salvador Pérez"): water, people's names; for demonyms, compounds, languages
    and bodies' names."""
    if kind == "name":  # "Agencia Suiza": the adjective of a body's name, written like the country
        return _names_water(span, rules) or _names_person(span, rules) or _names_body(span, rules)
    if _glued_after_hyphen(span) or _names_water(span, rules) or _names_body(span, rules):
        return True
    before = _token_before(span.doc, span.start)
    if before is not None and _key(before.text) in rules.language_words:
        return True  # "de langue népalaise": a language, whatever the form
    return _key(span.text) in rules.language_names and _used_as_language(span, rules)


def _names_body(span: Span, rules: ForeignCountryRules) -> bool:
    """"Croix-Rouge malienne", "Agencia Suiza", "ministère fédéral allemand", "Gouvernement
    espagnol": the adjective is part of a body's name, not the country's people."""
    doc = span.doc
    before = _token_before(doc, span.start)
    if before is not None and _key(before.text) in rules.body_modifiers:
        before = _token_before(doc, before.i)
    if before is None:
        return False
    key = _key(before.text)
    return key in rules.body_words or (key in rules.body_words_capitalised and before.text[:1].isupper())


def _key(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def _words(span: Span) -> list[Token]:
    return [token for token in span if not token.is_space]


def _capitalised_as_pattern(span: Span, pattern: str, rules: ForeignCountryRules) -> bool:
    """Every capitalised word of the pattern is capitalised in the text ("Tchad", not "tchad"),
    generic words aside ("les îles Turques-et-Caïques", "la república Dominicana"); a line in
    capitals ("NIGER :") counts."""
    words = _words(span)
    if not words:
        return False
    if all(token.is_upper or not token.is_alpha for token in words):
        return True
    pieces = _split_like(pattern, len(words))
    if pieces is None:  # cut otherwise by another tokenizer ("Turques-et-Caïques" whole): its own words decide
        return any(token.text[:1].isupper() for token in words if _key(token.text) not in rules.generic_name_words)
    checked = [(piece, token) for piece, token in zip(pieces, words, strict=True) if _key(piece) not in rules.generic_name_words]
    return bool(checked) and all(not piece[:1].isupper() or token.text[:1].isupper() for piece, token in checked)


def _split_like(pattern: str, count: int) -> list[str] | None:
    """The pattern cut into ``count`` pieces the way the tokenizer cut the text: by spaces, then
    hyphens and dots kept as their own pieces; None when that does not give ``count`` pieces."""
    pieces: list[str] = []
    for part in pattern.split():
        current = ""
        for char in part:
            if char in "-.":
                if current:
                    pieces.append(current)
                pieces.append(char)
                current = ""
            else:
                current += char
        if current:
            pieces.append(current)
    return pieces if len(pieces) == count else None


def _token_before(doc: Doc, index: int) -> Token | None:
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    return doc[index] if index >= 0 else None


def _token_after(doc: Doc, index: int) -> Token | None:
    while index < len(doc) and doc[index].is_space:
        index += 1
    return doc[index] if index < len(doc) else None


def _glued_after_hyphen(span: Span) -> bool:
    """"latino-américain": a hyphen with no space before the span, a word glued before it."""
    doc = span.doc
    if span.start < 2:
        return False
    hyphen, word = doc[span.start - 1], doc[span.start - 2]
    return hyphen.text in {"-", "\u2010", "\u2011"} and not hyphen.whitespace_ and not word.whitespace_ and word.is_alpha


def _used_as_language(span: Span, rules: ForeignCountryRules) -> bool:
    """"en espagnol", "clases de inglés", "en anglais, français et portugais": a language.

    Walks back through a list of language names (bounded) to the word before it.
    """
    doc = span.doc
    start = span.start
    for _ in range(_MAX_LIST_MEMBERS):
        before = _token_before(doc, start)
        if before is None:
            return False
        key = _key(before.text)
        if key in rules.language_cues_before:
            return True
        two = _token_before(doc, before.i)
        if two is not None and f"{_key(two.text)} {key}" in rules.language_cues_before_two:
            return True
        if key not in rules.list_joiners or two is None:
            return False
        if _key(two.text) in rules.list_joiners:  # "anglais, et espagnol"
            two = _token_before(doc, two.i)
            if two is None:
                return False
        if _key(two.text) not in rules.language_names:
            return False
        start = two.i
    return False


def _names_water(span: Span, rules: ForeignCountryRules) -> bool:
    """"golfe de Guinée", "fleuve Niger", "río Níger", "delta du Niger": a body of water or region."""
    doc = span.doc
    before = _token_before(doc, span.start)
    if before is None:
        return False
    key = _key(before.text)
    if key in rules.water_words:
        return True
    if key in rules.linking_words:
        earlier = _token_before(doc, before.i)
        if earlier is not None and _key(earlier.text) in {"la"}:  # "de la"
            earlier = _token_before(doc, earlier.i)
        return earlier is not None and _key(earlier.text) in rules.water_words
    return False


def _names_person(span: Span, rules: ForeignCountryRules) -> bool:
    """"Salvador Pérez", "Israel Gómez": a first name beside another capitalised word."""
    if _key(span.text) not in rules.person_risk:
        return False
    doc = span.doc
    after = _token_after(doc, span.end)
    if after is not None and after.is_title and after.is_alpha and not after.is_sent_start:
        return True
    before = _token_before(doc, span.start)
    return before is not None and before.is_title and before.is_alpha and not span[0].is_sent_start
