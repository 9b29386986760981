"""Access to the pipeline data shipped under ``models/`` (gazetteers, patterns, settings)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def models_dir() -> Path:
    """The folder holding the packaged pipeline data."""
    return Path(str(resources.files("iom_nlp.models")))


def load_json(name: str) -> Any:
    """Read ``models/<name>`` as JSON."""
    with (models_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSON-lines data file (one object per line)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
