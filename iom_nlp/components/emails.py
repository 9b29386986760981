"""The ``iom_emails`` component: e-mail addresses into ``doc.spans["iom_emails"]``."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .. import spans as keys
from ..data import parse_json_object, settings_from_json
from ..rules.emails import EmailSettings, find_emails
from .base import IomComponent, iom_factory

logger = logging.getLogger(__name__)
SPAN_KEY = keys.EMAILS
MENTIONS_KEY = keys.EMAIL_MENTIONS
SETTINGS_FILE = "emails.json"


class EmailRecognizer(IomComponent):
    """Marks every address as a span labelled ``EMAIL`` with the normalised address in ``kb_id_``."""

    data_files = (SETTINGS_FILE,)

    def configure(self) -> None:
        raw = parse_json_object(self.data[SETTINGS_FILE], SETTINGS_FILE)
        self.settings, _ = settings_from_json(raw, EmailSettings, SETTINGS_FILE)

    def clear(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = []
        doc.user_data[MENTIONS_KEY] = []

    def annotate(self, doc: Doc) -> None:
        spans: list[Span] = []
        sources: list[str] = []
        hits = find_emails(doc._.iom_source_text, self.settings)
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, label="EMAIL", kb_id=hit.address, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                sources.append(hit.source)
        group = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        group.attrs["sources"] = sources  # the rule that read each address (iom_nlp.sources.EMAIL_SOURCES)
        doc.spans[SPAN_KEY] = group
        # A span covers whole tokens ("Email:a@x.org;b@x.org" is one); the mentions keep the exact
        # offsets: [start, end, address, source] each.
        doc.user_data[MENTIONS_KEY] = [[hit.start, hit.end, hit.address, hit.source] for hit in hits]


@iom_factory("iom_emails", assigns=["doc.spans", "doc._.iom_emails"])
def make_email_recognizer(nlp: Language, name: str, data_path: str | None) -> EmailRecognizer:
    """Factory: settings from ``emails.json`` in ``data_path`` (default: the packaged ``models/``)."""
    return EmailRecognizer(nlp, name, data_path=data_path)
