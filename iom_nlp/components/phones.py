"""The ``iom_phones`` component: phone and fax numbers into ``doc.spans["iom_phones"]``."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from .. import spans as keys
from ..data import parse_json_object, settings_from_json
from ..rules.phones import PhoneSettings, RegionEvidence, find_phones, infer_regions
from .base import IomComponent, iom_factory

logger = logging.getLogger(__name__)
SPAN_KEY = keys.PHONES
COUNTRY_SPAN_KEY = keys.COUNTRIES
PLACES_SPAN_KEY = keys.PLACES
SETTINGS_FILE = "phones.json"
# Key of ``span._.iom_phone`` holding each number's own details by E.164 (see ``_find``).
BY_NUMBER = "by_e164"


class PhoneRecognizer(IomComponent):
    """Marks numbers as spans labelled with their kind ("phone", "mobile", "fax"), E.164 in ``kb_id_``.

    The region for national-format numbers is inferred from the release: the countries the
    ``iom_countries`` component found (when it runs first), capitals (``iom_places``), office
    cities, domains, calling codes; the place named just before a number counts most.
    """

    data_files = (SETTINGS_FILE,)

    def configure(self) -> None:
        raw = parse_json_object(self.data[SETTINGS_FILE], SETTINGS_FILE)
        self.settings, _ = settings_from_json(raw, PhoneSettings, SETTINGS_FILE)

    def clear(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = []

    def annotate(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = self._find(doc)

    def _find(self, doc: Doc) -> SpanGroup:
        """The numbers, with ``attrs["sources"]``: the reading that found each, span by span
        (:data:`iom_nlp.sources.PHONE_SOURCES`)."""
        text = doc._.iom_source_text
        spans = []
        sources = []
        for hit in find_phones(text, lambda: self._regions(doc, text), self.settings):
            span = doc.char_span(hit.start, hit.end, label=hit.kind, kb_id=hit.e164, alignment_mode="expand")
            if span is None:
                continue
            details = {
                "raw": hit.raw,
                "extension": hit.extension,
                "region": hit.region,
                "valid": hit.valid,
                "repaired": hit.repaired,
                "start": hit.start,
                "end": hit.end,
                "source": hit.source,
            }
            # Span extensions are keyed by the span's characters: two numbers inside one token
            # ("970/1/2") share one record, which keeps each number's own details by E.164.
            shared = span._.iom_phone or {**details, BY_NUMBER: {}}
            shared[BY_NUMBER][hit.e164] = details
            span._.iom_phone = shared
            spans.append(span)
            sources.append(hit.source)
        group = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        group.attrs["sources"] = sources
        return group

    def _regions(self, doc: Doc, text: str) -> RegionEvidence:
        """The regions the release points to; only read when the text holds a possible number."""
        countries = list(doc.spans.get(COUNTRY_SPAN_KEY, []))
        capitals = [*doc.spans.get(PLACES_SPAN_KEY, []), *(span for span in countries if span.label_ == "capital")]
        named = [span.kb_id_ for span in countries]
        # Only a capital or an office city just before a number says where it is; country names
        # in the text before a contact line ("offered by the UK and France") do not.
        located = [(span.start_char, span.kb_id_) for span in capitals]
        return infer_regions(
            text, self.settings, country_evidence=named, place_evidence=[span.kb_id_ for span in capitals], located=located
        )


@iom_factory(
    "iom_phones", requires=["doc._.iom_countries"], assigns=["doc.spans", "doc._.iom_phones", "span._.iom_phone"]
)
def make_phone_recognizer(nlp: Language, name: str, data_path: str | None) -> PhoneRecognizer:
    """Factory: settings from ``phones.json`` in ``data_path`` (default: the packaged ``models/``).

    Requires ``iom_countries`` earlier in the pipeline: its countries and capitals are region evidence.
    """
    return PhoneRecognizer(nlp, name, data_path=data_path)
