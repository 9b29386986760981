#!/usr/bin/env python3
"""Speed and memory of iom_nlp against the bare base model, in one run.

    python benchmarks/speed.py [--releases 400] [--max-chars 15000] [--corpus ../shared/data/releases/corpus.jsonl]

Reads typical releases: those of the corpus under ``--max-chars`` characters, ``--releases`` of
them evenly spaced in file order (the corpus runs from 1962 to 2015), and prints the mix first.
Then words/s for the bare base model (``spacy.load(base).pipe``), the full pipeline
(``extract_many`` with ``load()``) and rules only (``extract_many`` with ``load(base=None)``),
each at n_process 1 and 2, and one figure per ratio the project targets: rules / base and
full / base (CPU, n_process=1), the share of rules-only CPU time spent building the Releases
(``to_release``, timed inside the same runs), the n_process=2 speed-ups (wall), and the peak
resident memory. Only ratios from the same run are compared; absolute figures depend on the machine.

Settings run interleaved, round after round, so that a slow spell of a shared machine hits
them all, and each figure is the median of its rounds. Every pipeline first reads a few releases untimed
(one-time start-up work is not throughput). Two clocks are reported: wall time
(what a user waits; the only fair clock for n_process=2, whose point is parallelism) and CPU
time of this process and its finished children (the work done; steady when other programs
load the machine, so the ratios at n_process=1 are read from it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

import spacy

import iom_nlp
import iom_nlp.api
from iom_nlp.pipeline import resolve_base
from iom_nlp.release import to_release

WARM_UP = 20  # releases each pipeline reads once, untimed, before the rounds
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "releases" / "corpus.jsonl"


def read_texts(path: Path, count: int, max_chars: int) -> tuple[list[str], str]:
    """``count`` texts under ``max_chars`` characters, evenly spaced over the file, and a line saying so."""
    typical, dates, longer = [], [], 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            if len(text) >= max_chars:
                longer += 1
                continue
            typical.append(text)
            dates.append(str(record.get("date") or ""))
    step = max(len(typical) / max(count, 1), 1.0)
    chosen = sorted({int(position * step) for position in range(min(count, len(typical)))})
    texts = [typical[position] for position in chosen]
    known = sorted(dates[position][:4] for position in chosen if dates[position][:4].isdigit())
    years = f", {known[0]}-{known[-1]}" if known else ""
    lengths = sorted(len(text) for text in texts)
    mix = (
        f"{len(texts)} releases of {path.name}{years}: evenly spaced among its {len(typical):,} under "
        f"{max_chars:,} characters ({longer:,} longer left out); {sum(len(text.split()) for text in texts):,} words, "
        f"{sum(lengths):,} characters, median {lengths[len(lengths) // 2]:,} a release"
    )
    return texts, mix


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (worker processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def words_per_second(run: Callable[[], Iterable[object]], words: int) -> tuple[float, float]:
    """(words per wall-clock second, words per CPU second) of one run."""
    started, cpu_started = time.perf_counter(), cpu_seconds()
    for _ in run():
        pass
    return words / (time.perf_counter() - started), words / max(cpu_seconds() - cpu_started, 1e-9)


class ReleaseTimer:
    """CPU time this process spends building Releases: ``extract_many``'s ``to_release``, wrapped
    (in this process only: worker processes of n_process=2 build theirs unseen)."""

    def __init__(self) -> None:
        self.seconds = 0.0

        def timed(doc: Any, id: Any = None) -> Any:  # noqa: A002  (to_release's own parameter name)
            started = time.process_time()
            try:
                return to_release(doc, id=id)
            finally:
                self.seconds += time.process_time() - started

        vars(iom_nlp.api)["to_release"] = timed  # the name iom_nlp.api's batches call


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def print_table(wall: dict[tuple[str, int], list[float]], cpu: dict[tuple[str, int], list[float]]) -> None:
    """Median words/s per setting, by wall clock and by CPU time, with the spread of the rounds."""
    print(f"{'pipeline':10} {'wall n_process=1':>18} {'wall n_process=2':>18} {'CPU n_process=1':>18}   rounds (wall n=1)")
    for name in ("base", "full", "rules"):
        rounds = " ".join(f"{rate:,.0f}" for rate in wall[name, 1])
        print(
            f"{name:10} {statistics.median(wall[name, 1]):>16,.0f}/s {statistics.median(wall[name, 2]):>16,.0f}/s "
            f"{statistics.median(cpu[name, 1]):>16,.0f}/s   {rounds}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--releases", type=int, default=400)
    parser.add_argument("--max-chars", type=int, default=15_000, help="typical releases: shorter than this")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds; the median rate of each setting is kept")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    texts, mix = read_texts(args.corpus, args.releases, args.max_chars)
    words = sum(len(text.split()) for text in texts)
    base_name = resolve_base("auto")
    assert base_name is not None
    base = spacy.load(base_name)
    full = iom_nlp.load()
    rules = iom_nlp.load(base=None)
    print(mix)
    print(f"base model {base_name}")
    building = ReleaseTimer()
    shares: list[float] = []
    # One untimed pass over a few releases per pipeline: lazy one-time work (phone metadata per
    # region, gazetteer indexes, compiled patterns) is start-up cost, not throughput.
    for _ in base.pipe(texts[:WARM_UP]):
        pass
    for nlp in (full, rules):
        for _ in iom_nlp.extract_many(texts[:WARM_UP], nlp=nlp):
            pass
    wall: dict[tuple[str, int], list[float]] = {}
    cpu: dict[tuple[str, int], list[float]] = {}
    # Settings are interleaved round after round so that a slow spell of the machine hits them all.
    for _ in range(args.repeat):
        for n_process in (1, 2):
            options = {"n_process": n_process, "batch_size": args.batch_size}
            runs: dict[str, Callable[[], Iterable[object]]] = {
                "base": partial(base.pipe, texts, **options),
                "full": partial(iom_nlp.extract_many, texts, nlp=full, **options),
                "rules": partial(iom_nlp.extract_many, texts, nlp=rules, **options),
            }
            for name, run in runs.items():
                building.seconds = 0.0
                wall_rate, cpu_rate = words_per_second(run, words)
                if name == "rules" and n_process == 1:  # every Release of the run is built in this process
                    shares.append(building.seconds / (words / cpu_rate))
                wall.setdefault((name, n_process), []).append(wall_rate)
                cpu.setdefault((name, n_process), []).append(cpu_rate)
    print_table(wall, cpu)
    rates = {key: statistics.median(values) for key, values in wall.items()}
    per_cpu = {key: statistics.median(values) for key, values in cpu.items()}
    print(f"rules / base       {per_cpu['rules', 1] / per_cpu['base', 1]:5.1f}   CPU, n_process=1 (target >= 20)")
    print(f"Release building   {statistics.median(shares):5.1%}   of rules-only CPU time, n_process=1 (target <= 10%)")
    full_base = per_cpu["full", 1] / per_cpu["base", 1]
    print(f"full / base        {full_base:5.2f}   CPU, n_process=1 (target >= 0.75 with the trained organisation recogniser)")
    print(f"full n2 / n1       {rates['full', 2] / rates['full', 1]:5.2f}   wall (target >= 1.6)")
    print(f"rules n2 / n1      {rates['rules', 2] / rates['rules', 1]:5.2f}   wall")
    print(f"peak memory        {peak_memory_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
