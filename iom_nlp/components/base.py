"""What every iom_nlp component shares: a guarded ``__call__``, settings from data files, serialisation,
and a declared contract.

A component's settings come only from its data files (``models/<file>``, or the same files in
a saved pipeline or in ``data_path``), so ``nlp.add_pipe("iom_quotes")`` and
:func:`iom_nlp.load` configure it identically. The files' text is what is serialised, through
``spacy.util``'s serializers, each file under its own key so ``exclude`` works as in spaCy.

Contracts: every factory is registered with :func:`iom_factory`, which declares what the
component ``requires`` and ``assigns`` in spaCy's attribute terms (``nlp.analyze_pipes()``
reads them). Each component's result is also readable as ``doc._.<factory name>``, so a
requirement names the component that provides it: ``doc._.iom_organizations`` is assigned by
``iom_organizations``. Creating a component whose requirements no earlier component assigns
raises :class:`MissingComponentError` naming what to add first.

Failures: a component that fails on a Doc writes its empty result and hands the error to its
error handler. The default records it on the Doc (it becomes a line in the Release's
``warnings``) and logs a warning; ``nlp.set_error_handler(...)`` replaces it, as for any spaCy
component (spaCy's ``raise_error`` makes failures raise).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..data import models_dir
from ..explain import rejections_into, wants_rejected
from ..extensions import record_error, register_extensions

logger = logging.getLogger(__name__)

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]
Factory = TypeVar("Factory", bound=Callable[..., Any])
# The prefix of the extension attribute through which each component's result is required.
RESULT_PREFIX = "doc._."
# Factory name -> the components it reads when they are there (see ``uses`` of :func:`iom_factory`).
OPTIONAL_USES: dict[str, tuple[str, ...]] = {}


class MissingComponentError(ValueError):
    """A component was created in a pipeline without the components whose results it reads."""


def iom_factory(
    name: str, *, assigns: Sequence[str], requires: Sequence[str] = (), uses: Sequence[str] = ()
) -> Callable[[Factory], Factory]:
    """Register an iom_nlp component factory (config: ``data_path`` only) with its contract.

    ``requires`` are spaCy attributes that earlier components must assign; each iom_nlp
    component assigns ``doc._.<its name>``, so ``requires=["doc._.iom_countries"]`` means
    "after ``iom_countries``". ``uses`` names components read when present but not needed
    (the base model's ``ner``, the trained ``iom_org_model``): documented, never checked.
    Creating the component where a requirement is not met raises :class:`MissingComponentError`.
    """

    def register(make: Factory) -> Factory:
        @functools.wraps(make)
        def checked(nlp: Language, name: str, **config: Any) -> Any:
            check_requirements(nlp, factory_name, name)
            return make(nlp, name, **config)

        factory_name = name
        OPTIONAL_USES[name] = tuple(uses)
        Language.factory(name, default_config={"data_path": None}, requires=list(requires), assigns=list(assigns))(checked)
        return checked  # type: ignore[return-value]

    return register


def required_components(factory_name: str) -> list[str]:
    """The iom_nlp components ``factory_name`` needs, its own requirements first, in pipeline order."""
    needed: list[str] = []

    def visit(factory: str) -> None:
        for attr in Language.get_factory_meta(factory).requires:
            provider = provider_of(attr)
            if provider is not None and provider not in needed:
                visit(provider)
                needed.append(provider)

    visit(factory_name)
    return needed


def provider_of(attr: str) -> str | None:
    """The iom_nlp component whose result ``attr`` is (``doc._.iom_countries`` -> ``iom_countries``)."""
    if not attr.startswith(RESULT_PREFIX):
        return None
    factory = attr[len(RESULT_PREFIX) :]
    return factory if Language.has_factory(factory) else None


def check_requirements(nlp: Language, factory_name: str, name: str) -> None:
    """Raise :class:`MissingComponentError` when no component of ``nlp`` assigns a requirement."""
    meta = Language.get_factory_meta(factory_name)
    assigned = {attr for component in nlp.component_names for attr in nlp.get_pipe_meta(component).assigns}
    missing = [attr for attr in meta.requires if attr not in assigned]
    if not missing:
        return
    have = set(nlp.component_names)
    add = [component for component in required_components(factory_name) if component not in have]
    names = ", ".join(add) or ", ".join(missing)
    raise MissingComponentError(
        f"{name!r} ({factory_name}) reads {', '.join(missing)}, which no component of this pipeline assigns: "
        f"add {names} before it (nlp.add_pipe in that order), or call "
        f"iom_nlp.pipeline.add_components(nlp, [{factory_name!r}]), which adds a component with what it needs, "
        "or use iom_nlp.load()."
    )


def record_and_continue(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
    """The default error handler: the Doc keeps the component's empty result and a note of the
    failure (a line in the Release's ``warnings``); the rest of the release is processed."""
    logger.warning("%s failed on a document: %s", name, error)
    for doc in docs:
        record_error(doc, name, error)


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
    _error_handler: ErrorHandler | None = None

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
        """Annotate ``doc``; on failure write the empty result, then apply the error handler.

        The default handler (:func:`record_and_continue`) is applied here, so one release's
        failure never loses the batch. A handler set with ``set_error_handler`` (or
        ``nlp.set_error_handler``) gets the error the spaCy way: this call raises, and
        ``Language.__call__`` or :meth:`pipe` hands the error to the handler once.
        """
        try:
            if wants_rejected(doc.user_data):  # --explain-rejected: the rules' refusals go on the Doc
                with rejections_into(doc.user_data):
                    self.annotate(doc)
            else:
                self.annotate(doc)
        except Exception as error:
            self.clear(doc)
            if self._error_handler is not None:
                raise
            record_and_continue(self.name, self, [doc], error)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Each Doc in turn; a failure goes to the error handler, and the Doc (with this
        component's empty result) still comes out unless the handler raises."""
        for doc in stream:
            try:
                self(doc)
            except Exception as error:
                self.get_error_handler()(self.name, self, [doc], error)
            yield doc

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """spaCy's hook (``nlp.set_error_handler`` calls it): ``error_handler(name, component, docs, error)``."""
        self._error_handler = None if error_handler is record_and_continue else error_handler

    def get_error_handler(self) -> ErrorHandler:
        """The handler in force: :func:`record_and_continue` unless another was set."""
        return self._error_handler or record_and_continue

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
