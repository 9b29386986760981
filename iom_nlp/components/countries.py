"""The ``iom_countries`` component: country names and demonyms into ``doc.spans["iom_countries"]``.

Matching is a phrase lookup over the gazetteer in ``models/countries.jsonl`` (built by
``scripts/build_gazetteer.py``; :class:`iom_nlp.rules.wordview.PhraseLookup`, which finds what a
spaCy ``PhraseMatcher`` on lower-case tokens would, without a second Doc), longest match first. Each match then has to survive the
rules in ``models/country_rules.json``; the rules are data, the decisions are in
:mod:`iom_nlp.rules.countries`. Entries marked ``exact_case`` ("Yemeni Republic", "Cook Is.")
count only as written, so "the Russian republic of Dagestan" and "what Christmas is." are no
names. Capitals go to ``doc.spans["iom_places"]`` as evidence for other components (phone
regions), never to countries.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

import numpy
import numpy.typing as npt
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .. import spans as keys
from ..data import parse_json_object, parse_jsonl, settings_from_dict
from ..explain import collecting, reject
from ..rules.countries import (
    CountryRules,
    DocFacts,
    in_capitals,
    is_case_sensitive_form,
    is_inverted,
    keep_match,
    match_rejection,
    resolve_ambiguous,
    used_attributively,
)
from ..rules.overlaps import keep_longest
from ..rules.wordview import PhraseLookup
from .base import IomComponent, iom_factory
from .countries_fr_es import AMBIGUOUS, FOREIGN_GAZETTEER_FILE, FOREIGN_RULES_FILE, NO_COUNTRY, Candidate, ForeignCountryLookup
from .language import doc_language

logger = logging.getLogger(__name__)
SPAN_KEY = keys.COUNTRIES
PLACES_KEY = keys.PLACES
NAMES_KEY = keys.COUNTRY_NAMES
GAZETTEER_FILE = "countries.jsonl"
RULES_FILE = "country_rules.json"
# When one span matches several entries ("Myanmar" is a name and an adjective), the name wins.
KIND_PRIORITY = {"name": 0, "capital": 1, "demonym": 2}
# The source of every capital in ``doc.spans["iom_places"]`` (:data:`iom_nlp.sources.PLACE_SOURCES`).
PLACE_SOURCE = "gazetteer:capital"


class CountryRecognizer(IomComponent):
    """Finds countries by name and demonym, with the ISO code in ``kb_id_``.

    Span labels: ``name`` or ``demonym`` in ``iom_countries``; ``capital`` in ``iom_places``.
    """

    data_files = (GAZETTEER_FILE, RULES_FILE, FOREIGN_GAZETTEER_FILE, FOREIGN_RULES_FILE)

    def configure(self) -> None:
        self.foreign = ForeignCountryLookup(self.nlp, self.data[FOREIGN_GAZETTEER_FILE], self.data[FOREIGN_RULES_FILE])
        self.entries: list[dict[str, Any]] = parse_jsonl(self.data[GAZETTEER_FILE])
        self.rules_data: dict[str, Any] = parse_json_object(self.data[RULES_FILE], RULES_FILE)
        settings_from_dict(self.rules_data, CountryRules.from_dict, RULES_FILE)  # refuses unknown keys
        self._compile()

    def _compile(self) -> None:
        """Build the lookup once per pipeline, never per document. A pattern's words are the
        tokenizer's, keyed by their LOWER hash, so a name matches where a PhraseMatcher would."""
        self.rules = CountryRules.from_dict(self.rules_data)
        # code -> (short name, official name), as the Release reports them (from this gazetteer)
        self.names = {entry["code"]: (entry["name"], entry.get("official_name") or entry["name"]) for entry in self.entries}
        self.matcher = PhraseLookup()
        self.patterns: dict[str, tuple[str, str, str]] = {}
        self.one_token: dict[str, tuple[str, str, str]] = {}
        self.exact_case: set[str] = set()  # keys of forms matched only as written ("Yemeni Republic")
        ambiguous = {(entry["kind"], entry["pattern"].lower()) for entry in self._ambiguous_entries()}
        by_key: dict[str, list[list[int]]] = {}
        for entry in [*self.entries, *self._ambiguous_entries()]:
            if entry["code"] != "?" and (entry["kind"], entry["pattern"].lower()) in ambiguous:
                continue  # the ambiguity rule decides this form
            key = f"{entry['kind']}|{entry['code']}|{entry['pattern']}"
            self.patterns[key] = (entry["kind"], entry["code"], entry["pattern"])
            if entry.get("exact_case"):
                self.exact_case.add(key)
            pattern_doc = self.nlp.make_doc(entry["pattern"])
            by_key.setdefault(key, []).append([token.lower for token in pattern_doc])
            if len(pattern_doc) == 1 and entry["code"] != "?":
                previous = self.one_token.get(entry["pattern"].lower())
                if previous is None or KIND_PRIORITY[entry["kind"]] < KIND_PRIORITY[previous[0]]:
                    self.one_token[entry["pattern"].lower()] = self.patterns[key]
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def _ambiguous_entries(self) -> Iterable[dict[str, str]]:
        for pattern, rule in self.rules.ambiguous.items():
            yield {"code": "?", "kind": "name", "pattern": pattern, "default": rule["default"]}
        for pattern in self.rules.ambiguous_demonyms:
            yield {"code": "?", "kind": "demonym", "pattern": pattern}

    def clear(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = []
        doc.spans[PLACES_KEY] = []
        doc.user_data[NAMES_KEY] = {}

    def annotate(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY], doc.spans[PLACES_KEY] = self._find(doc)
        # The names the Release reports, from this component's own gazetteer (its data_path).
        codes = {span.kb_id_ for span in doc.spans[SPAN_KEY]}
        doc.user_data[NAMES_KEY] = {code: list(self.names.get(code, (code, code))) for code in sorted(codes)}

    def _candidates(
        self, doc: Doc, columns: npt.NDArray[numpy.uint64], foreign: dict[tuple[int, int], Candidate] | None = None
    ) -> dict[tuple[int, int], tuple[str, str, str]]:
        """Every gazetteer match, (start, end) -> (kind, code, pattern); the best kind wins a span.

        Names broken by a non-breaking space or a line break ("Christmas\u00a0Island",
        "New\n\nZealand") match too: the lookup reads the words without their whitespace tokens
        (but a gap of more than ``MAX_NEWLINES_INSIDE`` line breaks stays, as a barrier).
        ``columns`` are the tokens' IDX, LENGTH, IS_SPACE and LOWER (:func:`_columns`).
        """
        text = doc._.iom_text
        kept = columns[:, 2] == 0
        # a whitespace token with more line breaks than that is longer than that: test only those
        for start, length, index in _long_spaces(columns):
            kept[index] = _newlines(text, start, length) > MAX_NEWLINES_INSIDE
        words = numpy.flatnonzero(kept)
        found: dict[tuple[int, int], tuple[str, str, str]] = {}
        language = doc_language(doc)
        if foreign is not None and language != "en":  # French or Spanish forms, in their own releases only
            foreign.update(self.foreign.candidates(language, columns, words))
        for key, word_start, word_end in self.matcher.find_hashes(columns[words, 3]):
            start, end = int(words[word_start]), int(words[word_end - 1]) + 1
            candidate = self.patterns[key]
            if key in self.exact_case and not _as_written(doc, start, end, candidate[2]):
                continue  # "the Russian republic of Dagestan": the demonym, not a country's long name
            if is_inverted(candidate[2]) and _runs_into_a_name(doc, end):
                continue  # "Congo, Republic of Korea": two names, not "Congo, Republic of"
            previous = found.get((start, end))
            if previous is None or KIND_PRIORITY[candidate[0]] < KIND_PRIORITY[previous[0]]:
                found[(start, end)] = candidate
        return found

    def _find(self, doc: Doc) -> tuple[SpanGroup, SpanGroup]:
        """The countries and the capitals (places), each a group whose ``attrs["sources"]``
        names, span by span, the rule that found it (:data:`iom_nlp.sources.COUNTRY_SOURCES`)."""
        columns = _columns(doc)
        language = doc_language(doc)
        explaining = collecting()
        foreign: dict[tuple[int, int], Candidate] = {}
        found = self._candidates(doc, columns, foreign)
        for position, candidate in foreign.items():  # an English form keeps its span; a French one may fall back
            if candidate[1] == NO_COUNTRY or position not in found:
                found[position] = candidate
        facts = DocFacts.of(doc, [key for key, (kind, _, _) in found.items() if kind == "demonym"])
        countries: list[tuple[Span, str]] = []
        places: list[tuple[Span, str]] = []
        in_capitals_only: list[Span] = []
        ambiguous: list[tuple[Span, str, str]] = []
        named_in_full: set[str] = set()
        for start, end in keep_longest(found, _pair):  # spaCy's filter_spans, without a Span per match
            kind, code, pattern = found[(start, end)]
            labelled = Span(doc, start, end, label=kind, kb_id=code)
            alternative = foreign.get((start, end))
            english_fails = alternative is not None and not keep_match(labelled, pattern, kind, self.rules, facts)
            if alternative is not None and (alternative is found[(start, end)] or english_fails):
                if self.foreign.keep(labelled, alternative, language):  # decided by the French/Spanish rules
                    kind, code, pattern = alternative
                    labelled = Span(doc, start, end, label=kind, kb_id=code)
                    if code == AMBIGUOUS:
                        ambiguous.append((labelled, pattern, f"gazetteer-{language}:ambiguous"))
                    else:
                        countries.append((labelled, f"gazetteer-{language}:{kind}"))
                elif explaining:
                    reason = "no country" if alternative[1] == NO_COUNTRY else f"refused by the {language} rules"
                    reject("country", labelled.start_char, labelled.end_char, labelled.text, f"gazetteer-{language}:{kind}", reason)
                continue
            source = f"gazetteer:{kind}"
            if kind == "name" and used_attributively(labelled, self.rules, facts):
                kind = "demonym"  # "Saudi authorities": the adjective, not the short name
                labelled = Span(doc, start, end, label=kind, kb_id=code)
                source = "gazetteer:attributive"
            refused = match_rejection(labelled, pattern, kind, self.rules, facts)
            if refused is None and language != "en" and self.foreign.vetoes(labelled, kind, language):
                refused = f"refused by the {language} rules ('fleuve Niger', 'Croix-Rouge malienne')"
            if refused is not None:  # "fleuve Niger", "Croix-Rouge malienne": the release's language decides
                if explaining:
                    reject("country", labelled.start_char, labelled.end_char, labelled.text, source, refused)
                continue
            if code == "?":
                ambiguous.append((labelled, pattern, "gazetteer:ambiguous"))
            elif pattern in self.rules.word_acronyms and in_capitals(labelled):
                in_capitals_only.append(labelled)  # "CAR" in a headline: only if the release names it in full
            else:
                (places if kind == "capital" else countries).append((labelled, source))
                if kind == "name" and not is_case_sensitive_form(pattern, self.rules):
                    named_in_full.add(code)
        for span in in_capitals_only:
            if span.kb_id_ in named_in_full:
                countries.append((span, "gazetteer:capitals"))
            elif explaining:
                reason = "in capitals, and the release never names the country in full"
                reject("country", span.start_char, span.end_char, span.text, "gazetteer:capitals", reason)
        evidence = [span.kb_id_ for span, _ in [*countries, *places]]
        for span, pattern, source in ambiguous:
            code = resolve_ambiguous(doc, pattern, self.rules, facts, evidence)
            if code:
                countries.append((Span(doc, span.start, span.end, label=span.label_, kb_id=code), source))
            elif explaining:
                reject("country", span.start_char, span.end_char, span.text, source, "ambiguous: the release does not say which country")
        covered = {i for start, end in found for i in range(start, end)}
        compounds = [(span, "gazetteer:compound") for span in self._compound_tokens(doc, columns, covered)]
        if language != "en":  # "Maroc&nbsp;", "Brésil</h2>": a French or Spanish name glued to markup
            taken = covered | {span.start for span, _ in compounds}
            compounds += [(span, f"gazetteer-{language}:glued") for span in self.foreign.glued(doc, language, taken)]
        for span, source in compounds:
            (places if span.label_ == "capital" else countries).append((span, source))
        return _group(doc, SPAN_KEY, countries), _group(doc, PLACES_KEY, [(span, PLACE_SOURCE) for span, _ in places])

    def _compound_tokens(self, doc: Doc, columns: npt.NDArray[numpy.uint64], covered: set[int]) -> list[Span]:
        """Countries inside one token the tokenizer kept whole ("U.S.-Kuwait", "U.S.-led", "Norway.<br").

        The mention is the whole token (a span cannot cut a token); each country in it is reported.
        """
        spans: list[Span] = []
        text = doc._.iom_text
        for i in _joined_tokens(text, columns):
            start, length = int(columns[i, 0]), int(columns[i, 1])
            if length < 4 or i in covered or _WEB_ADDRESS.search(text, start, start + length):
                continue  # "www.example.org/English/": a path in a web address names nothing
            for piece in _JOINER.split(text[start : start + length]):
                entry = self.one_token.get(piece.lower()) or self.one_token.get(piece.rstrip(".,;:").lower())
                if entry is None or not any(ch.isupper() for ch in piece):
                    continue
                piece = piece if piece.lower() in self.one_token else piece.rstrip(".,;:")
                kind, code, pattern = entry
                if is_case_sensitive_form(pattern, self.rules) and piece != pattern:
                    continue
                spans.append(Span(doc, i, i + 1, label=kind, kb_id=code))
        return spans


# A whitespace token with more line breaks than this separates blocks; a name never spans it.
MAX_NEWLINES_INSIDE = 2
# Characters that glue two words into one token: dashes, and markup left in the text.
_JOINER = re.compile(r"[-\u2010-\u2014<>/|]")
# A token that is a web or e-mail address: its path pieces ("/English/") are not words of the text.
_WEB_ADDRESS = re.compile(r"://|www\.|@|\.[a-z]{2,6}/", re.IGNORECASE)


def _columns(doc: Doc) -> npt.NDArray[numpy.uint64]:
    """The tokens' offsets, lengths, is_space flags and LOWER hashes (one row per token), read
    in one call without creating Token objects; used in numpy, not as Python objects."""
    return numpy.asarray(doc.to_array([IDX, LENGTH, IS_SPACE, LOWER]), dtype=numpy.uint64)


def _joined_tokens(text: str, columns: npt.NDArray[numpy.uint64]) -> list[int]:
    """The tokens with a joiner (:data:`_JOINER`) inside them, not first nor last, in order: found
    from the joiners in the text (a few per release), not by a Python step per token."""
    joiners = [match.start() for match in _JOINER.finditer(text)]
    if not joiners:
        return []
    starts = columns[:, 0].astype(numpy.int64)
    ends = starts + columns[:, 1].astype(numpy.int64)
    positions = numpy.array(joiners, dtype=numpy.int64)
    tokens = numpy.searchsorted(starts, positions, side="right") - 1
    inside = (tokens >= 0) & (positions > starts[tokens]) & (positions < ends[tokens] - 1)
    return sorted(set(tokens[inside].tolist()))


def _long_spaces(columns: npt.NDArray[numpy.uint64]) -> list[tuple[int, int, int]]:
    """(offset, length, index) of the whitespace tokens longer than ``MAX_NEWLINES_INSIDE``."""
    indexes = numpy.flatnonzero((columns[:, 2] != 0) & (columns[:, 1] > MAX_NEWLINES_INSIDE))
    rows: list[list[int]] = columns[indexes, :2].tolist()
    return [(start, length, index) for (start, length), index in zip(rows, indexes.tolist(), strict=True)]


def _group(doc: Doc, name: str, found: list[tuple[Span, str]]) -> SpanGroup:
    """The spans in text order, ``attrs["sources"]`` in the same order."""
    ordered = sorted(found, key=lambda item: _position(item[0]))
    group = SpanGroup(doc, name=name, spans=[span for span, _ in ordered])
    group.attrs["sources"] = [source for _, source in ordered]
    return group


def _pair(span: tuple[int, int]) -> tuple[int, int]:
    return span


def _newlines(text: str, start: int, length: int) -> int:
    return text.count("\n", start, start + length)


def _position(span: Span) -> tuple[int, int]:
    return span.start, span.end


# Long forms made of a demonym and "Republic" (built by scripts/build_gazetteer.py).
DEMONYM_REPUBLIC_ENDINGS = (" Republic", " Rep.")


def _as_written(doc: Doc, start: int, end: int, pattern: str) -> bool:
    """The match has the pattern's exact case and ends there: "Yemeni Republic", not "Yemeni
    republic", "Turkish Republic of Northern Cyprus" (another polity) nor "Australian Republic
    Movement" (a body's name)."""
    words = [token.text for token in doc[start:end] if not token.is_space]
    if "".join(words) != "".join(pattern.split()):
        return False
    if not pattern.endswith(DEMONYM_REPUBLIC_ENDINGS):
        return True  # a table abbreviation ("Cook Is."): its case is the whole check
    index = end
    while index < len(doc) and doc[index].is_space:
        index += 1
    return index >= len(doc) or not (doc[index].lower_ == "of" or (doc[index].is_title and doc[index].is_alpha))


def _runs_into_a_name(doc: Doc, end: int) -> bool:
    """The next word is capitalised: "Congo, Republic of" is followed by another name ("Korea")."""
    index = end
    while index < len(doc) and doc[index].is_space:
        index += 1
    return index < len(doc) and doc[index].is_title


@iom_factory("iom_countries", assigns=["doc.spans", "doc._.iom_countries"], uses=["iom_language"])
def make_country_recognizer(nlp: Language, name: str, data_path: str | None) -> CountryRecognizer:
    """Factory: ``data_path`` is a folder with countries.jsonl and country_rules.json
    (default: the packaged ``models/``)."""
    return CountryRecognizer(nlp, name, data_path=data_path)
