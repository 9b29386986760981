"""Agreement between two readers on the releases both annotated (``overlap-*.jsonl`` against
the first reader's ``pool-*.jsonl`` or ``tune-*.jsonl``): exact spans and surface forms per
release, as F1, per round of annotation and over all.

    python training/agreement.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations"


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def f1(both: int, first: int, second: int) -> float:
    return 2 * both / (2 * both + first + second) if both or first or second else 1.0


def main() -> None:
    primary: dict[tuple[str, str], dict[str, object]] = {}
    for path in sorted([*ANNOTATIONS.glob("pool-*.jsonl"), *ANNOTATIONS.glob("tune-*.jsonl")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            primary[(record["id"], record.get("text_sha1"))] = record
    rounds: dict[str, list[list[int]]] = {}
    for path in sorted(ANNOTATIONS.glob("overlap-*.jsonl")):
        number = int(re.sub(r"\D", "", path.stem) or 0)
        label = "first round (overlap-r1..r6)" if number <= FIRST_ROUND_LAST else "second round (overlap-r7..)"
        for line in path.read_text(encoding="utf-8").splitlines():
            second = json.loads(line)
            first = primary.get((second["id"], second.get("text_sha1")))
            if first is None:
                continue
            for key in (label, "all"):
                counts = rounds.setdefault(key, [[0], [0, 0, 0], [0, 0, 0]])
                _add(counts, first, second)
    for label, (releases, spans, forms) in rounds.items():
        print(f"{label}: releases annotated by two readers: {releases[0]}")
        print(f"  exact spans: F1 {f1(*spans):.3f} ({spans[0]} both, {spans[1]} first reader only, {spans[2]} second only)")
        print(f"  surface forms per release: F1 {f1(*forms):.3f} ({forms[0]} both, {forms[1]} first only, {forms[2]} second only)")


FIRST_ROUND_LAST = 6


def _add(counts: list[list[int]], first: dict[str, object], second: dict[str, object]) -> None:
    releases, spans, forms = counts
    releases[0] += 1
    a = {(s["start"], s["end"]) for s in first["spans"]}  # type: ignore[attr-defined]
    b = {(s["start"], s["end"]) for s in second["spans"]}  # type: ignore[attr-defined]
    spans[:] = [spans[0] + len(a & b), spans[1] + len(a - b), spans[2] + len(b - a)]
    fa = {fold(s["text"]) for s in first["spans"]}  # type: ignore[attr-defined]
    fb = {fold(s["text"]) for s in second["spans"]}  # type: ignore[attr-defined]
    forms[:] = [forms[0] + len(fa & fb), forms[1] + len(fa - fb), forms[2] + len(fb - fa)]


if __name__ == "__main__":
    main()
