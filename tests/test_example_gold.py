"""`iom-nlp evaluate` runs out of the box on the gold example shipped with the package."""

from __future__ import annotations

import pytest

from iom_nlp import cli
from iom_nlp.data import models_dir
from iom_nlp.evaluate import load_gold


def test_the_example_gold_ships_with_the_package_and_is_valid() -> None:
    gold = load_gold(str(models_dir() / cli.EXAMPLE_GOLD))
    assert len(gold) == 3


def test_evaluate_without_a_file_scores_the_shipped_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["evaluate", "--base", "none"]) == 0
    captured = capsys.readouterr()
    assert "shipped example" in captured.err and "docs/gold-format.md" in captured.err
    last = captured.out.strip().splitlines()[-1]
    assert last.startswith("F1 countries=1.000")
