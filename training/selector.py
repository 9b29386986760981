"""Fit the organisations selector (``iom_nlp/rules/selection.py``) on annotated releases no
recogniser was trained on, and measure it on others.

Every candidate the selector would score (the rules' guesses and every model proposal the rules
do not refuse) is labelled right when its surface (folded) is a form of an annotated body in
that release; a logistic model is fitted to those labels; its threshold is the one with the best
mean F1 over the fitting splits. Cross-fitting shows what it does on releases it did not see:

    python training/selector.py --fit tune --measure valid      # fitted on our readers' releases
    python training/selector.py --fit valid --measure tune      # and the other way round
    python training/selector.py --fit tune,valid --write        # the shipped weights

``--write`` stores the weights under ``selector`` in ``models/org_combination.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import iom_nlp
from iom_nlp.rules.combination import Combination
from iom_nlp.rules.selection import FEATURES, Selector, fit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from evaluate import Split, fold, total  # noqa: E402

COMBINATION = ROOT / "models" / "org_combination.json"
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
OBSERVER = Selector(weights={}, threshold=1.0)  # scores every candidate .5, keeps none: only observes


def observations(split: Split, base: Combination) -> list[tuple[dict[str, float], bool]]:
    """(features, right?) of every candidate the selector scores on ``split``'s releases."""
    component = split.component
    component.combination = replace(base, selector=OBSERVER)
    rows: list[tuple[dict[str, float], bool]] = []
    try:
        for doc, gold in zip(split.docs, split.golds, strict=True):
            golden = set().union(*gold) if gold else set()
            component.observations = []
            component(doc)
            rows.extend((features, fold(surface) in golden) for _, _, surface, features in component.observations)
    finally:
        component.observations = None
        component.combination = base
    return rows


def f1(splits: dict[str, Split], settings: Combination) -> dict[str, float]:
    return {name: total(split.rerun(settings))[2] for name, split in splits.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", default="tune,valid", help="splits to fit on, joined by commas")
    parser.add_argument("--measure", default="", help="splits to measure the fitted selector on")
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="store the weights in models/org_combination.json")
    args = parser.parse_args()
    nlp = iom_nlp.load()
    fit_names = [name for name in args.fit.split(",") if name]
    measure_names = [name for name in args.measure.split(",") if name]
    splits = {name: Split(nlp, args.corpus / f"{name}.spacy") for name in dict.fromkeys(fit_names + measure_names)}
    base: Combination = splits[fit_names[0]].component.combination
    base = replace(base, selector=None)
    rows = [row for name in fit_names for row in observations(splits[name], base)]
    weights = fit(rows, l2=args.l2)
    print(f"fitted on {len(rows)} candidates ({sum(right for _, right in rows)} right) of {', '.join(fit_names)}")
    print("weights: " + " ".join(f"{name}={weights[name]:+.2f}" for name in FEATURES))
    plain = f1(splits, base)
    print("without the selector: " + " ".join(f"{name}={value:.3f}" for name, value in plain.items()))
    best: tuple[float, float] | None = None
    for threshold in THRESHOLDS:
        settings = replace(base, selector=Selector(weights=weights, threshold=threshold))
        scores = f1(splits, settings)
        fitted_mean = sum(scores[name] for name in fit_names) / len(fit_names)
        print(f"selector threshold={threshold}: " + " ".join(f"{name}={value:.3f}" for name, value in scores.items()))
        if best is None or fitted_mean > best[0]:
            best = (fitted_mean, threshold)
    assert best is not None
    print(f"best threshold on {'+'.join(fit_names)}: {best[1]} (mean F1 {best[0]:.3f})")
    if args.write:
        data: dict[str, Any] = json.loads(COMBINATION.read_text(encoding="utf-8"))
        data["selector"] = {"weights": weights, "threshold": best[1], "fitted_on": f"{'+'.join(fit_names)}, {len(rows)} candidates"}
        COMBINATION.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote the selector to {COMBINATION}")


if __name__ == "__main__":
    main()
