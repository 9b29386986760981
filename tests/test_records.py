"""One reader of JSON-lines records: the CLI, read_collection and audit agree on BOM, bad lines and ids."""

from __future__ import annotations

import codecs
import io
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from iom_nlp import cli
from iom_nlp.audit import read_jsonl_records
from iom_nlp.frames import read_collection

LINES = [
    json.dumps({"id": "first", "text": "Kenya – IOM said."}),  # after the BOM: must not be lost
    "{not json",
    json.dumps(["a", "list"]),
    "",
    json.dumps({"id": 7, "text": "Chad – IOM said."}),
    json.dumps({"text": "No id here."}),
    json.dumps({"id": None, "text": "A null id is an id."}),
]
GOOD_IDS = ["first", 7, "corpus.jsonl:6", None]
BAD_LINES = ["corpus.jsonl:2", "corpus.jsonl:3"]


def _cli_ids(path: Path) -> list[Any]:
    sources, problems = cli.resolve_sources([str(path)], "auto", io.StringIO())
    assert not problems
    return [record.id for record in cli.read_records(sources, problems) if record.error is None]


def _collection_ids(path: Path) -> list[Any]:
    return [record["id"] for record in read_collection(path)]


def _audit_ids(path: Path) -> list[Any]:
    return [record["id"] for record in read_jsonl_records(str(path))]


READERS: dict[str, Callable[[Path], list[Any]]] = {"cli": _cli_ids, "read_collection": _collection_ids, "audit": _audit_ids}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + ("\n".join(LINES) + "\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_keeps_the_first_record_after_a_bom_and_the_same_ids(corpus: Path, reader: str) -> None:
    assert READERS[reader](corpus) == GOOD_IDS


@pytest.mark.parametrize("reader", ["read_collection", "audit"])
def test_analysis_readers_name_each_bad_line_in_a_warning(corpus: Path, reader: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        READERS[reader](corpus)
    warned = " ".join(record.getMessage() for record in caplog.records)
    for line in BAD_LINES:
        assert line in warned


def test_the_cli_gives_each_bad_line_an_error_record(corpus: Path) -> None:
    sources, problems = cli.resolve_sources([str(corpus)], "auto", io.StringIO())
    errors = [(record.id, record.error) for record in cli.read_records(sources, problems) if record.error]
    assert [rid for rid, _ in errors] == BAD_LINES
    assert "bad JSON on line 2" in str(errors[0][1]) and "line 3 is not a JSON object" in str(errors[1][1])


@pytest.mark.parametrize("reader", READERS)
def test_invalid_utf8_is_replaced_not_fatal(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"id": "bad", "text": "Kenya \xff IOM said."}\n{"id": "good", "text": "Chad."}\n')
    assert READERS[reader](path) == ["bad", "good"]
