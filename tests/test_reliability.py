"""Bad and hostile input: never a crash, never a super-linear blow-up, never a lost record.

Rates are compared with an ordinary release of the same length in the same run; no wall-clock
bounds are asserted.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import iom_nlp
from iom_nlp.cli import main

EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "sample-release.txt").read_text(encoding="utf-8")


def _ordinary(length: int) -> str:
    return (EXAMPLE * (length // len(EXAMPLE) + 1))[:length]


def _chars_per_second(nlp: Language, text: str) -> float:
    """CPU time of this process, so that other processes on a busy machine do not count."""
    started = time.process_time()
    release = iom_nlp.extract(text, nlp=nlp)
    elapsed = time.process_time() - started
    assert release.error is None
    for country in release.countries:
        for mention in country.mentions:
            assert text[mention.start : mention.end] == mention.text
    return len(text) / max(elapsed, 1e-9)


ADVERSARIAL = {
    "double quotes": '"' * 20_000,
    "curly quotes": "“" * 20_000,
    "at signs": "@" * 20_000,
    "digits": "7" * 20_000,
    "spaced digits": "1 2 " * 10_000,
    "open parentheses": "(" * 20_000,
    "a@b. repeats": "a@b." * 5_000,
    "long local part": "x" * 70_000 + "@iom.int",
    "capitals": "A" * 20_000,
    "title words": "Ministry Of " * 3_000,
    "honorifics": "Mr " * 8_000,
    "saint": "St. " * 6_000,
    "brackets at": "[at] " * 5_000,
    "newlines": "\n" * 20_000,
    "dashes": "- " * 10_000,
    "acronym definitions": "International Organization for Migration (IOM) " * 1_000,
    "offices": "UNHCR Libya " * 2_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_processed_at_a_sane_rate(rules_nlp: Language, name: str) -> None:
    text = ADVERSARIAL[name]
    ordinary = _chars_per_second(rules_nlp, _ordinary(len(text)))
    hostile = _chars_per_second(rules_nlp, text)
    assert hostile * 20 >= ordinary, f"{name}: {hostile:,.0f} chars/s against {ordinary:,.0f} for an ordinary release"


@pytest.mark.slow
def test_a_huge_release_without_newlines(rules_nlp: Language) -> None:
    """1.2 million characters on one line: longer than max_length, cut at spaces, offsets true."""
    text = ("Delegations from Kenya met IOM in Geneva and called +41 22 717 9111. " * 18_000)[:1_200_000]
    assert "\n" not in text and len(text) > rules_nlp.max_length
    ordinary = _chars_per_second(rules_nlp, _ordinary(200_000))
    hostile = _chars_per_second(rules_nlp, text)
    assert hostile * 20 >= ordinary


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 Kenya \x7f",
        "\ufffd\ufffd Kenya",
        "\u200f\u202eKenya\u202c",
        "🙂 Kenya 🙂 +41 22 717 9111",
        "Кения Kenya 肯尼亚",
        "\r\n\r\n",
    ],
)
def test_odd_characters_are_processed(rules_nlp: Language, text: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert release.error is None
    if "Kenya" in text:
        assert [country.code for country in release.countries] == ["KE"]


release_parts = st.sampled_from(
    [
        "Kenya", "St. Kitts and\nNevis", "“", "”", '"', "‘", "’", "''", "\n", "\n\n", " ", "Tel: ", "+202 862 1826",
        "(02) 6277 7860", "0419 278 715", "a [at] b [dot] org", 'mailto:x@y.org">x@y.org', "said Jane Roe, IOM Chief.",
        "Ministry of\nJustice", "IOM", "(IOM)", "International Organization for Migration", "Chad", "Georgia", "\x00",
        "\u200f", "🙂", "é", "For more information, please contact:\n", "Media Contact: Steve Ingram ", "Page 2\n", "-ends-",
    ]
)
releases = st.lists(release_parts, max_size=40).map("".join)


def _all_mentions(release: iom_nlp.Release) -> list[tuple[int, int, str]]:
    found = [(m.start, m.end, m.text) for c in release.countries for m in c.mentions]
    found += [(m.start, m.end, m.text) for o in release.organizations for m in o.mentions]
    found += [(m.start, m.end, m.text) for p in release.phones for m in p.mentions]
    found += [(m.start, m.end, m.text) for e in release.emails for m in e.mentions]
    found += [(q.start, q.end, q.text) for q in release.quotes]
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(releases, st.text(max_size=300)))
def test_offsets_are_true_for_generated_releases(rules_nlp: Language, text: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert release.error is None and not release.warnings
    for start, end, mention in _all_mentions(release):
        assert text[start:end] == mention
    assert iom_nlp.Release.model_validate_json(release.model_dump_json()) == release


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(EXAMPLE)), insert=release_parts)
def test_offsets_are_true_for_mutated_releases(rules_nlp: Language, cut: int, insert: str) -> None:
    text = EXAMPLE[:cut] + insert + EXAMPLE[cut:]
    release = iom_nlp.extract(text, nlp=rules_nlp)
    for start, end, mention in _all_mentions(release):
        assert text[start:end] == mention


def test_same_output_with_one_and_two_processes(nlp: Language) -> None:
    texts = [EXAMPLE, "Kenya", "", EXAMPLE[:300], "“Unclosed quote said Jane Roe"] * 3
    assert list(iom_nlp.extract_many(texts, nlp=nlp, n_process=1)) == list(iom_nlp.extract_many(texts, nlp=nlp, n_process=2, batch_size=2))


def test_cli_keeps_every_record_with_injected_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": "Kenya"}),
        "{broken json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "number-text", "text": 12}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok-2", "text": "Chile"}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(source), "--base", "none", "--no-progress"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == len(lines)
    assert [record.get("error") is None for record in out] == [True, False, False, False, False, True]
    assert out[0]["countries"][0]["code"] == "KE" and out[-1]["countries"][0]["code"] == "CL"


def test_the_test_suite_has_no_network() -> None:
    with pytest.raises(Exception, match=r"(?i)socket"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_email_validation_never_resolves(monkeypatch: pytest.MonkeyPatch, rules_nlp: Language) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("DNS lookup attempted")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    release = iom_nlp.extract("Write to someone@nonexistent-domain-for-tests.org", nlp=rules_nlp)
    assert release.emails[0].address == "someone@nonexistent-domain-for-tests.org"
