"""Releases as pandas tables for analysts: one row per release, entity or mention.

    frames = iom_nlp.to_frames(releases)
    frames["countries"].groupby("code").size()
    iom_nlp.export_frames(frames, "out/", format="parquet")

Needs the ``analysis`` extra (pandas, pyarrow): ``pip install "iom-nlp[analysis]"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .schema import Release

if TYPE_CHECKING:
    import pandas

TABLES = ("releases", "countries", "organizations", "quotes", "phones", "emails", "contacts")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError('to_frames needs pandas: pip install "iom-nlp[analysis]"') from error
    return pandas


def to_frames(releases: Iterable[Release]) -> dict[str, pandas.DataFrame]:
    """Seven tables keyed by name (see :data:`TABLES`); every row carries its ``release_id``."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for position, release in enumerate(releases):
        rid = release.id if release.id is not None else str(position)
        rows["releases"].append(_release_row(rid, release))
        for country in release.countries:
            for mention in country.mentions:
                rows["countries"].append(
                    {"release_id": rid, "code": country.code, "name": country.name, "kind": mention.kind,
                     "start": mention.start, "end": mention.end, "text": mention.text}
                )
        for org in release.organizations:
            for org_mention in org.mentions:
                rows["organizations"].append(
                    {"release_id": rid, "name": org.name, "acronym": org.acronym, "aliases": "; ".join(org.aliases),
                     "start": org_mention.start, "end": org_mention.end, "text": org_mention.text}
                )
        for quote in release.quotes:
            speaker = quote.speaker
            rows["quotes"].append(
                {"release_id": rid, "text": quote.text, "start": quote.start, "end": quote.end, "cue": quote.cue,
                 "speaker": speaker.name if speaker else None, "title": speaker.title if speaker else None,
                 "organization": speaker.organization if speaker else None}
            )
        for phone in release.phones:
            rows["phones"].append(
                {"release_id": rid, "e164": phone.e164, "raw": phone.raw, "kind": phone.kind, "region": phone.region,
                 "valid": phone.valid, "repaired": phone.repaired, "extension": phone.extension,
                 "start": phone.start, "end": phone.end}
            )
        for email in release.emails:
            rows["emails"].append(
                {"release_id": rid, "address": email.address, "raw": email.raw, "start": email.start, "end": email.end}
            )
        for contact in release.contacts:
            rows["contacts"].append(
                {"release_id": rid, "name": contact.name, "organization": contact.organization,
                 "phones": "; ".join(contact.phones), "emails": "; ".join(contact.emails)}
            )
    pandas = _pandas()
    return {name: pandas.DataFrame(rows[name], columns=_columns(name)) for name in TABLES}


def _release_row(rid: str, release: Release) -> dict[str, Any]:
    dateline = release.dateline
    return {
        "release_id": rid,
        "title": release.title,
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
            "release_id", "title", "date", "place", "countries", "organizations", "quotes", "phones", "emails", "contacts", "error"
        ],
        "countries": ["release_id", "code", "name", "kind", "start", "end", "text"],
        "organizations": ["release_id", "name", "acronym", "aliases", "start", "end", "text"],
        "quotes": ["release_id", "text", "start", "end", "cue", "speaker", "title", "organization"],
        "phones": ["release_id", "e164", "raw", "kind", "region", "valid", "repaired", "extension", "start", "end"],
        "emails": ["release_id", "address", "raw", "start", "end"],
        "contacts": ["release_id", "name", "organization", "phones", "emails"],
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
