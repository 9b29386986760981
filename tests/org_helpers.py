"""What the organisation tests read off a release: names, every form, and split pieces.

One copy for the organisation test files (each asserts that every mention is exact on the way).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.organizations import OrganizationRules, split_candidate

RULES = OrganizationRules.from_dict(load_json("organization_rules.json"))
ROOT = Path(__file__).resolve().parent.parent


def org_names(nlp: Language, text: str) -> set[str]:
    """The organisations' names, after checking every mention's offsets against the text."""
    release = iom_nlp.extract(text, nlp=nlp)
    for org in release.organizations:
        for mention in org.mentions:
            assert text[mention.start : mention.end] == mention.text
    return {org.name for org in release.organizations}


def org_forms(nlp: Language, text: str) -> set[str]:
    """Every name, acronym and alias the release's organisations carry."""
    release = iom_nlp.extract(text, nlp=nlp)
    forms: set[str] = set()
    for org in release.organizations:
        forms |= {org.name, *(org.aliases or ()), *([org.acronym] if org.acronym else [])}
    return forms


def split_pieces(surface: str) -> list[str]:
    """The bodies ``split_candidate`` finds in one guessed name."""
    return [surface[start:end] for start, end in split_candidate(surface, RULES)]


def train_and_export(config: str, train: Path, output: Path, *overrides: str) -> Path:
    """``spacy train`` ``config`` for 4 steps on the ``train`` DocBin (also its dev set), then
    the documented export (training/train.py); returns the exported recogniser's folder."""
    command = [
        sys.executable, "-m", "spacy", "train", config, "--code", "training/code.py", "--output", str(output / "run"),
        "--paths.train", str(train), "--paths.dev", str(train), "--training.max_steps", "4", "--training.eval_frequency", "2",
        *overrides,
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    sys.path.insert(0, str(ROOT / "training"))
    try:
        from train import export
    finally:
        sys.path.pop(0)
    export(output / "run" / "model-best", output / "org_model", floor=0.05)
    return output / "org_model"
