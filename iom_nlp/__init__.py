"""iom_nlp: countries, organisations, quotes, phones, emails and contacts from press releases.

    import iom_nlp
    release = iom_nlp.extract(text)          # a frozen pydantic Release
    nlp = iom_nlp.load()                     # the spaCy pipeline, for Doc/Span work
    release = iom_nlp.to_release(nlp(text))
"""

from __future__ import annotations

import logging

from . import audit
from .api import extract, extract_bytes, extract_html, extract_many
from .audit import audit_records
from .extensions import register_extensions
from .frames import export_frames, read_collection, to_frames
from .html import html_to_text, read_html
from .pipeline import BaseModelNotFound, load
from .release import to_release
from .render import render
from .schema import (
    SCHEMA_VERSION,
    Contact,
    Country,
    CountryMention,
    Dateline,
    Email,
    Mention,
    Organization,
    Phone,
    Quote,
    Release,
    Speaker,
    Zone,
    release_json_schema,
)

__version__ = "0.1.0"
logging.getLogger(__name__).addHandler(logging.NullHandler())
register_extensions()

__all__ = [
    "SCHEMA_VERSION",
    "BaseModelNotFound",
    "Contact",
    "Country",
    "CountryMention",
    "Dateline",
    "Email",
    "Mention",
    "Organization",
    "Phone",
    "Quote",
    "Release",
    "Speaker",
    "Zone",
    "audit",
    "audit_records",
    "export_frames",
    "extract",
    "extract_bytes",
    "extract_html",
    "extract_many",
    "html_to_text",
    "load",
    "read_collection",
    "read_html",
    "release_json_schema",
    "render",
    "to_frames",
    "to_release",
]
