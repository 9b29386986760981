"""Both notebooks run top to bottom and draw their charts."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@pytest.mark.enable_socket  # the kernel talks to the test over localhost
@pytest.mark.allow_hosts(["127.0.0.1"])
@pytest.mark.parametrize(("name", "images"), [("01_quickstart.ipynb", 0), ("02_explore_collection.ipynb", 3)])
def test_notebook_runs(name: str, images: int) -> None:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit notebooks without outputs"
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    drawn = sum(1 for output in outputs if "image/png" in output.get("data", {}))
    assert drawn >= images
    if name.startswith("01"):
        assert any("text/html" in output.get("data", {}) for output in outputs), "render() shows inline"
