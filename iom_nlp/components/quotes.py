"""The ``iom_quotes`` component: direct quotations and their speakers into ``doc.spans["iom_quotes"]``."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from .. import spans as keys
from ..data import SettingsError, parse_json_object, settings_from_json
from ..rules.forms import FormIndex
from ..rules.quotes import QuoteSpan, find_quote_spans, is_scare_quote, scare_context_pattern
from ..rules.speakers import (
    CARRIED_SOURCES,
    RULES_FILE,
    STRATEGIES,
    UNATTRIBUTED,
    Attribution,
    Person,
    SpeakerSettings,
    WrittenAttributions,
    attribute_quotes,
    joint_speakers,
    merge_people,
    people_from_patterns,
    read_speaker_rules,
    sentence_bounds,
)
from ..rules.speakers_fr_es import ROMANCE_STRATEGIES, RomanceSpeakerSettings, read_attributions
from ..rules.speakers_fr_es import resolve as resolve_fr_es
from .base import IomComponent, iom_factory

logger = logging.getLogger(__name__)
SPAN_KEY = keys.QUOTES
ORG_KEY = keys.ORGANIZATIONS
SETTINGS_FILE = "quotes.json"
FR_ES_FILE = "speakers_fr_es.json"
# The name of the quote group's attr that says, per span and in span order, which speaker strategy
# (rules.speakers.STRATEGIES, ROMANCE_STRATEGIES, or how the speaker was carried) attributed it.
SOURCES_ATTR = "sources"
# Every value that attr takes, with what it means: a strategy's example, or how the speaker was carried.
SOURCE_DESCRIPTIONS: dict[str, str] = {
    **{strategy.name: f"written as: {strategy.example}" for strategy in STRATEGIES},
    **{strategy.name: f"written as: {strategy.example}" for strategy in ROMANCE_STRATEGIES},
    **CARRIED_SOURCES,
}
# In a release detected as English, French or Spanish attributions are read only for the quotes
# no English cue attributes (a French quote in an English page, or a misdetected release).
ENGLISH = frozenset({"en"})
# Settings the component reads itself (scare-quote test); the rest feed SpeakerSettings.
COMPONENT_SETTINGS = {"scare_context": tuple[str, ...], "min_quote_words": int}


class QuoteRecognizer(IomComponent):
    """Marks each quotation (label ``QUOTE``); ``span._.iom_quote`` holds its cue and speaker.

    Speakers come from attribution patterns in both modes; with a statistical model its PERSON
    entities add the full names that pronouns and surnames are carried to.
    """

    data_files = (SETTINGS_FILE, FR_ES_FILE, RULES_FILE)

    def configure(self) -> None:
        self.fr_es, _ = settings_from_json(parse_json_object(self.data[FR_ES_FILE], FR_ES_FILE), RomanceSpeakerSettings, FR_ES_FILE)
        raw = parse_json_object(self.data[SETTINGS_FILE], SETTINGS_FILE)
        if "rules" in raw:
            raise SettingsError(f"{SETTINGS_FILE}: unknown setting 'rules'; the speaker rules are read from {RULES_FILE}.")
        # The strategies' word lists and limits come from this component's own copy of speakers.json.
        rules = read_speaker_rules(self.data[RULES_FILE], RULES_FILE)
        self.settings, own = settings_from_json({**raw, "rules": rules}, SpeakerSettings, SETTINGS_FILE, COMPONENT_SETTINGS)
        self.scare_context = scare_context_pattern(own["scare_context"])
        self.min_quote_words: int = own["min_quote_words"]
        self.cue_words = frozenset(self.settings.cues)

    def clear(self, doc: Doc) -> None:
        doc.spans[SPAN_KEY] = _group(doc, [], [])

    def annotate(self, doc: Doc) -> None:
        spans, sources = self._find(doc)
        doc.spans[SPAN_KEY] = _group(doc, spans, sources)

    def _find(self, doc: Doc) -> tuple[list[Span], list[str]]:
        """The quote spans, and for each the name of the strategy that attributed it."""
        text = doc._.iom_text
        quotes = find_quote_spans(text)
        if not quotes:
            return [], []

        names = _ReleaseNames(doc, text)

        @cache
        def people() -> list[Person]:
            found = merge_people(_entities(doc), people_from_patterns(text, self.settings))
            return [person for person in found if not names.not_a_person(person.name)]

        fallback = _parse_fallback(doc, self.cue_words)
        # Only the cue written next to a quote tells speech from a scare quote: no speaker is
        # resolved before the scare quotes are gone, and a kept quote is not read twice.
        read = WrittenAttributions(text, self.settings, fallback)
        english = read(quotes)
        if _language(doc) not in ENGLISH:
            fr_es = read_attributions(text, quotes, self.fr_es)
        else:  # a release taken for English: French or Spanish only where no English cue stands
            fr_es = read_attributions(text, quotes, self.fr_es, only=[not _has_cue(found) for found in english])
        kept_pairs = [
            (quote, said)
            for quote, found, said in zip(quotes, english, fr_es, strict=True)
            if not is_scare_quote(
                text, quote.start, quote.end, self.scare_context, self.min_quote_words, _has_cue(found) or said is not None
            )
        ]
        if not kept_pairs:
            return [], []
        kept = [quote for quote, _ in kept_pairs]
        attributions = attribute_quotes(
            text, kept, people, self.settings, None, names.not_a_person, read(kept), names.named_at
        )
        written = [said for _, said in kept_pairs]
        if any(said is not None for said in written):
            attributions = resolve_fr_es(text, kept, written, attributions, self.fr_es, names.not_a_person)
        source = doc._.iom_source_text
        organizations = names.organizations
        spans = []
        sources = []
        for quote, attribution in zip(kept, attributions, strict=True):
            span = doc.char_span(quote.start, quote.end, label="QUOTE", alignment_mode="expand")
            if span is None:
                continue
            span._.iom_quote = _record(source, quote, attribution, organizations, self.settings)
            spans.append(span)
            sources.append(attribution.source or UNATTRIBUTED)
        return spans, sources


def _group(doc: Doc, spans: list[Span], sources: list[str]) -> SpanGroup:
    """The quote spans as a group whose ``attrs["sources"]`` names, per span, the strategy that
    attributed its speaker: a maintainer sees which rule to fix without re-running the cascade."""
    group = SpanGroup(doc, name=SPAN_KEY, spans=spans)
    group.attrs[SOURCES_ATTR] = sources
    return group


def _language(doc: Doc) -> str | None:
    """The release's language as ``iom_language`` set it, if that component ran."""
    language = doc._.get("iom_language") if Doc.has_extension("iom_language") else None
    return language if isinstance(language, str) else None


def _has_cue(found: Attribution | None) -> bool:
    return found is not None and found.cue is not None


def _parse_fallback(doc: Doc, cues: frozenset[str]) -> Callable[[QuoteSpan], Attribution | None]:
    """:func:`parse_attribution` for quotes no pattern attributes; nobody when the Doc has no parse.

    Whether it has one is checked on the first such quote (a scan of every token), not per Doc.
    """
    parsed: list[bool] = []

    def read(quote: QuoteSpan) -> Attribution | None:
        if not parsed:
            parsed.append(doc.has_annotation("DEP"))
        return parse_attribution(doc, cues, quote) if parsed[0] else None

    return read


def parse_attribution(doc: Doc, cues: frozenset[str], quote: QuoteSpan) -> Attribution | None:
    """The subject of a speech verb in the quote's sentences, outside the quote itself.

    Only the quote's own sentence (:func:`sentence_bounds`, a bounded window) is read: a parser
    sentence can be the whole text when it holds no full stop, and reading it per quote made a
    long text quadratic.
    """
    low, high = sentence_bounds(doc._.iom_text, quote.open_at, quote.close_at)
    window = doc.char_span(low, high, alignment_mode="expand")
    if window is None:
        return None
    ranges = {_parser_sentence(doc, token.i, window.start, window.end) for token in _edge_tokens(doc, quote)}
    for start, end in sorted(ranges):
        for index in range(start, end):
            token = doc[index]
            if quote.open_at <= token.idx < quote.close_at or token.lower_ not in cues or token.pos_ not in {"VERB", "AUX"}:
                continue
            if not low <= token.idx < high:
                continue  # a speech verb of the next sentence ("... rebuild." Samir said he ...)
            subject = next((child for child in token.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None or (quote.open_at <= subject.idx < quote.close_at):
                continue
            name = _subject_name(subject)
            if name is not None:
                return Attribution(name.text, None, token.text, name.start_char, name.end_char)
    return None


def _parser_sentence(doc: Doc, index: int, lowest: int, highest: int) -> tuple[int, int]:
    """The parser's sentence around token ``index``, cut to the tokens [lowest, highest)."""
    start = index
    while start > lowest and not doc[start].is_sent_start:
        start -= 1
    end = index + 1
    while end < highest and not doc[end].is_sent_start:
        end += 1
    return start, end


def _edge_tokens(doc: Doc, quote: QuoteSpan) -> list[Token]:
    tokens = []
    for position in (quote.open_at, max(quote.open_at, quote.close_at - 1)):
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        if span is not None and len(span):
            tokens.append(span[0])
    return tokens


def _subject_name(subject: Token) -> Span | None:
    """A pronoun, or the proper-noun chain heading the subject ("Senator Chris Ellison")."""
    if subject.pos_ == "PRON":
        return subject.doc[subject.i : subject.i + 1]
    if subject.pos_ != "PROPN":
        return None
    start = subject.i
    while start > subject.left_edge.i and subject.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return subject.doc[start : subject.i + 1]


_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")


def _fold(name: str) -> str:
    if name.endswith(("s", "'", "’", "\n")):  # only these can end in a possessive ($ also before a last "\n")
        name = _POSSESSIVE_END.sub("", name)
    return " ".join(name.split()).lower()


class _ReleaseNames:
    """The release's countries, places and organisations, as the quotes need them; read once.

    Span texts are sliced from the Doc's text (``span.text`` builds a Token per word), each
    organisation's details are read once, and nothing is read before it is needed.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text

    @cached_property
    def _organization_names(self) -> list[tuple[str, list[str]]]:
        """Each organisation mention's id with the forms it goes by (name, acronym, aliases)."""
        found = []
        for span in self.doc.spans.get(ORG_KEY, []):
            details = span._.iom_org or {}
            names = [details.get("name"), details.get("acronym"), *(details.get("aliases") or [])]
            found.append((span.kb_id_, [name for name in names if name]))
        return found

    @cached_property
    def _not_person_forms(self) -> frozenset[str]:
        """What this release names as a country, demonym, place or organisation: never a speaker."""
        mentions = {
            self.text[span.start_char : span.end_char]
            for key in (keys.COUNTRIES, keys.PLACES, ORG_KEY)
            for span in self.doc.spans.get(key, [])
        }
        mentions.update(name for _, names in self._organization_names for name in names)
        return frozenset(_fold(name) for name in mentions)

    def not_a_person(self, name: str) -> bool:
        return _fold(name) in self._not_person_forms

    @cached_property
    def _named_spans(self) -> tuple[list[int], list[tuple[int, int]]]:
        """The release's country, place and organisation mentions, sorted by start (with the starts)."""
        found = sorted(
            (span.start_char, span.end_char)
            for key in (keys.COUNTRIES, keys.PLACES, ORG_KEY)
            for span in self.doc.spans.get(key, [])
        )
        return [start for start, _ in found], found

    def named_at(self, position: int) -> tuple[int, int] | None:
        """The country, place or organisation mention that covers ``position``, if any (by bisection)."""
        starts, spans = self._named_spans
        index = bisect_right(starts, position)
        for start, end in reversed(spans[max(0, index - 4) : index]):  # a mention nested in a longer one
            if end > position:
                return start, end
        return None

    @cached_property
    def organizations(self) -> FormIndex:
        """Each organisation of the release with its forms, longest form first (a speaker's title names one)."""
        forms: dict[str, list[str]] = {}
        for kb_id, names in self._organization_names:
            forms.setdefault(kb_id, names)
        return FormIndex(sorted(forms.items(), key=lambda item: -max(len(name) for name in item[1])))


def _entities(doc: Doc) -> list[Person]:
    if not doc.has_annotation("ENT_IOB"):
        return []
    return [Person(ent.start_char, ent.end_char, ent.text) for ent in list(doc.ents) if ent.label_ == "PERSON"]


def _record(
    source: str,
    quote: QuoteSpan,
    attribution: Attribution,
    organizations: FormIndex,
    settings: SpeakerSettings,
) -> dict[str, object]:
    speaker: dict[str, object] | None = None
    speakers: list[dict[str, object]] = []
    if attribution.name:
        speaker = {
            "name": attribution.name,
            "title": attribution.title,
            "organization": organizations.named_in(attribution.title),  # "IOM Regional Representative" -> IOM
            "start": attribution.start,
            "end": attribution.end,
        }
        speakers = [speaker]
        if attribution.start is not None and attribution.end is not None:
            joined = joint_speakers(source, attribution.start, attribution.end, settings)
            speakers += [{"name": name, "start": start, "end": end} for name, start, end in joined]
    return {
        "text": source[quote.start : quote.end],
        "start": quote.start,
        "end": quote.end,
        "cue": attribution.cue,
        "speaker": speaker,
        "speakers": speakers if len(speakers) > 1 else [],
    }


@iom_factory(
    "iom_quotes",
    requires=["doc._.iom_countries", "doc._.iom_organizations"],
    assigns=["doc.spans", "doc._.iom_quotes", "span._.iom_quote"],
    uses=["iom_language", "ner", "parser"],
)
def make_quote_recognizer(nlp: Language, name: str, data_path: str | None) -> QuoteRecognizer:
    """Factory: settings from ``quotes.json`` (lexicons), ``speakers.json`` (the speaker strategies'
    word lists and limits) and ``speakers_fr_es.json`` in ``data_path`` (default: the packaged
    ``models/``). Each quote's speaker strategy is in ``doc.spans["iom_quotes"].attrs["sources"]``.

    Uses ``iom_organizations`` (speakers' organisations) and the base model's PERSON entities
    and parse when they run first; all optional.
    """
    return QuoteRecognizer(nlp, name, data_path=data_path)
