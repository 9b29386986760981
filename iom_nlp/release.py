"""From an annotated Doc to the typed :class:`~iom_nlp.schema.Release`."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.tokens import Doc, Span

from .components.contacts import CONTACT_BLOCK_KEY
from .components.countries import SPAN_KEY as COUNTRY_KEY
from .components.emails import SPAN_KEY as EMAIL_KEY
from .components.organizations import SPAN_KEY as ORG_KEY
from .components.phones import SPAN_KEY as PHONE_KEY
from .components.quotes import SPAN_KEY as QUOTE_KEY
from .extensions import ERRORS_KEY
from .schema import Contact, Country, CountryMention, Dateline, Email, Mention, Organization, Phone, PhoneKind, Quote, Release, Zone

COUNTRY_NAMES_KEY = "iom_country_names"


def to_release(doc: Doc, id: str | None = None) -> Release:  # noqa: A002  (the contract's field name)
    """Read iom_nlp's annotations off ``doc`` into a frozen Release."""
    source = doc._.iom_source_text
    errors = doc.user_data.get(ERRORS_KEY) or []
    structure = doc._.iom_structure or {}
    contacts = _contacts(doc)
    return Release(
        id=id,
        title=structure.get("title"),
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


def _mention(span: Span, source: str) -> Mention:
    return Mention(start=span.start_char, end=span.end_char, text=source[span.start_char : span.end_char])


def _countries(doc: Doc, source: str) -> tuple[Country, ...]:
    from .components.countries import country_name

    by_code: dict[str, list[CountryMention]] = defaultdict(list)
    for span in doc.spans.get(COUNTRY_KEY, []):
        mention = _mention(span, source)
        by_code[span.kb_id_].append(CountryMention(**mention.model_dump(), kind=span.label_))
    return tuple(
        Country(code=code, name=country_name(code), mentions=tuple(mentions)) for code, mentions in by_code.items()
    )


def _organizations(doc: Doc, source: str) -> tuple[Organization, ...]:
    grouped: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get(ORG_KEY, []):
        grouped[span.kb_id_].append(span)
    organizations = []
    for name, spans in grouped.items():
        details: dict[str, Any] = spans[0]._.iom_org or {}
        organizations.append(
            Organization(
                name=name,
                acronym=details.get("acronym"),
                aliases=tuple(details.get("aliases") or ()),
                mentions=tuple(_mention(span, source) for span in spans),
            )
        )
    return tuple(organizations)


def _quotes(doc: Doc) -> tuple[Quote, ...]:
    records = [span._.iom_quote for span in doc.spans.get(QUOTE_KEY, []) if span._.iom_quote]
    return tuple(Quote.model_validate(record) for record in records)


def _phones(doc: Doc, source: str) -> tuple[Phone, ...]:
    grouped: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get(PHONE_KEY, []):
        grouped[span.kb_id_].append(span)
    phones = []
    for e164, spans in grouped.items():
        first = spans[0]
        details = first._.iom_phone or {}
        phones.append(
            Phone(
                raw=details.get("raw", first.text),
                e164=e164,
                extension=details.get("extension"),
                region=details.get("region"),
                valid=bool(details.get("valid")),
                kind=_phone_kind(first.label_),
                repaired=bool(details.get("repaired")),
                start=first.start_char,
                end=first.end_char,
                mentions=tuple(_mention(span, source) for span in spans),
            )
        )
    return tuple(phones)


def _phone_kind(label: str) -> PhoneKind:
    if label == "fax":
        return "fax"
    if label == "mobile":
        return "mobile"
    return "phone"


def _emails(doc: Doc, source: str) -> tuple[Email, ...]:
    grouped: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get(EMAIL_KEY, []):
        grouped[span.kb_id_].append(span)
    return tuple(
        Email(
            raw=source[spans[0].start_char : spans[0].end_char],
            address=address,
            start=spans[0].start_char,
            end=spans[0].end_char,
            mentions=tuple(_mention(span, source) for span in spans),
        )
        for address, spans in grouped.items()
    )


def _contacts(doc: Doc) -> tuple[Contact, ...]:
    records: list[dict[str, Any]] = doc._.iom_contacts or []
    return tuple(Contact.model_validate(record) for record in records)
