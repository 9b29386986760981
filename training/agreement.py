"""Agreement between two readers on the releases both annotated (``overlap-*.jsonl`` against
the first reader's ``pool-*.jsonl``): exact spans and surface forms per release, as F1.

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
    for path in sorted(ANNOTATIONS.glob("pool-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            primary[(record["id"], record["text_sha1"])] = record
    spans = [0, 0, 0]
    forms = [0, 0, 0]
    releases = 0
    for path in sorted(ANNOTATIONS.glob("overlap-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            second = json.loads(line)
            first = primary.get((second["id"], second["text_sha1"]))
            if first is None:
                continue
            releases += 1
            a = {(s["start"], s["end"]) for s in first["spans"]}  # type: ignore[attr-defined]
            b = {(s["start"], s["end"]) for s in second["spans"]}
            spans = [spans[0] + len(a & b), spans[1] + len(a - b), spans[2] + len(b - a)]
            fa = {fold(s["text"]) for s in first["spans"]}  # type: ignore[attr-defined]
            fb = {fold(s["text"]) for s in second["spans"]}
            forms = [forms[0] + len(fa & fb), forms[1] + len(fa - fb), forms[2] + len(fb - fa)]
    print(f"releases annotated by two readers: {releases}")
    print(f"exact spans: F1 {f1(*spans):.3f} ({spans[0]} both, {spans[1]} first reader only, {spans[2]} second only)")
    print(f"surface forms per release: F1 {f1(*forms):.3f} ({forms[0]} both, {forms[1]} first only, {forms[2]} second only)")


if __name__ == "__main__":
    main()
