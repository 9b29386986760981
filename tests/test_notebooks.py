"""Both notebooks run top to bottom on a collection and draw the charts that answer their questions.

The default run executes them on the repository's sample (examples/sample-collection.jsonl); the
slow run (``pytest -m slow``) on the 2,025 U.S. State Department releases in ../shared, so that the
notebooks are exercised on a real collection of thousands of releases (rules-only pipeline, two
worker processes). Charts are counted twice: as PNG files saved under ``IOM_NLP_FIGURES`` and as
images shown in the executed notebook.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SAMPLE = ROOT / "examples" / "sample-collection.jsonl"
STATEDEPT = ROOT.parent / "shared" / "data" / "releases" / "statedept" / "releases.jsonl"
# Charts each notebook must draw: quickstart (releases per month, countries, organisations, speakers);
# explore (leaders, by month, co-mentions, speakers, contacts).
CHARTS = {"01_quickstart.ipynb": 4, "02_explore_collection.ipynb": 5}


def execute(name: str, figures: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path | None = None) -> Any:
    """Run the notebook in a fresh kernel that sees the environment set here; return it executed."""
    monkeypatch.setenv("IOM_NLP_FIGURES", str(figures))
    for variable in ("IOM_NLP_CORPUS", "IOM_NLP_BASE", "IOM_NLP_LIMIT"):
        monkeypatch.delenv(variable, raising=False)
    if corpus is not None:
        monkeypatch.setenv("IOM_NLP_CORPUS", str(corpus))
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=1200, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return notebook


def outputs(notebook: Any) -> list[Any]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def printed(notebook: Any) -> str:
    return "".join(output.get("text", "") for output in outputs(notebook) if output.output_type == "stream")


def check_charts(name: str, notebook: Any, figures: Path) -> None:
    assert not [output for output in outputs(notebook) if output.output_type == "error"]
    saved = sorted(figures.glob("*.png"))
    shown = sum(1 for output in outputs(notebook) if "image/png" in output.get("data", {}))
    assert len(saved) >= CHARTS[name], f"{name} saved {[path.name for path in saved]}"
    assert shown >= CHARTS[name], f"{name} showed {shown} charts"
    assert all(path.stat().st_size < 150_000 for path in saved), "charts are saved small"
    assert any("text/html" in output.get("data", {}) for output in outputs(notebook)), "a displaCy view of one release"


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_notebooks_are_committed_without_outputs(name: str) -> None:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert cells and all(not cell.get("outputs") and cell.get("execution_count") is None for cell in cells)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_notebooks_read_the_collection_from_the_environment(name: str) -> None:
    source = "\n".join(cell.source for cell in nbformat.read(NOTEBOOKS / name, as_version=4).cells)
    assert 'os.environ.get("IOM_NLP_CORPUS", "../examples/sample-collection.jsonl")' in source
    assert "n_process=N_PROCESS" in source and "tqdm(" in source
    assert 'matplotlib.use("Agg")' in source


def test_sample_collection_is_large_and_dated() -> None:
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) >= 50
    assert all(set(record) == {"id", "date", "text"} for record in records)
    months = {record["date"][:7] for record in records}
    assert len(months) >= 15, "month-by-month charts need many months"
    assert len({record["id"] for record in records}) == len(records)


@pytest.mark.enable_socket  # the kernel talks to the test over localhost
@pytest.mark.allow_hosts(["127.0.0.1"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_notebook_runs_on_the_sample(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = execute(name, tmp_path, monkeypatch)
    check_charts(name, notebook, tmp_path)
    assert f"{sum(1 for line in SAMPLE.read_text(encoding='utf-8').splitlines() if line.strip())} releases from" in printed(notebook)


@pytest.mark.slow  # 2,025 releases: a few minutes per notebook
@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_notebook_runs_on_the_state_department_collection(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not STATEDEPT.exists():
        pytest.skip(f"the State Department collection is not at {STATEDEPT} (../shared is absent)")
    notebook = execute(name, tmp_path, monkeypatch, corpus=STATEDEPT)
    check_charts(name, notebook, tmp_path)
    text = printed(notebook)
    assert "2025 releases from" in text
    assert "rules only (base=None), 2 process(es)" in text
    assert "every release processed" in text
