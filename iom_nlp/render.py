"""Every tag drawn over the text with displaCy: countries, organisations, quotes and their
speakers, phones and emails. Overlapping tags (a country inside a quote) are shown stacked.

    iom_nlp.render(release, text)     # in Jupyter the HTML shows inline; elsewhere it is returned
"""

from __future__ import annotations

import sys
import types
from typing import Any

import spacy
from spacy import displacy
from spacy.tokens import Doc, Span

from .release import to_release
from .schema import Release

COLORS = {
    "COUNTRY": "#8ecae6",
    "DEMONYM": "#bde0fe",
    "ORG": "#ffb703",
    "QUOTE": "#caffbf",
    "SPEAKER": "#ffadad",
    "PHONE": "#d0b3ff",
    "EMAIL": "#ffd6a5",
}


def render(item: Release | Doc, text: str | None = None, *, jupyter: bool | None = None) -> str:
    """displaCy HTML of ``item``'s tags over its text (pass ``text`` for a Release of plain text)."""
    if isinstance(item, Doc):
        text = item._.iom_source_text
        release = to_release(item)
    else:
        release = item
        text = text if text is not None else release.text
        if text is None:
            raise ValueError("render() needs the release text: pass render(release, text) for a Release of plain text")
    doc = spacy.blank("en").make_doc(text)
    doc.spans["sc"] = _spans(doc, release)
    html: Any = displacy.render(doc, style="span", jupyter=jupyter, options={"colors": COLORS})
    return str(html) if html is not None else ""


def _spans(doc: Doc, release: Release) -> list[Span]:
    wanted: list[tuple[int, int, str]] = []
    for country in release.countries:
        for mention in country.mentions:
            label = "DEMONYM" if mention.kind == "demonym" else "COUNTRY"
            wanted.append((mention.start, mention.end, f"{label} {country.code}"))
    for org in release.organizations:
        wanted += [(mention.start, mention.end, "ORG") for mention in org.mentions]
    for quote in release.quotes:
        speaker = quote.speaker.name if quote.speaker else "unknown speaker"
        wanted.append((quote.start, quote.end, f"QUOTE {speaker}"))
        if quote.speaker and quote.speaker.start is not None and quote.speaker.end is not None:
            wanted.append((quote.speaker.start, quote.speaker.end, "SPEAKER"))
    for phone in release.phones:
        wanted += [(mention.start, mention.end, f"PHONE {phone.e164}") for mention in phone.mentions]
    for email in release.emails:
        wanted += [(mention.start, mention.end, "EMAIL") for mention in email.mentions]
    spans = []
    for start, end, label in wanted:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


class _CallableModule(types.ModuleType):
    """``iom_nlp.render`` is this function even when the submodule was imported first (importing
    a submodule rebinds the package's attribute of the same name to the module)."""

    def __call__(self, item: Release | Doc, text: str | None = None, *, jupyter: bool | None = None) -> str:
        return render(item, text, jupyter=jupyter)


sys.modules[__name__].__class__ = _CallableModule
