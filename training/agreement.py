"""Agreement between two readers on the releases both annotated (``overlap-*.jsonl`` against
the first reader's ``pool-*.jsonl`` or ``tune-*.jsonl``): exact spans and surface forms per
release, as F1, per round of annotation and over all; the review's two reviewers
(``review-overlap.jsonl`` against ``reviewed-*.jsonl``); and how much the review changed the
first reading.

    python training/agreement.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations"


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def f1(both: int, first: int, second: int) -> float:
    return 2 * both / (2 * both + first + second) if both or first or second else 1.0


def main() -> None:
    primary: dict[tuple[str, str | None], dict[str, Any]] = {}
    for path in sorted([*ANNOTATIONS.glob("pool-*.jsonl"), *ANNOTATIONS.glob("tune-*.jsonl"), *ANNOTATIONS.glob("round*-*.jsonl")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            primary[(record["id"], record.get("text_sha1"))] = record
    rounds: dict[str, Counter[str]] = {}
    for path in sorted(ANNOTATIONS.glob("overlap-*.jsonl")):
        number = int(re.sub(r"\D", "", path.stem) or 0)
        label = ROUND_OF_OVERLAP.get(number, f"round of overlap-r{number}")
        for line in path.read_text(encoding="utf-8").splitlines():
            second = json.loads(line)
            first = primary.get((second["id"], second.get("text_sha1")))
            if first is None:
                continue
            tally = compare(first, second)
            for key in (label, "all"):
                rounds.setdefault(key, Counter()).update(tally)
    reviewed = _by_id(ANNOTATIONS.glob("reviewed-*.jsonl"))
    for key, second in _by_id(ANNOTATIONS.glob("review-overlap*.jsonl")).items():
        first = reviewed.get(key)
        if first is not None:
            rounds.setdefault("review (two reviewers, review-overlap)", Counter()).update(compare(first, second))
    for key, review in reviewed.items():
        first = primary.get(key)
        if first is not None:
            rounds.setdefault("first reading against its review (not independent: what the review changed)", Counter()).update(
                compare(first, review)
            )
    for label, t in rounds.items():
        print(f"{label}: releases annotated by two readers: {t['releases']}")
        spans = (t["spans both"], t["spans first"], t["spans second"])
        forms = (t["forms both"], t["forms first"], t["forms second"])
        print(f"  exact spans: F1 {f1(*spans):.3f} ({spans[0]} both, {spans[1]} first reader only, {spans[2]} second only)")
        print(f"  surface forms per release: F1 {f1(*forms):.3f} ({forms[0]} both, {forms[1]} first only, {forms[2]} second only)")


ROUND_OF_OVERLAP = {
    **{number: "first round (overlap-r1..r6)" for number in range(1, 7)},
    7: "second round (overlap-r7)",
    8: "third round (overlap-r8)",
}


def _by_id(paths: Iterable[Path]) -> dict[tuple[str, str | None], dict[str, Any]]:
    out = {}
    for path in sorted(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out[(record["id"], record.get("text_sha1"))] = record
    return out


def compare(first: dict[str, Any], second: dict[str, Any]) -> Counter[str]:
    """One release read by two readers: spans (offsets) and surface forms (folded) both, or one only."""
    a = {(s["start"], s["end"]) for s in first["spans"]}
    b = {(s["start"], s["end"]) for s in second["spans"]}
    fa = {fold(s["text"]) for s in first["spans"]}
    fb = {fold(s["text"]) for s in second["spans"]}
    return Counter(
        {
            "releases": 1,
            "spans both": len(a & b),
            "spans first": len(a - b),
            "spans second": len(b - a),
            "forms both": len(fa & fb),
            "forms first": len(fa - fb),
            "forms second": len(fb - fa),
        }
    )


if __name__ == "__main__":
    main()
