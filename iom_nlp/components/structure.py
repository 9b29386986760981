"""The ``iom_structure`` component: title, dateline and boilerplate zones into ``doc._.iom_structure``.

Runs first among iom_nlp's components so that the others can skip site navigation; the value
is a dict of primitives (title and its offsets, the dateline, boilerplate ranges).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..data import parse_json_object, settings_from_dict
from ..rules.structure import StructureSettings, analyse
from .base import IomComponent, iom_factory
from .language import doc_language

SETTINGS_FILE = "structure.json"


class StructureRecognizer(IomComponent):
    """Reads the release's layout; see :mod:`iom_nlp.rules.structure` for the rules."""

    data_files = (SETTINGS_FILE,)

    def configure(self) -> None:
        raw = parse_json_object(self.data[SETTINGS_FILE], SETTINGS_FILE)
        self.settings = settings_from_dict(raw, StructureSettings.from_dict, SETTINGS_FILE)

    def clear(self, doc: Doc) -> None:
        doc._.iom_structure = {"title": None, "dateline": None, "boilerplate": []}

    def annotate(self, doc: Doc) -> None:
        doc._.iom_structure = self._analyse(doc)

    def _analyse(self, doc: Doc) -> dict[str, Any]:
        source = doc._.iom_source_text
        structure = analyse(source, self.settings, doc_language(doc))
        title = structure.title
        dateline = structure.dateline
        return {
            "title": source[title.start : title.end] if title else None,
            "title_start": title.start if title else None,
            "title_end": title.end if title else None,
            "dateline": None
            if dateline is None
            else {
                "text": source[dateline.start : dateline.end],
                "start": dateline.start,
                "end": dateline.end,
                "place": dateline.place,
                "date_text": dateline.date_text,
                "date": dateline.date,
                "source": dateline.source or None,
            },
            "boilerplate": [[start, end] for _, start, end in structure.zones if end > start],
        }


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """Whether the range lies inside a boilerplate line found by ``iom_structure``."""
    structure = doc._.iom_structure or {}
    return any(zone_start <= start and end <= zone_end for zone_start, zone_end in structure.get("boilerplate", []))


@iom_factory("iom_structure", assigns=["doc._.iom_structure"], uses=["iom_language"])
def make_structure_recognizer(nlp: Language, name: str, data_path: str | None) -> StructureRecognizer:
    """Factory: settings from ``structure.json`` in ``data_path`` (default: the packaged ``models/``)."""
    return StructureRecognizer(nlp, name, data_path=data_path)
