"""The ``iom_countries`` component: country names and demonyms into ``doc.spans["iom_countries"]``.

Matching is a token PhraseMatcher over the gazetteer in ``models/countries.jsonl`` (built by
``scripts/build_gazetteer.py``), longest match first. Each match then has to survive the
rules in ``models/country_rules.json``; the rules are data, the decisions are in
:mod:`iom_nlp.rules.countries`. Capitals go to ``doc.spans["iom_places"]`` as evidence for other
components (phone regions), never to countries.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..data import models_dir, read_jsonl
from ..extensions import record_error, register_extensions
from ..rules.countries import CountryRules, keep_match, resolve_ambiguous

logger = logging.getLogger(__name__)
SPAN_KEY = "iom_countries"
PLACES_KEY = "iom_places"
GAZETTEER_FILE = "countries.jsonl"
RULES_FILE = "country_rules.json"
# When one span matches several entries ("Myanmar" is a name and an adjective), the name wins.
KIND_PRIORITY = {"name": 0, "capital": 1, "demonym": 2}


class CountryRecognizer:
    """Finds countries by name and demonym, with the ISO code in ``kb_id_``.

    Span labels: ``name`` or ``demonym`` in ``iom_countries``; ``capital`` in ``iom_places``.
    """

    def __init__(self, nlp: Language, name: str = "iom_countries", *, gazetteer_path: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        folder = Path(gazetteer_path) if gazetteer_path else models_dir()
        self.entries: list[dict[str, Any]] = read_jsonl(folder / GAZETTEER_FILE)
        self.rules_data: dict[str, Any] = json.loads((folder / RULES_FILE).read_text(encoding="utf-8"))
        self._compile()

    def _compile(self) -> None:
        """Build the matcher once per pipeline, never per document."""
        self.rules = CountryRules.from_dict(self.rules_data)
        self.names = {entry["code"]: entry["name"] for entry in self.entries}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.patterns: dict[str, tuple[str, str, str]] = {}
        by_key: dict[str, list[Doc]] = {}
        pattern_entries = [*self.entries, *self._ambiguous_entries()]
        for entry in pattern_entries:
            key = f"{entry['kind']}|{entry['code']}|{entry['pattern']}"
            self.patterns[key] = (entry["kind"], entry["code"], entry["pattern"])
            by_key.setdefault(key, []).append(self.nlp.make_doc(entry["pattern"]))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def _ambiguous_entries(self) -> Iterable[dict[str, str]]:
        for pattern, rule in self.rules.ambiguous.items():
            yield {"code": "?", "kind": "name", "pattern": pattern, "default": rule["default"]}

    def __call__(self, doc: Doc) -> Doc:
        countries: list[Span] = []
        places: list[Span] = []
        try:
            countries, places = self._find(doc)
        except Exception as error:  # one release's failure must not lose the batch
            logger.warning("iom_countries failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc.spans[SPAN_KEY] = countries
        doc.spans[PLACES_KEY] = places
        return doc

    def _find(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        found: dict[tuple[int, int], tuple[str, str, str]] = {}
        for match_id, start, end in self.matcher(doc):
            candidate = self.patterns[self.nlp.vocab.strings[match_id]]
            previous = found.get((start, end))
            if previous is None or KIND_PRIORITY[candidate[0]] < KIND_PRIORITY[previous[0]]:
                found[(start, end)] = candidate
        candidates = [Span(doc, start, end) for start, end in found]
        countries: list[Span] = []
        places: list[Span] = []
        for span in filter_spans(candidates):
            kind, code, pattern = found[(span.start, span.end)]
            if not keep_match(span, pattern, kind, self.rules):
                continue
            if code == "?":
                code = resolve_ambiguous(doc, pattern, self.rules)
            labelled = Span(doc, span.start, span.end, label=kind, kb_id=code)
            (places if kind == "capital" else countries).append(labelled)
        return countries, places

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / GAZETTEER_FILE).open("w", encoding="utf-8") as handle:
            for entry in self.entries:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        (folder / RULES_FILE).write_text(json.dumps(self.rules_data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> CountryRecognizer:
        folder = Path(path)
        self.entries = read_jsonl(folder / GAZETTEER_FILE)
        self.rules_data = json.loads((folder / RULES_FILE).read_text(encoding="utf-8"))
        self._compile()
        return self


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 or ISO 3166-3 code (the code itself if unknown)."""
    return _country_names().get(code, code)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {entry["code"]: entry["name"] for entry in read_jsonl(models_dir() / GAZETTEER_FILE)}


@Language.factory("iom_countries", default_config={"gazetteer_path": None})
def make_country_recognizer(nlp: Language, name: str, gazetteer_path: str | None) -> CountryRecognizer:
    """Factory: ``gazetteer_path`` is a folder with countries.jsonl and country_rules.json
    (default: the packaged ``models/``)."""
    return CountryRecognizer(nlp, name, gazetteer_path=gazetteer_path)
