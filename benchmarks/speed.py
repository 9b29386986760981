#!/usr/bin/env python3
"""Speed and memory of iom_nlp against the bare base model, in one run.

    python benchmarks/speed.py [--releases 400] [--corpus ../shared/data/releases/corpus.jsonl]

Prints words/s for the bare base model (``spacy.load(base).pipe``), the full pipeline
(``extract_many`` with ``load()``) and rules only (``load(base=None)``), each at n_process 1
and 2, then the ratios the project targets, and the peak resident memory. Only ratios from
the same run are compared; absolute figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

import spacy

import iom_nlp
from iom_nlp.pipeline import resolve_base

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "releases" / "corpus.jsonl"


def read_texts(path: Path, count: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
            if len(texts) == count:
                break
    return texts


def words_per_second(run: Callable[[], Iterable[object]], words: int) -> float:
    started = time.perf_counter()
    for _ in run():
        pass
    return words / (time.perf_counter() - started)


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--releases", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the best rate of each setting is kept")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    texts = read_texts(args.corpus, args.releases)
    words = sum(len(text.split()) for text in texts)
    base_name = resolve_base("auto")
    assert base_name is not None
    base = spacy.load(base_name)
    full = iom_nlp.load()
    rules = iom_nlp.load(base=None)
    print(f"{len(texts)} releases, {words:,} words, base model {base_name}")
    rates: dict[tuple[str, int], float] = {}
    # Settings are interleaved round after round so that a slow spell of the machine hits them all.
    for _ in range(args.repeat):
        for n_process in (1, 2):
            options = {"n_process": n_process, "batch_size": args.batch_size}
            runs = {
                "base": partial(base.pipe, texts, **options),
                "full": partial(iom_nlp.extract_many, texts, nlp=full, **options),
                "rules": partial(iom_nlp.extract_many, texts, nlp=rules, **options),
            }
            for name, run in runs.items():
                rate = words_per_second(run, words)
                rates[name, n_process] = max(rate, rates.get((name, n_process), 0.0))
    print(f"{'pipeline':10} {'n_process=1':>14} {'n_process=2':>14}")
    for name in ("base", "full", "rules"):
        print(f"{name:10} {rates[name, 1]:>12,.0f}/s {rates[name, 2]:>12,.0f}/s")
    print(f"full / base      {rates['full', 1] / rates['base', 1]:.2f}   (target >= 0.85)")
    print(f"rules / base     {rates['rules', 1] / rates['base', 1]:.1f}   (target >= 15)")
    print(f"full n2 / n1     {rates['full', 2] / rates['full', 1]:.2f}   (target >= 1.6)")
    print(f"peak memory      {peak_memory_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
