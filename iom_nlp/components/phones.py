"""The ``iom_phones`` component: phone and fax numbers into ``doc.spans["iom_phones"]``."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import record_error, register_extensions
from ..rules.phones import PhoneSettings, find_phones, infer_regions
from .countries import SPAN_KEY as COUNTRY_SPAN_KEY

logger = logging.getLogger(__name__)
SPAN_KEY = "iom_phones"


class PhoneRecognizer:
    """Marks numbers as spans labelled with their kind ("phone", "mobile", "fax"), E.164 in ``kb_id_``.

    The region for national-format numbers is inferred from the release: the countries the
    ``iom_countries`` component found (when it runs first), capitals, domains, calling codes.
    """

    def __init__(
        self,
        name: str = "iom_phones",
        *,
        default_regions: Sequence[str] = ("US", "GB", "AU"),
        min_digits: int = 7,
        kind_cues: Mapping[str, Sequence[str]] | None = None,
        cue_window: int = 24,
        reject_before: Sequence[str] = (),
        reject_after: Sequence[str] = (),
        tld_regions: Mapping[str, str] | None = None,
        historic_prefixes: Mapping[str, str] | None = None,
        max_regions_tried: int = 8,
    ) -> None:
        register_extensions()
        self.name = name
        self.settings = PhoneSettings(
            default_regions=tuple(default_regions),
            min_digits=min_digits,
            kind_cues={kind: tuple(cues) for kind, cues in (kind_cues or {}).items()},
            cue_window=cue_window,
            reject_before=tuple(reject_before),
            reject_after=tuple(reject_after),
            tld_regions=dict(tld_regions or {}),
            historic_prefixes=dict(historic_prefixes or {}),
            max_regions_tried=max_regions_tried,
        )

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        try:
            spans = self._find(doc)
        except Exception as error:  # one release's failure must not lose the batch
            logger.warning("iom_phones failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _find(self, doc: Doc) -> list[Span]:
        text = doc._.iom_source_text
        countries = doc.spans.get(COUNTRY_SPAN_KEY, [])
        named = [span.kb_id_ for span in countries]
        places = [span.kb_id_ for span in countries if span.label_ == "capital"]
        regions = infer_regions(text, self.settings, country_evidence=named, place_evidence=places)
        spans = []
        for hit in find_phones(text, regions, self.settings):
            span = doc.char_span(hit.start, hit.end, label=hit.kind, kb_id=hit.e164, alignment_mode="expand")
            if span is None:
                continue
            span._.iom_phone = {
                "raw": hit.raw,
                "extension": hit.extension,
                "region": hit.region,
                "valid": hit.valid,
                "repaired": hit.repaired,
                "start": hit.start,
                "end": hit.end,
            }
            spans.append(span)
        return spans


@Language.factory(
    "iom_phones",
    default_config={
        "default_regions": ["US", "GB", "AU"],
        "min_digits": 7,
        "kind_cues": {},
        "cue_window": 24,
        "reject_before": [],
        "reject_after": [],
        "tld_regions": {},
        "historic_prefixes": {},
        "max_regions_tried": 8,
    },
)
def make_phone_recognizer(
    nlp: Language,
    name: str,
    default_regions: list[str],
    min_digits: int,
    kind_cues: dict[str, list[str]],
    cue_window: int,
    reject_before: list[str],
    reject_after: list[str],
    tld_regions: dict[str, str],
    historic_prefixes: dict[str, str],
    max_regions_tried: int,
) -> PhoneRecognizer:
    """Factory: the settings come from the config (``models/phones.json`` in :func:`iom_nlp.load`)."""
    return PhoneRecognizer(
        name,
        default_regions=default_regions,
        min_digits=min_digits,
        kind_cues=kind_cues,
        cue_window=cue_window,
        reject_before=reject_before,
        reject_after=reject_after,
        tld_regions=tld_regions,
        historic_prefixes=historic_prefixes,
        max_regions_tried=max_regions_tried,
    )
