"""What every iom_nlp component shares: a guarded ``__call__``, settings from data files, serialisation.

A component's settings come only from its data files (``models/<file>``, or the same files in
a saved pipeline or in ``data_path``), so ``spacy.blank("en").add_pipe("iom_quotes")`` and
:func:`iom_nlp.load` configure it identically. The files' text is what is serialised, through
``spacy.util``'s serializers, each file under its own key so ``exclude`` works as in spaCy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..data import models_dir
from ..extensions import record_error, register_extensions

logger = logging.getLogger(__name__)


def read_data_files(names: Iterable[str], data_path: str | Path | None = None) -> dict[str, str]:
    """The text of each named data file, from ``data_path`` or the packaged ``models/``.

    Hand-curated lists live in ``models/curated/``; a saved component keeps every file at its top.
    """
    folder = Path(data_path) if data_path else models_dir()
    texts = {}
    for name in names:
        path = folder / name
        if not path.is_file() and (folder / "curated" / name).is_file():
            path = folder / "curated" / name
        if not path.is_file():
            raise FileNotFoundError(f"{path}: data file missing; data_path must be a folder laid out like models/ ({models_dir()}).")
        texts[name] = path.read_text(encoding="utf-8")
    return texts


class IomComponent:
    """Base of the iom_nlp components.

    Subclasses name their ``data_files`` (paths relative to ``models/``), build their settings
    in :meth:`configure` from ``self.data`` (file name -> text), write results in
    :meth:`annotate`, and say in :meth:`clear` what an unannotated Doc carries.
    """

    data_files: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str, *, data: Mapping[str, str] | None = None, data_path: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.data: dict[str, str] = dict(data) if data is not None else read_data_files(self.data_files, data_path)
        self.configure()

    def configure(self) -> None:
        """Build settings (and matchers) from ``self.data``; called again after loading."""

    def annotate(self, doc: Doc) -> None:
        """Write this component's results on ``doc``."""
        raise NotImplementedError

    def clear(self, doc: Doc) -> None:
        """Write the empty result (used when :meth:`annotate` fails)."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.annotate(doc)
        except Exception as error:  # one release's failure must not lose the batch
            logger.warning("%s failed on a document: %s", self.name, error)
            record_error(doc, self.name, error)
            self.clear(doc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        writers = {name: self._writer(name) for name in self.data}
        util.to_disk(path, writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> IomComponent:
        readers = {name: self._reader(name) for name in self.data_files}
        util.from_disk(path, readers, exclude)
        self.configure()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        getters = {name: self._getter(name) for name in self.data}
        return bytes(util.to_bytes(getters, exclude))

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> IomComponent:
        setters = {name: self._setter(name) for name in self.data_files}
        util.from_bytes(bytes_data, setters, exclude)
        self.configure()
        return self

    def _writer(self, name: str) -> Any:
        def write(path: Path) -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.data[name], encoding="utf-8")

        return write

    def _reader(self, name: str) -> Any:
        def read(path: Path) -> None:
            self.data[name] = path.read_text(encoding="utf-8")

        return read

    def _getter(self, name: str) -> Any:
        return lambda: self.data[name]

    def _setter(self, name: str) -> Any:
        def set_text(value: str) -> None:
            self.data[name] = value

        return set_text
