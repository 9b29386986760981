"""The one reader of JSON-lines records, shared by the CLI, :func:`iom_nlp.read_collection`,
:mod:`iom_nlp.frames` and :mod:`iom_nlp.audit`, so that they agree on every file:

- UTF-8 with or without a byte-order mark (on the first line only); invalid bytes become
  U+FFFD and a warning names the line and byte;
- blank lines are skipped; a line that is not JSON, or not a JSON object, is a bad line with
  a one-line reason (the CLI writes an output line with ``error``; the analysis readers log a
  warning naming ``file:line`` and skip it);
- a record's id is its ``"id"`` field of any JSON type, kept as given; a record without one
  gets ``"<file name>:<line number>"``.

Light on purpose: standard library only, so importing it costs nothing.
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


def decode_utf8(data: bytes, where: str) -> tuple[str, list[str]]:
    """UTF-8 with or without BOM; invalid bytes become U+FFFD and a warning says where."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        return data.decode("utf-8", errors="replace"), [
            f"invalid UTF-8 in {where} at byte {error.start}: undecodable bytes were replaced by U+FFFD"
        ]


@dataclass
class JsonlLine:
    """One non-blank line of a JSON-lines input: its object, or why it has none."""

    number: int
    source: str
    value: dict[str, Any] | None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def location(self) -> str:
        """``file:line``, also the id of a record that has none."""
        return f"{self.source}:{self.number}"

    @property
    def id(self) -> Any:
        """The record's ``"id"`` as given (any JSON value), else :attr:`location`."""
        return self.value.get("id", self.location) if self.value is not None else self.location


def jsonl_lines(lines: Iterable[bytes | str], source: str) -> Iterator[JsonlLine]:
    """Every non-blank line of ``lines`` (bytes, or text already decoded) named after ``source``."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            line, notes = decode_utf8(raw, f"{source} line {number}")
        else:
            line, notes = (raw[1:] if number == 1 and raw.startswith("\ufeff") else raw), []
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield JsonlLine(number, source, None, f"bad JSON on line {number}: {error.msg}", notes)
            continue
        if not isinstance(value, dict):
            yield JsonlLine(number, source, None, f"line {number} is not a JSON object", notes)
            continue
        yield JsonlLine(number, source, value, None, notes)


def read_jsonl(path: str | Path) -> Iterator[JsonlLine]:
    """The lines of a JSON-lines file (see :func:`jsonl_lines`)."""
    file = Path(path)
    with file.open("rb") as handle:
        yield from jsonl_lines(handle, file.name)


def read_objects(path: str | Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a file, each with its ``"id"`` (given, or ``file:line``); bad lines
    are logged (a warning naming ``file:line`` and the reason) and skipped."""
    for line in read_jsonl(path):
        if line.value is None:
            logger.warning("%s: skipped, %s", line.location, line.error)
            continue
        yield {**line.value, "id": line.id}
