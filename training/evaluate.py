"""Organisations on annotated releases: rules alone, model alone, combined (P/R/F1), the
combination's settings swept, and calibration bands.

Scoring follows ``../shared/tools/score.py`` for organisations: per release, a gold body is
found when any of its forms (folded) equals any name, acronym, alias or mention of a predicted
body; a predicted body matching no gold one is a false positive; summed over releases.

    python training/evaluate.py --split tune,valid --sweep   # our unseen releases first, then dev2 + iom-style + ours
    python training/evaluate.py --split test             # the held-out fifth (look once, at the end)
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

import iom_nlp
from iom_nlp.rules.combination import Combination
from iom_nlp.spans import ORG_MODEL, ORGANIZATIONS

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_corpus import SPANS_KEY  # noqa: E402


def fold(text: str | None) -> str:
    text = re.sub(r"\s+", " ", text or "").strip().lower()
    text = re.sub(r"^(?:the|le|la|les|el|los|las)\s+|^l['’]", "", text)
    return text.strip(" .,;:")


def gold_groups(doc: Doc) -> list[set[str]]:
    """The annotated bodies of a corpus Doc: one set of folded forms per group."""
    groups: dict[str, set[str]] = defaultdict(set)
    for span in doc.spans[SPANS_KEY]:
        groups[span.kb_id_ or span.text].add(fold(span.text))
    return [forms - {""} for forms in groups.values()]


def predicted_groups(doc: Doc) -> list[set[str]]:
    by_name: dict[str, set[str]] = defaultdict(set)
    for span in doc.spans.get(ORGANIZATIONS, []):
        details = span._.iom_org or {}
        forms = by_name[span.kb_id_]
        forms.update({fold(span.kb_id_), fold(details.get("acronym")), fold(span.text)})
        forms.update(fold(alias) for alias in details.get("aliases") or ())
    return [forms - {""} for forms in by_name.values()]


def model_groups(doc: Doc, accept: float) -> list[set[str]]:
    """The model alone: each distinct surface it accepts is a body."""
    group = doc.spans.get(ORG_MODEL, [])
    scores = group.attrs.get("scores") if len(group) else None
    forms = {fold(span.text) for i, span in enumerate(group) if scores is None or _probability(scores[i]) >= accept}
    return [{form} for form in forms - {""}]


def _probability(value: Any) -> float:
    return float(max(value) if hasattr(value, "__len__") else value)


def score_groups(gold: Sequence[set[str]], predicted: Sequence[set[str]]) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = fn = 0
    for forms in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and forms & p), None)
        if hit is None:
            fn += 1
        else:
            used.add(hit)
            tp += 1
    fp = sum(1 for i, p in enumerate(predicted) if i not in used and not any(p & g for g in gold))
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def total(rows: Iterable[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b, c in rows:
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def read_docs(path: Path, vocab: Any) -> list[tuple[str, Doc]]:
    """(text, gold Doc) of a corpus split; group keys are restored from the JSON sidecar."""
    docs = list(DocBin().from_disk(path).get_docs(vocab))
    return [(doc.text, doc) for doc in docs]


def mention_rows(doc: Doc, gold: Sequence[set[str]]) -> list[tuple[str, float, bool, str, float]]:
    """(source, the model's probability as the combination used it, right?, text, calibrated
    score) per mention; a mention is right when its text (folded) is a form of a gold body."""
    golden = set().union(*gold) if gold else set()
    group = doc.spans.get(ORGANIZATIONS, [])
    if not len(group):
        return []
    sources = group.attrs.get("sources", [])
    probabilities = group.attrs.get("probabilities", [])
    scores = group.attrs.get("scores", [])
    return [(sources[i], float(probabilities[i]), fold(span.text) in golden, span.text, float(scores[i])) for i, span in enumerate(group)]


BANDS = [(0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.5, 0.7), (0.0, 0.5)]


def print_bands(rows: Sequence[tuple[str, float, bool, str, float]]) -> None:
    """Precision of the mentions in each band of calibrated score (the README's table)."""
    print("| score band | mentions | right | precision |")
    print("|---|---:|---:|---:|")
    for low, high in BANDS:
        band = [right for _, _, right, _, score in rows if low <= score < high]
        share = f"{sum(band) / len(band):.3f}" if band else "–"
        label = f">= {low}" if high > 1 else f"{low}–{high}"
        print(f"| {label} | {len(band)} | {sum(band)} | {share} |")


SWEEP = {
    "prefer": ("rules", "model"),
    "accept": (0.4, 0.5, 0.6),
    "accept_alone": (None, 0.9, 0.95),
    "veto": (None, 0.05, 0.1),
    "overrule": (None, 0.8, 0.9, 0.95, 0.99),
}


class Split:
    """One corpus split run through the pipeline once; :meth:`rerun` re-applies only the
    organisations component under other combination settings (the model's spans are kept)."""

    def __init__(self, nlp: Any, path: Path) -> None:
        self.component = nlp.get_pipe("iom_organizations")
        pairs = read_docs(path, nlp.vocab)
        self.golds = [gold_groups(doc) for _, doc in pairs]
        self.docs = list(nlp.pipe(text for text, _ in pairs))

    def rerun(self, settings: Combination, with_model: bool = True) -> list[tuple[int, int, int]]:
        self.component.combination = settings
        rows = []
        for doc, gold in zip(self.docs, self.golds, strict=True):
            saved = doc.spans.get(ORG_MODEL)
            if not with_model and saved is not None:
                del doc.spans[ORG_MODEL]
            self.component(doc)
            if not with_model and saved is not None:
                doc.spans[ORG_MODEL] = saved
            rows.append(score_groups(gold, predicted_groups(doc)))
        return rows

    def model_rows(self, accept: float) -> list[tuple[int, int, int]]:
        return [score_groups(g, model_groups(d, accept)) for d, g in zip(self.docs, self.golds, strict=True)]

    def mentions(self, skip: set[str] | None = None) -> list[tuple[str, float, bool, str, float]]:
        """Every mention row; releases whose text is in ``skip`` are left out (and the others added to it)."""
        rows = []
        for doc, gold in zip(self.docs, self.golds, strict=True):
            if skip is not None:
                if doc.text in skip:
                    continue
                skip.add(doc.text)
            rows.extend(mention_rows(doc, gold))
        return rows


def halves(rows: Sequence[tuple[int, int, int]]) -> tuple[float, float]:
    """F1 on the even and the odd releases: how much a figure moves with the sample."""
    return total(rows[0::2])[2], total(rows[1::2])[2]


def sweep(splits: dict[str, Split], base: Combination) -> None:
    """Every combination of :data:`SWEEP`'s settings, F1 per split, best mean F1 over the splits
    first (no one split decides: each leans its own way, see ``build_corpus``)."""
    results = []
    for values in itertools.product(*SWEEP.values()):
        chosen = dict(zip(SWEEP, values, strict=True))
        if chosen["accept_alone"] is not None and chosen["accept_alone"] < chosen["accept"]:
            continue
        if chosen["prefer"] == "model" and chosen["overrule"] is not None:
            continue  # the model's boundaries already win everywhere
        settings = replace(base, **chosen)
        scores = {name: total(split.rerun(settings))[2] for name, split in splits.items()}
        results.append((scores, settings))
    results.sort(key=lambda item: -sum(item[0].values()) / len(item[0]))
    for scores, settings in results:
        mean = sum(scores.values()) / len(scores)
        figures = " ".join(f"{name}={value:.3f}" for name, value in scores.items()) + f" mean={mean:.3f}"
        chosen = " ".join(f"{key}={getattr(settings, key)}" for key in SWEEP)
        print(f"sweep {chosen}: {figures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="valid", help="a split, or several joined by commas (tune,valid)")
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--sweep", action="store_true", help="try combination settings (best mean F1 over the splits first)")
    parser.add_argument("--json", type=Path, help="write the mention rows of the splits (for calibration) here")
    parser.add_argument("--bands", action="store_true", help="precision per band of calibrated score")
    args = parser.parse_args()
    nlp = iom_nlp.load()
    names = [name.strip() for name in args.split.split(",") if name.strip()]
    splits = {name: Split(nlp, args.corpus / f"{name}.spacy") for name in names}
    base = splits[names[0]].component.combination
    for name, split in splits.items():
        report = {
            "rules": split.rerun(base, with_model=False),
            "model": split.model_rows(base.accept),
            "combined": split.rerun(base),
        }
        for kind, rows in report.items():
            p, r, f = total(rows)
            low, high = halves(rows)
            print(f"{name:6} {kind:9} P={p:.3f} R={r:.3f} F1={f:.3f}  (halves {low:.3f} / {high:.3f}, {len(rows)} releases)")
        if args.bands:
            print_bands(split.mentions())
    if args.sweep:
        sweep(splits, base)
        for split in splits.values():
            split.rerun(base)
    if args.json:  # every listed split's mention rows, a release in two splits once
        rows: list[tuple[str, float, bool, str, float]] = []
        rules_rows: list[tuple[str, float, bool, str, float]] = []
        seen: set[str] = set()
        seen_rules: set[str] = set()
        for split in splits.values():
            rows.extend(split.mentions(seen))
            split.rerun(base, with_model=False)
            rules_rows.extend(split.mentions(seen_rules))
            split.rerun(base)
        args.json.write_text(json.dumps({"combined": rows, "rules_only": rules_rows}), encoding="utf-8")


if __name__ == "__main__":
    main()
