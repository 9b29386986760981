"""The ``iom_language`` component: the release's language into ``doc._.iom_language``.

Runs first: every later component reads ``doc._.iom_language`` ("en", "fr" or "es"; absent
component or attribute means English). The language is detected from the release's own function
words (:mod:`iom_nlp.rules.language`), or forced per call through spaCy's ``component_cfg``:
``nlp(text, component_cfg={"iom_language": {"language": "fr"}})``, which is what
``iom_nlp.extract(text, language="fr")`` does. In a French release, elided words are split so
that the name has its own token ("d'" + "Haïti", "l'" + "OIM"); English Docs are not touched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..data import parse_json_object, settings_from_dict
from ..extensions import register_extensions
from ..rules.language import LanguageSettings, check_language, detect_language, elision_length
from .base import IomComponent, iom_factory

logger = logging.getLogger(__name__)
SETTINGS_FILE = "language.json"
LANGUAGE_ATTR = "iom_language"
# The component's name in a pipeline, and so its key in ``component_cfg``.
COMPONENT_NAME = "iom_language"


def register_language_extension() -> None:
    """``doc._.iom_language``: "en", "fr" or "es" (None before ``iom_language`` ran)."""
    register_extensions()
    if not Doc.has_extension(LANGUAGE_ATTR):
        Doc.set_extension(LANGUAGE_ATTR, default=None)


def doc_language(doc: Doc) -> str:
    """The Doc's language as the components read it: English when ``iom_language`` did not run."""
    language = doc._.get(LANGUAGE_ATTR) if Doc.has_extension(LANGUAGE_ATTR) else None
    return language if isinstance(language, str) else "en"


class LanguageDetector(IomComponent):
    """Sets ``doc._.iom_language``; see :mod:`iom_nlp.rules.language` for the rule."""

    data_files = (SETTINGS_FILE,)

    def configure(self) -> None:
        register_language_extension()
        raw = parse_json_object(self.data[SETTINGS_FILE], SETTINGS_FILE)
        self.settings = settings_from_dict(raw, LanguageSettings.from_dict, SETTINGS_FILE)

    def clear(self, doc: Doc) -> None:
        doc._.iom_language = self.settings.default

    def annotate(self, doc: Doc) -> None:
        forced = doc.user_data.pop(FORCED_KEY, None)
        language = forced if isinstance(forced, str) else detect_language(doc._.iom_text, self.settings)
        doc._.iom_language = language
        if language in self.settings.elisions:
            split_elisions(doc, language, self.settings)

    def __call__(self, doc: Doc, language: str | None = None) -> Doc:
        """``language`` (from ``component_cfg``) forces the language instead of detecting it."""
        return super().__call__(_marked(doc, language))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128, language: str | None = None) -> Iterator[Doc]:
        """Each Doc in turn; ``language`` (from ``component_cfg``) forces it for every Doc."""
        check = check_language(language) if language is not None else None  # the caller's error, raised at once
        return super().pipe((_marked(doc, check) for doc in stream), batch_size=batch_size)


# Where a forced language waits for :meth:`LanguageDetector.annotate` (removed there).
FORCED_KEY = "iom_language_forced"


def _marked(doc: Doc, language: str | None) -> Doc:
    if language is not None:
        doc.user_data[FORCED_KEY] = check_language(language)
    return doc


def split_elisions(doc: Doc, language: str, settings: LanguageSettings) -> int:
    """Split every elided word ("d'Haïti" -> "d'" + "Haïti"); the text is unchanged. Returns how many."""
    splits = [(token, length) for token in doc if "'" in token.text or "\u2019" in token.text
              if (length := elision_length(token.text, language, settings))]
    if not splits:
        return 0
    with doc.retokenize() as retokenizer:
        for token, length in splits:
            head = token.head if token.head.i != token.i else (token, 1)
            retokenizer.split(token, [token.text[:length], token.text[length:]], heads=[(token, 1), head])
    return len(splits)


@iom_factory(COMPONENT_NAME, assigns=["doc._.iom_language"])
def make_language_detector(nlp: Language, name: str, data_path: str | None) -> LanguageDetector:
    """Factory: settings from ``language.json`` in ``data_path`` (default: the packaged ``models/``)."""
    return LanguageDetector(nlp, name, data_path=data_path)


register_language_extension()
