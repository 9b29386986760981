"""The ``iom_organizations`` component: named bodies into ``doc.spans["iom_organizations"]``.

Candidates come from four places — the hand-written gazetteer (``models/curated/organizations.tsv``,
in rules-only mode too), acronym definitions in the release itself, the statistical NER's ORG
entities when a base model is loaded, and Title-case names built on a head word ("Settlement
Council of Australia") — and must pass :func:`iom_nlp.rules.organizations.rejection_reason`. Each
span's ``kb_id_`` is the organisation's canonical name; ``span._.iom_org`` holds its acronym and
aliases, so one body's mentions group together.

A gazetteer form may carry a scope ("Labor@AU", "the Organization@self", see :class:`GazetteerEntry`)
so that a short name that is a common word in another country's releases ("the Nationals" in "Third
Country Nationals", "the Greens" in Kenya) fires only where the release points to its country. The
gazetteer runs on the Doc without its whitespace tokens, so non-breaking and double spaces and
wrapped lines do not hide a name. Every per-candidate lookup (people, countries, boilerplate zones,
acronym uses) is by bisection or one pass over the text, so the cost grows linearly with the text.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, replace
from typing import Any

import numpy
import numpy.typing as npt
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, SpanGroup

from .. import spans as keys
from ..data import parse_json_object, parse_jsonl, settings_from_dict, settings_from_json
from ..explain import reject, wants_rejected
from ..rules.acronyms import find_acronym_definitions
from ..rules.bodies import (
    FR_ES_LANGUAGES,
    GAZETTEER_FILE,
    POSSESSIVE_END,
    SENTENCE_MARKS,
    BodyFinder,
    Candidate,
    GazetteerEntry,
    acronym_uses,
    country_codes,
    has_glue,
    inside_word,
    joined_acronyms,
    longest_first,
    parse_gazetteer,
    unglued,
)
from ..rules.combination import ORIGIN_OF_SOURCE, Combination
from ..rules.organizations import OrganizationIndex, OrganizationRules, clean_surface, fold_name, looks_like_body, rejection_reason
from ..rules.organizations_fr_es import FrEsOrganizationRules, find_names, office_of
from ..rules.ranges import Ranges
from ..rules.wordview import PhraseLookup, WordView
from .base import IomComponent, iom_factory

logger = logging.getLogger(__name__)
SPAN_KEY = keys.ORGANIZATIONS
COUNTRY_KEY = keys.COUNTRIES
PLACES_KEY = keys.PLACES
RULES_FILE = "organization_rules.json"
COMBINATION_FILE = "org_combination.json"
FR_ES_FILE = "organizations_fr_es.json"
MODEL_KEY = keys.ORG_MODEL
COUNTRIES_FILE = "countries.jsonl"
KEPT_DOCS = 1024  # rules' candidates kept between iom_org_evidence and this component (a spaCy batch: nlp.pipe's is 1000)


class OrganizationRecognizer(IomComponent):
    """Finds organisations and groups long forms, acronyms and aliases of each."""

    data_files = (GAZETTEER_FILE, RULES_FILE, COMBINATION_FILE, FR_ES_FILE, COUNTRIES_FILE)

    def configure(self) -> None:
        combination = parse_json_object(self.data[COMBINATION_FILE], COMBINATION_FILE)
        self.combination, extra = settings_from_json(combination, Combination, COMBINATION_FILE, {"rules_only": dict[str, float]})
        self.rules_only: dict[str, float] = extra["rules_only"]
        self.gazetteer = parse_gazetteer(self.data[GAZETTEER_FILE])
        self.rules_data: dict[str, Any] = parse_json_object(self.data[RULES_FILE], RULES_FILE)
        self.rules = settings_from_dict(self.rules_data, OrganizationRules.from_dict, RULES_FILE)
        self.fr_es, _ = settings_from_json(parse_json_object(self.data[FR_ES_FILE], FR_ES_FILE), FrEsOrganizationRules, FR_ES_FILE)
        self.bodies = BodyFinder(self.rules, self.fr_es, country_codes(parse_jsonl(self.data[COUNTRIES_FILE])))
        self.capital_aliases = frozenset(
            fold_name(alias) for entry in self.gazetteer for alias in entry.aliases if alias.isupper() and " " not in alias
        )
        self.known_starts = frozenset(
            form.split()[0] for entry in self.gazetteer for form in (entry.name, *entry.aliases) if form and form[:1].isupper()
        )
        # (start, end, surface, features) of every candidate the selector scores, when a caller
        # collects them to fit it (training/selector.py); None: not collected
        self.observations: list[tuple[int, int, str, dict[str, float]]] | None = None
        # Doc id -> (the Doc, its rules' candidates) between rules_alone and this component's call
        self._kept: dict[int, tuple[Doc, _RuleWork]] = {}
        self._compile()

    def _compile(self) -> None:
        """The gazetteer's lookups, built once per pipeline (the patterns are :class:`BodyFinder`'s).
        A form's words are the tokenizer's, so a name matches the text exactly where a spaCy
        PhraseMatcher would."""
        self.names = PhraseLookup()  # keyed by each word's LOWER hash
        self.acronyms = PhraseLookup()  # keyed by LOWER too; a match must then be written as the acronym
        self.acronym_forms: dict[str, tuple[str, ...]] = {}
        self.by_key: dict[str, GazetteerEntry] = {}
        self.by_acronym = {entry.acronym: entry for entry in self.gazetteer if entry.acronym}
        self.by_form = {fold_name(form): entry for entry in self.gazetteer for form in (entry.name, *entry.aliases)}
        for index, entry in enumerate(self.gazetteer):
            key = f"org{index}"
            self.by_key[key] = entry
            self.names.add(key, [[token.lower for token in self.nlp.make_doc(form)] for form in (entry.name, *entry.aliases)])
            if entry.acronym:
                acronym = self.nlp.make_doc(entry.acronym)
                self.acronyms.add(key, [[token.lower for token in acronym]])
                self.acronym_forms[key] = tuple(token.text for token in acronym)

    def clear(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = []

    def annotate(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = self._find(doc)

    def rules_alone(self, doc: Doc) -> SpanGroup:
        """What the rules alone find on ``doc`` (the trained recogniser's spans ignored): the
        evidence the recogniser reads (``iom_org_evidence``). The rules' candidates are kept
        for this component's own call on the same Doc, which follows the recogniser's, so the
        full pipeline finds them once (:meth:`_candidates`)."""
        return self._find(doc, use_model=False)

    def _find(self, doc: Doc, use_model: bool = True) -> SpanGroup:
        work = self._candidates(doc, keep=not use_model)
        text, bodies, index = work.text, self.bodies, work.index
        trusted, guesses = work.trusted, work.guesses
        model = self._model_candidates(doc) if use_model else None
        probability = {(candidate.start, candidate.end): score for candidate, score in model or ()}
        if model is None:
            merged = bodies.merge(trusted, guesses)
        else:
            merged = bodies.combine(
                text, work.language, model, (trusted, guesses), probability, work.evidence, self.combination, self.observations
            )
        found: dict[tuple[int, int], tuple[str, float]] = {}
        for candidate in bodies.with_parent_prefix(text, merged):
            entry = bodies.entry_for(index, candidate)
            surface = clean_surface(text[candidate.start : candidate.end])
            index.add_mention(entry, candidate.start, candidate.end, surface)
            found[(candidate.start, candidate.end)] = (candidate.source, probability.get((candidate.start, candidate.end), 0.0))
            if candidate.alias:
                index.add_alias(entry, candidate.alias)
        return self._spans(doc, index, found, with_model=model is not None)

    def _candidates(self, doc: Doc, keep: bool) -> _RuleWork:
        """The rules' candidates on ``doc``: taken from :attr:`_kept` when :meth:`rules_alone`
        found them on this very Doc (and left there with ``keep``), else found now. Not when the
        caller collects the refused candidates (``--explain-rejected``): they are recorded while
        finding. At most :data:`KEPT_DOCS` Docs are kept (a batch between the two calls)."""
        kept = self._kept.pop(id(doc), None)
        collecting = wants_rejected(doc.user_data)
        if kept is not None and kept[0] is doc and not collecting:
            return kept[1]
        work = self._find_candidates(doc)
        if keep and not collecting:
            while len(self._kept) >= KEPT_DOCS:
                self._kept.pop(next(iter(self._kept)))
            self._kept[id(doc)] = (doc, replace(work, index=copy.deepcopy(work.index)))
        return work

    def _find_candidates(self, doc: Doc) -> _RuleWork:
        text = doc._.iom_text
        bodies = self.bodies
        index = OrganizationIndex()
        places = _Places.of(doc)
        trusted = longest_first(self._gazetteer_candidates(doc, places) + self._definition_candidates(doc, index))
        countries = places.names
        entities = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
        people = Ranges(
            (ent.start_char, ent.end_char)
            for ent in entities
            if ent.label_ == "PERSON" and not bodies.named_as_body(ent.text) and not bodies.eponym(text, ent.end_char)
        )
        boilerplate = Ranges(tuple(zone) for zone in (doc._.iom_structure or {}).get("boilerplate", []))
        headlines = bodies.headline_lines(text)
        ner = [
            Candidate(ent.start_char, ent.end_char, ent.text, "ner")
            for ent in entities
            if ent.label_ == "ORG" and not headlines.covering(ent.start_char, ent.start_char + 1)
        ]
        guesses = []
        language = _language(doc)
        for candidate in bodies.split(ner + bodies.pattern_candidates(text, headlines), text, people):
            reason = bodies.reason(text, language, candidate, countries, people, boilerplate)
            if reason is None:
                guesses.append(candidate)
            else:
                logger.debug("not an organisation (%s): %r", reason, candidate.surface)
                reject("organization", candidate.start, candidate.end, candidate.surface, candidate.source, reason)  # --explain-rejected
        return _RuleWork(text, index, trusted, guesses, (countries, people, boilerplate), language)

    def _model_candidates(self, doc: Doc) -> list[tuple[Candidate, float]] | None:
        """The trained recogniser's spans and probabilities (``doc.spans["iom_org_model"]``),
        possessive "'s" and edge punctuation trimmed; None when no model ran on ``doc``."""
        if MODEL_KEY not in doc.spans:
            return None
        group = doc.spans[MODEL_KEY]
        scores = group.attrs.get("scores")
        text = doc._.iom_text
        out = []
        for position, span in enumerate(group):
            score = float(numpy.asarray(scores[position]).max()) if scores is not None and len(scores) > position else 1.0
            start, end = span.start_char, span.end_char
            trimmed = POSSESSIVE_END.search(text, start, end)
            end = trimmed.start() if trimmed else end
            if end > start:
                out.append((Candidate(start, end, text[start:end], "model"), score))
        return out

    def _gazetteer_candidates(self, doc: Doc, places: _Places) -> list[Candidate]:
        """Gazetteer names and acronyms, each kept only where its scope holds (:meth:`_in_scope`)."""
        text = doc._.iom_text
        view, hashes = _word_view(doc)
        keys: list[int] = hashes.tolist() if len(hashes) else []
        candidates = []
        for key, start, end in self.names.find_hashes(hashes, keys):
            entry = self.by_key[key]
            start_char, end_char = view.start(start), view.end(end - 1)
            surface = text[start_char:end_char]
            if surface[0].islower() and view.phrase(text, start, end) not in (entry.name, *entry.aliases):
                continue
            if fold_name(surface) in self.capital_aliases and not surface.isupper():
                continue  # an acronym among the aliases ("OIM", "PAM") only as written: not the name "Pam"
            if end - start == 1 and fold_name(surface) != fold_name(entry.name) and _glued_to_a_name(view, text, start):
                continue  # "Third Country Nationals": a one-word alias inside a longer name
            if self.bodies.names_a_building(text, end_char):
                continue  # "Parliament House, Canberra": the building, not the body
            if fold_name(surface) != fold_name(entry.name) and self.bodies.in_portfolio(text, start_char):
                continue  # "Shadow Minister for Justice, Customs and Border Protection": a portfolio, not the body
            candidates.append(Candidate(start_char, end_char, surface, "gazetteer", entry))
        for key, start, end in self.acronyms.find_hashes(hashes, keys):
            if tuple(view.word(text, index) for index in range(start, end)) != self.acronym_forms[key]:
                continue  # as a PhraseMatcher on ORTH: the acronym as written, not "who" for "WHO"
            entry = self.by_key[key]
            start_char, end_char = view.start(start), view.end(end - 1)
            if _in_capitals(view, text, start, end) or (
                inside_word(text, start_char, end_char) and not joined_acronyms(text, start_char, end_char, self.by_acronym)
            ):
                continue
            office_end = places.ends.get(view.start(end)) if end < len(view) else None  # "IOM Washington", "UNHCR Libya"
            stop = office_end if office_end is not None else end_char
            surface = text[start_char:stop]
            candidates.append(Candidate(start_char, stop, surface, "gazetteer", entry, office=surface if office_end is not None else None))
        return self.bodies.in_scope(text, candidates, places.codes)

    def _definition_candidates(self, doc: Doc, index: OrganizationIndex) -> list[Candidate]:
        text = doc._.iom_text
        candidates = []
        defined: dict[str, GazetteerEntry | None] = {}
        for definition in find_acronym_definitions(text):
            known = self.by_acronym.get(definition.acronym) or self.by_form.get(fold_name(definition.long_form))
            if known is None and not looks_like_body(definition.long_form, self.rules):
                continue
            if known is None and rejection_reason(definition.long_form, before="", rules=self.rules) is not None:
                continue
            index.add_definition(definition.long_form, definition.acronym)
            candidates.append(Candidate(definition.long_start, definition.long_end, definition.long_form, "definition", known))
            defined.setdefault(definition.acronym, known)
        candidates += self._fr_es_candidates(doc, index, defined, candidates)
        for start, end, acronym in acronym_uses(text, defined):
            candidates.append(Candidate(start, end, acronym, "definition", defined[acronym]))
        return candidates

    def _fr_es_candidates(
        self, doc: Doc, index: OrganizationIndex, defined: dict[str, GazetteerEntry | None], definitions: list[Candidate]
    ) -> list[Candidate]:
        """Names written the French or Spanish way (:mod:`iom_nlp.rules.organizations_fr_es`), in a
        release detected as French or Spanish (head words such as "Mission" are English words too);
        a name with "(ACRONYM)" after it defines the acronym, an office of a known body ("Bureau de
        l'OIM à Dakar") is that body's."""
        if _language(doc) not in FR_ES_LANGUAGES:
            return []
        text = doc._.iom_text
        taken = Ranges((candidate.start, candidate.end) for candidate in definitions)
        candidates = []
        for name in find_names(text, self.fr_es, self.known_starts.__contains__):
            if taken.covering(name.start, name.end):
                continue  # the acronym definition has it already
            surface = text[name.start : name.end]
            office = office_of(surface, self.fr_es)
            parent = (self.by_acronym.get(office) or self.by_form.get(fold_name(office))) if office else None
            if parent is not None:
                candidates.append(Candidate(name.start, name.end, surface, "gazetteer", parent, office=surface))
                continue
            known = self.by_form.get(fold_name(surface))
            if name.acronym and name.acronym not in defined:
                known = known or self.by_acronym.get(name.acronym)
                index.add_definition(surface, name.acronym)
                defined[name.acronym] = known
                candidates.append(Candidate(name.start, name.end, surface, "definition", known))
            else:
                candidates.append(Candidate(name.start, name.end, surface, "pattern", known))
        return candidates

    def _spans(self, doc: Doc, index: OrganizationIndex, found: dict[tuple[int, int], tuple[str, float]], with_model: bool) -> SpanGroup:
        """The span group, with ``attrs["scores"]`` (calibrated confidence per span),
        ``attrs["sources"]`` (the rule or model that found it) and ``attrs["probabilities"]``
        (the trained model's probability for the span, 0.0 where it proposed none) in span order."""
        rows = []
        for entry in index.mentioned():
            details = {"name": entry.name, "acronym": entry.acronym, "aliases": list(dict.fromkeys(entry.aliases))}
            for start, end in sorted(entry.mentions):
                span = doc.char_span(start, end, label="ORG", kb_id=entry.name, alignment_mode="expand")
                if span is None:
                    continue
                span._.iom_org = details
                source, probability = found.get((start, end), ("pattern", 0.0))
                rows.append((span, source, self._confidence(source, probability, with_model), probability))
        rows.sort(key=lambda row: row[0].start)
        group = SpanGroup(doc, name=SPAN_KEY, spans=[row[0] for row in rows])
        group.attrs["sources"] = [row[1] for row in rows]
        group.attrs["scores"] = [row[2] for row in rows]
        group.attrs["probabilities"] = [round(row[3], 4) for row in rows]  # the model's own, before calibration
        return group

    def _confidence(self, source: str, probability: float, with_model: bool) -> float:
        """The share of such mentions that were right on held-out releases (see
        :class:`iom_nlp.rules.combination.Combination`)."""
        origin = ORIGIN_OF_SOURCE.get(source, "rules")
        if not with_model:
            return self.rules_only.get(origin, 0.5)
        return self.combination.score(origin, probability)


@dataclass(frozen=True)
class _RuleWork:
    """The rules' candidates on one Doc, before the recogniser's proposals are weighed:
    ``index`` holds the release's acronym definitions; ``evidence`` is (country names,
    people, boilerplate zones)."""

    text: str
    index: OrganizationIndex
    trusted: list[Candidate]
    guesses: list[Candidate]
    evidence: tuple[Ranges, Ranges, Ranges]
    language: str | None


@dataclass(frozen=True)
class _Places:
    """What the gazetteer and the guesses ask of the countries and places ``iom_countries``
    found, read once per document (each pass over a span group makes a Span per item):
    ``names`` the country names' ranges, ``ends`` each country's or place's end by its start,
    ``codes`` their codes."""

    names: Ranges
    ends: dict[int, int]
    codes: frozenset[str]

    @classmethod
    def of(cls, doc: Doc) -> _Places:
        rows = [
            (key, span.start_char, span.end_char, span.label_, span.kb_id_)
            for key in (COUNTRY_KEY, PLACES_KEY)
            for span in doc.spans.get(key, [])
        ]
        names = Ranges((start, end) for key, start, end, label, _ in rows if key == COUNTRY_KEY and label == "name")
        return cls(names, {start: end for _, start, end, _, _ in rows}, frozenset(code for *_, code in rows))


def _word_view(doc: Doc) -> tuple[WordView, npt.NDArray[numpy.uint64]]:
    """The words the gazetteer lookups read, and each word's LOWER hash: ``doc`` without its
    whitespace tokens, and a word glued to a participle by a typographic hyphen cut there
    ("UNHCR‐assessed").

    The tokenizer keeps a non-breaking space, a second space or a line break as a token of its
    own, so "Australian\u00a0Government", "International  Federation of ..." and a name wrapped
    over two lines would not match on the tokens themselves. No Token objects and no second
    Doc: the columns are read in one call and filtered in numpy.
    """
    columns = numpy.asarray(doc.to_array([IDX, LENGTH, IS_SPACE, LOWER]), dtype=numpy.uint64)
    words = columns[columns[:, 2] == 0]
    view = WordView(words[:, 0], words[:, 1], as_tokens=len(words) == len(doc))
    text = doc._.iom_text  # once per document: doc.text rebuilds the whole text on every access
    if has_glue(text):
        return _unglued_view(text, view, words[:, 3])
    return view, words[:, 3]


def _unglued_view(text: str, view: WordView, hashes: npt.NDArray[numpy.uint64]) -> tuple[WordView, npt.NDArray[numpy.uint64]]:
    """``view`` with every word cut by :func:`unglued`; a part's hash is that of its text's
    lower case, as the LOWER of a token of that text."""
    starts: list[int] = []
    lengths: list[int] = []
    lowers: list[int] = []
    for index in range(len(view)):
        start, word = view.start(index), view.word(text, index)
        parts = unglued(word)
        for part_start, part_end in parts:
            starts.append(start + part_start)
            lengths.append(part_end - part_start)
            lowers.append(int(hashes[index]) if len(parts) == 1 else get_string_id(word[part_start:part_end].lower()))
    return WordView(starts, lengths, as_tokens=False), numpy.array(lowers, dtype=numpy.uint64)


_ARTICLES = frozenset({"the", "la", "le", "les", "el", "los", "las"})


def _glued_to_a_name(view: WordView, text: str, start: int) -> bool:
    """The word before is a capitalised word of the same name on the same line ("Third Country
    | Nationals"), not an article ("The", "La OIM") and not a sentence start."""
    if start < 2:
        return False
    previous, before = view.word(text, start - 1), view.word(text, start - 2)
    if not previous.isalpha() or not previous[:1].isupper() or previous.lower() in _ARTICLES:
        return False
    if "\n" in text[view.start(start - 2) : view.start(start)]:
        return False
    return before not in SENTENCE_MARKS


def _in_capitals(view: WordView, text: str, start: int, end: int) -> bool:
    """An acronym-looking word inside a run of capitals ("WHO WE ARE") is not an acronym. Only
    neighbours on the same line count: a menu puts "Who we are" on the line before "WHO WE ARE"."""
    neighbours = [
        word
        for i in (start - 1, end)
        if 0 <= i < len(view)
        and (word := view.word(text, i)).isalpha()
        and "\n" not in text[view.start(min(i, start)) : view.start(max(i, end - 1))]
    ]
    return len(neighbours) > 0 and all(word.isupper() and len(word) > 1 for word in neighbours)


@iom_factory(
    "iom_organizations",
    requires=["doc._.iom_structure", "doc._.iom_countries"],
    assigns=["doc.spans", "doc._.iom_organizations", "span._.iom_org"],
    uses=["iom_org_model", "ner"],
)
def make_organization_recognizer(nlp: Language, name: str, data_path: str | None) -> OrganizationRecognizer:
    """Factory: ``data_path`` is a folder with organizations.tsv (or curated/organizations.tsv) and
    organization_rules.json (default: the packaged ``models/``). Uses ``iom_countries`` and
    ``iom_structure`` when they run first (optional)."""
    return OrganizationRecognizer(nlp, name, data_path=data_path)


def _language(doc: Doc) -> str | None:
    """The release's language as ``iom_language`` set it, if that component ran."""
    language = doc._.get("iom_language") if Doc.has_extension("iom_language") else None
    return language if isinstance(language, str) else None
