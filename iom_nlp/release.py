"""From an annotated Doc to the typed :class:`~iom_nlp.schema.Release`."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import JsonValue
from spacy.tokens import Doc, Span

from .extensions import ERRORS_KEY
from .rules.mojibake import repair_optional, repair_person_name, repair_text
from .schema import (
    Contact,
    Country,
    CountryMention,
    Dateline,
    Email,
    Mention,
    Organization,
    OrganizationMention,
    Phone,
    PhoneKind,
    Quote,
    Release,
    Zone,
)
from .spans import CONTACT_BLOCK as CONTACT_BLOCK_KEY
from .spans import COUNTRIES as COUNTRY_KEY
from .spans import COUNTRY_NAMES as COUNTRY_NAMES_KEY
from .spans import EMAIL_MENTIONS as EMAIL_MENTIONS_KEY
from .spans import EMAILS as EMAIL_KEY
from .spans import ORGANIZATIONS as ORG_KEY
from .spans import PHONES as PHONE_KEY
from .spans import QUOTES as QUOTE_KEY


def to_release(doc: Doc, id: JsonValue = None) -> Release:  # noqa: A002  (the contract's field name)
    """Read iom_nlp's annotations off ``doc`` into a frozen Release."""
    source = doc._.iom_source_text
    errors = doc.user_data.get(ERRORS_KEY) or []
    structure = doc._.iom_structure or {}
    contacts = _contacts(doc)
    return Release(
        id=id,
        language=doc._.iom_language if Doc.has_extension("iom_language") else None,
        title=repair_optional(structure.get("title")),
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
    by_code: dict[str, list[CountryMention]] = defaultdict(list)
    for span in doc.spans.get(COUNTRY_KEY, []):
        start, end = span.start_char, span.end_char
        by_code[span.kb_id_].append(CountryMention(start=start, end=end, text=source[start:end], kind=span.label_))
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
    sources = group.attrs.get("sources") or []
    grouped: dict[str, list[OrganizationMention]] = defaultdict(list)
    details_of: dict[str, dict[str, Any]] = {}
    for position, span in enumerate(group):
        start, end = span.start_char, span.end_char
        mention: dict[str, Any] = {"start": start, "end": end, "text": source[start:end]}
        if position < len(scores):
            mention["score"] = round(float(scores[position]), 4)
        if position < len(sources):
            mention["source"] = sources[position]
        grouped[span.kb_id_].append(OrganizationMention.model_validate(mention))
        details_of.setdefault(span.kb_id_, span._.iom_org or {})
    organizations = []
    for name, mentions in grouped.items():
        details = details_of[name]
        organizations.append(
            Organization(
                name=repair_text(name),
                acronym=details.get("acronym"),
                aliases=tuple(repair_text(alias) for alias in details.get("aliases") or ()),
                mentions=tuple(mentions),
                score=max(mention.score for mention in mentions),
            )
        )
    return tuple(organizations)


def _quotes(doc: Doc) -> tuple[Quote, ...]:
    records = [span._.iom_quote for span in doc.spans.get(QUOTE_KEY, []) if span._.iom_quote]
    return tuple(Quote.model_validate(_repaired_quote(record)) for record in records)


def _repaired_quote(record: dict[str, Any]) -> dict[str, Any]:
    """The quote with its speaker's name, title and organisation free of mojibake (its text stays as written)."""
    speaker = record.get("speaker")
    if not isinstance(speaker, dict) or not isinstance(speaker.get("name"), str):
        return record
    return {**record, "speaker": _repaired_speaker(speaker), "speakers": [_repaired_speaker(s) for s in record.get("speakers") or ()]}


def _repaired_speaker(speaker: dict[str, Any]) -> dict[str, Any]:
    return {
        **speaker,
        "name": repair_person_name(speaker["name"]),
        "title": repair_optional(speaker.get("title")),
        "organization": repair_optional(speaker.get("organization")),
    }


def _phones(doc: Doc, source: str) -> tuple[Phone, ...]:
    grouped: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get(PHONE_KEY, []):
        grouped[span.kb_id_].append(span)
    phones = []
    for e164, spans in grouped.items():
        first = spans[0]
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
                mentions=tuple(_phone_mention(span, source) for span in spans),
            )
        )
    return tuple(phones)


def _phone_mention(span: Span, source: str) -> Mention:
    """The number's exact offsets (``iom_phones`` keeps them; spans are token-wide: "Tel:022 ...")."""
    details = _phone_details(span)
    start, end = details.get("start", span.start_char), details.get("end", span.end_char)
    return Mention(start=start, end=end, text=source[start:end])


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
    exact = doc.user_data.get(EMAIL_MENTIONS_KEY)
    if exact is None:
        exact = [(span.start_char, span.end_char, span.kb_id_) for span in doc.spans.get(EMAIL_KEY, [])]
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for start, end, address in exact:
        grouped[address].append(Mention(start=start, end=end, text=source[start:end]))
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
    return {**record, "name": repair_person_name(record["name"]), "organization": repair_optional(record.get("organization"))}
