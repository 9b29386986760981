"""The ``iom_quotes`` component: direct quotations and their speakers into ``doc.spans["iom_quotes"]``."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import record_error, register_extensions
from ..quotes import QuoteSpan, find_quote_spans, is_scare_quote
from ..speakers import Attribution, Person, SpeakerSettings, attribute_quotes, merge_people, people_from_patterns

logger = logging.getLogger(__name__)
SPAN_KEY = "iom_quotes"


class QuoteRecognizer:
    """Marks each quotation (label ``QUOTE``); ``span._.iom_quote`` holds its cue and speaker.

    Speakers come from attribution patterns in both modes; with a statistical model its PERSON
    entities add the full names that pronouns and surnames are carried to.
    """

    def __init__(
        self,
        name: str = "iom_quotes",
        *,
        cues: Sequence[str] = ("said", "says"),
        pronouns: Sequence[str] = ("he", "she", "He", "She"),
        honorifics: Sequence[str] = ("Mr", "Ms", "Mrs", "Dr"),
        role_words: Sequence[str] = (),
        lower_roles: Sequence[str] = (),
        not_name_words: Sequence[str] = (),
        scare_context: Sequence[str] = ("so-called",),
        min_quote_words: int = 4,
        max_attribution_chars: int = 200,
    ) -> None:
        register_extensions()
        self.name = name
        self.settings = SpeakerSettings(
            cues=tuple(cues),
            pronouns=tuple(pronouns),
            honorifics=tuple(honorifics),
            role_words=frozenset(role_words),
            lower_roles=tuple(lower_roles),
            not_name_words=frozenset(not_name_words),
            max_attribution_chars=max_attribution_chars,
        )
        self.scare_context = tuple(scare_context)
        self.min_quote_words = min_quote_words

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        try:
            spans = self._find(doc)
        except Exception as error:  # one release's failure must not lose the batch
            logger.warning("iom_quotes failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _find(self, doc: Doc) -> list[Span]:
        text = doc.text
        people = merge_people(_entities(doc), people_from_patterns(text, self.settings))
        quotes = find_quote_spans(text)
        first_pass = attribute_quotes(text, quotes, people, self.settings)
        kept = [
            quote
            for quote, attribution in zip(quotes, first_pass, strict=True)
            if not is_scare_quote(text, quote.start, quote.end, self.scare_context, self.min_quote_words, attribution.cue is not None)
        ]
        attributions = attribute_quotes(text, kept, people, self.settings)
        source = doc._.iom_source_text
        spans = []
        for quote, attribution in zip(kept, attributions, strict=True):
            span = doc.char_span(quote.start, quote.end, label="QUOTE", alignment_mode="expand")
            if span is None:
                continue
            span._.iom_quote = _record(source, quote, attribution)
            spans.append(span)
        return spans


def _entities(doc: Doc) -> list[Person]:
    if not doc.has_annotation("ENT_IOB"):
        return []
    return [Person(ent.start_char, ent.end_char, ent.text) for ent in doc.ents if ent.label_ == "PERSON"]


def _record(source: str, quote: QuoteSpan, attribution: Attribution) -> dict[str, object]:
    speaker = None
    if attribution.name:
        speaker = {
            "name": attribution.name,
            "title": attribution.title,
            "organization": None,
            "start": attribution.start,
            "end": attribution.end,
        }
    return {
        "text": source[quote.start : quote.end],
        "start": quote.start,
        "end": quote.end,
        "cue": attribution.cue,
        "speaker": speaker,
    }


@Language.factory(
    "iom_quotes",
    default_config={
        "cues": ["said", "says"],
        "pronouns": ["he", "she", "He", "She"],
        "honorifics": ["Mr", "Ms", "Mrs", "Dr"],
        "role_words": [],
        "lower_roles": [],
        "not_name_words": [],
        "scare_context": ["so-called"],
        "min_quote_words": 4,
        "max_attribution_chars": 200,
    },
)
def make_quote_recognizer(
    nlp: Language,
    name: str,
    cues: list[str],
    pronouns: list[str],
    honorifics: list[str],
    role_words: list[str],
    lower_roles: list[str],
    not_name_words: list[str],
    scare_context: list[str],
    min_quote_words: int,
    max_attribution_chars: int,
) -> QuoteRecognizer:
    """Factory: the lexicons come from the config (``models/quotes.json`` in :func:`iom_nlp.load`)."""
    return QuoteRecognizer(
        name,
        cues=cues,
        pronouns=pronouns,
        honorifics=honorifics,
        role_words=role_words,
        lower_roles=lower_roles,
        not_name_words=not_name_words,
        scare_context=scare_context,
        min_quote_words=min_quote_words,
        max_attribution_chars=max_attribution_chars,
    )
