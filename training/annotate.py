"""Annotation helper for organisation spans: a reader's own surface forms -> character spans.

Readers read each release themselves (``show``), write down the organisations it names as
groups of surface forms (one JSON line per release, see ``training/README.md``), and this
tool turns those forms into every occurrence's character offsets (``apply``), printing each
span in context so the reader can drop wrong occurrences (``skip``) and add missed ones.
Nothing here reads iom_nlp's output: the forms are the reader's alone.

    python training/annotate.py batch training/batches/batch-1.tsv          # list the batch
    python training/annotate.py show training/batches/batch-1.tsv 3          # print release 3
    python training/annotate.py seed 12                                      # a seed release, spans marked
    python training/annotate.py apply training/work/r1-forms.jsonl -o training/annotations/pool-r1.jsonl
    python training/annotate.py draw --first 14 --batches 4 --overlap-name 8   # new batches from pool-ids.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RELEASES = SHARED / "data" / "releases"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def release_text(corpus: str, rid: str, digest: str | None) -> str:
    """The stored ``text`` of release ``rid`` in ``corpus`` (by id and, when given, sha1)."""
    for text in _texts(corpus, rid):
        if digest is None or sha1(text) == digest:
            return text
    raise KeyError(f"release {rid!r} (sha1 {digest}) not found in {corpus}")


_CACHE: dict[str, dict[str, list[str]]] = {}


def _texts(corpus: str, rid: str) -> list[str]:
    if corpus not in _CACHE:
        index: dict[str, list[str]] = {}
        with open(RELEASES / corpus, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                index.setdefault(record["id"], []).append(record["text"] or "")
        _CACHE[corpus] = index
    return _CACHE[corpus].get(rid, [])


def form_pattern(form: str) -> re.Pattern[str]:
    """A form as written, whitespace-flexible, not inside a longer word."""
    parts = [re.escape(part) for part in form.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])")


def occurrences(text: str, forms: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every occurrence of every form, longest first, no overlaps, in text order."""
    found: list[tuple[int, int, str, str]] = []
    for form, group in forms:
        for match in form_pattern(form).finditer(text):
            found.append((match.start(), match.end(), form, group))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, int, str, str]] = []
    for start, end, form, group in found:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        kept.append((start, end, form, group))
    kept.sort()
    return [{"start": s, "end": e, "text": text[s:e], "group": g, "form": f} for s, e, f, g in kept]


def spans_for(record: dict[str, Any], text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The record's spans and a list of problems (forms never found, bad skips)."""
    forms = [(form, org["group"]) for org in record.get("orgs", []) for form in org["forms"]]
    spans = occurrences(text, forms)
    problems = []
    seen_forms = {span["form"] for span in spans}
    for form, _ in forms:
        if form not in seen_forms:
            problems.append(f"form never found (or always inside a longer form): {form!r}")
    counts: dict[str, int] = {}
    for span in spans:  # occurrence numbers count every match of the form, skipped ones too
        span["nth"] = counts.get(span["form"], 0)
        counts[span["form"]] = span["nth"] + 1
    drop: set[int] = set()
    for skip in record.get("skip", []):
        nth = [i for i, span in enumerate(spans) if span["form"] == skip["form"]]
        if skip["nth"] >= len(nth):
            problems.append(f"skip out of range: {skip}")
        else:
            drop.add(nth[skip["nth"]])
    for i in drop:
        spans[i]["skipped"] = True
    return spans, problems


def read_batch(path: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rid, corpus, digest = line.split("\t")
            rows.append((rid, corpus, digest))
    return rows


def cmd_batch(args: argparse.Namespace) -> None:
    for number, (rid, corpus, digest) in enumerate(read_batch(args.batch)):
        text = release_text(corpus, rid, digest)
        print(f"{number}\t{len(text)}\t{corpus}\t{rid}\t{digest}")


def cmd_show(args: argparse.Namespace) -> None:
    rid, corpus, digest = read_batch(args.batch)[args.number]
    text = release_text(corpus, rid, digest)
    print(f"### {args.number} id={rid} corpus={corpus} sha1={digest} chars={len(text)}")
    print(text)


def _records(path: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                sys.exit(f"{path} line {number}: {error}")


def cmd_apply(args: argparse.Namespace) -> None:
    out = []
    for record in _records(args.forms):
        # an invented release is stored whole
        text = record["text"] if "text" in record else release_text(record["corpus"], record["id"], record.get("text_sha1"))
        spans, problems = spans_for(record, text)
        if not args.quiet:
            print(f"### {record['id']} ({len(spans)} spans)")
            for problem in problems:
                print(f"  !! {problem}")
            for span in spans:
                left = text[max(0, span["start"] - 40) : span["start"]].replace("\n", " ")
                right = text[span["end"] : span["end"] + 40].replace("\n", " ")
                mark = " (skipped)" if span.get("skipped") else ""
                print(f"  {span['group']:>12} #{span['nth']}{mark} {left}[[{span['text']}]]{right}")
        result = {key: record[key] for key in ("id", "corpus", "text_sha1", "text", "reader") if key in record}
        if "text" not in record:
            result["text_sha1"] = sha1(text)
        result["spans"] = [{k: span[k] for k in ("start", "end", "text", "group")} for span in spans if not span.get("skipped")]
        out.append(result)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            for result in out:
                handle.write(json.dumps(result, ensure_ascii=False) + "\n")


def cmd_seed(args: argparse.Namespace) -> None:
    """A release of the shared seed with its spans marked [[...]]{group}, to calibrate on."""
    lines = (SHARED / "data" / "train" / "orgs-seed.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[args.number])
    text = release_text(record["corpus"], record["id"], record["text_sha1"])
    out, last = [], 0
    for span in record["spans"]:
        out.append(text[last : span["start"]])
        out.append(f"[[{text[span['start']:span['end']]}]]{{{span['group']}}}")
        last = span["end"]
    out.append(text[last:])
    print(f"### seed {args.number} id={record['id']}")
    print("".join(out))


BATCHES = Path(__file__).resolve().parent / "batches"


def cmd_draw(args: argparse.Namespace) -> None:
    """New batches of pool releases nobody has annotated, in the order of their id's sha1 (fixed,
    unrelated to content), ``--size`` each from batch ``--first`` on, and an overlap batch of
    ``--overlap`` releases from each for a second reader (agreement)."""
    taken = {line.split("\t")[0] for path in BATCHES.glob("*.tsv") for line in path.read_text(encoding="utf-8").splitlines() if line}
    pool = []
    for line in (SHARED / "data" / "train" / "pool-ids.txt").read_text(encoding="utf-8").splitlines():
        rid, corpus = line.split("\t")[:2]
        if rid not in taken:
            pool.append((sha1(rid), rid, corpus))
    rows: list[tuple[str, str, str]] = []
    for _, rid, corpus in sorted(pool):
        texts = [text for text in _texts(corpus, rid) if text.strip()]
        if len(texts) == 1:  # an id with two different texts is ambiguous: left out
            rows.append((rid, corpus, sha1(texts[0])))
        if len(rows) == args.batches * args.size:
            break
    overlap = []
    for index in range(args.batches):
        batch = rows[index * args.size : (index + 1) * args.size]
        path = BATCHES / f"batch-{args.first + index}.tsv"
        path.write_text("".join("\t".join(row) + "\n" for row in batch), encoding="utf-8")
        overlap.extend(batch[: args.overlap])
        print(f"{path}: {len(batch)} releases")
    if args.overlap:
        path = BATCHES / f"overlap-{args.overlap_name}.tsv"
        path.write_text("".join("\t".join(row) + "\n" for row in overlap), encoding="utf-8")
        print(f"{path}: {len(overlap)} releases")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("batch")
    p.add_argument("batch")
    p.set_defaults(func=cmd_batch)
    p = sub.add_parser("show")
    p.add_argument("batch")
    p.add_argument("number", type=int)
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("seed")
    p.add_argument("number", type=int)
    p.set_defaults(func=cmd_seed)
    p = sub.add_parser("draw")
    p.add_argument("--first", type=int, required=True, help="number of the first new batch")
    p.add_argument("--batches", type=int, default=4)
    p.add_argument("--size", type=int, default=80)
    p.add_argument("--overlap", type=int, default=10, help="releases of each batch a second reader reads too")
    p.add_argument("--overlap-name", default="next")
    p.set_defaults(func=cmd_draw)
    p = sub.add_parser("apply")
    p.add_argument("forms")
    p.add_argument("-o", "--output")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_apply)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
