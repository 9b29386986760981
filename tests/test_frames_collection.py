"""Reading a collection for analysis: record dates in any format, JSONL or a folder, bad lines skipped."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.frames import parse_date, read_collection


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-01", "2024-03-01"),
        ("2024-03-01T23:30:00-05:00", "2024-03-01"),  # the date as written, in the record's own zone
        ("Wed, 16 Mar 2022 20:22:05 +0000", "2022-03-16"),  # RSS / e-mail feeds
        ("Sat, 26 Mar 2022 19:45:55 GMT", "2022-03-26"),
        ("1 March 2024", "2024-03-01"),
        ("March 1, 2024", "2024-03-01"),
        ("01/03/2024", "2024-03-01"),  # day first, as IOM writes dates
        ("Tuesday, March 21, 2017 - 16:38", "2017-03-21"),  # a PBN page's "Posted:" value
        ("  2023-06-02  ", "2023-06-02"),
    ],
)
def test_parse_date_reads_common_record_date_formats(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "March", "yesterday", "2024-13-45", "31 February 2024", "x" * 200, 20240301, ["2024-03-01"]],
)
def test_parse_date_refuses_what_is_not_a_full_date(value: object) -> None:
    assert parse_date(value) is None


def test_to_frames_published_prefers_record_dates_and_falls_back_to_the_dateline(rules_nlp: Language) -> None:
    texts = [
        "GENEVA, 14 March 2024 – IOM opened an office in Kenya.",
        "NAIROBI, 2 May 2023 – IOM and UNICEF met in Nairobi.",
        "Statement on Kenya.",
    ]
    releases = list(iom_nlp.extract_many(texts, nlp=rules_nlp, ids=["a", "b", "c"]))
    table = iom_nlp.to_frames(releases, dates=["Wed, 16 Mar 2022 20:22:05 +0000", None, "not a date"])["releases"]
    assert list(table.published[:2]) == ["2022-03-16", "2023-05-02"]
    assert table.published.isna()[2]  # neither a readable record date nor a dateline
    assert table.date[0] == "2024-03-14"  # the dateline's own date is kept beside it


def test_to_frames_without_dates_uses_the_dateline(rules_nlp: Language) -> None:
    release = iom_nlp.extract("DHAKA, 3 February 2023 – IOM trained volunteers.", nlp=rules_nlp)
    assert list(iom_nlp.to_frames([release])["releases"].published) == ["2023-02-03"]


def test_read_collection_jsonl_with_text_html_and_bad_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "releases.jsonl"
    lines = [
        json.dumps({"id": "one", "date": "2024-01-05", "text": "Kenya – IOM said."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "empty", "text": "  "}),
        "",
        json.dumps({"id": 7, "date": "Fri, 05 Jan 2024 10:00:00 +0000", "html": "<html><body><p>Chad – IOM said.</p></body></html>"}),
        json.dumps({"text": "No id here."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="iom_nlp.frames"):
        records = read_collection(path)
    assert [record["id"] for record in records] == ["one", 7, "releases.jsonl:7"]
    assert "Chad – IOM said." in records[1]["text"] and "<p>" not in records[1]["text"]
    assert records[0]["date"] == "2024-01-05" and records[2]["date"] is None
    warned = " ".join(record.getMessage() for record in caplog.records)
    for line in ("releases.jsonl:2", "releases.jsonl:3", "releases.jsonl:4"):
        assert line in warned


def test_read_collection_folder_of_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("<p>Haiti – IOM said.</p>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Niger – IOM said.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a release", encoding="utf-8")
    records = read_collection(tmp_path)
    assert [record["id"] for record in records] == ["a.txt", "b.html"]
    assert records[1]["text"].strip() == "Haiti – IOM said."


def test_read_collection_limit_keeps_the_first_records(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": n, "text": f"Release {n}"}) + "\n" for n in range(50)), encoding="utf-8")
    assert [record["id"] for record in read_collection(path, limit=3)] == [0, 1, 2]


def test_read_collection_missing_path_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"JSONL file .* or a folder"):
        read_collection(tmp_path / "missing.jsonl")


SOURCED_TABLES = ("countries", "organizations", "quotes", "phones", "emails", "contacts")


@pytest.mark.parametrize("table", SOURCED_TABLES)
def test_every_frame_row_says_how_it_was_found(rules_nlp: Language, table: str) -> None:
    text = (Path(__file__).parent / "fixtures" / "release.txt").read_text(encoding="utf-8")
    frame = iom_nlp.to_frames([iom_nlp.extract(text, nlp=rules_nlp, id="r1")])[table]
    assert len(frame) > 0, f"the fixture release should give {table}"
    assert frame["source"].map(lambda value: isinstance(value, str) and value != "").all()


def test_organisation_rows_carry_their_calibrated_score(rules_nlp: Language) -> None:
    text = (Path(__file__).parent / "fixtures" / "release.txt").read_text(encoding="utf-8")
    frame = iom_nlp.to_frames([iom_nlp.extract(text, nlp=rules_nlp)])["organizations"]
    assert frame["score"].between(0.0, 1.0).all()
