"""Scoring iom_nlp against annotated releases (the gold format of ANNOTATION.md).

Micro-averaged precision, recall and F1 per field, summed over releases:
- countries, demonyms, phones, emails: sets of codes / E.164 numbers / addresses;
- organizations: a gold organisation is found when one of its surface forms equals (case and
  whitespace folded, leading "the" dropped) a name, acronym, alias or mention of a predicted
  one; a predicted organisation that matches no gold one is a false positive;
- quotes: a predicted quote matches a gold one when it covers at least half of the gold
  quote's characters; "quotes+speaker" also needs the same speaker last name; optional gold
  quotes are neither right nor wrong; ``speaker_check: any`` accepts any named speaker;
- contacts: same last name and at least one shared phone or e-mail.
A gold record's ``fields`` limits which fields are scored for it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StrictStr, ValidationError

from .schema import Release

FIELDS = ("countries", "demonyms", "organizations", "quotes", "quotes+speaker", "phones", "emails", "contacts")
_SUFFIXES = re.compile(r"\b(MP|MLA|MLC|Senator|Sen|Jr|Sr|AO|AM|QC|SC)\b\.?")
_NAME_WORD = re.compile(r"[^\W\d_][\w'\-]*")


FieldName = Literal["countries", "demonyms", "organizations", "quotes", "quotes+speaker", "phones", "emails", "contacts"]


class _GoldPart(BaseModel):
    # Unknown keys are refused: a misspelt field ("organisations") would otherwise go unscored.
    model_config = ConfigDict(extra="forbid")


class GoldQuote(_GoldPart):
    text: StrictStr = Field(min_length=1)
    speaker: StrictStr | None = None
    title: StrictStr | None = None
    optional: bool = False
    speaker_check: Literal["any"] | None = None


class GoldContact(_GoldPart):
    name: StrictStr = Field(min_length=1)
    organization: StrictStr | None = None
    phones: list[StrictStr] = []
    emails: list[StrictStr] = []


class GoldAnnotations(_GoldPart):
    countries: list[StrictStr] = []
    demonyms: list[StrictStr] = []
    organizations: list[list[StrictStr]] = []
    quotes: list[GoldQuote] = []
    phones: list[StrictStr] = []
    emails: list[StrictStr] = []
    contacts: list[GoldContact] = []


class GoldRecord(BaseModel):
    """One line of a gold file (docs/gold-format.md): the release and what a reader finds in it."""

    model_config = ConfigDict(extra="allow")  # a record may carry its own bookkeeping (source, notes)
    id: JsonValue = None
    text: StrictStr
    gold: GoldAnnotations
    fields: list[FieldName] | None = None


class GoldFormatError(ValueError):
    """A gold file that cannot be scored; ``problems`` lists each bad line and what is wrong with it."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s); first: {problems[0] if problems else '-'}")


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The records of a gold JSONL file, validated; ``GoldFormatError`` names every bad line.

    Read as UTF-8 with or without a BOM. ``OSError`` if the file cannot be read.
    """
    data = Path(path).read_bytes()
    text = data.decode("utf-8-sig", errors="strict") if _is_utf8(data) else None
    if text is None:
        raise GoldFormatError(str(path), ["the file is not UTF-8 text"])
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        problem = _gold_problem(line)
        if problem:
            problems.append(f"line {number}: {problem}")
        else:
            records.append(json.loads(line))
    if problems:
        raise GoldFormatError(str(path), problems)
    return records


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _gold_problem(line: str) -> str | None:
    """What is wrong with one gold line, in words, or None."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg} at column {error.colno})"
    if not isinstance(value, dict):
        return f"expected a JSON object {{\"id\", \"text\", \"gold\"}}, got a JSON {_json_type(value)}"
    try:
        GoldRecord.model_validate(value)
    except ValidationError as error:
        return "; ".join(_describe(issue) for issue in error.errors()[:5])
    return None


def _json_type(value: object) -> str:
    names = {list: "list", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _describe(issue: Any) -> str:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in issue["loc"]).lstrip(".")
    message = {"missing": "is required", "extra_forbidden": "is not a gold field"}.get(issue["type"], issue["msg"])
    return f"{where or 'record'} {message}"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    releases: int = 0

    def f1_line(self) -> str:
        return "F1 " + " ".join(f"{name}={self.tallies[name].scores()[2]:.3f}" for name in FIELDS)

    def table(self) -> str:
        rows = [f"{'field':16} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
        for name in FIELDS:
            tally = self.tallies[name]
            precision, recall, f1 = tally.scores()
            rows.append(f"{name:16} {precision:6.3f} {recall:6.3f} {f1:6.3f}   {tally.tp}/{tally.fp}/{tally.fn}")
        return "\n".join(rows)


def fold_for_scoring(text: str | None) -> str:
    folded = re.sub(r"\s+", " ", text or "").strip().lower()
    folded = re.sub(r"^the ", "", folded)
    return folded.strip(" .,;:")


def last_name(name: str | None) -> str:
    cleaned = (name or "").replace("’", "'").replace("‘", "'")
    cleaned = re.sub(r",.*$", "", cleaned)
    cleaned = _SUFFIXES.sub("", cleaned)
    words = _NAME_WORD.findall(cleaned)
    return words[-1].lower() if words else ""


def as_e164(number: str) -> str:
    return "+" + re.sub(r"\D", "", number)


def coverage(gold: str, predicted: str) -> float:
    """Share of the gold quote's characters found, in order, in the predicted one."""
    gold_folded, predicted_folded = fold_for_scoring(gold), fold_for_scoring(predicted)
    if not gold_folded:
        return 0.0
    matcher = difflib.SequenceMatcher(None, gold_folded, predicted_folded, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(gold_folded)


def predictions(release: Release | dict[str, Any]) -> dict[str, Any]:
    """The comparable sets and lists of one release's output (a Release or its JSON)."""
    data = release.model_dump(mode="json") if isinstance(release, Release) else release
    countries, demonyms = set(), set()
    for country in data.get("countries") or []:
        kinds = {mention.get("kind", "name") for mention in country.get("mentions") or [{}]}
        if kinds - {"demonym"}:
            countries.add(country["code"])
        if "demonym" in kinds:
            demonyms.add(country["code"])
    organizations = []
    for org in data.get("organizations") or []:
        forms = {fold_for_scoring(org.get("name")), fold_for_scoring(org.get("acronym"))}
        forms |= {fold_for_scoring(alias) for alias in org.get("aliases") or []}
        forms |= {fold_for_scoring(mention.get("text")) for mention in org.get("mentions") or []}
        organizations.append(forms - {""})
    quotes = [(quote.get("text") or "", (quote.get("speaker") or {}).get("name")) for quote in data.get("quotes") or []]
    contacts = [
        (
            contact.get("name"),
            {as_e164(phone) for phone in contact.get("phones") or []},
            {email.lower() for email in contact.get("emails") or []},
        )
        for contact in data.get("contacts") or []
    ]
    return {
        "countries": countries,
        "demonyms": demonyms,
        "organizations": organizations,
        "quotes": quotes,
        "phones": {as_e164(phone["e164"]) for phone in data.get("phones") or [] if phone.get("e164")},
        "emails": {(email.get("address") or "").lower() for email in data.get("emails") or []} - {""},
        "contacts": contacts,
    }


def score_release(rid: str, gold: dict[str, Any], predicted: dict[str, Any]) -> tuple[dict[str, Tally], list[tuple[str, str, str, str]]]:
    tallies = {name: Tally() for name in FIELDS}
    errors: list[tuple[str, str, str, str]] = []

    def record(name: str, tally: Tally, missed: Iterable[str], spurious: Iterable[str]) -> None:
        tallies[name] = tally
        errors.extend((rid, name, "missed", item) for item in missed)
        errors.extend((rid, name, "spurious", item) for item in spurious)

    for name, normalise in (("countries", str.upper), ("demonyms", str.upper), ("phones", as_e164), ("emails", str.lower)):
        gold_set = {normalise(item) for item in gold.get(name) or []}
        predicted_set = {normalise(item) for item in predicted[name]}
        tally = Tally(len(gold_set & predicted_set), len(predicted_set - gold_set), len(gold_set - predicted_set))
        record(name, tally, sorted(gold_set - predicted_set), sorted(predicted_set - gold_set))
    record("organizations", *_score_organizations(gold, predicted))
    for name, with_speaker in (("quotes", False), ("quotes+speaker", True)):
        record(name, *_score_quotes(gold, predicted, with_speaker))
    record("contacts", *_score_contacts(gold, predicted))
    return tallies, errors


def _score_organizations(gold: dict[str, Any], predicted: dict[str, Any]) -> tuple[Tally, list[str], list[str]]:
    gold_orgs = [{fold_for_scoring(form) for form in forms} for forms in gold.get("organizations") or []]
    used: set[int] = set()
    missed = []
    tally = Tally()
    for forms in gold_orgs:
        hit = next((i for i, candidate in enumerate(predicted["organizations"]) if i not in used and forms & candidate), None)
        if hit is None:
            missed.append(sorted(forms)[0])
        else:
            used.add(hit)
            tally.tp += 1
    spurious = [
        sorted(candidate)[0]
        for i, candidate in enumerate(predicted["organizations"])
        if i not in used and not any(candidate & forms for forms in gold_orgs)
    ]
    tally.fp, tally.fn = len(spurious), len(missed)
    return tally, missed, spurious


def _speaker_matches(gold_quote: dict[str, Any], name: str | None) -> bool:
    if gold_quote.get("speaker_check") == "any":
        return bool(name)
    return last_name(gold_quote.get("speaker")) == last_name(name)


def _score_quotes(gold: dict[str, Any], predicted: dict[str, Any], with_speaker: bool) -> tuple[Tally, list[str], list[str]]:
    used: set[int] = set()
    missed = []
    tally = Tally()
    for quote in sorted(gold.get("quotes") or [], key=lambda q: bool(q.get("optional"))):
        hit = None
        for i, (text, speaker) in enumerate(predicted["quotes"]):
            if i in used or coverage(quote["text"], text) < 0.5:
                continue
            if with_speaker and not quote.get("optional") and not _speaker_matches(quote, speaker):
                continue
            hit = i
            break
        if hit is not None:
            used.add(hit)
            tally.tp += 0 if quote.get("optional") else 1
        elif not quote.get("optional"):
            missed.append(f'{quote.get("speaker")}: {quote["text"][:60]}')
    spurious = [f"{speaker}: {text[:60]}" for i, (text, speaker) in enumerate(predicted["quotes"]) if i not in used]
    tally.fp, tally.fn = len(spurious), len(missed)
    return tally, missed, spurious


def _score_contacts(gold: dict[str, Any], predicted: dict[str, Any]) -> tuple[Tally, list[str], list[str]]:
    used: set[int] = set()
    missed = []
    tally = Tally()
    for contact in gold.get("contacts") or []:
        phones = {as_e164(phone) for phone in contact.get("phones") or []}
        emails = {email.lower() for email in contact.get("emails") or []}
        hit = next(
            (
                i
                for i, (name, predicted_phones, predicted_emails) in enumerate(predicted["contacts"])
                if i not in used
                and last_name(name) == last_name(contact["name"])
                and ((phones & predicted_phones) or (emails & predicted_emails) or not (phones or emails))
            ),
            None,
        )
        if hit is None:
            missed.append(contact["name"])
        else:
            used.add(hit)
            tally.tp += 1
    spurious = [name for i, (name, _, _) in enumerate(predicted["contacts"]) if i not in used]
    tally.fp, tally.fn = len(spurious), len(missed)
    return tally, missed, spurious


def evaluate(gold_records: Sequence[dict[str, Any]], releases: Sequence[Release | dict[str, Any]]) -> Report:
    """Score ``releases`` (in the same order as ``gold_records``) against the gold annotations."""
    report = Report()
    for gold, release in zip(gold_records, releases, strict=True):
        rid = str(gold.get("id"))
        fields = gold.get("fields") or FIELDS
        tallies, errors = score_release(rid, gold["gold"], predictions(release))
        for name in fields:
            report.tallies[name].add(tallies[name])
        report.errors.extend(error for error in errors if error[1] in fields)
        report.releases += 1
    return report
