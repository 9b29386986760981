"""French and Spanish country names and demonyms for the ``iom_countries`` component.

The forms of ``models/countries_fr_es.jsonl`` are looked up only in releases of their language
(``doc._.iom_language``), each language with its own :class:`PhraseLookup`, built on first use
(English pipelines never build one). Decisions are in :mod:`iom_nlp.rules.countries_fr_es`.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
import numpy.typing as npt
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..data import SettingsError, parse_json_object, parse_jsonl, settings_from_dict
from ..rules.countries_fr_es import ForeignCountryRules, keep_foreign_match, vetoed
from ..rules.wordview import PhraseLookup

FOREIGN_GAZETTEER_FILE = "countries_fr_es.jsonl"
FOREIGN_RULES_FILE = "country_rules_fr_es.json"
FOREIGN_LANGUAGES = ("fr", "es")
# A form that names no country but hides one ("Colombie-Britannique"): it wins the span, then is dropped.
NO_COUNTRY = "-"
# A demonym two countries share ("congolais"): resolved by the English ambiguity rule it names.
AMBIGUOUS = "?"

Candidate = tuple[str, str, str]  # (kind, code, pattern), as the English lookup's


class ForeignCountryLookup:
    """Per-language lookups over the French and Spanish gazetteer."""

    def __init__(self, nlp: Language, gazetteer_text: str, rules_text: str) -> None:
        self.nlp = nlp
        entries: list[dict[str, Any]] = parse_jsonl(gazetteer_text)
        raw = parse_json_object(rules_text, FOREIGN_RULES_FILE)
        unknown = sorted(set(raw) - set(FOREIGN_LANGUAGES))
        if unknown:
            raise SettingsError(f"{FOREIGN_RULES_FILE}: unknown language(s) {', '.join(map(repr, unknown))}; expected only fr, es.")
        self.rules = {
            language: settings_from_dict(raw.get(language, {}), ForeignCountryRules.from_dict, f"{FOREIGN_RULES_FILE} [{language}]")
            for language in FOREIGN_LANGUAGES
        }
        self.entries: dict[str, list[dict[str, Any]]] = {language: [] for language in FOREIGN_LANGUAGES}
        for entry in entries:
            language = entry.get("lang")
            if language not in self.entries:
                raise SettingsError(f"{FOREIGN_GAZETTEER_FILE}: entry {entry.get('pattern')!r} has lang {language!r}; expected fr or es.")
            self.entries[language].append(entry)
        self._lookups: dict[str, tuple[PhraseLookup, dict[str, Candidate], dict[str, Candidate]]] = {}

    def _lookup(self, language: str) -> tuple[PhraseLookup, dict[str, Candidate], dict[str, Candidate]]:
        if language not in self._lookups:
            matcher = PhraseLookup()
            patterns: dict[str, Candidate] = {}
            one_token: dict[str, Candidate] = {}
            by_key: dict[str, list[list[int]]] = {}
            for entry in self.entries[language]:
                key = f"{language}|{entry['kind']}|{entry['code']}|{entry['pattern']}"
                pattern = entry.get("rule") or entry["pattern"] if entry["code"] == AMBIGUOUS else entry["pattern"]
                patterns[key] = (entry["kind"], entry["code"], pattern)
                for words in _tokenizations(self.nlp, entry["pattern"]):
                    by_key.setdefault(key, []).append(words)
                if entry["code"] != AMBIGUOUS and " " not in entry["pattern"]:
                    one_token.setdefault(entry["pattern"].lower(), patterns[key])
            for key, docs in by_key.items():
                matcher.add(key, docs)
            self._lookups[language] = (matcher, patterns, one_token)
        return self._lookups[language]

    def candidates(
        self, language: str, columns: npt.NDArray[numpy.uint64], words: npt.NDArray[numpy.intp]
    ) -> dict[tuple[int, int], Candidate]:
        """Every match of ``language``'s forms, (start, end) -> candidate; names beat demonyms on a span.

        ``columns`` and ``words`` are the English lookup's token columns and kept word indexes.
        """
        if language not in self.entries:
            return {}
        matcher, patterns, _ = self._lookup(language)
        found: dict[tuple[int, int], Candidate] = {}
        for key, word_start, word_end in matcher.find_hashes(columns[words, 3]):
            start, end = int(words[word_start]), int(words[word_end - 1]) + 1
            candidate = patterns[key]
            previous = found.get((start, end))
            if previous is None or (candidate[0] == "name" and previous[0] != "name") or candidate[1] == NO_COUNTRY:
                found[(start, end)] = candidate
        return found

    def keep(self, span: Span, candidate: Candidate, language: str) -> bool:
        kind, code, pattern = candidate
        return code != NO_COUNTRY and keep_foreign_match(span, pattern, kind, self.rules[language])

    def vetoes(self, span: Span, kind: str, language: str) -> bool:
        """The language's own checks on a form matched by the English gazetteer ("fleuve Niger")."""
        rules = self.rules.get(language)
        return rules is not None and vetoed(span, kind, rules)

    def glued(self, doc: Doc, language: str, covered: set[int]) -> list[Span]:
        """Names glued to markup in one token ("Maroc&nbsp", "Brésil</h2"): the whole token is the mention."""
        if language not in self.entries:
            return []
        _, _, one_token = self._lookup(language)
        spans: list[Span] = []
        for token in doc:
            if token.i in covered or len(token.text) < 5 or not _GLUE.search(token.text):
                continue
            for piece in _GLUE.split(token.text):
                candidate = one_token.get(piece.lower())
                if candidate is not None and candidate[0] == "name" and piece[:1].isupper() and candidate[1] != NO_COUNTRY:
                    spans.append(Span(doc, token.i, token.i + 1, label=candidate[0], kb_id=candidate[1]))
        return spans


# Markup glued to a word in one token: entities, tags, slashes.
_GLUE = re.compile(r"&[a-z]+;?|&#\d+;?|</?[a-z0-9]*>?|[<>/|]")


def _tokenizations(nlp: Language, pattern: str) -> list[list[int]]:
    """The pattern's word hashes as the tokenizer cuts it, and with an elided article split off
    ("Côte d'Ivoire" -> "côte", "d'", "ivoire"), as ``iom_language`` splits French releases."""
    tokens = [token.text for token in nlp.make_doc(pattern)]
    forms = [[token.lower() for token in tokens]]
    split: list[str] = []
    for token in tokens:
        cut = _ELIDED.match(token)
        split += [cut.group(1).lower(), token[cut.end(1):].lower()] if cut else [token.lower()]
    if len(split) != len(tokens):
        forms.append(split)
    strings = nlp.vocab.strings
    return [[strings.add(word) for word in words] for words in forms]


_ELIDED = re.compile(r"^([^\W\d_]{1,7}['\u2019])(?=[^\W\d_])")
