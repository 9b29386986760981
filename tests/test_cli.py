"""The real console script ``iom-nlp``, run as a user would (subprocess), on ordinary mistakes and hostile files.

All commands of this module are started at once by one fixture (their start-up overlaps), and each
test checks one of them: a one-line error and a non-zero exit for each mistake, every record kept.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from iom_nlp.cli import csv_cell, main

SCRIPT = Path(sys.executable).with_name("iom-nlp")
RELEASE = (
    "IOM Opens Migrant Centre in Kenya\n\n"
    "NAIROBI, 3 March 2021 - IOM, the UN Migration Agency, opened a centre with Chile.\n\n"
    "For more information, please contact Jane Example, Tel: +254 20 422 1000, Email: jexample@iom.int\n"
)
NAV_PAGE = """<html><head><meta charset="iso-8859-1"><title>News | Example Agency</title></head><body>
<div class="topbar"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></div>
<div class="content"><h1>Returns to São Tomé and Príncipe Resume</h1>
<p>Flights to São Tomé resumed this week, IOM said.</p>
<table><tr><td>Jane Example</td><td>jexample@iom.int</td></tr></table></div></body></html>"""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def _files(folder: Path) -> dict[str, Path]:
    """The inputs every command reads, written once."""
    jsonl = folder / "batch.jsonl"
    lines = [
        json.dumps({"id": 1, "text": "Kenya and Chile", "source": "wire", "title": "given title"}),
        json.dumps({"id": 2, "text": "Peru"}),
        '{"id": "lone \\ud800 surrogate", "text": "Kenya"}',
        json.dumps({"id": ["a", 3], "text": "Chad"}),
    ]
    body = ("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "latin", "text": "Caf\xe9 in Mali"}\n'
    jsonl.write_bytes(codecs.BOM_UTF8 + body)
    text = folder / "release.txt"
    text.write_bytes(codecs.BOM_UTF8 + RELEASE.encode("utf-8") + b"\nBad byte \xff here.\n")
    page = folder / "page.html"
    page.write_bytes(NAV_PAGE.encode("iso-8859-1"))
    formulas = folder / "formulas.jsonl"
    formula_text = '"=HYPERLINK(""http://x"")" said Jane Roe, IOM Chief of Mission in Kenya. Call +41 22 717 9111.'
    formulas.write_text(
        json.dumps({"id": "=1+1", "text": formula_text}) + "\n"
        + json.dumps({"id": "@cmd", "text": "Peru and Kenya"}) + "\n",
        encoding="utf-8",
    )
    gold = folder / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "ok", "text": "Kenya", "gold": {"countries": ["KE"]}}) + "\n"
        + json.dumps(["not", "a", "record"]) + "\n"
        + json.dumps({"id": "no-gold", "text": "Kenya"}) + "\n"
        + json.dumps({"id": "c", "text": "x", "gold": {"contacts": [{"phones": ["+41227179111"]}]}}) + "\n",
        encoding="utf-8",
    )
    (folder / "a-folder").mkdir()
    return {"jsonl": jsonl, "text": text, "page": page, "formulas": formulas, "gold": gold, "folder": folder / "a-folder"}


def _commands(files: dict[str, Path], folder: Path) -> dict[str, tuple[list[str], bytes | None]]:
    none = ["--base", "none", "--no-progress"]
    inputs = [str(files[name]) for name in ("jsonl", "folder", "text", "page")] + [str(folder / "missing.jsonl")]
    return {
        "batch": (["extract", *inputs, "-o", str(folder / "out.jsonl"), *none], None),
        "schema": (["schema"], None),
        "same-output": (["extract", str(files["text"]), "-o", str(files["text"]), *none], None),
        "missing-folder": (["extract", str(files["text"]), "-o", str(folder / "nowhere" / "out.jsonl"), *none], None),
        "plain-stdin": (["extract", "-", *none], codecs.BOM_UTF8 + RELEASE.encode("utf-8")),
        "jsonl-stdin": (["extract", "-", *none], codecs.BOM_UTF8 + b'{"id": 7, "text": "Kenya"}\n{"id": 8, "text": "Chile"}\n'),
        "csv": (["extract", str(files["formulas"]), "--format", "csv", *none], None),
        "base-os": (["extract", str(files["text"]), "--base", "os"], None),
        "base-dotted": (["extract", str(files["text"]), "--base", "a.b"], None),
        "n-process-0": (["extract", str(files["text"]), "--n-process", "0"], None),
        "bad-gold": (["evaluate", str(files["gold"]), "--base", "none"], None),
        "help": (["--help"], None),
    }


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SCRIPT.exists():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def runs(workspace: Path) -> dict[str, Run]:
    """Every command, started together so that their start-up times overlap."""
    files = _files(workspace)
    started = {}
    for name, (args, stdin) in _commands(files, workspace).items():
        process = subprocess.Popen([str(SCRIPT), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started[name] = (process, stdin)
    results = {}
    for name, (process, stdin) in started.items():
        out, err = process.communicate(stdin or b"", timeout=300)
        results[name] = Run(process.returncode, out.decode("utf-8"), err.decode("utf-8"))
    return results


def _one_line_error(run: Run, *words: str) -> None:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    lines = run.error_lines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("same-output", ["also an input"]),
        ("missing-folder", ["does not exist"]),
        ("base-os", ["'os'"]),
        ("base-dotted", ["'a.b'"]),
        ("n-process-0", ["--n-process"]),
    ],
)
def test_mistakes_get_one_line_error_and_non_zero_exit(runs: dict[str, Run], name: str, words: list[str]) -> None:
    _one_line_error(runs[name], *words)
    assert runs[name].stdout == ""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--n-process", "-2"], ["--n-process"]),
        (["--batch-size", "0"], ["--batch-size"]),
        (["--batch-size", "-5"], ["--batch-size"]),
    ],
)
def test_invalid_numbers_are_one_line_errors(capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]) -> None:
    assert main(["extract", "-", "--base", "none", *args]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and all(word in err for word in words)


def test_output_that_is_an_input_is_refused_and_the_input_kept(runs: dict[str, Run], workspace: Path) -> None:
    assert runs["same-output"].returncode == 2
    assert (workspace / "release.txt").read_bytes().startswith(codecs.BOM_UTF8 + b"IOM Opens")


def _batch_output(workspace: Path) -> dict[Any, dict[str, Any]]:
    records = [json.loads(line) for line in (workspace / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    return {json.dumps(record["id"]): record for record in records}


def test_every_readable_input_is_processed_and_unreadable_ones_reported(runs: dict[str, Run], workspace: Path) -> None:
    run = runs["batch"]
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "a-folder: it is a folder" in run.stderr and "missing.jsonl: no such file" in run.stderr
    records = [json.loads(line) for line in (workspace / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [1, 2, "lone \ud800 surrogate", ["a", 3], "latin", "release.txt", "page.html"]
    assert [record["id"] for record in records] == ids  # BOM, int ids and odd ids: every record, in order
    assert all(record["error"] is None for record in records)
    assert records[0]["countries"] and records[0]["source"] == "wire" and records[0]["input"] == {"title": "given title"}
    assert records[4]["countries"][0]["code"] == "ML"
    assert any("invalid UTF-8" in warning for warning in records[4]["warnings"])
    assert not any(records[index]["warnings"] for index in range(4))
    assert not list(workspace.glob(".out.jsonl*"))  # no temporary file left behind


def test_cli_output_validates_against_the_printed_schema(runs: dict[str, Run], workspace: Path) -> None:
    schema = json.loads(runs["schema"].stdout)
    validator = jsonschema.Draft202012Validator(schema)
    outputs = list(_batch_output(workspace).values())
    outputs += [json.loads(runs["plain-stdin"].stdout)]
    outputs += [json.loads(line) for line in runs["jsonl-stdin"].stdout.splitlines()]
    outputs.append({"id": "x", "schema_version": "1", "error": "bad JSON on line 1", "lang": "en"})
    for output in outputs:
        validator.validate(output)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": "x", "countries": [{"code": 1}]})


def test_plain_text_on_stdin_is_detected_and_said(runs: dict[str, Run]) -> None:
    run = runs["plain-stdin"]
    assert run.returncode == 0
    assert "plain-text" in run.stderr and "--input-format" in run.stderr
    release = json.loads(run.stdout)
    assert release["id"] == "stdin" and release["error"] is None
    assert release["emails"][0]["address"] == "jexample@iom.int"
    assert release["title"] == "IOM Opens Migrant Centre in Kenya"  # the BOM did not reach the text


def test_jsonl_on_stdin_with_bom(runs: dict[str, Run]) -> None:
    run = runs["jsonl-stdin"]
    assert run.returncode == 0 and run.stderr == ""
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [(r["id"], r["error"], r["countries"][0]["code"]) for r in records] == [(7, None, "KE"), (8, None, "CL")]


@pytest.mark.parametrize(
    ("data", "input_format", "expected_id"),
    [
        (b'{"not": "jsonl"}\n', "text", "stdin"),
        (b"<p>Kenya</p>", "html", "stdin"),
        (b"<p>Kenya</p>", "auto", "stdin"),
        (b'{"id": "r", "text": "Kenya"}\n', "jsonl", "r"),
    ],
)
def test_input_format_decides_how_stdin_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, input_format: str, expected_id: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["extract", "-", "--input-format", input_format, "--base", "none", "--no-progress"]) == 0
    out = capsys.readouterr().out
    release = json.loads(out.splitlines()[0]) if input_format == "jsonl" else json.loads(out)
    assert release["id"] == expected_id and release["error"] is None
    if input_format != "text":
        assert release["countries"][0]["code"] == "KE"


def test_csv_cells_never_start_a_formula(runs: dict[str, Run]) -> None:
    run = runs["csv"]
    assert run.returncode == 0
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0][0] == "id" and len(rows) > 3
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert {row[0] for row in rows[1:]} == {"'=1+1", "'@cmd"}
    assert any(row[1] == "phone" and row[2].startswith("'+41") for row in rows)


def test_csv_mention_rows_say_how_each_was_found(runs: dict[str, Run]) -> None:
    rows = list(csv.DictReader(io.StringIO(runs["csv"].stdout)))
    mentions = [row for row in rows if row["field"] not in ("error", "warning")]
    assert mentions and all(row["source"] for row in mentions), [row for row in mentions if not row["source"]]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+41 22", "'+41 22"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("Kenya", "Kenya"), ("a=b", "a=b"), ("", ""), (12, 12), (None, ""), ("bad \ud800", "bad \ufffd"), (["a"], '["a"]')],
)
def test_csv_cell(value: object, expected: object) -> None:
    assert csv_cell(value) == expected


def test_html_file_honours_declared_charset_and_finds_the_headline(runs: dict[str, Run], workspace: Path) -> None:
    release = _batch_output(workspace)['"page.html"']
    assert release["title"] == "Returns to São Tomé and Príncipe Resume"
    assert "São Tomé" in release["text"] and "\ufffd" not in release["text"]
    assert "Home" not in release["text"] and not release["warnings"]
    assert "Jane Example\njexample@iom.int" in release["text"]
    assert {email["address"] for email in release["emails"]} == {"jexample@iom.int"}
    assert {"ST"} <= {country["code"] for country in release["countries"]}


def test_invalid_utf8_in_a_text_file_is_replaced_with_a_warning(runs: dict[str, Run], workspace: Path) -> None:
    release = _batch_output(workspace)['"release.txt"']
    assert len(release["warnings"]) == 1 and "invalid UTF-8" in release["warnings"][0]
    assert release["title"] == "IOM Opens Migrant Centre in Kenya"  # the BOM is not part of the text


def test_malformed_gold_names_each_line_and_problem(runs: dict[str, Run]) -> None:
    run = runs["bad-gold"]
    assert run.returncode == 2 and "Traceback" not in run.stderr and run.stdout == ""
    assert "line 2" in run.stderr and "list" in run.stderr
    assert "line 3" in run.stderr and "gold is required" in run.stderr
    assert "line 4" in run.stderr and "name is required" in run.stderr
    assert "line 1:" not in run.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert re.fullmatch(r"iom-nlp \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


def test_help_shows_examples_and_points_to_the_schema(runs: dict[str, Run]) -> None:
    run = runs["help"]
    assert run.returncode == 0 and "examples:" in run.stdout and "iom-nlp schema" in run.stdout


@pytest.mark.parametrize(("command", "examples"), [("extract", 3), ("evaluate", 2), ("schema", 1)])
def test_every_command_help_has_examples(capsys: pytest.CaptureFixture[str], command: str, examples: int) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out
    assert sum(line.strip().startswith(("iom-nlp ", "cat ")) for line in out.splitlines()) >= examples
    if command == "extract":
        assert "iom-nlp schema" in out and "--input-format" in out


def test_interrupted_run_leaves_the_previous_output_untouched(workspace: Path) -> None:
    """-o is written to a temporary file and renamed at the end: Ctrl-C mid-run changes nothing."""
    target = workspace / "kept.jsonl"
    target.write_text('{"id": "previous run"}\n', encoding="utf-8")
    process = subprocess.Popen(
        [str(SCRIPT), "extract", "-", "-o", str(target), "--base", "none", "--no-progress", "--batch-size", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(json.dumps({"id": 1, "text": "Kenya"}).encode() + b"\n")
    process.stdin.flush()
    deadline = time.monotonic() + 120
    while not list(workspace.glob(".kept.jsonl.*")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    assert list(workspace.glob(".kept.jsonl.*")), "the run never started writing"
    os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0 and b"Traceback" not in err
    assert target.read_text(encoding="utf-8") == '{"id": "previous run"}\n'
    assert not list(workspace.glob(".kept.jsonl.*"))


def test_output_is_replaced_when_the_run_succeeds(runs: dict[str, Run], workspace: Path) -> None:
    """The same atomic path ends in a rename: the finished file has the usual permissions."""
    out = workspace / "out.jsonl"
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@pytest.mark.parametrize("kind", ["folder", "missing"])
def test_unreadable_only_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    path = tmp_path / "inputs"
    if kind == "folder":
        path.mkdir()
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out), "--base", "none"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and ("it is a folder" if kind == "folder" else "no such file") in lines[0]
    assert not out.exists()


def test_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Kenya"}\n', encoding="utf-8")
    assert main(["extract", str(source), "-o", str(link), "--base", "none", "--no-progress"]) == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["id"] == "a"


def test_dash_output_is_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Kenya"}\n', encoding="utf-8")
    assert main(["extract", str(source), "-o", "-", "--base", "none", "--no-progress"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "a" and not (tmp_path / "-").exists()


def test_output_to_a_device_is_written_in_place(tmp_path: Path) -> None:
    """-o /dev/null must write to the device, never rename a regular file over it."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Kenya"}\n', encoding="utf-8")
    assert main(["extract", str(source), "-o", os.devnull, "--base", "none", "--no-progress"]) == 0
    assert not Path(os.devnull).is_file()
