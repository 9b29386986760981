"""Why each mention is in a Release, and which candidates the rules refused.

Every mention carries ``source`` (the names are in :mod:`iom_nlp.sources`); :func:`explain_lines`
prints one line per mention with its field, offsets, source, score and text, which is what
``iom-nlp extract --explain`` writes to stderr.

Refused candidates are collected only when asked, so the default path costs one check per
component call:

- ``with iom_nlp.explain.collecting_rejected(): release = iom_nlp.extract(text)`` (what
  ``--explain-rejected`` does; forked ``extract_many`` workers inherit it), or
- a Doc whose ``user_data[COLLECT_KEY]`` is true before the pipeline runs on it
  (``doc = nlp.make_doc(text); doc.user_data[COLLECT_KEY] = True; nlp(doc)``).

The rules report a refusal with :func:`reject` (a no-op unless a component is collecting);
each component's refusals land in ``doc.user_data[REJECTED_KEY]`` as
``[field, start, end, text, source, reason]`` lists (primitives, so the Doc still serialises),
and :func:`iom_nlp.to_release` puts them on the Release, read with :func:`rejected_of` (never
written to the JSON).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .schema import Rejected, Release

# ``doc.user_data`` key: true asks the components to collect what they refuse on this Doc.
COLLECT_KEY = "iom_collect_rejected"
# ``doc.user_data`` key of the refused candidates, one [field, start, end, text, source, reason] each.
REJECTED_KEY = "iom_rejected"

# True while a caller collects refusals for every Doc (``collecting_rejected``).
_COLLECT_ALL: ContextVar[bool] = ContextVar("iom_collect_all_rejected", default=False)
# The list a component's refusals go to while it annotates a collecting Doc; None otherwise.
_SINK: ContextVar[list[list[Any]] | None] = ContextVar("iom_rejected_sink", default=None)


@contextmanager
def collecting_rejected(enabled: bool = True) -> Iterator[None]:
    """Collect the refused candidates of every Doc processed inside the block (in this thread,
    and in worker processes forked inside it)."""
    token = _COLLECT_ALL.set(enabled)
    try:
        yield
    finally:
        _COLLECT_ALL.reset(token)


def wants_rejected(user_data: dict[Any, Any]) -> bool:
    """Whether refusals are collected for the Doc with this ``user_data`` (one cheap check)."""
    return _COLLECT_ALL.get() or bool(user_data.get(COLLECT_KEY))


@contextmanager
def rejections_into(user_data: dict[Any, Any]) -> Iterator[list[list[Any]]]:
    """While a component annotates a collecting Doc: :func:`reject` appends to its ``user_data``."""
    sink: list[list[Any]] = user_data.setdefault(REJECTED_KEY, [])
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def collecting() -> bool:
    """True while a component annotates a Doc whose refusals are collected (guard costly reasons with it)."""
    return _SINK.get() is not None


def reject(field: str, start: int, end: int, text: str, source: str, reason: str) -> None:
    """Record that a rule refused a candidate (nothing happens unless refusals are collected)."""
    sink = _SINK.get()
    if sink is not None:
        sink.append([field, int(start), int(end), text, source, reason])


def rejected_from(user_data: dict[Any, Any]) -> tuple[Rejected, ...]:
    """The refusals a Doc collected, in text order, each once."""
    from .schema import Rejected

    rows = user_data.get(REJECTED_KEY) or []
    unique = {tuple(row): None for row in rows}
    return tuple(sorted((Rejected(*row) for row in unique), key=lambda row: (row.start, row.end, row.field)))


def rejected_of(release: Release) -> tuple[Rejected, ...]:
    """The candidates the rules refused for ``release`` (empty unless they were collected)."""
    return release._rejected


def with_rejected(release: Release, rejected: tuple[Rejected, ...]) -> Release:
    """``release`` carrying ``rejected`` (a private attribute: the Release's JSON is unchanged)."""
    if rejected:
        release._rejected = rejected
    return release


# ------------------------------------------------------------------------------------- report

HEADER = "id\tfield\tstart\tend\tsource\tscore\ttext"
REJECTED_HEADER = "id\trejected\tstart\tend\tsource\treason\ttext"


def explain_lines(release: Release) -> list[str]:
    """One tab-separated line per mention: id, field, start, end, source, score ("-" when the
    field has none) and the text as a JSON string. Fields: dateline, country (or demonym),
    organization, quote, speaker, phone, email, contact, in that order."""
    rid = _id(release.id)
    rows: list[tuple[str, int | None, int | None, str | None, float | None, str]] = []
    if release.dateline is not None:
        dateline = release.dateline
        rows.append(("dateline", dateline.start, dateline.end, dateline.source, None, dateline.text))
    for country in release.countries:
        for mention in country.mentions:
            field = "country" if mention.kind == "name" else "demonym"
            rows.append((f"{field}:{country.code}", mention.start, mention.end, mention.source, None, mention.text))
    for organization in release.organizations:
        for org_mention in organization.mentions:
            rows.append(("organization", org_mention.start, org_mention.end, org_mention.source, org_mention.score, org_mention.text))
    for quote in release.quotes:
        rows.append(("quote", quote.start, quote.end, quote.source, None, quote.text))
        for speaker in _speakers(quote):
            rows.append(("speaker", speaker.start, speaker.end, speaker.source, None, speaker.name))
    for phone in release.phones:
        for phone_mention in phone.mentions:
            rows.append((f"phone:{phone.e164}", phone_mention.start, phone_mention.end, phone_mention.source, None, phone_mention.text))
    for email in release.emails:
        for email_mention in email.mentions:
            rows.append(("email", email_mention.start, email_mention.end, email_mention.source, None, email_mention.text))
    for contact in release.contacts:
        rows.append(("contact", contact.start, contact.end, contact.source, None, contact.name))
    return [
        "\t".join([rid, field, _offset(start), _offset(end), source or "-", "-" if score is None else f"{score:.4f}", _quoted(text)])
        for field, start, end, source, score, text in rows
    ]


def rejected_lines(release: Release) -> list[str]:
    """One tab-separated line per refused candidate: id, field, start, end, source, reason, text."""
    rid = _id(release.id)
    return [
        "\t".join([rid, f"rejected:{row.field}", str(row.start), str(row.end), row.source or "-", row.reason, _quoted(row.text)])
        for row in rejected_of(release)
    ]


def _speakers(quote: Any) -> list[Any]:
    """The quote's speaker, then the others its attribution names (each once)."""
    speakers = [quote.speaker] if quote.speaker is not None else []
    return speakers + [speaker for speaker in quote.speakers if speaker not in speakers]


def _offset(value: int | None) -> str:
    return "-" if value is None else str(value)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _id(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
