"""The ``iom_emails`` component: e-mail addresses into ``doc.spans["iom_emails"]``."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import record_error, register_extensions
from ..rules.emails import EmailSettings, find_emails

logger = logging.getLogger(__name__)
SPAN_KEY = "iom_emails"


class EmailRecognizer:
    """Marks every address as a span labelled ``EMAIL`` with the normalised address in ``kb_id_``."""

    def __init__(
        self,
        name: str = "iom_emails",
        *,
        split_local_stopwords: Sequence[str] = (),
        debris_prefixes: Sequence[str] = ("mailto:",),
        max_local_length: int = 64,
        max_domain_length: int = 253,
    ) -> None:
        register_extensions()
        self.name = name
        self.settings = EmailSettings(
            max_local_length=max_local_length,
            max_domain_length=max_domain_length,
            debris_prefixes=tuple(debris_prefixes),
            split_local_stopwords=frozenset(split_local_stopwords),
        )

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        try:
            for hit in find_emails(doc._.iom_source_text, self.settings):
                span = doc.char_span(hit.start, hit.end, label="EMAIL", kb_id=hit.address, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        except Exception as error:  # one release's failure must not lose the batch
            logger.warning("iom_emails failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "iom_emails",
    default_config={
        "split_local_stopwords": [],
        "debris_prefixes": ["mailto:"],
        "max_local_length": 64,
        "max_domain_length": 253,
    },
)
def make_email_recognizer(
    nlp: Language,
    name: str,
    split_local_stopwords: list[str],
    debris_prefixes: list[str],
    max_local_length: int,
    max_domain_length: int,
) -> EmailRecognizer:
    """Factory: the settings come from the config (``models/emails.json`` in :func:`iom_nlp.load`)."""
    return EmailRecognizer(
        name,
        split_local_stopwords=split_local_stopwords,
        debris_prefixes=debris_prefixes,
        max_local_length=max_local_length,
        max_domain_length=max_domain_length,
    )
