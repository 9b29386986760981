from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import GOLD, SHARED, shared_or_skip

from iom_nlp.cli import main
from iom_nlp.evaluate import Tally, coverage, evaluate, last_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Richard E. Scott", "scott"),
        ("Andrew Bartlett MP", "bartlett"),
        ("Jane Doe, Minister for X", "doe"),
        ("O’Connor", "o'connor"),
        (None, ""),
    ],
)
def test_last_name(name: str | None, expected: str) -> None:
    assert last_name(name) == expected


def test_coverage_is_share_of_gold_characters() -> None:
    assert coverage("abc def", "xx abc def yy") == 1.0
    assert coverage("abcdefgh", "abcd") == 0.5
    assert coverage("", "anything") == 0.0


def test_tally_scores() -> None:
    assert Tally(3, 1, 1).scores() == (0.75, 0.75, 0.75)
    assert Tally(0, 0, 0).scores() == (1.0, 1.0, 1.0)


def test_evaluate_optional_and_any_speaker() -> None:
    gold = [{"id": "r", "gold": {"quotes": [
        {"text": "We will help the families who need it most", "speaker": "he", "speaker_check": "any"},
        {"text": "partial", "speaker": "X", "optional": True},
    ]}, "fields": ["quotes", "quotes+speaker"]}]
    predicted = [{"quotes": [{"text": "We will help the families who need it most", "speaker": {"name": "Jane Doe"}}]}]
    report = evaluate(gold, predicted)
    assert report.tallies["quotes"].scores()[2] == 1.0 and report.tallies["quotes+speaker"].scores()[2] == 1.0


def test_evaluate_matches_the_shared_scorer(capsys: pytest.CaptureFixture[str]) -> None:
    """`iom-nlp evaluate` prints the same last line as ../shared/tools/score.py on the dev set."""
    gold = shared_or_skip(GOLD / "dev.jsonl")
    scorer = shared_or_skip(SHARED / "tools" / "score.py")
    command = f"{sys.executable} -m iom_nlp.cli extract --base none --format jsonl --no-progress"
    shared = subprocess.run([sys.executable, str(scorer), str(gold), "--cmd", command], capture_output=True, text=True, check=True)
    assert main(["evaluate", str(gold), "--base", "none"]) == 0
    ours = capsys.readouterr().out.strip().splitlines()[-1]
    assert ours == shared.stdout.strip().splitlines()[-1]
