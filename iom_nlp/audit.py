"""Find probably-wrong output without gold: per class, a count and a few examples.

Gold sets are small; a collection of thousands of unannotated releases holds error classes no
gold set has. Each check here looks at one release's text and its extracted output and flags
output that is *probably* wrong (an organisation name that starts with a lower-case word, a
speaker that is a country) or input the pipeline *probably* missed (a "Tel:" followed by digits
that gave no phone). The checks are deliberately simple and independent of the components'
rules, so an audit does not inherit the blind spots of the code it audits.

The audit works on the JSON form of a Release (``Release.model_dump()`` or a line written by
``iom-nlp extract``), so outputs of an older version can be audited with the same checks.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .data import load_json, models_dir, read_jsonl
from .records import read_objects
from .rules.patterns import alternation

logger = logging.getLogger(__name__)

Output = Mapping[str, Any]


class AuditSettings(BaseModel):
    """Word lists of the checks (``models/audit.json``); an unknown key is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    examples_per_class: int = Field(default=3, ge=0)
    snippet_chars: int = Field(default=90, ge=20)
    role_words: tuple[str, ...]
    role_allowed_after: tuple[str, ...]
    not_person_words: tuple[str, ...]
    speech_cues: tuple[str, ...]
    phone_cues: tuple[str, ...]
    contact_cues: tuple[str, ...]
    mojibake_markers: tuple[str, ...]


@lru_cache(maxsize=1)
def default_settings() -> AuditSettings:
    """The settings shipped in ``models/audit.json``, validated."""
    return AuditSettings.model_validate(load_json("audit.json"))


@dataclass(frozen=True)
class Finding:
    """One probably-wrong output (or probably-missed input) in one release."""

    check: str
    release_id: str | None
    example: str


# What each class means, in the order reports list them.
CHECKS: dict[str, str] = {
    "org_lowercase_start": "organisation name starts with a lower-case word",
    "org_crosses_sentence": "organisation name crosses a sentence end or a paragraph",
    "org_ends_in_role": "organisation name ends in a role (Director, Deputy, ...)",
    "speaker_not_person": "speaker is not a person name (country, demonym, body, party, role)",
    "speaker_first_name_only": "speaker is a first name alone while the full name is in the release",
    "quote_without_speaker": "quote with no speaker next to a speech cue that names one",
    "phone_cue_without_phone": "phone cue (Tel, Mobile, Fax, Ph, Office:) followed by digits that gave no phone",
    "contact_cue_without_contact": "contact block cue (For more information, Media contact) that gave no contact",
    "at_sign_without_email": "an address-like string with @ that gave no email",
    "mojibake_in_output": "mojibake in an output field (name, title, organisation)",
    "nbsp_in_output": "non-breaking space in an output field",
    "text_has_mojibake": "input text holds mojibake (information: the text is as given)",
    "text_has_nbsp": "input text holds non-breaking spaces (information)",
}


@dataclass
class AuditReport:
    """Counts per class, releases flagged per class and the first few examples."""

    releases: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))
    releases_flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))
    examples: dict[str, list[Finding]] = field(default_factory=lambda: {name: [] for name in CHECKS})

    def add(self, findings: Sequence[Finding], examples_per_class: int) -> None:
        """Count one release's findings."""
        self.releases += 1
        seen: set[str] = set()
        for finding in findings:
            self.counts[finding.check] += 1
            if finding.check not in seen:
                seen.add(finding.check)
                self.releases_flagged[finding.check] += 1
            if len(self.examples[finding.check]) < examples_per_class:
                self.examples[finding.check].append(finding)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "releases": self.releases,
            "classes": [
                {
                    "check": name,
                    "meaning": CHECKS[name],
                    "count": self.counts[name],
                    "releases": self.releases_flagged[name],
                    "examples": [{"id": f.release_id, "example": f.example} for f in self.examples[name]],
                }
                for name in CHECKS
            ],
        }

    def to_markdown(self, *, with_examples: bool = True) -> str:
        """A Markdown table: class, count, releases; then examples per class."""
        lines = [f"{self.releases:,} releases", "", "| class | count | releases |", "|---|---:|---:|"]
        lines += [f"| {name} | {self.counts[name]:,} | {self.releases_flagged[name]:,} |" for name in CHECKS]
        if with_examples:
            lines.append("")
            for name in CHECKS:
                for finding in self.examples[name]:
                    lines.append(f"- `{name}` {finding.release_id}: {finding.example}")
        return "\n".join(lines)


# --- helpers -------------------------------------------------------------------------------


def _snippet(text: str, start: int, end: int, width: int) -> str:
    """The flagged text with a little context, on one line."""
    pad = max(0, (width - (end - start)) // 2)
    left, right = max(0, start - pad), min(len(text), end + pad)
    piece = text[left:start] + "[" + text[start:end] + "]" + text[end:right]
    return re.sub(r"\s+", " ", piece).strip()[: width + 2]


def _spans(items: Iterable[Output]) -> list[tuple[int, int]]:
    """The (start, end) of every mention of every item (phones, emails, countries)."""
    spans: list[tuple[int, int]] = []
    for item in items:
        mentions = item.get("mentions") or ()
        if mentions:
            spans += [(int(m["start"]), int(m["end"])) for m in mentions if "start" in m and "end" in m]
        elif "start" in item and "end" in item:
            spans.append((int(item["start"]), int(item["end"])))
    return sorted(spans)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps any span (spans are few per release: a scan is fine)."""
    return any(s < end and start < e for s, e in spans)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Every country name, alias and demonym of the gazetteer, case-folded."""
    words = {str(row["pattern"]).casefold() for row in read_jsonl(models_dir() / "countries.jsonl")}
    return frozenset(words)


class _Patterns:
    """The checks' regexes, compiled once per settings object."""

    def __init__(self, settings: AuditSettings) -> None:
        self.settings = settings
        self.roles = frozenset(settings.role_words)
        self.role_allowed_after = frozenset(w.casefold() for w in settings.role_allowed_after)
        self.not_person = frozenset(w.casefold() for w in settings.not_person_words)
        # Speech verbs are lower-case in prose ("The United States" holds no cue); a sentence may
        # open with "According to".
        cues = [*settings.speech_cues, *(cue[:1].upper() + cue[1:] for cue in settings.speech_cues if " " in cue)]
        self.cue = re.compile(rf"\b(?:{alternation(cues)})\b")
        self.phone = re.compile(
            rf"(?<![\w@.])(?:{alternation(settings.phone_cues)})(?![\w])[^\S\n]*(?:\([^)\n]{{0,20}}\))?"
            r"[^\S\n]*[:.\-–]?[^\S\n]*(?P<digits>\+?[\d(][\d \u00a0().\-/]{5,30}\d)"
        )
        self.person = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? [A-Z]|\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
        self.contact = re.compile(rf"(?:{alternation(settings.contact_cues)})", re.IGNORECASE)
        self.at_sign = re.compile(r"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63})+")
        self.mojibake = re.compile(alternation(settings.mojibake_markers))
        self.sentence_end = re.compile(r"[a-z\d)]{2}\.\s+[A-Z]|\n\s*\n")


@lru_cache(maxsize=4)
def _patterns(settings: AuditSettings) -> _Patterns:
    return _Patterns(settings)


# --- checks: each takes (text, output, patterns) and yields (start, end) or a message -----------

Check = Callable[[str, Output, _Patterns], Iterator[str]]


def _organization_names(output: Output) -> Iterator[str]:
    for org in output.get("organizations") or ():
        yield str(org.get("name") or "")
        yield from (str(alias) for alias in org.get("aliases") or ())


def check_org_lowercase_start(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "during the Human Rights Council": a guess that began a word too early."""
    for name in _organization_names(output):
        first = name.split(" ", 1)[0]
        # "iDE", "eu-LISA": brands keep a capital later in the first word.
        if first and first[0].islower() and not any(ch.isupper() for ch in first[1:]):
            yield name


def check_org_crosses_sentence(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "Ministry of Health. The": a guess that ran past a full stop or a blank line."""
    for name in _organization_names(output):
        if p.sentence_end.search(name):
            yield name


def check_org_ends_in_role(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "Refugee Council Director": a body with its officer's role glued on."""
    for name in _organization_names(output):
        words = name.split()
        # "Office of the High Commissioner", "Office of the Special Envoy": a title governed by
        # "of the"/"for" within the last few words names the office, not its holder.
        governed = {word.casefold() for word in words[-4:-1]} & p.role_allowed_after
        if len(words) >= 2 and words[-1] in p.roles and not governed:
            yield name


def _speakers(output: Output) -> Iterator[Output]:
    for quote in output.get("quotes") or ():
        speaker = quote.get("speaker")
        if speaker and speaker.get("name"):
            yield speaker


def check_speaker_not_person(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """A country, a demonym, a body or a role given as the one who spoke."""
    countries = _spans(output.get("countries") or ())
    flagged: set[str] = set()
    for speaker in _speakers(output):
        name = str(speaker["name"])
        if name in flagged:
            continue
        start, end = speaker.get("start"), speaker.get("end")
        words = name.replace("’", "'").split()
        folded = name.casefold()
        bad = (
            folded in _country_words()
            or (folded.endswith("s") and folded[:-1] in _country_words())
            or (start is not None and end is not None and _overlaps(countries, int(start), int(end)))
            or any(re.sub(r"'s?$", "", word).casefold() in p.not_person for word in words)
            or not name[:1].isupper()
            or any(ch.isdigit() for ch in name)
            or (len(words) == 1 and len(name) > 1 and name.isupper())
        )
        if bad:
            flagged.add(name)
            yield name


def check_speaker_first_name_only(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "Jane" as the speaker while "Jane Doe" is written in the release."""
    flagged: set[str] = set()
    for speaker in _speakers(output):
        name = str(speaker["name"])
        if " " in name or name in flagged or len(name) < 2:
            continue
        escaped = re.escape(name)
        as_surname = re.search(rf"\b[A-Z][\w'’\-]+ {escaped}\b", text)
        full = re.search(rf"\b{escaped} (?P<next>[A-Z][a-z][\w'’\-]+)\b", text)
        if full and not as_surname:
            following = full.group("next")
            if following not in p.roles and following.casefold() not in p.not_person and not p.cue.fullmatch(following):
                flagged.add(name)
                yield f"{name} (written in full: {name} {following})"


def check_quote_without_speaker(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """A quote with no speaker although a speech cue sits right after or before it."""
    width = p.settings.snippet_chars
    for quote in output.get("quotes") or ():
        if quote.get("speaker"):
            continue
        start, end = int(quote["start"]), int(quote["end"])
        after = text[end : end + 80].split("\n\n", 1)[0]
        before = text[max(0, start - 60) : start].rsplit("\n\n", 1)[-1]
        cue_after = p.cue.search(after)
        cue_before = [m for m in p.cue.finditer(before) if re.fullmatch(r"[^.!?\"“”]{0,40}[:,]\s*", before[m.end() :])]
        if (cue_after and cue_after.start() < 40) or cue_before:
            yield _snippet(text, max(start, end - 30), end, width)


def check_phone_cue_without_phone(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "Tel: +41 22 ..." that gave no phone."""
    phones = _spans(output.get("phones") or ())
    for match in p.phone.finditer(text):
        digits = match.group("digits")
        if sum(ch.isdigit() for ch in digits) < 7:
            continue
        if not _overlaps(phones, match.start("digits"), match.end("digits")):
            yield _snippet(text, match.start(), match.end(), p.settings.snippet_chars)


def check_contact_cue_without_contact(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """A "For more information" or "Media contact" block that gave no contact."""
    if output.get("contacts"):
        return
    for match in p.contact.finditer(text):
        tail = text[match.end() : match.end() + 200].split("\n\n\n", 1)[0]
        # Only a block that names someone and holds a way to reach them: a mailbox alone
        # ("contact INL-PAPD@state.gov") is rightly no contact.
        if re.search(r"@|\d{3}", tail) and p.person.search(tail):
            yield _snippet(text, match.start(), min(len(text), match.end() + 60), p.settings.snippet_chars)
            return


def check_at_sign_without_email(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "name@example.org" written in the text with no email found over it."""
    emails = _spans(output.get("emails") or ())
    for match in p.at_sign.finditer(text):
        domain = match.group().rsplit(".", 1)[-1]
        if domain.isdigit() or len(domain) < 2:
            continue
        if not _overlaps(emails, match.start(), match.end()):
            yield _snippet(text, match.start(), match.end(), p.settings.snippet_chars)


def _output_strings(output: Output) -> Iterator[str]:
    """The fields an analyst reads: title, dateline place, names, roles, organisations."""
    if output.get("title"):
        yield str(output["title"])
    yield from _organization_names(output)
    for speaker in _speakers(output):
        yield str(speaker.get("name") or "")
        yield str(speaker.get("title") or "")
    for contact in output.get("contacts") or ():
        yield str(contact.get("name") or "")
        yield str(contact.get("organization") or "")


def check_mojibake_in_output(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """ "HansonÃ¢ÂÂYoung" in a name: the output should carry the repaired form."""
    for value in set(_output_strings(output)):
        if p.mojibake.search(value):
            yield value


def check_nbsp_in_output(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    """A non-breaking space inside a name: output fields should hold plain spaces."""
    for value in set(_output_strings(output)):
        if "\u00a0" in value:
            yield value.replace("\u00a0", "⍽")


def check_text_has_mojibake(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    match = p.mojibake.search(text)
    if match:
        yield _snippet(text, match.start(), match.end(), p.settings.snippet_chars)


def check_text_has_nbsp(text: str, output: Output, p: _Patterns) -> Iterator[str]:
    position = text.find("\u00a0")
    if position >= 0:
        yield _snippet(text, position, position + 1, p.settings.snippet_chars).replace("\u00a0", "⍽")


CHECK_FUNCTIONS: dict[str, Check] = {
    "org_lowercase_start": check_org_lowercase_start,
    "org_crosses_sentence": check_org_crosses_sentence,
    "org_ends_in_role": check_org_ends_in_role,
    "speaker_not_person": check_speaker_not_person,
    "speaker_first_name_only": check_speaker_first_name_only,
    "quote_without_speaker": check_quote_without_speaker,
    "phone_cue_without_phone": check_phone_cue_without_phone,
    "contact_cue_without_contact": check_contact_cue_without_contact,
    "at_sign_without_email": check_at_sign_without_email,
    "mojibake_in_output": check_mojibake_in_output,
    "nbsp_in_output": check_nbsp_in_output,
    "text_has_mojibake": check_text_has_mojibake,
    "text_has_nbsp": check_text_has_nbsp,
}


# --- entry points --------------------------------------------------------------------------


def audit_release(text: str, output: Output | BaseModel, settings: AuditSettings | None = None) -> list[Finding]:
    """Every finding for one release: ``text`` is what the output's offsets index."""
    data: Output = output.model_dump() if isinstance(output, BaseModel) else output
    patterns = _patterns(settings or default_settings())
    release_id = data.get("id")
    findings: list[Finding] = []
    for name, check in CHECK_FUNCTIONS.items():
        try:
            findings += [Finding(name, None if release_id is None else str(release_id), ex) for ex in check(text, data, patterns)]
        except (KeyError, TypeError, ValueError) as error:  # a malformed output record: say so, go on
            logger.warning("audit check %s failed on release %s: %s", name, release_id, error)
    return findings


def audit_pairs(pairs: Iterable[tuple[str, Output | BaseModel]], settings: AuditSettings | None = None) -> AuditReport:
    """Audit (text, output) pairs: outputs already extracted, by this version or an older one."""
    settings = settings or default_settings()
    report = AuditReport()
    for text, output in pairs:
        report.add(audit_release(text, output, settings), settings.examples_per_class)
    return report


def record_text(record: Mapping[str, Any]) -> str | None:
    """The text a corpus record's output indexes: ``text``, else the text of its ``html``."""
    text = record.get("text")
    if isinstance(text, str):
        return text
    markup = record.get("html")
    if isinstance(markup, str):
        from .html import html_to_text

        return html_to_text(markup)
    return None


def audit_records(records: Iterable[Mapping[str, Any]], *, nlp: Any = None, n_process: int = 1,
                  batch_size: int = 64, settings: AuditSettings | None = None) -> AuditReport:
    """Extract every ``{"id", "text"}`` (or ``"html"``) record and audit the output."""
    from .api import extract_many

    kept = [(record.get("id"), record_text(record)) for record in records]
    usable = [(rid, text) for rid, text in kept if isinstance(text, str)]
    if len(usable) < len(kept):
        logger.warning("audit: %d record(s) without text or html skipped", len(kept) - len(usable))
    texts = [text for _, text in usable]
    ids = [None if rid is None else str(rid) for rid, _ in usable]
    releases = extract_many(texts, nlp=nlp, n_process=n_process, batch_size=batch_size, ids=ids)
    return audit_pairs(((release.text or text, release) for text, release in zip(texts, releases, strict=True)), settings)


def audit_output_file(records: Iterable[Mapping[str, Any]], outputs: Iterable[Mapping[str, Any]],
                      settings: AuditSettings | None = None) -> AuditReport:
    """Audit an ``iom-nlp extract --format jsonl`` output file against its corpus.

    Outputs come in input order, so they are paired with records by position while the ids
    agree (a corpus may repeat an id); by id otherwise.
    """
    record_list = list(records)
    output_list = list(outputs)
    texts = {str(record.get("id")): record for record in record_list}
    in_order = len(record_list) == len(output_list) and all(
        str(r.get("id")) == str(o.get("id")) for r, o in zip(record_list, output_list, strict=True)
    )

    def pairs() -> Iterator[tuple[str, Output]]:
        for index, output in enumerate(output_list):
            if output.get("error"):
                continue
            record = record_list[index] if in_order else texts.get(str(output.get("id")))
            text = output.get("text") or (record_text(record) if record is not None else None)
            if isinstance(text, str):
                yield text, output

    return audit_pairs(pairs(), settings)


def read_jsonl_records(path: str) -> Iterator[dict[str, Any]]:
    """Objects of a JSONL file through the shared reader (:func:`iom_nlp.records.read_objects`:
    BOM, ids as the CLI gives them); a bad line is logged and skipped."""
    return read_objects(path)
