#!/usr/bin/env python3
"""Fuzz iom_nlp's extraction for a given time and report executions and crashes.

    python fuzz/fuzz_extract.py --minutes 10 [--base none] [--seed 1]

Inputs are hypothesis-style mutations of release fragments (quote marks, numbers, e-mail
debris, names, control characters, long runs) plus random unicode. A crash is any exception
out of ``iom_nlp.extract`` or a mention whose offsets do not index the input; each one is
written to ``fuzz/crashes/`` for replay. Uses only the standard library and iom_nlp.
"""

from __future__ import annotations

import argparse
import random
import time
import traceback
from pathlib import Path

import iom_nlp

FRAGMENTS = [
    "Kenya", "St. Kitts and\nNevis", "“", "”", '"', "‘", "’", "''", "«", "»", "„", "\n", "\n\n", " ", "\t", "Tel: ",
    "+202 862 1826 x.225", "(02) 6277 7860", "0419 278 715", "+599 545 2115", "a [at] b [dot] org", "name(at)iom.int",
    'mailto:x@y.org" target="_blank">x@y.org', "senator. bartlett@aph.gov.au", "said Jane Roe, IOM Chief of Mission.",
    "Ministry of\nJustice", "IOM", "(IOM)", "International Organization for Migration (IOM)", "Chad", "Georgia", "Congo",
    "\x00", "\x1b", "\u200f", "\u202e", "\ufffd", "🙂", "é", "Кения", "肯尼亚", "For more information, please contact:\n",
    "Media Contact: Steve Ingram ", "Page 2\n", "-ends-", "GENEVA, 12 May 2020 – ", "(18 February 2010)", "@", "(", ")",
    "<p>", "</p>", "&amp;", "1234567", "$30 million", "24/05/2002", "A/RES/73/195",
]
CRASHES = Path(__file__).resolve().parent / "crashes"


def generate(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.6:
        return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 60)))
    if choice < 0.8:
        return "".join(_random_char(rng) for _ in range(rng.randint(0, 200)))
    fragment = rng.choice(FRAGMENTS)
    return fragment * rng.randint(100, 3000)


def _random_char(rng: random.Random) -> str:
    """Any code point a decoded text can hold (no lone surrogates)."""
    while True:
        code = rng.randint(0, 0x2FFFF)
        if not 0xD800 <= code <= 0xDFFF:
            return chr(code)


def check(text: str, nlp: object) -> None:
    release = iom_nlp.extract(text, nlp=nlp)  # type: ignore[arg-type]
    mentions = [(m.start, m.end, m.text) for c in release.countries for m in c.mentions]
    mentions += [(m.start, m.end, m.text) for o in release.organizations for m in o.mentions]
    mentions += [(m.start, m.end, m.text) for p in release.phones for m in p.mentions]
    mentions += [(m.start, m.end, m.text) for e in release.emails for m in e.mentions]
    mentions += [(q.start, q.end, q.text) for q in release.quotes]
    for start, end, mention in mentions:
        if text[start:end] != mention:
            raise AssertionError(f"offsets {start}:{end} give {text[start:end]!r}, not {mention!r}")
    if release.warnings:
        raise AssertionError(f"component failed: {release.warnings}")
    iom_nlp.Release.model_validate_json(release.model_dump_json())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--base", default="none", help="base pipeline: none (default, fastest), auto or a package")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    nlp = iom_nlp.load(None if args.base == "none" else args.base)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    executions = crashes = 0
    while time.monotonic() < deadline:
        text = generate(rng)
        executions += 1
        try:
            check(text, nlp)
        except Exception:  # a crash: keep the input for replay
            crashes += 1
            CRASHES.mkdir(exist_ok=True)
            report = text + "\n\n" + traceback.format_exc()
            (CRASHES / f"crash-{args.seed}-{executions}.txt").write_text(report, encoding="utf-8", errors="replace")
    print(f"{executions} executions in {args.minutes:g} minutes, {crashes} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
