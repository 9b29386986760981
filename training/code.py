"""Registers iom_nlp's suggester and evidence layer for ``spacy train --code training/code.py``,
and the training-only component that puts the rules' organisations on the Docs spaCy makes
(``evidence.py`` computed them once per text; at run time ``iom_org_evidence`` does)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

import iom_nlp.components.org_model  # noqa: F401
from iom_nlp.components.org_model import RULE_SPANS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annotate import sha1  # evidence.json's key


class EvidenceLookup:
    """Sets ``doc.spans["iom_org_rules"]`` from ``evidence.json`` (text sha1 -> [start, end, source])."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._table: dict[str, list[list[object]]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self._table = json.loads(Path(self.path).read_text(encoding="utf-8"))
        rows = self._table.get(sha1(doc.text), [])
        spans, sources = [], []
        for start, end, source in rows:
            span = doc.char_span(int(start), int(end), alignment_mode="expand")  # type: ignore[arg-type]
            if span is not None:
                spans.append(span)
                sources.append(str(source))
        doc.spans[RULE_SPANS] = SpanGroup(doc, name=RULE_SPANS, spans=spans, attrs={"sources": sources})
        return doc


@Language.factory("iom_org_evidence_lookup", default_config={"path": "training/corpus/evidence.json"})
def make_evidence_lookup(nlp: Language, name: str, path: str) -> EvidenceLookup:
    return EvidenceLookup(path)
