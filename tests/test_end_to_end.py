from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from spacy.language import Language

import iom_nlp
from iom_nlp.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-release.txt"


def test_seed_end_to_end(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.extract(seed_text, nlp=nlp, id="seed")
    assert release.id == "seed"
    assert {email.address for email in release.emails} == {"cmueller@iom.int", "npineiro@iom.int"}
    assert {phone.e164 for phone in release.phones} == {"+5995452115", "+12028621826"}
    assert {"ANHH", "MF", "SX"} <= {country.code for country in release.countries}


def test_json_round_trip_is_lossless(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.extract(seed_text, nlp=nlp)
    again = iom_nlp.Release.model_validate_json(release.model_dump_json())
    assert again == release


def test_release_is_frozen() -> None:
    release = iom_nlp.Release(id="x")
    with pytest.raises(ValidationError):
        release.id = "y"  # type: ignore[misc]


def test_schema_names_the_contract_fields() -> None:
    schema = iom_nlp.Release.model_json_schema()
    assert {"id", "schema_version", "countries", "organizations", "quotes", "phones", "emails", "contacts"} <= set(schema["properties"])


@pytest.mark.parametrize("bad", [b"bytes", 42, None, ["list"]])
def test_non_string_input_is_a_clear_type_error(rules_nlp: Language, bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        iom_nlp.extract(bad, nlp=rules_nlp)  # type: ignore[arg-type]


def test_extract_bytes_decodes(rules_nlp: Language) -> None:
    release = iom_nlp.extract_bytes(b"Contact a@b.org", nlp=rules_nlp)
    assert [email.address for email in release.emails] == ["a@b.org"]


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t"])
def test_blank_text_gives_an_empty_release(rules_nlp: Language, blank: str) -> None:
    assert iom_nlp.extract(blank, nlp=rules_nlp) == iom_nlp.Release()


def test_extract_many_keeps_every_record_in_order(rules_nlp: Language) -> None:
    inputs: list[object] = ["Write to a@b.org", 7, "", "Tel: +41 22 717 9111", b"x", "Kenya"]
    releases = list(iom_nlp.extract_many(inputs, nlp=rules_nlp, ids=[str(i) for i in range(6)]))
    assert [release.id for release in releases] == ["0", "1", "2", "3", "4", "5"]
    assert releases[0].emails[0].address == "a@b.org"
    assert releases[1].error and releases[4].error and not releases[2].error
    assert releases[3].phones[0].e164 == "+41227179111"
    assert releases[5].countries[0].code == "KE"


def test_extract_many_survives_a_failing_component(rules_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    from iom_nlp.components import emails as email_component

    def explode(text: str, settings: object) -> list[object]:
        if "boom" in text:
            raise RuntimeError("injected failure")
        return []

    monkeypatch.setattr(email_component, "find_emails", explode)
    releases = list(iom_nlp.extract_many(["fine", "boom", "Kenya"], nlp=rules_nlp))
    assert len(releases) == 3
    assert releases[1].warnings and "injected failure" in releases[1].warnings[0]
    assert releases[2].countries[0].code == "KE"


def test_extract_many_survives_a_failing_pipeline(rules_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    original = rules_nlp.tokenizer

    class Exploding:
        def __init__(self) -> None:
            self.vocab = original.vocab

        def __call__(self, text: str) -> object:
            if "boom" in text:
                raise RuntimeError("tokenizer failed")
            return original(text)

    monkeypatch.setattr(rules_nlp, "tokenizer", Exploding())
    releases = list(iom_nlp.extract_many(["Kenya", "boom", "Chile"], nlp=rules_nlp, batch_size=2))
    assert [bool(release.error) for release in releases] == [False, True, False]
    assert releases[2].countries[0].code == "CL"


def test_multiprocess_equals_single_process(nlp: Language, seed_text: str) -> None:
    texts = [seed_text, "Contact Kate Walshe on 0411 472 299 in Australia.", "Kenya", seed_text[:500]]
    single = list(iom_nlp.extract_many(texts, nlp=nlp, n_process=1))
    double = list(iom_nlp.extract_many(texts, nlp=nlp, n_process=2, batch_size=1))
    assert single == double


messy = st.lists(
    st.sampled_from(
        ["St. Kitts and\nNevis", "+202 862 1826", "a [at] b [dot] org", "“", "\"", "\n", " ", "Tel:", "(02) 6277 7860",
         "mailto:x@y.org\">x@y.org", "\x00", "\u200f", "🙂", "Ministry of\nJustice", "Chad", "0419 278 715", "@", "é"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(messy, st.text(max_size=200)))
def test_offsets_are_always_true(rules_nlp: Language, text: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    for country in release.countries:
        for mention in country.mentions:
            assert text[mention.start : mention.end] == mention.text
    for item in (*release.phones, *release.emails):
        for mention in item.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert iom_nlp.Release.model_validate_json(release.model_dump_json()) == release


def test_cli_single_file_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--base", "none"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "sample-release.txt"
    assert {"jexample@iom.int", "jsample@iom.int"} == {email["address"] for email in data["emails"]}


def test_cli_jsonl_keeps_broken_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "Write to a@b.org", "lang": "en"}\n{not json}\n{"id": "c"}\n{"id": "d", "text": "Kenya"}\n',
        encoding="utf-8",
    )
    assert main(["extract", str(source), "--format", "jsonl", "--base", "none", "--no-progress"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "in.jsonl:2", "c", "d"]
    assert lines[0]["lang"] == "en" and lines[0]["emails"][0]["address"] == "a@b.org"
    assert "error" in lines[1] and "error" in lines[2]
    assert lines[3]["countries"][0]["code"] == "KE"


def test_cli_csv_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["extract", str(EXAMPLE), str(EXAMPLE), "--format", "csv", "-o", str(out), "--base", "none"]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("id,field,value")
    assert any(",email," in row for row in rows) and any(",phone," in row for row in rows)


def test_cli_unreadable_file_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "missing.txt"), "--base", "none"]) != 0
    assert "cannot read" in capsys.readouterr().err


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Release"


def test_console_script_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "iom_nlp.cli", "schema"], capture_output=True, text=True, check=True)
    assert '"Release"' in result.stdout


def test_missing_base_names_the_pip_command() -> None:
    with pytest.raises(iom_nlp.BaseModelNotFound, match="pip install"):
        iom_nlp.load(base="no_such_pipeline_xyz")


def test_entry_points_expose_the_factories() -> None:
    from importlib.metadata import entry_points

    names = {entry.name for entry in entry_points(group="spacy_factories")}
    assert {"iom_emails", "iom_phones", "iom_countries"} <= names


@pytest.mark.slow  # the full pipeline over the shared dev set
def test_dev_set_phones_and_emails(nlp: Language, dev_records: list[dict[str, object]]) -> None:
    """Phones and emails on the annotated dev releases, without being told any region."""
    found_phones = expected_phones = hit_phones = 0
    for record in dev_records:
        release = iom_nlp.extract(str(record["text"]), nlp=nlp)
        gold = record["gold"]
        assert isinstance(gold, dict)
        predicted = {phone.e164 for phone in release.phones}
        expected = set(gold["phones"])
        hit_phones += len(predicted & expected)
        found_phones += len(predicted)
        expected_phones += len(expected)
        assert {email.address for email in release.emails} == set(gold["emails"])
    precision = hit_phones / found_phones
    recall = hit_phones / expected_phones
    assert 2 * precision * recall / (precision + recall) >= 0.97
