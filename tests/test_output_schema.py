"""The output schema: every property described, and Release reads what the CLI writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from iom_nlp import cli
from iom_nlp.schema import Release, release_json_schema


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [(f"Release.{name}", prop) for name, prop in schema["properties"].items()]
    for model, definition in schema.get("$defs", {}).items():
        found += [(f"{model}.{name}", prop) for name, prop in (definition.get("properties") or {}).items()]
    return found


@pytest.mark.parametrize("schema", ["cli", "model"])
def test_every_schema_property_is_described(schema: str) -> None:
    found = _properties(release_json_schema() if schema == "cli" else Release.model_json_schema())
    assert len(found) > 60
    assert [name for name, prop in found if not str(prop.get("description", "")).strip()] == []


@pytest.mark.parametrize(
    "record",
    [
        {"id": 1, "text": "Kenya – IOM said."},
        {"id": "a", "text": "Chad.", "source": "feed", "date": "2024-01-05", "tags": ["x", 1]},
        {"id": None, "text": "Chile.", "title": "their own title", "countries": ["theirs"]},
        {"id": "broken"},
    ],
    ids=["plain", "pass-through", "clashing-names-under-input", "error"],
)
def test_release_model_validate_reads_what_the_cli_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], record: dict[str, Any]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert cli.main(["extract", str(path), "--base", "none", "--format", "jsonl", "--no-progress"]) == 0
    written = json.loads(capsys.readouterr().out)
    release = Release.model_validate(written)
    assert release.model_dump(mode="json") == written
