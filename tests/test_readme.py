"""The README's Python code blocks run as written (in a copy of the repository's examples)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def python_blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_python_blocks() -> None:
    assert python_blocks()


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_a_readme_python_block_runs_as_written(tmp_path: Path, index: int) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        namespace: dict[str, object] = {"__name__": "__readme__"}
        exec(compile(python_blocks()[index], f"README.md python block {index + 1}", "exec"), namespace)
    finally:
        os.chdir(before)
    if "releases" in namespace:  # extract_many kept the ids it was given
        releases = namespace["releases"]
        assert isinstance(releases, list) and releases and all(release.id is not None for release in releases)
