#!/usr/bin/env python3
"""Does rules-only time grow linearly with the text? Per-character cost of one long text.

    python benchmarks/growth.py [--corpus ../shared/data/releases/corpus.jsonl] [--small 100000] [--factor 16]

Three readings, CPU time of this process, median of repeats:

- pieces: the first ``small * factor`` characters of the corpus joined as one text, against
  the sum of its ``factor`` pieces of ``small`` characters (the same text both ways: only growth
  differs);
- repeated: a ``small``-character text repeated ``factor`` times, against the text once;
- prefix: the first ``small`` characters against the first ``small * factor`` (different
  text: releases differ in how many quotes, contact blocks and names they hold, so this reading
  mixes growth with content and moves with the sample).

1.0 is linear; a quadratic step shows as about ``factor``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from speed import DEFAULT_CORPUS, read_texts

import iom_nlp


def cpu(run: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        run()
        timings.append(time.process_time() - started)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--factor", type=int, default=16)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    nlp = iom_nlp.load(base=None)
    joined = "\n\n".join(read_texts(args.corpus, 100_000))
    large = joined[: args.small * args.factor]
    pieces = [large[start : start + args.small] for start in range(0, len(large), args.small)]
    unit = joined[: args.small]
    iom_nlp.extract(unit, nlp=nlp)  # warm up: lazy one-time work is not growth
    whole = cpu(lambda: iom_nlp.extract(large, nlp=nlp), 3)
    parts = cpu(lambda: [iom_nlp.extract(piece, nlp=nlp) for piece in pieces], 3)
    once = cpu(lambda: iom_nlp.extract(unit, nlp=nlp), 5)
    repeated = cpu(lambda: iom_nlp.extract((unit + "\n\n") * args.factor, nlp=nlp), 3)
    print(f"{len(large):,} characters, {args.factor} pieces of {args.small:,}")
    print(f"pieces    whole {whole:.3f}s / sum of pieces {parts:.3f}s = {whole / parts:.2f}")
    print(f"repeated  {repeated:.3f}s / ({args.factor} x {once:.3f}s) = {repeated / (args.factor * once):.2f}")
    print(f"prefix    per-character cost {(whole / len(large)) / (once / len(unit)):.2f} (content differs, see above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
