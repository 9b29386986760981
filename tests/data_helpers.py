"""One copy of the packaged data files for tests that hand a component its own ``data_path``."""

from __future__ import annotations

from pathlib import Path

from iom_nlp.data import models_dir


def copy_models(folder: Path) -> Path:
    """The packaged data files, flattened into ``folder`` (a ``data_path``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*models_dir().glob("*.json*"), *(models_dir() / "curated").glob("*")]:
        if path.is_file():
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder
