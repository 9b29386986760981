"""``iom-nlp``: extract from releases on the command line, print the output schema."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .api import extract_many
from .html import html_to_text
from .pipeline import BaseModelNotFound, load
from .schema import Release, release_json_schema

logger = logging.getLogger("iom_nlp.cli")
TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
CSV_COLUMNS = ["id", "field", "value", "normalized", "kind", "start", "end", "text"]


@dataclass
class InputRecord:
    """One release to process: its id, its text (or why it has none), and pass-through fields."""

    id: str | None
    text: object
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    from_html: bool = False


def read_records(paths: Iterable[str], stdin: TextIO) -> Iterator[InputRecord]:
    """Records from .txt/.md files (one each), .jsonl files (one per line) or ``-`` (stdin)."""
    for path in paths:
        if path == "-":
            yield from _records_from_lines(stdin, "stdin")
            continue
        file = Path(path)
        if file.suffix.lower() == ".jsonl":
            with file.open(encoding="utf-8", errors="replace") as handle:
                yield from _records_from_lines(handle, file.name)
        elif file.suffix.lower() in HTML_SUFFIXES:
            markup = file.read_text(encoding="utf-8", errors="replace")
            yield InputRecord(id=file.name, text=html_to_text(markup), from_html=True)
        else:
            yield InputRecord(id=file.name, text=file.read_text(encoding="utf-8", errors="replace"))


def _records_from_lines(lines: Iterable[str], source: str) -> Iterator[InputRecord]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fallback_id = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputRecord(id=fallback_id, text=None, error=f"bad JSON on line {number}: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield InputRecord(id=fallback_id, text=None, error=f"line {number} is not a JSON object")
            continue
        rid = record.get("id", fallback_id)
        rid = rid if isinstance(rid, str) else json.dumps(rid)
        extra = {key: value for key, value in record.items() if key not in {"id", "text", "html"}}
        text = record.get("text")
        markup = record.get("html")
        if isinstance(text, str):
            yield InputRecord(id=rid, text=text, extra=extra)
        elif isinstance(markup, str):
            yield InputRecord(id=rid, text=html_to_text(markup), extra=extra, from_html=True)
        else:
            yield InputRecord(id=rid, text=None, extra=extra, error="record has no string 'text' or 'html' field")


def _output_record(release: Release, record: InputRecord) -> dict[str, Any]:
    data = release.model_dump(mode="json", exclude_none=False)
    if record.error:
        data = {"id": record.id, "error": record.error}
    elif record.from_html:
        data["text"] = record.text
    for key, value in record.extra.items():
        data.setdefault(key, value)
    return data


def csv_rows(data: dict[str, Any]) -> Iterator[list[Any]]:
    """One spreadsheet row per mention."""
    rid = data.get("id")
    if data.get("error"):
        yield [rid, "error", data["error"], "", "", "", "", ""]
        return
    for country in data.get("countries", []):
        for mention in country["mentions"]:
            yield [rid, "country", country["name"], country["code"], mention["kind"], mention["start"], mention["end"], mention["text"]]
    for org in data.get("organizations", []):
        for mention in org["mentions"]:
            yield [rid, "organization", org["name"], org.get("acronym") or "", "", mention["start"], mention["end"], mention["text"]]
    for quote in data.get("quotes", []):
        speaker = (quote.get("speaker") or {}).get("name") or ""
        yield [rid, "quote", quote["text"], speaker, quote.get("cue") or "", quote["start"], quote["end"], quote["text"]]
    for phone in data.get("phones", []):
        for mention in phone["mentions"]:
            yield [rid, "phone", phone["raw"], phone["e164"], phone["kind"], mention["start"], mention["end"], mention["text"]]
    for email in data.get("emails", []):
        for mention in email["mentions"]:
            yield [rid, "email", email["raw"], email["address"], "", mention["start"], mention["end"], mention["text"]]
    for contact in data.get("contacts", []):
        value = "; ".join([*contact["phones"], *contact["emails"]])
        yield [rid, "contact", contact["name"], value, contact.get("organization") or "", "", "", ""]


class _Progress:
    """A progress bar on stderr, only when it is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(unit=" releases", file=sys.stderr)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_extract(args: argparse.Namespace) -> int:
    try:
        nlp = load(None if args.base == "none" else args.base)
    except BaseModelNotFound as error:
        print(f"iom-nlp: {error}", file=sys.stderr)
        return 2
    status = 0
    for path in args.inputs:
        if path != "-" and not Path(path).is_file():
            print(f"iom-nlp: cannot read {path}: no such file", file=sys.stderr)
            status = 1
    readable = [path for path in args.inputs if path == "-" or Path(path).is_file()]
    single = len(readable) == 1 and Path(readable[0]).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    fmt = args.format or ("json" if single else "jsonl")
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    records: list[InputRecord] = []

    def remember(source: Iterator[InputRecord]) -> Iterator[object]:
        for record in source:
            records.append(record)
            yield record.text if record.error is None else None

    def ids() -> Iterator[str | None]:
        index = 0
        while True:
            yield records[index].id if index < len(records) else None
            index += 1

    progress = _Progress(enabled=not args.no_progress and sys.stderr.isatty() and fmt != "json")
    writer = csv.writer(out) if fmt == "csv" else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    collected = []
    try:
        stream = extract_many(
            remember(read_records(readable, sys.stdin)),
            nlp=nlp,
            ids=ids(),
            n_process=args.n_process,
            batch_size=args.batch_size,
        )
        for index, release in enumerate(stream):
            data = _output_record(release, records[index])
            records[index] = InputRecord(id=None, text=None)  # free the text
            progress.update()
            if fmt == "jsonl":
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            elif writer:
                writer.writerows(csv_rows(data))
            else:
                collected.append(data)
    except OSError as error:
        print(f"iom-nlp: cannot read input: {error}", file=sys.stderr)
        status = 1
    finally:
        progress.close()
    if fmt == "json":
        payload: Any = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if out is not sys.stdout:
        out.close()
    return status


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate

    try:
        lines = Path(args.gold).read_text(encoding="utf-8").splitlines()
        gold = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        print(f"iom-nlp: cannot read gold file {args.gold}: {error}", file=sys.stderr)
        return 2
    try:
        nlp = load(None if args.base == "none" else args.base)
    except BaseModelNotFound as error:
        print(f"iom-nlp: {error}", file=sys.stderr)
        return 2
    releases = list(extract_many([record.get("text") for record in gold], nlp=nlp, ids=[record.get("id") for record in gold]))
    report = evaluate(gold, releases)
    words = sum(len(str(record.get("text", "")).split()) for record in gold)
    print(f"{report.releases} releases, {words} words")
    print(report.table())
    if args.errors:
        for rid, name, kind, item in report.errors:
            print(f"  {rid} {name} {kind}: {item}")
    print(report.f1_line())
    return 0


def run_schema(args: argparse.Namespace) -> int:
    print(json.dumps(release_json_schema(), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iom-nlp", description="Extract structured data from press releases.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract from .txt/.md/.html files, .jsonl records or - (stdin)")
    extract.add_argument("inputs", nargs="+", help="files (.txt, .md, .html, .jsonl) or - for JSONL on stdin")
    extract.add_argument("--format", choices=["json", "jsonl", "csv"], default=None,
                         help="json (default for one text file), jsonl (default otherwise) or csv")
    extract.add_argument("-o", "--output", help="write here instead of stdout")
    extract.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")
    extract.add_argument("--batch-size", type=int, default=64, help="texts per batch (default 64)")
    extract.add_argument("--base", default="auto",
                         help="base spaCy pipeline: auto (default), an installed package name, or none (rules only)")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser("evaluate", help="precision, recall and F1 per field against annotated releases")
    evaluate.add_argument("gold", help="gold JSONL (one {id, text, gold} record per line, see ANNOTATION.md)")
    evaluate.add_argument("--errors", action="store_true", help="list every miss and false positive")
    evaluate.add_argument("--base", default="auto", help="base spaCy pipeline: auto (default), a package name, or none")
    evaluate.set_defaults(handler=run_evaluate)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.set_defaults(handler=run_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="iom-nlp: %(message)s")
    handler = args.handler
    return int(handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
