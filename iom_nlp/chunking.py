"""Releases longer than the pipeline's ``max_length``: cut on paragraph boundaries, merged back.

spaCy refuses texts longer than ``nlp.max_length``; a long scanned report must still be read.
:func:`split_text` cuts it into pieces at blank lines (or line ends, or spaces, or — for a
text with no whitespace at all — anywhere), :func:`merge_releases` shifts each piece's offsets
back into the whole text and joins entries that describe the same thing.
"""

from __future__ import annotations

from typing import Any

from pydantic import JsonValue

from .explain import with_rejected
from .schema import Release


def split_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, each piece at most ``max_length`` characters."""
    if max_length < 1:
        raise ValueError(f"max_length must be positive, got {max_length}")
    pieces = []
    start = 0
    while len(text) - start > max_length:
        cut = _cut_point(text, start, start + max_length)
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last paragraph break before ``limit`` (else line end, else space, else ``limit``)."""
    floor = start + (limit - start) // 2
    for separator in ("\n\n", "\n", " "):
        position = text.rfind(separator, floor, limit)
        if position > start:
            return position + len(separator)
    return limit


def _shift(value: Any, offset: int) -> Any:
    """Add ``offset`` to every ``start``/``end`` in a dumped Release."""
    if isinstance(value, dict):
        shifted = {}
        for key, item in value.items():
            is_offset = key in ("start", "end") and isinstance(item, int)
            shifted[key] = item + offset if is_offset else _shift(item, offset)
        return shifted
    if isinstance(value, list):
        return [_shift(item, offset) for item in value]
    return value


def merge_releases(parts: list[tuple[int, Release]], release_id: JsonValue = None) -> Release:
    """One Release for the whole text from the Releases of its pieces."""
    dumped = [_shift(release.model_dump(mode="json"), offset) for offset, release in parts]
    merged: dict[str, Any] = {"id": release_id, "title": None, "dateline": None, "zones": [], "warnings": []}
    for key, identity in (("countries", "code"), ("organizations", "name"), ("phones", "e164"), ("emails", "address")):
        merged[key] = _merge_by(dumped, key, identity)
    merged["quotes"] = [quote for part in dumped for quote in part["quotes"]]
    merged["contacts"] = _merge_contacts(dumped)
    for part in dumped:
        merged["title"] = merged["title"] or part["title"]
        merged["dateline"] = merged["dateline"] or part["dateline"]
        merged["zones"] += part["zones"]
        merged["warnings"] += part["warnings"]
    rejected = tuple(
        row._replace(start=row.start + offset, end=row.end + offset) for offset, release in parts for row in release._rejected
    )
    return with_rejected(Release.model_validate(merged), rejected)


def _merge_by(parts: list[dict[str, Any]], key: str, identity: str) -> list[dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for part in parts:
        for entry in part[key]:
            known = entries.get(entry[identity])
            if known is None:
                entries[entry[identity]] = entry
                continue
            known["mentions"] = known.get("mentions", []) + entry.get("mentions", [])
            if "aliases" in known:
                known["aliases"] = list(dict.fromkeys(known["aliases"] + entry["aliases"]))
    return list(entries.values())


def _merge_contacts(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    contacts: dict[str, dict[str, Any]] = {}
    for part in parts:
        for contact in part["contacts"]:
            known = contacts.setdefault(contact["name"].lower(), contact)
            if known is not contact:
                known["phones"] = list(dict.fromkeys(known["phones"] + contact["phones"]))
                known["emails"] = list(dict.fromkeys(known["emails"] + contact["emails"]))
    return list(contacts.values())
