"""Custom attributes iom_nlp sets on Docs and Spans, registered idempotently.

Values are primitives (str, bool, int, dicts and lists of them), never Spans, so Docs
serialise between ``n_process`` workers. Importing :mod:`iom_nlp` registers them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from . import spans as keys

SOURCE_TEXT_KEY = "iom_source_text"
PREPARED_TEXT_KEY = "iom_prepared_text"
ERRORS_KEY = "iom_errors"


def _prepared_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(PREPARED_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[PREPARED_TEXT_KEY] = text
    return text


def _source_text(doc: Doc) -> str:
    source = doc.user_data.get(SOURCE_TEXT_KEY)
    return source if isinstance(source, str) else _prepared_text(doc)


def _group(key: str) -> Callable[[Doc], tuple[Span, ...]]:
    def spans(doc: Doc) -> tuple[Span, ...]:
        return tuple(doc.spans[key]) if key in doc.spans else ()

    return spans


# ``doc._.<component>``: each span-writing component's result, read-only. The components declare
# them in ``assigns``/``requires`` (spaCy's pipe analysis cannot name a span group).
RESULT_GROUPS = {
    "iom_countries": keys.COUNTRIES,
    "iom_emails": keys.EMAILS,
    "iom_phones": keys.PHONES,
    "iom_organizations": keys.ORGANIZATIONS,
    "iom_quotes": keys.QUOTES,
}


def register_extensions() -> None:
    """Register every extension once; calling again is harmless."""
    for name, key in RESULT_GROUPS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_group(key))
    if not Doc.has_extension("iom_source_text"):
        Doc.set_extension("iom_source_text", getter=_source_text)
    if not Doc.has_extension("iom_text"):
        Doc.set_extension("iom_text", getter=_prepared_text)
    if not Doc.has_extension("iom_contacts"):
        Doc.set_extension("iom_contacts", default=None)
    if not Doc.has_extension("iom_structure"):
        Doc.set_extension("iom_structure", default=None)
    if not Span.has_extension("iom_phone"):
        Span.set_extension("iom_phone", default=None)
    if not Span.has_extension("iom_quote"):
        Span.set_extension("iom_quote", default=None)
    if not Span.has_extension("iom_org"):
        Span.set_extension("iom_org", default=None)


def record_error(doc: Doc, component: str, error: Exception) -> None:
    """Keep a component's failure on the Doc so the rest of the release is not lost."""
    errors = doc.user_data.setdefault(ERRORS_KEY, [])
    errors.append(f"{component}: {type(error).__name__}: {error}")


# Registered on import of this module (every module that reads them imports it), not on
# ``import iom_nlp``, which stays light.
register_extensions()
