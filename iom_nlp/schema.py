"""The typed output of iom_nlp: frozen pydantic v2 models, independent of spaCy.

The field names follow the JSON contract in OUTPUT.md (``schema_version`` "1"): fields may be
added, none renamed. Every ``start``/``end`` is a character offset into the text the caller
gave (or, for HTML input, into ``Release.text``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

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


class Country(_Frozen):
    code: str = Field(description="ISO 3166-1 alpha-2, ISO 3166-3 alpha-4 if historic, XK for Kosovo.")
    name: str = Field(description='The short name people write: "Democratic Republic of the Congo", not ISO\'s inverted form.')
    official_name: str | None = Field(default=None, description='The official name ("Kingdom of Thailand"), when known.')
    mentions: tuple[CountryMention, ...] = ()


class Organization(_Frozen):
    name: str = Field(description="The long form when the release gives one, else the name as written.")
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


class Speaker(_Frozen):
    name: str
    title: str | None = None
    organization: str | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class Quote(_Frozen):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cue: str | None = None
    speaker: Speaker | None = None
    speakers: tuple[Speaker, ...] = Field(
        default=(),
        description='Everyone the attribution names when it names more than one ("replied Ortiz and Chen"), '
        "the speaker first; empty otherwise.",
    )


class Phone(_Frozen):
    raw: str = Field(description="The number as written (text[start:end]); an extension is kept apart in `extension`.")
    e164: str = Field(description="E.164 form as the number was meant.")
    extension: str | None = None
    region: str | None = Field(default=None, description="ISO region the number belongs to.")
    valid: bool = Field(description="Whether the number is valid in today's numbering plan.")
    kind: PhoneKind = "phone"
    repaired: bool = Field(default=False, description="True when a mistyped prefix was corrected.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    mentions: tuple[Mention, ...] = ()


class Email(_Frozen):
    raw: str = Field(description="The first visible mention as written (obfuscation included).")
    address: str = Field(description="The normalised, lower-cased address.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    mentions: tuple[Mention, ...] = ()


class Contact(_Frozen):
    name: str
    organization: str | None = None
    phones: tuple[str, ...] = Field(default=(), description="E.164 numbers listed under this person.")
    emails: tuple[str, ...] = ()
    start: int | None = Field(default=None, ge=0, description="Offset of the name as written in the contact block.")
    end: int | None = Field(default=None, ge=0)


class Dateline(_Frozen):
    """Where and when, as the release writes it ("GENEVA, 12 May 2020"), with the date in ISO 8601."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    place: str | None = None
    date_text: str | None = None
    date: str | None = Field(default=None, description="ISO 8601 (YYYY-MM-DD) when the date could be read.")


ZoneKind = Literal["title", "dateline", "body", "contact", "boilerplate"]


class Zone(_Frozen):
    """A character range of the release: its title, body, contact block or boilerplate."""

    kind: ZoneKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Release(_Frozen):
    """Everything iom_nlp extracts from one press release."""

    id: JsonValue = Field(default=None, description="The input record's id as given (any JSON value), or the file name.")
    schema_version: Literal["1"] = SCHEMA_VERSION
    text: str | None = Field(
        default=None,
        description="The text the offsets index, when it is not the caller's input (HTML input).",
    )
    title: str | None = None
    dateline: Dateline | None = None
    zones: tuple[Zone, ...] = Field(default=(), description="Title, dateline, body, contact block and boilerplate ranges.")
    countries: tuple[Country, ...] = ()
    organizations: tuple[Organization, ...] = ()
    quotes: tuple[Quote, ...] = ()
    phones: tuple[Phone, ...] = ()
    emails: tuple[Email, ...] = ()
    contacts: tuple[Contact, ...] = ()
    warnings: tuple[str, ...] = Field(default=(), description="Components that failed on this release.")
    error: str | None = Field(default=None, description="Why this record could not be processed.")


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
