"""Shared fixtures: pipelines are loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import iom_nlp

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "data" / "seed" / "caribbean-counter-trafficking.txt"
GOLD = SHARED / "data" / "gold"


def shared_or_skip(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs the shared data folder, not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline on the default base model."""
    return iom_nlp.load()


@pytest.fixture(scope="session")
def rules_nlp() -> Language:
    """The rules-only pipeline (no statistical model)."""
    return iom_nlp.load(base=None)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_or_skip(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dev_records() -> list[dict[str, Any]]:
    path = shared_or_skip(GOLD / "dev.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
