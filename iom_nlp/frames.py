"""Releases as pandas tables for analysts: one row per release, entity or mention.

    from iom_nlp.frames import read_collection
    records = read_collection("releases.jsonl")   # JSONL, or a folder of .txt/.html files
    releases = iom_nlp.extract_many([r["text"] for r in records], ids=[r["id"] for r in records])
    frames = iom_nlp.to_frames(releases, dates=[r["date"] for r in records])
    frames["countries"].groupby("code").size()
    iom_nlp.export_frames(frames, "out/", format="parquet")

Needs the ``analysis`` extra (pandas, pyarrow): ``pip install "iom-nlp[analysis]"``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .html import html_to_text
from .records import read_jsonl
from .schema import Release

if TYPE_CHECKING:
    import pandas

logger = logging.getLogger(__name__)

TABLES = ("releases", "countries", "organizations", "quotes", "phones", "emails", "contacts")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError('to_frames needs pandas: pip install "iom-nlp[analysis]"') from error
    return pandas


def to_frames(releases: Iterable[Release], *, dates: Iterable[object] | None = None) -> dict[str, pandas.DataFrame]:
    """Seven tables keyed by name (see :data:`TABLES`); every row carries its ``release_id``.

    ``dates`` are the records' own publication dates in input order (any format
    :func:`parse_date` reads, e.g. a feed's "Wed, 16 Mar 2022 20:22:05 +0000"). They fill the
    releases table's ``published`` column, which falls back to the dateline's date: a
    collection's own dates are more reliable than a date read from the text, and many releases
    (Press Briefing Notes, U.S. statements) have no dateline at all.
    """
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    given = itertools.chain(dates if dates is not None else (), itertools.repeat(None))
    for position, (release, date) in enumerate(zip(releases, given, strict=False)):
        rid = release.id if isinstance(release.id, str) else str(position) if release.id is None else json.dumps(release.id)
        rows["releases"].append(_release_row(rid, release, parse_date(date)))
        for country in release.countries:
            for mention in country.mentions:
                rows["countries"].append(
                    {"release_id": rid, "code": country.code, "name": country.name, "kind": mention.kind,
                     "start": mention.start, "end": mention.end, "text": mention.text, "source": mention.source}
                )
        for org in release.organizations:
            for org_mention in org.mentions:
                rows["organizations"].append(
                    {"release_id": rid, "name": org.name, "acronym": org.acronym, "aliases": "; ".join(org.aliases),
                     "start": org_mention.start, "end": org_mention.end, "text": org_mention.text,
                     "score": org_mention.score, "source": org_mention.source}
                )
        for quote in release.quotes:
            speaker = quote.speaker
            rows["quotes"].append(
                {"release_id": rid, "text": quote.text, "start": quote.start, "end": quote.end, "cue": quote.cue,
                 "speaker": speaker.name if speaker else None, "title": speaker.title if speaker else None,
                 "organization": speaker.organization if speaker else None, "source": quote.source}
            )
        for phone in release.phones:
            rows["phones"].append(
                {"release_id": rid, "e164": phone.e164, "raw": phone.raw, "kind": phone.kind, "region": phone.region,
                 "valid": phone.valid, "repaired": phone.repaired, "extension": phone.extension,
                 "start": phone.start, "end": phone.end, "source": _first_source(phone.mentions)}
            )
        for email in release.emails:
            rows["emails"].append(
                {"release_id": rid, "address": email.address, "raw": email.raw, "start": email.start, "end": email.end,
                 "source": _first_source(email.mentions)}
            )
        for contact in release.contacts:
            rows["contacts"].append(
                {"release_id": rid, "name": contact.name, "organization": contact.organization,
                 "phones": "; ".join(contact.phones), "emails": "; ".join(contact.emails), "source": contact.source}
            )
    pandas = _pandas()
    return {name: pandas.DataFrame(rows[name], columns=_columns(name)) for name in TABLES}


def _first_source(mentions: Iterable[Any]) -> str | None:
    """The source of a phone's or an address's first mention (the row's ``start``/``end`` are its)."""
    return next((mention.source for mention in mentions), None)


def _release_row(rid: str, release: Release, published: str | None) -> dict[str, Any]:
    dateline = release.dateline
    return {
        "release_id": rid,
        "title": release.title,
        "published": published or (dateline.date if dateline else None),
        "date": dateline.date if dateline else None,
        "place": dateline.place if dateline else None,
        "countries": len(release.countries),
        "organizations": len(release.organizations),
        "quotes": len(release.quotes),
        "phones": len(release.phones),
        "emails": len(release.emails),
        "contacts": len(release.contacts),
        "error": release.error,
    }


def _columns(table: str) -> list[str]:
    columns = {
        "releases": [
            "release_id", "title", "published", "date", "place",
            "countries", "organizations", "quotes", "phones", "emails", "contacts", "error",
        ],
        "countries": ["release_id", "code", "name", "kind", "start", "end", "text", "source"],
        "organizations": ["release_id", "name", "acronym", "aliases", "start", "end", "text", "score", "source"],
        "quotes": ["release_id", "text", "start", "end", "cue", "speaker", "title", "organization", "source"],
        "phones": ["release_id", "e164", "raw", "kind", "region", "valid", "repaired", "extension", "start", "end", "source"],
        "emails": ["release_id", "address", "raw", "start", "end", "source"],
        "contacts": ["release_id", "name", "organization", "phones", "emails", "source"],
    }
    return columns[table]


def export_frames(frames: dict[str, pandas.DataFrame], directory: str | Path, format: str = "parquet") -> list[Path]:  # noqa: A002
    """Write each table to ``directory`` as ``<table>.parquet`` or ``<table>.csv``; returns the paths."""
    if format not in ("parquet", "csv"):
        raise ValueError(f"format must be 'parquet' or 'csv', got {format!r}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = folder / f"{name}.{format}"
        if format == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        written.append(path)
    return written


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_LONGEST_DATE = 80  # longer values are not dates; also keeps the parsers' work bounded


def parse_date(value: object) -> str | None:
    """The calendar date (ISO ``YYYY-MM-DD``) of a record's date field, or None if unreadable.

    Collections write dates every way: ISO ("2024-03-01", "2024-03-01T09:30:00Z"), RSS/e-mail
    ("Wed, 16 Mar 2022 20:22:05 +0000") and prose ("1 March 2024", "March 1, 2024"). The date is
    the one written, in the record's own time zone. A value without a four-digit year is refused
    rather than completed with today's year.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip() or len(value) > _LONGEST_DATE:
        return None
    text = value.strip()
    for reader in (_iso_date, _rfc2822_date, _prose_date):
        found = reader(text)
        if found is not None:
            return found.isoformat()
    return None


def _iso_date(text: str) -> dt.date | None:
    match = _ISO_DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _rfc2822_date(text: str) -> dt.date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _prose_date(text: str) -> dt.date | None:
    if not _YEAR.search(text):
        return None
    try:
        from dateutil import parser  # a pandas dependency: present wherever frames are used
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    try:
        parsed: dt.datetime = parser.parse(text, dayfirst=True)
    except (ValueError, OverflowError):
        return None
    return parsed.date()


def read_collection(path: str | Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a collection as ``{"id", "date", "text"}`` dicts, in file order.

    ``path`` is a JSONL file (one JSON object a line with ``text`` or ``html``, and optionally
    ``id`` and ``date``) or a folder of ``.txt``/``.html`` files (ids are the file names, dates
    unknown). Lines that are not JSON objects, or have neither text nor html, are skipped with a
    warning that names the line, so one bad record does not stop an analysis. ``limit`` keeps the
    first records only (a quick look at a large collection).
    """
    source = Path(path)
    if not source.exists():
        raise FileNotFoundError(
            f"no collection at {source}: give a JSONL file of {{\"id\", \"date\", \"text\"}} records or a folder of .txt/.html files"
        )
    records = _read_folder(source) if source.is_dir() else _read_jsonl(source)
    return list(itertools.islice(records, limit))


def _read_folder(folder: Path) -> Iterable[dict[str, Any]]:
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() == ".txt":
            yield {"id": file.name, "date": None, "text": file.read_text(encoding="utf-8", errors="replace")}
        elif file.suffix.lower() in (".html", ".htm"):
            yield {"id": file.name, "date": None, "text": html_to_text(file.read_bytes())}


def _read_jsonl(file: Path) -> Iterable[dict[str, Any]]:
    """Records through the shared reader (:mod:`iom_nlp.records`: BOM, bad lines, ids as the CLI reads them)."""
    for line in read_jsonl(file):
        record = _record(line.value, line.location, line.error)
        if record is not None:
            yield {**record, "id": line.id}


def _record(data: dict[str, Any] | None, where: str, error: str | None) -> dict[str, Any] | None:
    if data is None:
        logger.warning("%s: skipped, %s", where, error)
        return None
    text, html = data.get("text"), data.get("html")
    if not isinstance(text, str) or not text.strip():
        if not isinstance(html, str) or not html.strip():
            logger.warning("%s: skipped, no \"text\" or \"html\"", where)
            return None
        text = html_to_text(html)
    return {"date": data.get("date"), "text": text}
