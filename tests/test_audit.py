"""The audit's checks: each flags its class of probably-wrong output and leaves good output alone."""

from __future__ import annotations

from typing import Any

import pytest

from iom_nlp.audit import CHECKS, AuditSettings, audit_output_file, audit_pairs, audit_release, default_settings


def _org(name: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases)}


def _quote(text: str, start: int, end: int, speaker: str | None = None, s_start: int | None = None) -> dict[str, Any]:
    spk = None if speaker is None else {"name": speaker, "start": s_start, "end": None if s_start is None else s_start + len(speaker)}
    return {"text": text, "start": start, "end": end, "speaker": spk}


def _checks(text: str, output: dict[str, Any]) -> set[str]:
    return {finding.check for finding in audit_release(text, output)}


ORG_CASES = [
    # (organisation name, flagged class or None)
    ("during the Human Rights Council", "org_lowercase_start"),
    ("and the Department of Health", "org_lowercase_start"),
    ("iDE", None),
    ("eu-LISA", None),
    ("Ministry of Health. The", "org_crosses_sentence"),
    ("Red Cross.\n\nThe Minister", "org_crosses_sentence"),
    ("U.S. Department of State", None),
    ("Refugee Council Director", "org_ends_in_role"),
    ("Embassy Nairobi Deputy", "org_ends_in_role"),
    ("Office of the Prime Minister", None),
    ("Office of the High Commissioner", None),
    ("AU Commission Chairperson", "org_ends_in_role"),
    ("New York and Acting High Commissioner", "org_ends_in_role"),
    ("Office of the Secretary", None),
    ("Department of Home Affairs", None),
    ("International Organization for Migration", None),
]


@pytest.mark.parametrize(("name", "expected"), ORG_CASES)
def test_organisation_classes(name: str, expected: str | None) -> None:
    found = _checks("", {"organizations": [_org(name)]}) & {"org_lowercase_start", "org_crosses_sentence", "org_ends_in_role"}
    assert found == ({expected} if expected else set())


SPEAKER_TEXT = "Jane Doe, IOM Chief of Mission in Jordan, spoke. Later Jane said more. Kenya is named."

SPEAKER_CASES = [
    ("Jordan", None, True),  # a country
    ("Syrians", None, True),  # a demonym (plural) from the gazetteer
    ("Assembly", None, True),
    ("the Greens", None, True),
    ("Greens'", None, True),
    ("UNHCR", None, True),  # an acronym alone
    ("Kenya", 71, True),  # overlaps a country mention
    ("Jane Doe", 0, False),
    ("Sarah Hanson-Young", None, False),
    ("Amy Pope", None, False),
    ("Mwangi", None, False),
]


@pytest.mark.parametrize(("speaker", "start", "flagged"), SPEAKER_CASES)
def test_speakers_that_are_not_people(speaker: str, start: int | None, flagged: bool) -> None:
    output = {
        "quotes": [_quote("We act.", 0, 7, speaker, start)],
        "countries": [{"code": "KE", "mentions": [{"start": 71, "end": 76}]}],
    }
    assert ("speaker_not_person" in _checks(SPEAKER_TEXT, output)) is flagged


@pytest.mark.parametrize(
    ("text", "speaker", "flagged"),
    [
        ("Jane Doe, IOM Chief of Mission, arrived. “We act,” Jane said.", "Jane", True),
        ("Peter Mwangi of IOM spoke. “We act,” Mwangi said.", "Mwangi", False),  # a surname: fine
        ("“We act,” Ken said. Ken Government staff agreed.", "Ken", False),  # a body word follows
        ("Martha arrived in 2019. “We act,” Martha said.", "Martha", False),  # no full name anywhere
        ("Ali Omar Hassan spoke. “We act,” Ali said.", "Ali", True),
    ],
)
def test_first_name_alone(text: str, speaker: str, flagged: bool) -> None:
    output = {"quotes": [_quote("We act,", 0, 5, speaker)]}
    assert ("speaker_first_name_only" in _checks(text, output)) is flagged


@pytest.mark.parametrize(
    ("text", "has_speaker", "flagged"),
    [
        ("“We will stay,” said Jane Doe, IOM.", False, True),
        ("“We will stay,” Jane Doe said.", False, True),
        ("“We will stay,” said Jane Doe, IOM.", True, False),
        ("The report “We will stay” was published in May by the ministry.", False, False),
        ("The fund “for the Internet.” The United States will speak next.", False, False),  # "States" is no cue
        ("According to Jane Doe, “we will stay.”", False, True),
    ],
)
def test_quote_without_speaker(text: str, has_speaker: bool, flagged: bool) -> None:
    start = text.index("“")
    end = text.index("”") + 1
    output = {"quotes": [_quote(text[start:end], start, end, "Jane Doe" if has_speaker else None)]}
    assert ("quote_without_speaker" in _checks(text, output)) is flagged


@pytest.mark.parametrize(
    ("text", "phone_span", "flagged"),
    [
        ("Tel: +41 22 717 9111", None, True),
        ("Tel: +41 22 717 9111", (5, 20), False),
        ("Mobile:\u00a0+254 722 000 111", None, True),
        ("Fax (022) 717 9222", None, True),
        ("Ph 02 6277 7500", None, True),
        ("Office: +1 202 555 0100", None, True),
        ("Tel: 2019", None, False),  # too few digits
        ("Telstra reported 4,000,000 outages", None, False),  # "Tel" inside a word
        ("Hotel 123 4567 890", None, False),
    ],
)
def test_phone_cue_without_phone(text: str, phone_span: tuple[int, int] | None, flagged: bool) -> None:
    phones = [] if phone_span is None else [{"start": phone_span[0], "end": phone_span[1], "mentions": []}]
    assert ("phone_cue_without_phone" in _checks(text, {"phones": phones})) is flagged


@pytest.mark.parametrize(
    ("text", "contacts", "flagged"),
    [
        ("For more information, please contact Jane Doe, Tel: +41 22 717 9111", [], True),
        ("Media contact: Sam Roe 0412 345 678", [], True),
        ("Media contact: Sam Roe 0412 345 678", [{"name": "Sam Roe"}], False),
        ("For more information on the programme, visit our site.", [], False),  # nothing to reach
        ("MEDIA CONTACT: Jane Roe press@example.org", [], True),
        ("For further information, please contact press@example.org.", [], False),  # a mailbox: no person
    ],
)
def test_contact_cue_without_contact(text: str, contacts: list[dict[str, Any]], flagged: bool) -> None:
    assert ("contact_cue_without_contact" in _checks(text, {"contacts": contacts})) is flagged


@pytest.mark.parametrize(
    ("text", "email_span", "flagged"),
    [
        ("Write to jdoe@iom.int today", None, True),
        ("Write to jdoe@iom.int today", (9, 21), False),
        ("Follow @IOM on social media", None, False),  # a handle, no local part
        ("image@2x.png", None, True),
        ("version 1.2@3.4", None, False),
        ("[email protected]", None, False),
    ],
)
def test_at_sign_without_email(text: str, email_span: tuple[int, int] | None, flagged: bool) -> None:
    emails = [] if email_span is None else [{"start": email_span[0], "end": email_span[1], "mentions": []}]
    assert ("at_sign_without_email" in _checks(text, {"emails": emails})) is flagged


BROKEN = "Hanson–Young".encode().decode("cp1252", errors="replace")


@pytest.mark.parametrize(
    ("output", "check", "flagged"),
    [
        ({"title": f"Senator {BROKEN} speaks"}, "mojibake_in_output", True),
        ({"contacts": [{"name": f"Sarah {BROKEN}"}]}, "mojibake_in_output", True),
        ({"title": "São Tomé and Príncipe joins"}, "mojibake_in_output", False),
        ({"contacts": [{"name": "Jane\u00a0Doe"}]}, "nbsp_in_output", True),
        ({"contacts": [{"name": "Jane Doe"}]}, "nbsp_in_output", False),
    ],
)
def test_output_text_classes(output: dict[str, Any], check: str, flagged: bool) -> None:
    assert (check in _checks("", output)) is flagged


def test_report_counts_releases_and_keeps_few_examples() -> None:
    pairs = [(f"Tel: +41 22 717 91{i:02d}", {"id": f"r{i}", "phones": []}) for i in range(10)]
    report = audit_pairs(pairs)
    assert report.releases == 10
    assert report.counts["phone_cue_without_phone"] == 10
    assert report.releases_flagged["phone_cue_without_phone"] == 10
    assert len(report.examples["phone_cue_without_phone"]) == default_settings().examples_per_class
    table = report.to_markdown()
    assert "| phone_cue_without_phone | 10 | 10 |" in table
    assert [row["check"] for row in report.to_dict()["classes"]] == list(CHECKS)


def test_outputs_are_matched_to_their_corpus_by_id() -> None:
    records = [{"id": "a", "text": "Tel: +41 22 717 9111"}, {"id": "b", "text": "no cue"}]
    outputs = [{"id": "b", "phones": []}, {"id": "a", "phones": []}, {"id": "c", "error": "bad"}]
    report = audit_output_file(records, outputs)
    assert report.releases == 2
    assert report.counts["phone_cue_without_phone"] == 1


def test_a_malformed_output_does_not_stop_the_audit() -> None:
    report = audit_pairs([("Tel: +41 22 717 9111", {"phones": [{"no": "offsets"}], "quotes": [{"start": "x"}]})])
    assert report.releases == 1


def test_settings_reject_unknown_keys() -> None:
    data = default_settings().model_dump()
    data["role_wrods"] = ["Director"]
    with pytest.raises(ValueError, match="role_wrods"):
        AuditSettings.model_validate(data)


def test_extracted_releases_are_audited_end_to_end() -> None:
    from iom_nlp import load
    from iom_nlp.audit import audit_records

    text = (
        "GENEVA – IOM opened a centre.\n\n"
        "For more information, please contact Jane Doe, IOM Geneva, Tel: +41 22 717 9111, Email: jdoe@iom.int"
    )
    report = audit_records([{"id": "x", "text": text}], nlp=load(base=None))
    assert report.releases == 1
    assert report.counts["at_sign_without_email"] == 0
    assert report.counts["phone_cue_without_phone"] == 0


def test_audit_command_reports_a_table_and_fails_cleanly_on_a_missing_file(tmp_path: Any) -> None:
    import json
    import subprocess
    import sys

    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "a", "text": "GENEVA – IOM opened a centre.\n\nMedia contact: Jane Roe, Tel: +41 22 717 9111, "
                            "jroe@iom.int"},
        {"id": "b", "html": "<p>For more information, contact Sam Lee at slee@example.org</p>"},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "iom_nlp.cli", "audit", str(corpus), "--base", "none", "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["releases"] == 2
    assert {row["check"] for row in report["classes"]} == set(CHECKS)
    missing = subprocess.run([*command[:4], str(tmp_path / "nope.jsonl")], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
