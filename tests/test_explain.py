"""Explained output: every mention says what found it (``source``), ``--explain`` prints one line
per mention, and ``--explain-rejected`` lists the candidates the rules refused, with the reason.

The release and the refused candidates are invented for these tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp import spans as keys
from iom_nlp.cli import main
from iom_nlp.explain import COLLECT_KEY, REJECTED_KEY, collecting_rejected, explain_lines, rejected_of
from iom_nlp.schema import Release, release_json_schema
from iom_nlp.sources import PLACE_SOURCES, QUOTE_FALLBACK_SOURCE, REJECTED_ONLY_SOURCES, SOURCES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-release.txt"
RELEASE = (
    "IOM Opens Migrant Centre in Kenya\n\n"
    "NAIROBI, 3 March 2021 – The International Organization for Migration (IOM) opened a centre for Somali "
    "returnees with the Government of Kenya.\n\n"
    "“We are proud to support returnees,” said Jane Example, IOM Chief of Mission in Kenya.\n\n"
    "For more information, please contact Jane Example at IOM Nairobi, Tel: +254 20 422 1000, "
    "Email: jexample@iom.int or jsample [at] iom [dot] int\n"
)
MENTION_SOURCES = {name for table in SOURCES.values() for name in table}


def _mentions(release: Release, field: str) -> list[Any]:
    """The things of ``field`` that carry a source, as the Release holds them."""
    if field == "countries":
        return [mention for country in release.countries for mention in country.mentions]
    if field == "organizations":
        return [mention for organization in release.organizations for mention in organization.mentions]
    if field == "quotes":
        return list(release.quotes)
    if field == "speakers":
        return [speaker for quote in release.quotes for speaker in (quote.speaker, *quote.speakers) if speaker is not None]
    if field == "phones":
        return [mention for phone in release.phones for mention in phone.mentions]
    if field == "emails":
        return [mention for email in release.emails for mention in email.mentions]
    if field == "contacts":
        return list(release.contacts)
    if field == "dateline":
        return [release.dateline] if release.dateline is not None else []
    raise AssertionError(field)


@pytest.fixture(scope="module", params=["rules only", "full"])
def invented(request: pytest.FixtureRequest, rules_nlp: Language, nlp: Language) -> Release:
    return iom_nlp.extract(RELEASE, nlp=rules_nlp if request.param == "rules only" else nlp, id="invented")


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("countries", {"gazetteer:name", "gazetteer:demonym"}),
        ("organizations", {"gazetteer"}),
        ("quotes", None),
        ("speakers", None),
        ("phones", {"phonenumbers:international"}),
        ("emails", {"email:syntax", "email:deobfuscated"}),
        ("contacts", {"contact:block"}),
        ("dateline", {"dateline:place-line"}),
    ],
)
def test_every_mention_of_a_small_release_has_a_source(invented: Release, field: str, expected: set[str] | None) -> None:
    found = _mentions(invented, field)
    assert found, f"the invented release gives no {field}"
    sources = {item.source for item in found}
    assert all(isinstance(source, str) and source for source in sources), (field, sources)
    if expected is not None:  # quotes and speakers: the speaker strategy's own name
        assert expected <= sources, (field, sources)
        assert sources <= MENTION_SOURCES, f"{field}: sources not in iom_nlp.sources: {sources - MENTION_SOURCES}"


def test_a_quote_and_its_speaker_share_the_strategy(invented: Release) -> None:
    quote = invented.quotes[0]
    assert quote.speaker is not None
    assert quote.source == quote.speaker.source


@pytest.mark.parametrize(
    ("key", "attrs"),
    [
        (keys.COUNTRIES, ("sources",)),
        (keys.PLACES, ("sources",)),
        (keys.ORGANIZATIONS, ("sources", "scores", "probabilities")),
        (keys.PHONES, ("sources",)),
        (keys.EMAILS, ("sources",)),
    ],
)
def test_span_group_attrs_have_one_value_per_span(nlp: Language, key: str, attrs: tuple[str, ...]) -> None:
    doc = nlp(RELEASE + "\nThe office in Nairobi, Kenya, and Mogadishu reopened.\n")
    group = doc.spans[key]
    assert len(group) > 0, key
    for name in attrs:
        values = group.attrs[name]
        assert len(values) == len(group), (key, name)
        assert all(isinstance(value, (str, int, float)) for value in values), (key, name)  # primitives: the Doc serialises
    if key == keys.PLACES:
        assert set(group.attrs["sources"]) <= set(PLACE_SOURCES)


def test_span_group_sources_survive_doc_serialisation(rules_nlp: Language) -> None:
    from spacy.tokens import Doc

    doc = rules_nlp(RELEASE)
    copy = Doc(rules_nlp.vocab).from_bytes(doc.to_bytes())
    for key in (keys.COUNTRIES, keys.PHONES, keys.EMAILS, keys.ORGANIZATIONS):
        assert list(copy.spans[key].attrs["sources"]) == list(doc.spans[key].attrs["sources"]), key


def test_quote_sources_come_from_the_span_group_when_given(rules_nlp: Language) -> None:
    """The quote component's strategy names (``attrs["sources"]``) are read, else the fallback."""
    doc = rules_nlp(RELEASE)
    group = doc.spans[keys.QUOTES]
    assert len(group) == 1
    group.attrs["sources"] = ["speaker:inverted"]
    release = iom_nlp.to_release(doc)
    assert release.quotes[0].source == "speaker:inverted"
    assert release.quotes[0].speaker is not None and release.quotes[0].speaker.source == "speaker:inverted"
    del group.attrs["sources"]
    record = group[0]._.iom_quote
    record.pop("source", None)
    fallback = iom_nlp.to_release(doc)
    assert fallback.quotes[0].source == QUOTE_FALLBACK_SOURCE


# ---------------------------------------------------------------------------------------- CLI


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, list[str]]:
    assert main(["extract", *args, "--base", "none", "--no-progress"]) == 0
    captured = capsys.readouterr()
    return captured.out, [line for line in captured.err.splitlines() if line.strip()]


def _mention_count(data: dict[str, Any]) -> int:
    quotes = data["quotes"]
    speakers = sum(len({json.dumps(s, sort_keys=True) for s in [q["speaker"], *q["speakers"]] if s}) for q in quotes)
    return (
        (1 if data["dateline"] else 0)
        + sum(len(country["mentions"]) for country in data["countries"])
        + sum(len(org["mentions"]) for org in data["organizations"])
        + len(quotes)
        + speakers
        + sum(len(phone["mentions"]) for phone in data["phones"])
        + sum(len(email["mentions"]) for email in data["emails"])
        + len(data["contacts"])
    )


def test_explain_prints_one_line_per_mention_of_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    plain, _ = _cli(capsys, str(SAMPLE))
    out, lines = _cli(capsys, str(SAMPLE), "--explain")
    assert out == plain, "--explain changes stdout"
    data = json.loads(out)
    assert len(lines) == _mention_count(data) > 20
    for line in lines:
        rid, field, start, end, source, score, text = line.split("\t")
        assert rid == "sample-release.txt"
        assert source != "-", line
        assert score == "-" or 0.0 <= float(score) <= 1.0
        assert re.fullmatch(r"dateline|(country|demonym):[A-Z]{2,4}|organization|quote|speaker|phone:\+\d+|email|contact", field)
    sample = SAMPLE.read_text(encoding="utf-8")
    for line in lines:
        _, field, start, end, _, _, text = line.split("\t")
        if field != "speaker" and field != "contact":  # names are repaired for output
            assert sample[int(start) : int(end)] == json.loads(text), line


def test_explain_on_records_writes_jsonl_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = tmp_path / "two.jsonl"
    records.write_text(json.dumps({"id": 1, "text": RELEASE}) + "\n" + json.dumps({"id": 2, "text": "Peru"}) + "\n", encoding="utf-8")
    plain, _ = _cli(capsys, str(records))
    out, lines = _cli(capsys, str(records), "--explain")
    assert out == plain
    assert {line.split("\t")[0] for line in lines} == {"1", "2"}
    assert [line for line in lines if line.startswith("2\t")] == ['2\tcountry:PE\t0\t4\tgazetteer:name\t-\t"Peru"']


# ---------------------------------------------------------------------------------- refusals

REFUSED = [
    # field, invented text, the refused text, words of the reason
    ("organization", "The Office said on Monday that the work would continue.", "Office", "generic"),
    ("country", "Ethnic Albanians and ethnic Serbs met in the town.", "Serbs", "ethnic group"),
    ("country", "English classes were offered to the new arrivals.", "English", "language"),
    ("phone", "Figures for the period (1980-1985) were revised. Tel: 022 717 9111 in Geneva, Switzerland.", "(1980-1985", "year"),
]


@pytest.mark.parametrize(("field", "text", "refused", "reason"), REFUSED)
def test_explain_rejected_shows_a_refused_candidate_and_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, field: str, text: str, refused: str, reason: str
) -> None:
    path = tmp_path / "invented.txt"
    path.write_text(text, encoding="utf-8")
    plain, _ = _cli(capsys, str(path))
    out, lines = _cli(capsys, str(path), "--explain-rejected")
    assert out == plain, "--explain-rejected changes stdout"
    rows = [line.split("\t") for line in lines if line.split("\t")[1] == f"rejected:{field}"]
    matching = [row for row in rows if json.loads(row[6]) == refused]
    assert matching, rows
    _, _, start, end, source, why, _ = matching[0]
    assert text[int(start) : int(end)] == refused
    assert reason in why and source != "-"
    assert source in MENTION_SOURCES | set(REJECTED_ONLY_SOURCES)


def test_refusals_are_collected_only_when_asked(rules_nlp: Language) -> None:
    text = REFUSED[0][1]
    doc = rules_nlp(text)
    assert REJECTED_KEY not in doc.user_data
    assert rejected_of(iom_nlp.extract(text, nlp=rules_nlp)) == ()
    with collecting_rejected():
        release = iom_nlp.extract(text, nlp=rules_nlp)
    assert [(row.field, row.text, row.reason) for row in rejected_of(release)] == [("organization", "Office", "generic")]
    assert "rejected" not in json.dumps(release.model_dump(mode="json")), "refusals never go into the JSON"
    asked = rules_nlp.make_doc(text)
    asked.user_data[COLLECT_KEY] = True
    rules_nlp(asked)
    assert asked.user_data[REJECTED_KEY] == [["organization", 4, 10, "Office", "pattern", "generic"]]


def test_refusals_cross_forked_workers(rules_nlp: Language) -> None:
    texts = [REFUSED[0][1], REFUSED[1][1], RELEASE]
    with collecting_rejected():
        releases = list(iom_nlp.extract_many(texts, nlp=rules_nlp, n_process=2, batch_size=1))
    assert [bool(rejected_of(release)) for release in releases[:2]] == [True, True]


def test_long_texts_keep_their_refusals_at_whole_text_offsets(rules_nlp: Language) -> None:
    text = ("Kenya reopened its office.\n\n" * 40) + REFUSED[1][1]
    previous = rules_nlp.max_length
    rules_nlp.max_length = 400
    try:
        with collecting_rejected():
            release = iom_nlp.extract(text, nlp=rules_nlp)
    finally:
        rules_nlp.max_length = previous
    rows = [row for row in rejected_of(release) if row.field == "country"]
    assert rows and all(text[row.start : row.end] == row.text for row in rows)


# ------------------------------------------------------------------------------ schema, docs


def test_cli_output_with_sources_validates_and_older_output_still_does(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _cli(capsys, str(SAMPLE))
    data = json.loads(out)
    assert Release.model_validate(data).model_dump(mode="json") == data

    def without_sources(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: without_sources(item) for key, item in value.items() if key != "source"}
        if isinstance(value, list):
            return [without_sources(item) for item in value]
        return value

    older = Release.model_validate(without_sources(data))
    assert older.countries[0].mentions[0].source is None


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for model, definition in schema.get("$defs", {}).items():
        for name, prop in definition.get("properties", {}).items():
            yield model, name, prop


def test_every_source_property_is_described_with_its_names() -> None:
    schema = release_json_schema()
    described = {model: prop.get("description", "") for model, name, prop in _properties(schema) if name == "source"}
    assert set(described) >= {"CountryMention", "OrganizationMention", "PhoneMention", "EmailMention", "Contact", "Dateline",
                              "Quote", "Speaker"}
    assert all(described.values()), described
    for model, table in (("CountryMention", "countries"), ("PhoneMention", "phones"), ("EmailMention", "emails"),
                         ("Contact", "contacts"), ("Dateline", "dateline")):
        for name in SOURCES[table]:
            assert f'"{name}"' in described[model], (model, name)


def test_readme_table_is_the_table_of_sources() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (\w+) \| `([^`]+)` \| (.+) \|$", readme, flags=re.MULTILINE))
    expected = {(field, name, meaning) for field, table in SOURCES.items() for name, meaning in table.items()}
    assert rows == expected


@pytest.mark.parametrize(
    ("module", "prefix", "table"),
    [
        ("rules/phones.py", "phonenumbers:", {**SOURCES["phones"], **REJECTED_ONLY_SOURCES}),
        ("rules/emails.py", "email:", SOURCES["emails"]),
        ("rules/contacts.py", "contact:", SOURCES["contacts"]),
        ("rules/structure.py", "dateline:", SOURCES["dateline"]),
        ("components/countries.py", "gazetteer:", {**SOURCES["countries"], **PLACE_SOURCES}),
    ],
)
def test_every_source_name_a_rule_writes_is_in_the_table(module: str, prefix: str, table: dict[str, str]) -> None:
    """The rules write their names themselves; each is documented, and no documented one is dead."""
    code = (ROOT / "iom_nlp" / module).read_text(encoding="utf-8")
    written = set(re.findall(rf'"({re.escape(prefix)}[a-z0-9-]+)"', code))
    documented = {name for name in table if name.startswith(prefix)}
    assert written <= documented, written - documented
    built = {f"{prefix}name", f"{prefix}demonym"} if prefix == "gazetteer:" else set()  # f"gazetteer:{kind}"
    assert documented - built <= written, documented - built - written


def test_explain_lines_of_an_empty_release() -> None:
    assert explain_lines(Release(id="empty")) == []
