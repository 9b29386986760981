"""Retrain the organisation recogniser from the annotations, in one command.

    python training/train.py                 # corpus -> spacy train -> models/org_model + calibration
    python training/train.py --max-steps 60 --skip-calibration --output /tmp/o   # a quick check
    python training/train.py --skip-corpus --skip-train --skip-export          # recalibrate the shipped model

Steps: :mod:`build_corpus` (DocBins from ``../shared`` and ``training/annotations``), ``spacy
train training/orgs.cfg`` (CPU), then the best checkpoint's ``spancat`` is made self-contained
(its listener replaced by a copy of the tok2vec it listened to) and written to
``models/org_model/``; finally the calibration table is fitted on every release never trained on but test: dev2,
iom-style and our readers' ``tune`` releases (see :mod:`build_corpus`) and written to ``models/org_combination.json``
beside the combination's settings (chosen with ``training/evaluate.py --split tune,valid
--sweep``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import spacy
from thinc.api import Config

from iom_nlp.pipeline import reads_evidence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

BINS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]


def run(*command: str) -> None:
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def export(best: Path, target: Path, floor: float) -> None:
    """The trained spancat alone, with its own tok2vec, reporting spans down to ``floor``."""
    import iom_nlp.components.org_model  # noqa: F401  (the suggester)

    spacy.util.import_file("iom_training_code", HERE / "code.py")  # the training-only evidence lookup, if the config has it
    nlp = spacy.load(best)
    nested = reads_evidence(nlp.config)  # the evidence architecture wraps the listener
    nlp.replace_listeners("org_tok2vec", "spancat", ["model.tok2vec.tok2vec" if nested else "model.tok2vec"])
    for name in list(nlp.pipe_names):
        if name != "spancat":
            nlp.remove_pipe(name)
    nlp.get_pipe("spancat").cfg["threshold"] = floor
    nlp.config["components"]["spancat"]["threshold"] = floor
    nlp.meta["name"] = "iom_org_model"
    nlp.meta["description"] = "iom_nlp's trained organisation recogniser (spancat); see training/README.md"
    nlp.to_disk(target)


def fit(rows_path: Path, settings: dict[str, object]) -> dict[str, object]:
    """The calibration table (per origin and probability bin, the share of right mentions) and
    the rules-only shares, fitted on the rows of the releases never trained on (tune and valid); ``settings`` (accept, accept_alone,
    prefer, veto, overrule, selector, model_overrules, floor) are kept as they are."""
    from iom_nlp.rules.combination import ORIGIN_OF_SOURCE, fit_table

    data = json.loads(rows_path.read_text(encoding="utf-8"))
    combined = [(ORIGIN_OF_SOURCE.get(source, "rules"), probability, right) for source, probability, right, *_ in data["combined"]]
    table = fit_table(combined, BINS)
    rules_only: dict[str, list[bool]] = {}
    for source, _, right, *_ in data["rules_only"]:
        rules_only.setdefault(ORIGIN_OF_SOURCE.get(source, "rules"), []).append(right)
    shares = {origin: round(sum(values) / len(values), 4) for origin, values in rules_only.items() if values}
    return {**settings, "bins": BINS, "table": table, "rules_only": shares}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=HERE / "orgs.cfg", help="spacy train's config")
    parser.add_argument("--output", type=Path, default=HERE / "output", help="spacy train's output folder")
    parser.add_argument("--models", type=Path, default=ROOT / "models", help="where org_model/ and org_combination.json go")
    parser.add_argument("--max-steps", type=int, default=None, help="override [training] max_steps")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--first-reading", action="store_true", help="train on our readers' first reading, not the review")
    parser.add_argument("--train-rounds", help="rounds of annotation to train on (default: build_corpus.TRAINED_ROUNDS)")
    parser.add_argument("--skip-train", action="store_true")
    parser.add_argument("--skip-calibration", action="store_true")
    parser.add_argument("--skip-export", action="store_true", help="keep models/org_model as it is (recalibrate only)")
    args = parser.parse_args()
    python = sys.executable
    if not args.skip_corpus:
        options = ["--first-reading"] if args.first_reading else []
        options += ["--train-rounds", args.train_rounds] if args.train_rounds else []
        run(python, "training/build_corpus.py", *options)
        if reads_evidence(Config().from_disk(args.config)):  # the rules as features: their output per text
            run(python, "training/evidence.py")
    if not args.skip_train:
        extra = ["--training.max_steps", str(args.max_steps)] if args.max_steps else []
        run(python, "-m", "spacy", "train", str(args.config), "--code", "training/code.py", "--output", str(args.output), *extra)
    current = json.loads((args.models / "org_combination.json").read_text(encoding="utf-8"))
    floor = float(current["floor"])
    if not args.skip_export:
        export(args.output / "model-best", args.models / "org_model", floor)
    if args.skip_calibration:
        return
    args.output.mkdir(parents=True, exist_ok=True)
    rows = args.output / "calibration-mentions.json"
    run(python, "training/evaluate.py", "--split", "tune,valid", "--json", str(rows))
    kept = ("accept", "accept_alone", "prefer", "veto", "overrule", "selector", "model_overrules", "floor")
    settings = {key: current[key] for key in kept if key in current}
    fitted = fit(rows, settings)
    (args.models / "org_combination.json").write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
    print("calibration written:", json.dumps(fitted))


if __name__ == "__main__":
    main()
