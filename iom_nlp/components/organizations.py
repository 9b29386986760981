"""The ``iom_organizations`` component: named bodies into ``doc.spans["iom_organizations"]``.

Candidates come from four places — the hand-written gazetteer (``models/curated/organizations.tsv``,
in rules-only mode too), acronym definitions in the release itself, the statistical NER's ORG
entities when a base model is loaded, and Title-case names built on a head word ("Settlement
Council of Australia") — and must pass :func:`iom_nlp.rules.organizations.rejection_reason`. Each
span's ``kb_id_`` is the organisation's canonical name; ``span._.iom_org`` holds its acronym and
aliases, so one body's mentions group together.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..data import models_dir
from ..extensions import record_error, register_extensions
from ..rules.acronyms import find_acronym_definitions
from ..rules.organizations import (
    OrganizationIndex,
    OrganizationRules,
    clean_surface,
    fold,
    looks_like_body,
    rejection_reason,
    split_candidate,
)
from .countries import PLACES_KEY
from .countries import SPAN_KEY as COUNTRY_KEY
from .structure import in_boilerplate

logger = logging.getLogger(__name__)
SPAN_KEY = "iom_organizations"
GAZETTEER_FILE = "organizations.tsv"
RULES_FILE = "organization_rules.json"


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    surface: str
    source: str
    entry: GazetteerEntry | None = None
    office: str | None = None


def read_gazetteer(path: Path) -> list[GazetteerEntry]:
    """Rows of ``name<TAB>acronym<TAB>alias|alias<TAB>kind``; lines starting with # are comments."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, acronym, aliases, kind = [*line.split("\t"), "", "", ""][:4]
        entries.append(
            GazetteerEntry(name.strip(), acronym.strip() or None, tuple(a.strip() for a in aliases.split("|") if a.strip()), kind.strip())
        )
    return entries


class OrganizationRecognizer:
    """Finds organisations and groups long forms, acronyms and aliases of each."""

    def __init__(self, nlp: Language, name: str = "iom_organizations", *, data_path: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.folder = Path(data_path) if data_path else models_dir()
        self._load(self.folder)

    def _load(self, folder: Path) -> None:
        curated = folder / "curated" if (folder / "curated" / GAZETTEER_FILE).exists() else folder
        self.gazetteer = read_gazetteer(curated / GAZETTEER_FILE)
        self.rules_data: dict[str, Any] = json.loads((folder / RULES_FILE).read_text(encoding="utf-8"))
        self.rules = OrganizationRules.from_dict(self.rules_data)
        self._compile()

    def _compile(self) -> None:
        """Matchers are built once per pipeline."""
        self.names = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.by_key: dict[str, GazetteerEntry] = {}
        self.by_acronym = {entry.acronym: entry for entry in self.gazetteer if entry.acronym}
        self.by_form = {fold(form): entry for entry in self.gazetteer for form in (entry.name, *entry.aliases)}
        for index, entry in enumerate(self.gazetteer):
            key = f"org{index}"
            self.by_key[key] = entry
            self.names.add(key, [self.nlp.make_doc(form) for form in (entry.name, *entry.aliases)])
            if entry.acronym:
                self.acronyms.add(key, [self.nlp.make_doc(entry.acronym)])
        connectors = "|".join(re.escape(word) for word in sorted(self.rules.connectors, key=len, reverse=True))
        name_word = r"(?:[A-Z][\w’'&.\-]*|U\.S\.|U\.N\.)"
        self.name_run = re.compile(rf"(?<![\w’'.-]){name_word}(?:[ \t]+(?:{name_word}|(?:{connectors})(?=[ \t])))*")

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        try:
            spans = self._find(doc)
        except Exception as error:  # one release's failure must not lose the batch
            logger.warning("iom_organizations failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _find(self, doc: Doc) -> list[Span]:
        text = doc._.iom_text
        index = OrganizationIndex()
        trusted = _longest_first(self._gazetteer_candidates(doc) + self._definition_candidates(doc, index))
        countries = [(span.start_char, span.end_char) for span in doc.spans.get(COUNTRY_KEY, []) if span.label_ == "name"]
        entities = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
        people = [(ent.start_char, ent.end_char) for ent in entities if ent.label_ == "PERSON"]
        ner = [Candidate(ent.start_char, ent.end_char, ent.text, "ner") for ent in entities if ent.label_ == "ORG"]
        guesses = []
        for candidate in self._split(ner + self._pattern_candidates(doc), doc, people):
            reason = self._reason(doc, candidate, countries, people)
            if reason is None:
                guesses.append(candidate)
            else:
                logger.debug("not an organisation (%s): %r", reason, candidate.surface)
        for candidate in self._merge(trusted, guesses):
            entry = self._entry_for(index, candidate)
            surface = clean_surface(text[candidate.start : candidate.end])
            index.add_mention(entry, candidate.start, candidate.end, surface)
        return self._spans(doc, index)

    def _merge(self, trusted: list[Candidate], guesses: list[Candidate]) -> list[Candidate]:
        """Trusted candidates, plus guesses that overlap none of them (or extend one: "ASIO Committee")."""
        kept: list[Candidate | None] = list(trusted)
        taken = Occupancy()
        for position, candidate in enumerate(trusted):
            taken.add(candidate.start, candidate.end, position)
        for guess in _longest_first(guesses):
            overlapping = taken.overlapping(guess.start, guess.end)
            others = [other for other in (kept[position] for position in overlapping) if other is not None]
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

    def _extends(self, guess: Candidate, trusted: list[Candidate]) -> bool:
        """"ASIO Committee" over "ASIO": a longer name ending on a head word wins over what it contains."""
        contains_all = all(guess.start <= other.start and other.end <= guess.end for other in trusted)
        last_word = guess.surface.split()[-1] if guess.surface.split() else ""
        return contains_all and last_word in self.rules.head_words and all(other.entry is not None for other in trusted)

    def _split(self, candidates: list[Candidate], doc: Doc, people: list[tuple[int, int]]) -> list[Candidate]:
        """Cut guesses at line breaks, people, roles and "and" between two bodies; strip possessors."""
        text = doc._.iom_text
        pieces = []
        person_starts = [start for start, _ in people]
        for candidate in candidates:
            line_end = text.find("\n", candidate.start, candidate.end)
            end = candidate.end if line_end < 0 else line_end
            end = min([end, *(start for start in person_starts if candidate.start < start < end)])
            start = candidate.start
            possessor = re.match(r"^[A-Z][\w.]*[’']s\s+", text[start:end])
            if possessor:
                start += possessor.end()
            surface = text[start:end]
            if candidate.source == "pattern" or looks_like_body(surface, self.rules):
                for piece_start, piece_end in split_candidate(surface, self.rules):
                    piece = text[start + piece_start : start + piece_end]
                    pieces.append(Candidate(start + piece_start, start + piece_end, piece, candidate.source))
            else:
                pieces.append(Candidate(start, end, surface, candidate.source))
        return pieces

    def _reason(
        self, doc: Doc, candidate: Candidate, countries: list[tuple[int, int]], people: list[tuple[int, int]]
    ) -> str | None:
        text = doc._.iom_text
        if in_boilerplate(doc, candidate.start, candidate.end):
            return "navigation"
        inside = sum(1 for start, end in countries if candidate.start <= start and end <= candidate.end)
        person = any(start <= candidate.start and candidate.end <= end for start, end in people)
        before = text[max(0, candidate.start - 30) : candidate.start]
        in_quotes = before.rstrip().endswith(("“", '"', "‘")) and text[candidate.end : candidate.end + 1] in ("”", '"', "’")
        reason = rejection_reason(
            candidate.surface, before=before, rules=self.rules, country_words=inside, is_person=person, in_quotes=in_quotes
        )
        if reason is None and candidate.source == "ner" and not self._trusted_ner(candidate.surface):
            return "unsupported NER guess"
        return reason

    def _trusted_ner(self, surface: str) -> bool:
        cleaned = clean_surface(surface)
        return looks_like_body(cleaned, self.rules)

    def _gazetteer_candidates(self, doc: Doc) -> list[Candidate]:
        text = doc._.iom_text
        candidates = []
        for match_id, start, end in self.names(doc):
            entry = self.by_key[self.nlp.vocab.strings[match_id]]
            span = doc[start:end]
            if span.text[0].islower() and span.text not in (entry.name, *entry.aliases):
                continue
            candidates.append(Candidate(span.start_char, span.end_char, span.text, "gazetteer", entry))
        places = {span.start: span for span in [*doc.spans.get(COUNTRY_KEY, []), *doc.spans.get(PLACES_KEY, [])]}
        for match_id, start, end in self.acronyms(doc):
            entry = self.by_key[self.nlp.vocab.strings[match_id]]
            if _in_capitals(doc, start, end) or _inside_word(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
                continue
            office = _office_after(doc, end, places)
            stop = office.end if office is not None else end
            span = doc[start:stop]
            candidates.append(
                Candidate(span.start_char, span.end_char, span.text, "gazetteer", entry, office=span.text if office else None)
            )
        return candidates

    def _definition_candidates(self, doc: Doc, index: OrganizationIndex) -> list[Candidate]:
        text = doc._.iom_text
        candidates = []
        seen: set[tuple[str, str]] = set()
        for definition in find_acronym_definitions(text):
            candidates_before = (definition.long_form, definition.acronym) in seen
            seen.add((definition.long_form, definition.acronym))
            known = self.by_acronym.get(definition.acronym) or self.by_form.get(fold(definition.long_form))
            if known is None and not looks_like_body(definition.long_form, self.rules):
                continue
            if known is None and rejection_reason(definition.long_form, before="", rules=self.rules) is not None:
                continue
            index.add_definition(definition.long_form, definition.acronym)
            candidates.append(Candidate(definition.long_start, definition.long_end, definition.long_form, "definition", known))
            if candidates_before:
                continue  # its uses were collected with its first definition
            pattern = re.compile(rf"(?<![\w.-]){re.escape(definition.acronym)}(?![\w-])")
            for match in pattern.finditer(text):
                candidates.append(Candidate(match.start(), match.end(), definition.acronym, "definition", known))
        return candidates

    def _pattern_candidates(self, doc: Doc) -> list[Candidate]:
        """Title-case names (connectors allowed inside) that contain an organisation head word."""
        text = doc._.iom_text
        candidates = []
        for match in self.name_run.finditer(text):
            words = match.group().split()
            while words and words[-1] in self.rules.connectors:
                words.pop()
            if not any(word in self.rules.head_words for word in words):
                continue
            surface = " ".join(words)
            end = match.start() + len(match.group().rstrip())
            while text[match.start() : end].split() != words:
                end = text.rfind(words[-1], match.start(), end) + len(words[-1])
            candidates.append(Candidate(match.start(), end, text[match.start() : end], "pattern"))
            del surface
        return candidates

    def _entry_for(self, index: OrganizationIndex, candidate: Candidate) -> Any:
        if candidate.entry is not None:
            gaz = candidate.entry
            entry = index.add_definition(gaz.name, gaz.acronym, gaz.aliases, known=True)
            if candidate.office:
                index.add_alias(entry, candidate.office)
            return entry
        found = index.find(candidate.surface)
        return found if found is not None else index.add_definition(candidate.surface, None)

    def _spans(self, doc: Doc, index: OrganizationIndex) -> list[Span]:
        spans = []
        for entry in index.mentioned():
            details = {"name": entry.name, "acronym": entry.acronym, "aliases": list(dict.fromkeys(entry.aliases))}
            for start, end in sorted(entry.mentions):
                span = doc.char_span(start, end, label="ORG", kb_id=entry.name, alignment_mode="expand")
                if span is None:
                    continue
                span._.iom_org = details
                spans.append(span)
        return sorted(spans, key=lambda span: span.start)

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        source = self.folder / "curated" if (self.folder / "curated" / GAZETTEER_FILE).exists() else self.folder
        (folder / GAZETTEER_FILE).write_text((source / GAZETTEER_FILE).read_text(encoding="utf-8"), encoding="utf-8")
        (folder / RULES_FILE).write_text(json.dumps(self.rules_data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> OrganizationRecognizer:
        self.folder = Path(path)
        self._load(self.folder)
        return self


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates overlapping a longer (or better-sourced) one; linear in the text covered."""
    priority = {"gazetteer": 0, "definition": 1, "pattern": 2, "ner": 3}
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), priority[c.source], c.start))
    taken = Occupancy()
    kept: list[Candidate] = []
    for candidate in ordered:
        if taken.overlapping(candidate.start, candidate.end):
            continue
        taken.add(candidate.start, candidate.end, len(kept))
        kept.append(candidate)
    return kept


class Occupancy:
    """Which characters are covered by a kept candidate, and by which one."""

    def __init__(self) -> None:
        self.owner: dict[int, int] = {}

    def overlapping(self, start: int, end: int) -> list[int]:
        found = {self.owner[position] for position in range(start, end) if position in self.owner}
        return sorted(found)

    def add(self, start: int, end: int, index: int) -> None:
        for position in range(start, end):
            self.owner[position] = index

    def remove(self, start: int, end: int) -> None:
        for position in range(start, end):
            self.owner.pop(position, None)


def _inside_word(text: str, start: int, end: int) -> bool:
    """"PORT-AU-PRINCE": an acronym glued to letters or hyphens is part of another word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in "-–" or after in "-–" or before.isalpha() or after.isalpha()


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """An acronym-looking word inside a run of capitals ("WHO WE ARE") is not an acronym."""
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return len(neighbours) > 0 and all(token.is_upper and len(token) > 1 for token in neighbours)


def _office_after(doc: Doc, end: int, places: dict[int, Span]) -> Span | None:
    """"IOM Washington", "UNHCR Libya": a country or capital right after the acronym."""
    return places.get(end)


@Language.factory("iom_organizations", default_config={"data_path": None})
def make_organization_recognizer(nlp: Language, name: str, data_path: str | None) -> OrganizationRecognizer:
    """Factory: ``data_path`` is a folder with organizations.tsv and organization_rules.json
    (default: the packaged ``models/``)."""
    return OrganizationRecognizer(nlp, name, data_path=data_path)
