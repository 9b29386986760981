"""The typed output of iom_nlp: frozen pydantic v2 models, independent of spaCy.

The field names follow the JSON contract in OUTPUT.md (``schema_version`` "1"): fields may be
added, none renamed. Every ``start``/``end`` is a character offset into the text the caller
gave (or, for HTML input, into ``Release.text``).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, JsonValue, PrivateAttr

from .sources import (
    CONTACT_SOURCES,
    COUNTRY_SOURCES,
    DATELINE_SOURCES,
    EMAIL_SOURCES,
    PHONE_SOURCES,
    QUOTE_FALLBACK_SOURCE,
    describe,
)

SCHEMA_VERSION: Literal["1"] = "1"

MentionKind = Literal["name", "demonym"]
PhoneKind = Literal["phone", "mobile", "fax"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Frozen):
    """One place in the text where an entity is named."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    text: str = Field(description="The text exactly as written: text[start:end].")


class CountryMention(Mention):
    kind: MentionKind = Field(default="name", description='"name" or "demonym".')
    source: str | None = Field(default=None, description="The rule that found the mention: " + describe(COUNTRY_SOURCES))


class PhoneMention(Mention):
    source: str | None = Field(default=None, description="How the number was read: " + describe(PHONE_SOURCES))


class EmailMention(Mention):
    source: str | None = Field(default=None, description="How the address was read: " + describe(EMAIL_SOURCES))


class Country(_Frozen):
    code: str = Field(description="ISO 3166-1 alpha-2, ISO 3166-3 alpha-4 if historic, XK for Kosovo.")
    name: str = Field(description='The short name people write: "Democratic Republic of the Congo", not ISO\'s inverted form.')
    official_name: str | None = Field(default=None, description='The official name ("Kingdom of Thailand"), when known.')
    mentions: tuple[CountryMention, ...] = Field(default=(), description="Each place the country is named, as a name or a demonym.")


OrganizationSource = Literal["gazetteer", "definition", "pattern", "ner", "model"]


class OrganizationMention(Mention):
    score: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Calibrated confidence: on held-out releases, about this share of mentions scored like it were right "
        "(see the README's table of score bands). Filter on it, e.g. score >= 0.9.",
    )
    source: OrganizationSource = Field(
        default="pattern",
        description='What found the mention: "gazetteer" (a known body), "definition" (a long form and acronym defined in '
        'the release), "pattern" (a name built on a head word), "ner" (the base model\'s ORG), "model" (the trained recogniser).',
    )


class Organization(_Frozen):
    name: str = Field(description="The long form when the release gives one, else the name as written.")
    acronym: str | None = Field(default=None, description='The acronym the release or the gazetteer gives the body ("IOM"), if any.')
    aliases: tuple[str, ...] = Field(default=(), description='Other forms the release uses for the same body ("IOM Port of Spain").')
    mentions: tuple[OrganizationMention, ...] = Field(default=(), description="Each place the body is named, under any of its forms.")
    score: float = Field(default=0.5, ge=0.0, le=1.0, description="The highest score of the organisation's mentions.")


class Speaker(_Frozen):
    name: str = Field(description="The person's name, repaired for output (mojibake, spacing); the text keeps it as written.")
    title: str | None = Field(default=None, description='The role the attribution gives ("IOM Chief of Mission in Jordan"), if any.')
    organization: str | None = Field(default=None, description="The organisation named in the title, as listed in organizations, if any.")
    start: int | None = Field(default=None, ge=0, description="Offset of the name as written, when it is written near the quote.")
    end: int | None = Field(default=None, ge=0, description="Offset one past the name as written.")
    source: str | None = Field(
        default=None,
        description="The speaker strategy (rules/speakers.py's named table) that attributed the quote to this person; "
        f'"{QUOTE_FALLBACK_SOURCE}" when none was recorded.',
    )


class Quote(_Frozen):
    text: str = Field(description="The quotation, marks included: text[start:end].")
    start: int = Field(ge=0, description="Character offset of the opening mark.")
    end: int = Field(ge=0, description="Character offset one past the closing mark.")
    cue: str | None = Field(default=None, description='The speech verb of the attribution ("said", "added"), if any.')
    speaker: Speaker | None = Field(default=None, description="Who said it; null when no one is named.")
    speakers: tuple[Speaker, ...] = Field(
        default=(),
        description='Everyone the attribution names when it names more than one ("replied Ortiz and Chen"), '
        "the speaker first; empty otherwise.",
    )
    source: str | None = Field(
        default=None,
        description="The speaker strategy (rules/speakers.py's named table) that attributed the quote, the same as "
        f'its speaker\'s; "{QUOTE_FALLBACK_SOURCE}" when the quote was found by its marks and no strategy was recorded.',
    )


class Phone(_Frozen):
    raw: str = Field(description="The number as written (text[start:end]); an extension is kept apart in `extension`.")
    e164: str = Field(description="E.164 form as the number was meant.")
    extension: str | None = Field(default=None, description='The extension written after the number ("x.225": "225").')
    region: str | None = Field(default=None, description="ISO region the number belongs to.")
    valid: bool = Field(description="Whether the number is valid in today's numbering plan.")
    kind: PhoneKind = Field(default="phone", description='"phone", "mobile" or "fax", from the label written before the number.')
    repaired: bool = Field(default=False, description="True when a mistyped prefix was corrected.")
    start: int = Field(ge=0, description="Character offset of the first mention.")
    end: int = Field(ge=0, description="Character offset one past the first mention.")
    mentions: tuple[PhoneMention, ...] = Field(default=(), description="Every place the number is written, each with how it was read.")


class Email(_Frozen):
    raw: str = Field(description="The first visible mention as written (obfuscation included).")
    address: str = Field(description="The normalised, lower-cased address.")
    start: int = Field(ge=0, description="Character offset of the first mention.")
    end: int = Field(ge=0, description="Character offset one past the first mention.")
    mentions: tuple[EmailMention, ...] = Field(default=(), description="Every place the address is written, each with how it was read.")


class Contact(_Frozen):
    name: str = Field(description="The press contact's name as a person.")
    organization: str | None = Field(default=None, description='The office the contact is listed under ("IOM Port of Spain"), if any.')
    phones: tuple[str, ...] = Field(default=(), description="E.164 numbers listed under this person.")
    emails: tuple[str, ...] = Field(default=(), description="Addresses listed under this person.")
    start: int | None = Field(default=None, ge=0, description="Offset of the name as written in the contact block.")
    end: int | None = Field(default=None, ge=0, description="Offset one past the name as written.")
    source: str | None = Field(default=None, description="The rule that found the contact: " + describe(CONTACT_SOURCES))


class Dateline(_Frozen):
    """Where and when, as the release writes it ("GENEVA, 12 May 2020"), with the date in ISO 8601."""

    text: str = Field(description="The dateline as written: text[start:end].")
    start: int = Field(ge=0, description="Character offset of the dateline.")
    end: int = Field(ge=0, description="Character offset one past the dateline.")
    place: str | None = Field(default=None, description='The place, in the release\'s own mixed case ("Port of Spain").')
    date_text: str | None = Field(default=None, description='The date as written ("14 March 2024").')
    date: str | None = Field(default=None, description="ISO 8601 (YYYY-MM-DD) when the date could be read.")
    source: str | None = Field(default=None, description="The rule that found the dateline: " + describe(DATELINE_SOURCES))


class Rejected(NamedTuple):
    """A candidate a rule refused, and why (collected only when asked: see :mod:`iom_nlp.explain`)."""

    field: str
    start: int
    end: int
    text: str
    source: str
    reason: str


ZoneKind = Literal["title", "dateline", "body", "contact", "boilerplate"]


class Zone(_Frozen):
    """A character range of the release: its title, body, contact block or boilerplate."""

    kind: ZoneKind = Field(description='"title", "dateline", "body", "contact" or "boilerplate".')
    start: int = Field(ge=0, description="Character offset of the zone.")
    end: int = Field(ge=0, description="Character offset one past the zone.")


class Release(_Frozen):
    """Everything iom_nlp extracts from one press release.

    Extra top-level fields are allowed and kept: ``iom-nlp extract`` passes an input record's
    other fields through (and those named like an output field under ``input``), so
    ``Release.model_validate`` reads every line the CLI writes and dumps it back unchanged.
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    id: JsonValue = Field(default=None, description="The input record's id as given (any JSON value), or the file name.")
    schema_version: Literal["1"] = Field(default=SCHEMA_VERSION, description="Version of the output contract (OUTPUT.md).")
    text: str | None = Field(
        default=None,
        description="The text the offsets index, when it is not the caller's input (HTML input).",
    )
    language: Literal["en", "fr", "es"] | None = Field(
        default=None,
        description='The release\'s language: "en", "fr" or "es", detected from its own function words or given by the caller.',
    )
    title: str | None = Field(default=None, description="The headline: the first title line after navigation (for HTML, the main heading).")
    dateline: Dateline | None = Field(default=None, description="Place and date as the release writes them, if it has a dateline.")
    zones: tuple[Zone, ...] = Field(default=(), description="Title, dateline, body, contact block and boilerplate ranges.")
    countries: tuple[Country, ...] = Field(default=(), description="Each country named, with every mention.")
    organizations: tuple[Organization, ...] = Field(default=(), description="Each organisation named, acronyms linked to long forms.")
    quotes: tuple[Quote, ...] = Field(default=(), description="Direct quotations with their speakers.")
    phones: tuple[Phone, ...] = Field(default=(), description="Phone and fax numbers, in E.164.")
    emails: tuple[Email, ...] = Field(default=(), description="E-mail addresses, de-obfuscated.")
    contacts: tuple[Contact, ...] = Field(default=(), description="Press contacts: people with the phones and addresses listed under them.")
    warnings: tuple[str, ...] = Field(default=(), description="Components that failed on this release.")
    error: str | None = Field(default=None, description="Why this record could not be processed.")
    # The candidates the rules refused, when collecting them was asked for (never in the JSON):
    # read with :func:`iom_nlp.explain.rejected_of`.
    _rejected: tuple[Rejected, ...] = PrivateAttr(default=())


def release_json_schema() -> dict[str, object]:
    """The JSON Schema other services validate ``iom-nlp extract`` output against.

    It describes what the CLI writes, not only the Python model: the fields of an input record
    other than ``id``/``text``/``html`` are passed through at the top level (allowed extra
    properties), and one whose name is an output field is kept under ``input`` instead.
    """
    schema = Release.model_json_schema()
    properties = schema.setdefault("properties", {})
    properties["input"] = {
        "type": "object",
        "title": "Input",
        "description": "Fields of the input record whose names are output fields (e.g. its own 'title'), passed through.",
    }
    schema["additionalProperties"] = True
    schema["description"] = (
        "One release as written by `iom-nlp extract` (one JSON object per line in JSONL). Any other field of the "
        "input record is passed through unchanged at the top level. Records that could not be processed carry 'error'."
    )
    return schema
