"""From an annotated Doc to the typed :class:`~iom_nlp.schema.Release`."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from pydantic import JsonValue
from spacy.tokens import Doc, Span

from .explain import rejected_from, with_rejected
from .extensions import ERRORS_KEY
from .rules.mojibake import repair_person_name, repair_text
from .schema import (
    Contact,
    Country,
    CountryMention,
    Dateline,
    Email,
    EmailMention,
    Organization,
    OrganizationMention,
    Phone,
    PhoneKind,
    PhoneMention,
    Quote,
    Release,
    Zone,
)
from .sources import QUOTE_FALLBACK_SOURCE
from .spans import CONTACT_BLOCK as CONTACT_BLOCK_KEY
from .spans import COUNTRIES as COUNTRY_KEY
from .spans import COUNTRY_NAMES as COUNTRY_NAMES_KEY
from .spans import EMAIL_MENTIONS as EMAIL_MENTIONS_KEY
from .spans import EMAILS as EMAIL_KEY
from .spans import ORGANIZATIONS as ORG_KEY
from .spans import PHONES as PHONE_KEY
from .spans import QUOTES as QUOTE_KEY

# The same names come back release after release ("Department of Immigration and Citizenship",
# a minister's name): each is repaired once (pure functions; ftfy is the costly part).
_repair_text = lru_cache(maxsize=8192)(repair_text)
_repair_person_name = lru_cache(maxsize=8192)(repair_person_name)


def _repair_optional(value: str | None) -> str | None:
    return None if value is None else _repair_text(value)


def to_release(doc: Doc, id: JsonValue = None) -> Release:  # noqa: A002  (the contract's field name)
    """Read iom_nlp's annotations off ``doc`` into a frozen Release."""
    source = doc._.iom_source_text
    errors = doc.user_data.get(ERRORS_KEY) or []
    structure = doc._.iom_structure or {}
    contacts = _contacts(doc)
    release = Release(
        id=id,
        language=doc._.iom_language if Doc.has_extension("iom_language") else None,
        title=_repair_optional(structure.get("title")),
        dateline=Dateline.model_validate(structure["dateline"]) if structure.get("dateline") else None,
        zones=_zones(doc, structure, contacts),
        countries=_countries(doc, source),
        organizations=_organizations(doc, source),
        quotes=_quotes(doc),
        phones=_phones(doc, source),
        emails=_emails(doc, source),
        contacts=contacts,
        warnings=tuple(errors),
    )
    rejected = tuple(row._replace(text=source[row.start : row.end]) for row in rejected_from(doc.user_data))  # as written
    return with_rejected(release, rejected)


def _zones(doc: Doc, structure: dict[str, Any], contacts: tuple[Contact, ...]) -> tuple[Zone, ...]:
    """Title, dateline, body, contact block and boilerplate, in text order."""
    zones: list[Zone] = []
    body_start = 0
    if structure.get("title_start") is not None:
        zones.append(Zone(kind="title", start=structure["title_start"], end=structure["title_end"]))
        body_start = structure["title_end"]
    dateline = structure.get("dateline")
    if dateline and dateline["start"] >= body_start:
        zones.append(Zone(kind="dateline", start=dateline["start"], end=dateline["end"]))
    block = doc.user_data.get(CONTACT_BLOCK_KEY)
    body_end = len(doc._.iom_text)
    if block:
        zones.append(Zone(kind="contact", start=block[0], end=block[1]))
        body_end = block[0] if block[0] > body_start else body_end
    zones.append(Zone(kind="body", start=body_start, end=max(body_start, body_end)))
    zones += [Zone(kind="boilerplate", start=start, end=end) for start, end in structure.get("boilerplate", [])]
    return tuple(sorted(zones, key=lambda zone: (zone.start, zone.end)))


def _sources(group: Any) -> list[Any]:
    """A span group's ``attrs["sources"]`` (the rule that found each span, in span order), or []."""
    sources = group.attrs.get("sources") if group is not None else None
    return list(sources) if isinstance(sources, (list, tuple)) else []


def _source_at(sources: list[Any], position: int) -> str | None:
    value = sources[position] if position < len(sources) else None
    return value if isinstance(value, str) and value else None


def _countries(doc: Doc, source: str) -> tuple[Country, ...]:
    by_code: dict[str, list[CountryMention]] = defaultdict(list)
    group = doc.spans.get(COUNTRY_KEY)
    sources = _sources(group)
    for position, span in enumerate(group if group is not None else []):
        start, end = span.start_char, span.end_char
        mention = CountryMention(start=start, end=end, text=source[start:end], kind=span.label_, source=_source_at(sources, position))
        by_code[span.kb_id_].append(mention)
    # Names from the gazetteer of the component that found the countries (its data_path).
    names: dict[str, list[str]] = doc.user_data.get(COUNTRY_NAMES_KEY) or {}
    return tuple(
        Country(code=code, name=names[code][0], official_name=names[code][1], mentions=tuple(mentions))
        if code in names
        else Country(code=code, name=code, official_name=None, mentions=tuple(mentions))
        for code, mentions in by_code.items()
    )


def _organizations(doc: Doc, source: str) -> tuple[Organization, ...]:
    group = doc.spans.get(ORG_KEY)
    if group is None:
        return ()
    scores = group.attrs.get("scores") or []
    sources = _sources(group)
    grouped: dict[str, list[OrganizationMention]] = defaultdict(list)
    details_of: dict[str, dict[str, Any]] = {}
    for position, span in enumerate(group):
        start, end = span.start_char, span.end_char
        mention: dict[str, Any] = {"start": start, "end": end, "text": source[start:end]}
        if position < len(scores):
            mention["score"] = round(float(scores[position]), 4)
        found_by = _source_at(sources, position)
        if found_by is not None:
            mention["source"] = found_by
        grouped[span.kb_id_].append(OrganizationMention.model_validate(mention))
        details_of.setdefault(span.kb_id_, span._.iom_org or {})
    organizations = []
    for name, mentions in grouped.items():
        details = details_of[name]
        organizations.append(
            Organization(
                name=_repair_text(name),
                acronym=details.get("acronym"),
                aliases=tuple(_repair_text(alias) for alias in details.get("aliases") or ()),
                mentions=tuple(mentions),
                score=max(mention.score for mention in mentions),
            )
        )
    return tuple(organizations)


def _quotes(doc: Doc) -> tuple[Quote, ...]:
    group = doc.spans.get(QUOTE_KEY)
    sources = _sources(group)
    quotes = []
    for position, span in enumerate(group if group is not None else []):
        record = span._.iom_quote
        if record:
            quotes.append(Quote.model_validate(_with_source(_repaired_quote(record), _source_at(sources, position))))
    return tuple(quotes)


def _with_source(record: dict[str, Any], strategy: str | None) -> dict[str, Any]:
    """The quote and its speakers with the strategy that attributed them (the group's
    ``attrs["sources"]``), else the record's own, else :data:`QUOTE_FALLBACK_SOURCE`."""
    source = strategy or record.get("source") or QUOTE_FALLBACK_SOURCE
    speaker = record.get("speaker")
    speakers = record.get("speakers") or ()
    return {
        **record,
        "source": source,
        "speaker": {**speaker, "source": speaker.get("source") or source} if isinstance(speaker, dict) else speaker,
        "speakers": [{**other, "source": other.get("source") or source} if isinstance(other, dict) else other for other in speakers],
    }


def _repaired_quote(record: dict[str, Any]) -> dict[str, Any]:
    """The quote with its speaker's name, title and organisation free of mojibake (its text stays as written)."""
    speaker = record.get("speaker")
    if not isinstance(speaker, dict) or not isinstance(speaker.get("name"), str):
        return record
    return {**record, "speaker": _repaired_speaker(speaker), "speakers": [_repaired_speaker(s) for s in record.get("speakers") or ()]}


def _repaired_speaker(speaker: dict[str, Any]) -> dict[str, Any]:
    return {
        **speaker,
        "name": _repair_person_name(speaker["name"]),
        "title": _repair_optional(speaker.get("title")),
        "organization": _repair_optional(speaker.get("organization")),
    }


def _phones(doc: Doc, source: str) -> tuple[Phone, ...]:
    grouped: dict[str, list[tuple[Span, str | None]]] = defaultdict(list)
    group = doc.spans.get(PHONE_KEY)
    sources = _sources(group)
    for position, span in enumerate(group if group is not None else []):
        grouped[span.kb_id_].append((span, _source_at(sources, position)))
    phones = []
    for e164, spans in grouped.items():
        first = spans[0][0]
        details = _phone_details(first)
        phones.append(
            Phone(
                raw=details.get("raw", first.text),
                e164=e164,
                extension=details.get("extension"),
                region=details.get("region"),
                valid=bool(details.get("valid")),
                kind=_phone_kind(first.label_),
                repaired=bool(details.get("repaired")),
                start=details.get("start", first.start_char),
                end=details.get("end", first.end_char),
                mentions=tuple(_phone_mention(span, source, found_by) for span, found_by in spans),
            )
        )
    return tuple(phones)


def _phone_mention(span: Span, source: str, found_by: str | None) -> PhoneMention:
    """The number's exact offsets (``iom_phones`` keeps them; spans are token-wide: "Tel:022 ...")
    and the reading that found it (the group's ``attrs["sources"]``, else the span's details)."""
    details = _phone_details(span)
    start, end = details.get("start", span.start_char), details.get("end", span.end_char)
    return PhoneMention(start=start, end=end, text=source[start:end], source=found_by or details.get("source") or None)


def _phone_details(span: Span) -> dict[str, Any]:
    """The span's own number's details (numbers sharing one token share one record, by E.164)."""
    details: dict[str, Any] = span._.iom_phone or {}
    own: dict[str, Any] = details.get("by_e164", {}).get(span.kb_id_, details)
    return own


def _phone_kind(label: str) -> PhoneKind:
    if label == "fax":
        return "fax"
    if label == "mobile":
        return "mobile"
    return "phone"


def _emails(doc: Doc, source: str) -> tuple[Email, ...]:
    """Addresses with their exact mentions (``iom_emails`` keeps them; spans are token-wide)."""
    exact: list[list[Any]] | None = doc.user_data.get(EMAIL_MENTIONS_KEY)
    if exact is None:
        group = doc.spans.get(EMAIL_KEY)
        sources = _sources(group)
        spans = group if group is not None else []
        exact = [[span.start_char, span.end_char, span.kb_id_, _source_at(sources, i)] for i, span in enumerate(spans)]
    grouped: dict[str, list[EmailMention]] = defaultdict(list)
    for start, end, address, *found_by in exact:  # [start, end, address, source] (older Docs: no source)
        mention = EmailMention(start=start, end=end, text=source[start:end], source=found_by[0] if found_by else None)
        grouped[address].append(mention)
    return tuple(
        Email(raw=mentions[0].text, address=address, start=mentions[0].start, end=mentions[0].end, mentions=tuple(mentions))
        for address, mentions in grouped.items()
    )


def _contacts(doc: Doc) -> tuple[Contact, ...]:
    records: list[dict[str, Any]] = doc._.iom_contacts or []
    return tuple(Contact.model_validate(_repaired_contact(record)) for record in records)


def _repaired_contact(record: dict[str, Any]) -> dict[str, Any]:
    """The contact with name and organisation free of mojibake; its offsets still index the text."""
    if not isinstance(record.get("name"), str):
        return record
    return {**record, "name": _repair_person_name(record["name"]), "organization": _repair_optional(record.get("organization"))}
