"""iom_nlp: countries, organisations, quotes, phones, emails and contacts from press releases.

    import iom_nlp
    release = iom_nlp.extract(text)          # a frozen pydantic Release
    nlp = iom_nlp.load()                     # the spaCy pipeline, for Doc/Span work
    release = iom_nlp.to_release(nlp(text))

Importing the package is light: spaCy, pydantic and lxml are imported on first use of a name
that needs them (``iom_nlp.extract`` loads the pipeline the first time it is called), so
``import iom_nlp`` and ``iom-nlp --help`` answer at once.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
logging.getLogger(__name__).addHandler(logging.NullHandler())

# Public name -> the submodule that defines it (imported on first access).
_LAZY = {
    "extract": "api",
    "extract_bytes": "api",
    "extract_html": "api",
    "extract_many": "api",
    "audit_records": "audit",
    "export_frames": "frames",
    "read_collection": "frames",
    "to_frames": "frames",
    "html_to_text": "html",
    "read_html": "html",
    "BaseModelNotFound": "pipeline",
    "load": "pipeline",
    "to_release": "release",
    "render": "render",
    "SCHEMA_VERSION": "schema",
    "Contact": "schema",
    "Country": "schema",
    "CountryMention": "schema",
    "Dateline": "schema",
    "Email": "schema",
    "EmailMention": "schema",
    "Mention": "schema",
    "Organization": "schema",
    "Phone": "schema",
    "PhoneMention": "schema",
    "Quote": "schema",
    "Release": "schema",
    "Speaker": "schema",
    "Zone": "schema",
    "release_json_schema": "schema",
}
_SUBMODULES = frozenset({"audit", "explain"})

if TYPE_CHECKING:
    from . import audit, explain
    from .api import extract, extract_bytes, extract_html, extract_many
    from .audit import audit_records
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
        EmailMention,
        Mention,
        Organization,
        Phone,
        PhoneMention,
        Quote,
        Release,
        Speaker,
        Zone,
        release_json_schema,
    )


def __getattr__(name: str) -> Any:
    """Import the submodule behind a public name on first access, then keep the name here."""
    if name in _SUBMODULES:
        value: Any = importlib.import_module(f".{name}", __name__)
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


__all__ = [
    "SCHEMA_VERSION",
    "BaseModelNotFound",
    "Contact",
    "Country",
    "CountryMention",
    "Dateline",
    "Email",
    "EmailMention",
    "Mention",
    "Organization",
    "Phone",
    "PhoneMention",
    "Quote",
    "Release",
    "Speaker",
    "Zone",
    "audit",
    "audit_records",
    "explain",
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
