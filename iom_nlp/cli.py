"""``iom-nlp``: extract from releases on the command line, score against gold, print the output schema.

The CLI must never lose or destroy data: ``-o`` is written to a temporary file in the same
folder and renamed into place only when the run finished (an interrupted run leaves the old
file as it was), an output path that is also an input is refused, an unreadable input is
reported and the others are still processed, and any id or text (a lone surrogate, a BOM,
invalid UTF-8) gives an output line. Mistakes get a one-line message and a non-zero exit.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from .records import decode_utf8, jsonl_lines

# spaCy, pydantic and lxml are imported where they are used, so that `iom-nlp --help` and
# `--version` answer at once (tested in tests/test_first_minute.py).
if TYPE_CHECKING:
    from pydantic import JsonValue

    from .html import HtmlPage
    from .schema import Release

logger = logging.getLogger("iom_nlp.cli")
TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
INPUT_FORMATS = ("auto", "text", "jsonl", "html")
CSV_COLUMNS = ["id", "field", "value", "normalized", "kind", "start", "end", "text", "source"]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
EXIT_USAGE = 2
# A gold file shipped with the package (models/), so that `iom-nlp evaluate` runs out of the box.
EXAMPLE_GOLD = "gold-example.jsonl"
EXIT_INPUT = 1


class UsageError(Exception):
    """A mistake in the command line: reported on one line, exit status 2."""


@dataclass
class InputRecord:
    """One release to process: its id, its text (or why it has none), and pass-through fields."""

    id: JsonValue
    text: object
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    page: HtmlPage | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Source:
    """One input: a path (or ``-``), how to read it, and its lines when stdin had to be peeked at."""

    path: str
    kind: str
    lines: Iterator[bytes | str] | None = None


# ---------------------------------------------------------------------------------------- reading


def _stdin_lines(stdin: IO[Any]) -> Iterator[bytes | str]:
    """Lines of stdin as bytes (decoded per line later), or as text when stdin has no byte buffer."""
    buffer = getattr(stdin, "buffer", None)
    yield from buffer if buffer is not None else stdin


def _sniff(first: str) -> str:
    """The input kind a first non-blank line suggests."""
    start = first.lstrip("\ufeff \t\r\n")
    if start.startswith(("{", "[")):
        return "jsonl"
    if start.startswith("<"):
        return "html"
    return "text"


def _peek(lines: Iterator[bytes | str]) -> tuple[str, Iterator[bytes | str]]:
    """The first non-blank line as text, and the lines with nothing consumed."""
    seen: list[bytes | str] = []
    first = ""
    for line in lines:
        seen.append(line)
        decoded = line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
        if decoded.strip("\ufeff \t\r\n"):
            first = decoded
            break

    def replay() -> Iterator[bytes | str]:
        yield from seen
        yield from lines

    return first, replay()


def resolve_sources(paths: list[str], input_format: str, stdin: IO[Any]) -> tuple[list[Source], list[str]]:
    """Readable inputs with their kinds, and one message per input that cannot be read."""
    sources: list[Source] = []
    problems: list[str] = []
    for path in paths:
        if path == "-":
            lines = _stdin_lines(stdin)
            kind = input_format
            if kind == "auto":
                first, lines = _peek(lines)
                kind = _sniff(first) if first else "jsonl"
                if kind != "jsonl":
                    logger.warning("stdin is not JSONL (its first line is not a JSON object): read as one %s release; "
                                   "use --input-format jsonl|text|html to choose", "plain-text" if kind == "text" else "HTML")
            sources.append(Source(path, kind, lines))
            continue
        file = Path(path)
        if file.is_dir():
            problems.append(f"cannot read {path}: it is a folder; pass the files in it (e.g. {path}/*.jsonl)")
        elif not file.exists():
            problems.append(f"cannot read {path}: no such file")
        elif not os.access(file, os.R_OK):
            problems.append(f"cannot read {path}: permission denied")
        else:
            sources.append(Source(path, input_format if input_format != "auto" else _kind_of(file)))
    return sources, problems


def _kind_of(file: Path) -> str:
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    try:
        with file.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "text"
    first = next((line for line in head.decode("utf-8", errors="replace").splitlines() if line.strip("\ufeff \t")), "")
    return _sniff(first)


def read_records(sources: Iterable[Source], problems: list[str]) -> Iterator[InputRecord]:
    """Records of every source in turn; a source that fails while being read is added to ``problems``."""
    for source in sources:
        name = "stdin" if source.path == "-" else Path(source.path).name
        try:
            if source.kind == "jsonl":
                yield from _records_from_lines(_lines(source), name)
            else:
                yield _document_record(name, _whole(source), source.kind)
        except OSError as error:
            problems.append(f"cannot read {source.path}: {error.strerror or error}")
            logger.error("cannot read %s: %s (the other inputs are processed)", source.path, error.strerror or error)


def _lines(source: Source) -> Iterator[bytes | str]:
    if source.lines is not None:
        yield from source.lines
        return
    with open(source.path, "rb") as handle:
        yield from handle


def _whole(source: Source) -> bytes | str:
    if source.lines is None:
        return Path(source.path).read_bytes()
    parts = list(source.lines)
    if all(isinstance(part, bytes) for part in parts):
        return b"".join(part for part in parts if isinstance(part, bytes))
    return "".join(part.decode("utf-8", errors="replace") if isinstance(part, bytes) else part for part in parts)


def _document_record(name: str, data: bytes | str, kind: str) -> InputRecord:
    """One whole file (or stdin) as one release."""
    if kind == "html":
        from .html import read_html

        page = read_html(data)
        return InputRecord(id=name, text=page.text, page=page)
    if isinstance(data, bytes):
        text, notes = decode_utf8(data, name)
    else:
        text, notes = data.lstrip("\ufeff"), []
    return InputRecord(id=name, text=text, warnings=notes)


def _records_from_lines(lines: Iterable[bytes | str], source: str) -> Iterator[InputRecord]:
    """One record per non-blank line (:func:`iom_nlp.records.jsonl_lines`: BOM, bad lines, ids)."""
    for line in jsonl_lines(lines, source):
        if line.value is None:
            yield InputRecord(id=line.id, text=None, error=line.error)
        else:
            yield _json_record(line.value, line.id, line.warnings)


def _json_record(record: dict[str, Any], rid: JsonValue, notes: list[str]) -> InputRecord:
    extra = {key: value for key, value in record.items() if key not in {"id", "text", "html"}}
    text, markup = record.get("text"), record.get("html")
    if isinstance(text, str):
        return InputRecord(id=rid, text=text, extra=extra, warnings=notes)
    if isinstance(markup, str):
        from .html import read_html

        page = read_html(markup)
        return InputRecord(id=rid, text=page.text, extra=extra, page=page, warnings=notes)
    return InputRecord(id=rid, text=None, extra=extra, error="record has no string 'text' or 'html' field")


# ---------------------------------------------------------------------------------------- writing


def _output_record(release: Release, record: InputRecord) -> dict[str, Any]:
    """The JSON written for one record: the Release, the page's text and title, pass-through fields."""
    from .api import with_page
    from .schema import Release

    output_fields = frozenset(Release.model_fields) | {"input"}
    if record.error:
        release = Release(id=record.id, error=record.error)
    elif record.page is not None:
        release = with_page(release, record.page)
    if record.warnings:
        release = release.model_copy(update={"warnings": (*release.warnings, *record.warnings)})
    data = release.model_dump(mode="json", exclude_none=False)
    clashing = {key: value for key, value in record.extra.items() if key in output_fields}
    data.update({key: value for key, value in record.extra.items() if key not in output_fields})
    if clashing:
        data["input"] = clashing
    return data


def json_line(data: Any, *, indent: int | None = None) -> str:
    """JSON as UTF-8 text; a string no encoder can write (a lone surrogate) is kept as a JSON escape."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, indent=indent)
    return text


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as written: formula starts are quoted, lone surrogates replaced."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else csv_cell(json_line(value))
    value = _SURROGATE.sub("\ufffd", value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_rows(data: dict[str, Any]) -> Iterator[list[Any]]:
    """One spreadsheet row per mention, every cell safe to open in a spreadsheet."""
    for row in _raw_csv_rows(data):
        yield [csv_cell(cell) for cell in row]


def _raw_csv_rows(data: dict[str, Any]) -> Iterator[list[Any]]:
    rid = data.get("id")
    if data.get("error"):
        yield [rid, "error", data["error"], "", "", "", "", "", ""]
        return
    for country in data.get("countries", []):
        for mention in country["mentions"]:
            yield [rid, "country", country["name"], country["code"], mention["kind"], mention["start"], mention["end"], mention["text"],
                   mention.get("source")]
    for org in data.get("organizations", []):
        for mention in org["mentions"]:
            yield [rid, "organization", org["name"], org.get("acronym") or "", "", mention["start"], mention["end"], mention["text"],
                   mention.get("source")]
    for quote in data.get("quotes", []):
        speaker = (quote.get("speaker") or {}).get("name") or ""
        yield [rid, "quote", quote["text"], speaker, quote.get("cue") or "", quote["start"], quote["end"], quote["text"],
               quote.get("source")]
    for phone in data.get("phones", []):
        for mention in phone["mentions"]:
            yield [rid, "phone", phone["raw"], phone["e164"], phone["kind"], mention["start"], mention["end"], mention["text"],
                   mention.get("source")]
    for email in data.get("emails", []):
        for mention in email["mentions"]:
            yield [rid, "email", email["raw"], email["address"], "", mention["start"], mention["end"], mention["text"],
                   mention.get("source")]
    for contact in data.get("contacts", []):
        value = "; ".join([*contact["phones"], *contact["emails"]])
        yield [rid, "contact", contact["name"], value, contact.get("organization") or "", "", "", "", contact.get("source")]
    for warning in data.get("warnings", []):
        yield [rid, "warning", warning, "", "", "", "", "", ""]


class AtomicOutput:
    """``-o``: a temporary file in the target's folder, renamed over the target only on success.

    A target that exists but is no regular file (``/dev/null``, a named pipe) is written
    directly: renaming over a device would replace it.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.direct = target.exists() and not target.is_file()
        if self.direct:
            self.temp = target
            self.stream: TextIO = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115  (closed in commit/discard)
            return
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        self.temp = Path(name)
        try:
            self.stream = open(handle, "w", encoding="utf-8", newline="")  # noqa: SIM115  (closed in commit/discard)
        except BaseException:  # Ctrl-C right here must not leave the temporary file behind
            os.close(handle)
            self.temp.unlink(missing_ok=True)
            raise

    def commit(self) -> None:
        if self.direct:
            self.stream.close()
            return
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        mode = self.target.stat().st_mode & 0o777 if self.target.exists() else 0o666 & ~_umask()
        os.chmod(self.temp, mode)
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        self.stream.close()
        if not self.direct:
            self.temp.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_output(output: str, inputs: list[str]) -> Path:
    """The ``-o`` path if it can be written without harming an input; ``UsageError`` otherwise."""
    target = Path(output)
    if target.is_symlink():  # replace the file the link points to, not the link
        target = target.resolve()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder; give a file name (e.g. {output}/releases.jsonl)")
    if not folder.is_dir():
        raise UsageError(f"cannot write {output}: folder {folder} does not exist (create it first)")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {output}: folder {folder} is not writable")
    for path in inputs:
        if path != "-" and _same_file(Path(path), target):
            raise UsageError(f"refusing to write {output}: it is also an input and would be destroyed; choose another -o")
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


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


# ---------------------------------------------------------------------------------------- commands


def load_pipeline(base: str) -> Any:
    """The pipeline ``--base`` names; ``UsageError`` (one line) if it cannot be loaded."""
    from .pipeline import BaseModelNotFound, load

    name = None if base.lower() == "none" else base
    try:
        return load(name)
    except (BaseModelNotFound, ImportError, OSError) as error:  # the name does not lead to a pipeline
        first_line = next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)
        raise UsageError(
            f"cannot load base pipeline {base!r}: {first_line} "
            "(use --base auto, --base none for rules only, or the name of an installed spaCy pipeline such as en_core_web_sm)"
        ) from None


def run_extract(args: argparse.Namespace) -> int:
    from .api import check_batch_size, check_n_process

    try:
        n_process = check_n_process(args.n_process)
        batch_size = check_batch_size(args.batch_size)
    except ValueError as error:
        raise UsageError(str(error).replace("n_process", "--n-process").replace("batch_size", "--batch-size")) from None
    target = check_output(args.output, args.inputs) if args.output and args.output != "-" else None
    sources, problems = resolve_sources(args.inputs, args.input_format, sys.stdin)
    for problem in problems:
        print(f"iom-nlp: {problem}", file=sys.stderr)
    if not sources:  # every input was reported above, one line each
        return EXIT_INPUT
    nlp = load_pipeline(args.base)
    single = len(sources) == 1 and sources[0].kind in {"text", "html"}
    fmt = args.format or ("json" if single else "jsonl")
    output: AtomicOutput | None = None
    try:
        output = AtomicOutput(target) if target else None
        out = output.stream if output else sys.stdout
        read_problems: list[str] = []
        _write_releases(args, nlp, sources, read_problems, out, fmt, n_process, batch_size)
        problems += read_problems
    except BaseException:
        if output:
            output.discard()
            print(f"iom-nlp: run stopped; {target} was left as it was", file=sys.stderr)
        raise
    if output:
        output.commit()
    if problems:
        print(f"iom-nlp: {len(problems)} input(s) could not be read (listed above); the others were processed", file=sys.stderr)
    return EXIT_INPUT if problems else 0


def _write_releases(
    args: argparse.Namespace,
    nlp: Any,
    sources: list[Source],
    problems: list[str],
    out: TextIO,
    fmt: str,
    n_process: int,
    batch_size: int,
) -> None:
    from .api import extract_many

    records: list[InputRecord] = []
    offset = 0  # records before records[0] (already written and freed)

    def remember(source: Iterator[InputRecord]) -> Iterator[object]:
        for record in source:
            records.append(record)
            yield record.text if record.error is None else None

    def ids() -> Iterator[JsonValue]:
        index = 0
        while True:
            yield records[index - offset].id if index - offset < len(records) else None
            index += 1

    progress = _Progress(enabled=not args.no_progress and sys.stderr.isatty() and fmt != "json")
    writer = csv.writer(out) if fmt == "csv" else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    collected: list[Any] = []
    explain = getattr(args, "explain", False) or getattr(args, "explain_rejected", False)
    try:
        from .explain import collecting_rejected

        language = None if getattr(args, "language", "auto") == "auto" else args.language
        with collecting_rejected(getattr(args, "explain_rejected", False)):
            stream = extract_many(remember(read_records(sources, problems)), nlp=nlp, ids=ids(), n_process=n_process,
                                  batch_size=batch_size, language=language)
            for release in stream:
                _write_release(release, records.pop(0), out, fmt, writer, collected, explain)
                offset += 1
                progress.update()
    finally:
        progress.close()
    if fmt == "json":
        payload: Any = collected[0] if len(collected) == 1 else collected
        out.write(json_line(payload, indent=2) + "\n")


def _write_release(
    release: Release, record: InputRecord, out: TextIO, fmt: str, writer: Any, collected: list[Any], explain: bool
) -> None:
    """One release in the output format; with ``--explain``, its mentions (and refusals) on stderr."""
    data = _output_record(release, record)
    if explain:
        _explain(release, data)
    if fmt == "jsonl":
        out.write(json_line(data) + "\n")
    elif writer:
        writer.writerows(csv_rows(data))
    else:
        collected.append(data)


def _explain(release: Release, data: dict[str, Any]) -> None:
    """``--explain``: one line per mention on stderr, then the refused candidates when collected."""
    from .explain import explain_lines, rejected_lines

    if data.get("error"):
        return
    for line in [*explain_lines(release), *rejected_lines(release)]:
        print(line, file=sys.stderr)



def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import GoldFormatError, evaluate, load_gold

    if args.gold is None:
        from .data import models_dir

        args.gold = str(models_dir() / EXAMPLE_GOLD)
        print(f"iom-nlp: no gold file given: scoring the shipped example {args.gold} "
              "(pass your own; its format is in docs/gold-format.md)", file=sys.stderr)
    try:
        gold = load_gold(args.gold)
    except OSError as error:
        raise UsageError(f"cannot read gold file {args.gold}: {error.strerror or error}") from None
    except GoldFormatError as error:
        for problem in error.problems[:20]:
            print(f"iom-nlp: {args.gold} {problem}", file=sys.stderr)
        if len(error.problems) > 20:
            print(f"iom-nlp: ... and {len(error.problems) - 20} more problems", file=sys.stderr)
        print("iom-nlp: the gold format is described in docs/gold-format.md", file=sys.stderr)
        return EXIT_USAGE
    from .api import extract_many

    nlp = load_pipeline(args.base)
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


def run_audit(args: argparse.Namespace) -> int:
    """Extract (or read ``--outputs``) and report probably-wrong output per class."""
    from .api import check_n_process
    from .audit import audit_output_file, audit_records, default_settings, read_jsonl_records

    for path in [*args.corpus, *([args.outputs] if args.outputs else [])]:
        if not Path(path).is_file():
            raise UsageError(f"cannot read {path}: not a file (give JSONL files of {{\"id\", \"text\" | \"html\"}} records)")
    settings = default_settings().model_copy(update={"examples_per_class": args.examples})
    records = [record for path in args.corpus for record in read_jsonl_records(path)]
    if args.outputs:
        report = audit_output_file(records, read_jsonl_records(args.outputs), settings)
    else:
        try:
            n_process = check_n_process(args.n_process)
        except ValueError as error:
            raise UsageError(str(error).replace("n_process", "--n-process")) from None
        report = audit_records(records, nlp=load_pipeline(args.base), n_process=n_process, settings=settings)
    text = json_line(report.to_dict(), indent=2) if args.format == "json" else report.to_markdown(with_examples=args.examples > 0)
    if args.output and args.output != "-":
        target = check_output(args.output, [*args.corpus, *([args.outputs] if args.outputs else [])])
        output = AtomicOutput(target)
        output.stream.write(text + "\n")
        output.commit()
    else:
        print(text)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from .schema import release_json_schema

    print(json.dumps(release_json_schema(), indent=2))
    return 0


# ---------------------------------------------------------------------------------------- parser

MAIN_EPILOG = """examples:
  iom-nlp extract release.txt                          one release, pretty JSON on stdout
  iom-nlp extract releases.jsonl -o out.jsonl          one JSON object per record
  cat release.txt | iom-nlp extract -                  stdin: JSONL, plain text or HTML (detected)
  iom-nlp evaluate gold.jsonl --errors                 precision/recall/F1 per field
  iom-nlp audit corpus.jsonl --base none               probably-wrong output per class, no gold
  iom-nlp schema > release.schema.json                 the JSON Schema of every output line

What the output fields mean: `iom-nlp schema` (each field has a description)."""

EXTRACT_EPILOG = """examples:
  iom-nlp extract release.txt page.html                JSONL, one line per file
  iom-nlp extract releases.jsonl -o out.jsonl --n-process 2
  cat release.txt | iom-nlp extract - --input-format text
  iom-nlp extract releases.jsonl --format csv -o mentions.csv

Input: .txt/.md (one release), .html/.htm (one page; its <meta charset> is honoured), .jsonl
(one {"id", "text" | "html", ...} object per line; other fields are passed through, those
named like an output field under "input"), or - for stdin (JSONL, plain text or HTML, detected
from the first line). Files are read as UTF-8 with or without BOM; invalid bytes are replaced
and reported in the release's "warnings". Ids are kept as given (any JSON value).
Output fields: see `iom-nlp schema`. A record that cannot be processed still gets a line, with
"error". -o is replaced only when the run succeeds. CSV cells that a spreadsheet would run as
a formula (starting with = + - @) are written with a leading '.
Exit status: 0 ok, 1 an input could not be read (the others are processed), 2 usage error."""

EVALUATE_EPILOG = """examples:
  iom-nlp evaluate                                       the shipped example gold (3 invented releases)
  iom-nlp evaluate gold.jsonl
  iom-nlp evaluate gold.jsonl --errors --base none

Gold format (one JSON object per line): see docs/gold-format.md. Bad lines are listed with
their line number and what is wrong, and nothing is scored (exit status 2)."""

AUDIT_EPILOG = """examples:
  iom-nlp audit corpus.jsonl --base none                 extract (rules only) and audit
  iom-nlp audit corpus.jsonl --outputs out.jsonl          audit outputs already extracted
  iom-nlp audit a.jsonl b.jsonl --format json -o audit.json --examples 10

Each class counts output that is probably wrong (an organisation name starting with a
lower-case word, a speaker that is a country) or input that was probably missed (a "Tel:"
followed by digits that gave no phone, an address with @ that gave no email). The checks do
not share the components' rules. Classes and their meaning: iom_nlp/audit.py (CHECKS)."""

SCHEMA_EPILOG = """examples:
  iom-nlp schema > release.schema.json
  iom-nlp extract releases.jsonl | python -m jsonschema release.schema.json   (one line at a time)"""


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("iom-nlp")
    except Exception:  # not installed as a distribution (a source checkout on sys.path)
        from . import __version__

        return __version__


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="iom-nlp", description="Extract structured data from press releases.",
                                     epilog=MAIN_EPILOG, formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract from .txt/.md/.html files, .jsonl records or - (stdin)",
                                  description="Extract countries, organisations, quotes, phones, e-mails and press contacts.",
                                  epilog=EXTRACT_EPILOG, formatter_class=formatter)
    extract.add_argument("inputs", nargs="+", help="files (.txt, .md, .html, .jsonl) or - for stdin")
    extract.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                         help="how to read the inputs: auto (default: by suffix; stdin and unknown suffixes by content), "
                              "text (one release per file), jsonl, html")
    extract.add_argument("--format", choices=["json", "jsonl", "csv"], default=None,
                         help="json (default for one text or HTML input), jsonl (default otherwise) or csv")
    extract.add_argument("-o", "--output", help="write here instead of stdout (- for stdout); replaced only when the run succeeds")
    extract.add_argument("--n-process", type=int, default=1, help="worker processes (default 1; -1: one per CPU)")
    extract.add_argument("--batch-size", type=int, default=64, help="texts per batch (default 64)")
    extract.add_argument("--base", default="auto",
                         help="base spaCy pipeline: auto (default), an installed package name, or none (rules only)")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    extract.add_argument("--language", choices=["auto", "en", "fr", "es"], default="auto",
                         help="the releases' language: auto (default: detected per release from its own words), en, fr or es")
    extract.add_argument("--explain", action="store_true",
                         help="also print on stderr one line per mention, tab-separated: id, field, start, end, source "
                              "(the rule, strategy or model that found it), score (or -), text; the output is unchanged")
    extract.add_argument("--explain-rejected", action="store_true",
                         help="--explain, plus one line per candidate a rule refused (organisations, countries, phones): "
                              "id, rejected:<field>, start, end, source, reason, text")
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser("evaluate", help="precision, recall and F1 per field against annotated releases",
                                   epilog=EVALUATE_EPILOG, formatter_class=formatter)
    evaluate.add_argument("gold", nargs="?", default=None,
                          help="gold JSONL (one {id, text, gold} record per line, see docs/gold-format.md); "
                               "default: the example shipped with iom_nlp (3 invented releases)")
    evaluate.add_argument("--errors", action="store_true", help="list every miss and false positive")
    evaluate.add_argument("--base", default="auto", help="base spaCy pipeline: auto (default), a package name, or none")
    evaluate.set_defaults(handler=run_evaluate)

    audit = commands.add_parser("audit", help="count probably-wrong output per class over a collection (no gold needed)",
                                epilog=AUDIT_EPILOG, formatter_class=formatter)
    audit.add_argument("corpus", nargs="+", help='JSONL files of {"id", "text" | "html"} records')
    audit.add_argument("--outputs", help="audit this `iom-nlp extract --format jsonl` output instead of extracting")
    audit.add_argument("--base", default="auto", help="base spaCy pipeline: auto (default), a package name, or none")
    audit.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")
    audit.add_argument("--examples", type=int, default=3, help="examples listed per class (default 3)")
    audit.add_argument("--format", choices=["markdown", "json"], default="markdown", help="markdown table (default) or json")
    audit.add_argument("-o", "--output", help="write the report here instead of stdout")
    audit.set_defaults(handler=run_audit)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output",
                                 epilog=SCHEMA_EPILOG, formatter_class=formatter)
    schema.set_defaults(handler=run_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="iom-nlp: %(message)s")
    try:
        return int(args.handler(args))
    except UsageError as error:
        print(f"iom-nlp: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("iom-nlp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
