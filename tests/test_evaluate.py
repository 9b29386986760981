from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from iom_nlp.cli import main
from iom_nlp.evaluate import GoldFormatError, Tally, coverage, evaluate, last_name, load_gold


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


@pytest.mark.slow  # extracts the shared dev set twice
def test_evaluate_matches_the_shared_scorer(capsys: pytest.CaptureFixture[str], shared_file: Callable[[str], Path]) -> None:
    """`iom-nlp evaluate` prints the same last line as ../shared/tools/score.py on the dev set."""
    gold = shared_file("data/gold/dev.jsonl")
    scorer = shared_file("tools/score.py")
    command = f"{sys.executable} -m iom_nlp.cli extract --base none --format jsonl --no-progress"
    shared = subprocess.run([sys.executable, str(scorer), str(gold), "--cmd", command], capture_output=True, text=True, check=True)
    assert main(["evaluate", str(gold), "--base", "none"]) == 0
    ours = capsys.readouterr().out.strip().splitlines()[-1]
    assert ours == shared.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('["a", "list"]', "got a JSON list"),
        ('"just a string"', "got a JSON string"),
        ("{not json", "not valid JSON"),
        ('{"id": "r", "text": "x"}', "gold is required"),
        ('{"id": "r", "gold": {}}', "text is required"),
        ('{"id": "r", "text": "x", "gold": {"contacts": [{"phones": []}]}}', "gold.contacts[0].name is required"),
        ('{"id": "r", "text": "x", "gold": {"contacts": [{"name": ""}]}}', "gold.contacts[0].name"),
        ('{"id": "r", "text": "x", "gold": {"quotes": [{"speaker": "A"}]}}', "gold.quotes[0].text is required"),
        ('{"id": "r", "text": "x", "gold": {"organisations": [["IOM"]]}}', "gold.organisations is not a gold field"),
        ('{"id": "r", "text": "x", "gold": {"organizations": ["IOM"]}}', "gold.organizations[0]"),
        ('{"id": "r", "text": "x", "gold": {"countries": "KE"}}', "gold.countries"),
        ('{"id": "r", "text": "x", "gold": {}, "fields": ["countrys"]}', "fields[0]"),
        ('{"id": "r", "text": 5, "gold": {}}', "text"),
    ],
)
def test_malformed_gold_is_reported_with_line_and_problem(tmp_path: Path, line: str, problem: str) -> None:
    good = json.dumps({"id": "ok", "text": "Kenya", "gold": {"countries": ["KE"]}})
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{good}\n\n{line}\n{good}\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as raised:
        load_gold(path)
    assert len(raised.value.problems) == 1
    assert raised.value.problems[0].startswith("line 3: ") and problem in raised.value.problems[0]


def test_well_formed_gold_loads_with_or_without_bom(tmp_path: Path) -> None:
    records = [
        {"id": 1, "text": "Kenya", "gold": {"countries": ["KE"], "quotes": [{"text": "Hi", "speaker": None, "title": None}]},
         "fields": ["countries"], "source": "own notes"},
        {"id": "b", "text": "Chile", "gold": {"contacts": [{"name": "Jane Roe", "phones": [], "emails": ["j@x.org"]}]}},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(json.dumps(record) for record in records).encode("utf-8"))
    assert load_gold(path) == records


def test_evaluate_on_a_list_line_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('["not", "a", "record"]\n', encoding="utf-8")
    assert main(["evaluate", str(path), "--base", "none"]) == 2
    err = capsys.readouterr().err
    assert "line 1" in err and "list" in err and "docs/gold-format.md" in err
