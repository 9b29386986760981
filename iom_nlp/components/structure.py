"""The ``iom_structure`` component: title, dateline and boilerplate zones into ``doc._.iom_structure``.

Runs first among iom_nlp's components so that the others can skip site navigation; the value
is a dict of primitives (title and its offsets, the dateline, boilerplate ranges).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..data import models_dir
from ..extensions import record_error, register_extensions
from ..rules.structure import StructureSettings, analyse

SETTINGS_FILE = "structure.json"


class StructureRecognizer:
    """Reads the release's layout; see :mod:`iom_nlp.rules.structure` for the rules."""

    def __init__(self, name: str = "iom_structure", *, data_path: str | None = None) -> None:
        register_extensions()
        self.name = name
        folder = Path(data_path) if data_path else models_dir()
        self.data: dict[str, Any] = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        self.settings = StructureSettings.from_dict(self.data)

    def __call__(self, doc: Doc) -> Doc:
        result: dict[str, Any] = {"title": None, "dateline": None, "boilerplate": []}
        try:
            result = self._analyse(doc)
        except Exception as error:  # one release's failure must not lose the batch
            logging.getLogger(__name__).warning("iom_structure failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc._.iom_structure = result
        return doc

    def _analyse(self, doc: Doc) -> dict[str, Any]:
        source = doc._.iom_source_text
        structure = analyse(source, self.settings)
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
            },
            "boilerplate": [[start, end] for _, start, end in structure.zones if end > start],
        }

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SETTINGS_FILE).write_text(json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> StructureRecognizer:
        self.data = json.loads((Path(path) / SETTINGS_FILE).read_text(encoding="utf-8"))
        self.settings = StructureSettings.from_dict(self.data)
        return self


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """Whether the range lies inside a boilerplate line found by ``iom_structure``."""
    structure = doc._.iom_structure or {}
    return any(zone_start <= start and end <= zone_end for zone_start, zone_end in structure.get("boilerplate", []))


@Language.factory("iom_structure", default_config={"data_path": None})
def make_structure_recognizer(nlp: Language, name: str, data_path: str | None) -> StructureRecognizer:
    """Factory: ``data_path`` is a folder with structure.json (default: the packaged ``models/``)."""
    return StructureRecognizer(name, data_path=data_path)
