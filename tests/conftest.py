"""Shared fixtures: pipelines are loaded once per test session.

Slow tests (``@pytest.mark.slow``) are deselected by the default ``-m "not slow"`` in
pyproject.toml; ``python -m pytest -m slow`` (a step of ``.ci/run``) runs them. Tests that need
the read-only ``../shared`` folder ask for the ``shared_file`` fixture, which skips with the
path it looked for when the folder is absent. ``tests/fixtures/`` holds an invented release
so the end-to-end tests run on any clean checkout.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import iom_nlp

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "data" / "seed" / "caribbean-counter-trafficking.txt"
GOLD = SHARED / "data" / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_or_skip(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs the shared data folder, not found at {path}")
    return path


@pytest.fixture(scope="session")
def shared_file() -> Callable[[str], Path]:
    """``shared_file("data/gold/dev.jsonl")``: a path under ../shared, or a visible skip."""

    def find(relative: str) -> Path:
        return shared_or_skip(SHARED / relative)

    return find


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
def release_text() -> str:
    """An invented IOM-style release (title, dateline, countries, acronyms, a quote, contacts)."""
    return (FIXTURES / "release.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def release_expected() -> dict[str, Any]:
    """What every mode must find in :func:`release_text`."""
    data: dict[str, Any] = json.loads((FIXTURES / "release.expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def dev_records() -> list[dict[str, Any]]:
    path = shared_or_skip(GOLD / "dev.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
