"""A str holding lone surrogates (left by a bad decode) is read as if each were U+FFFD.

Nothing raises, every offset still indexes the caller's text (the replacement is one
character for one), and the Release serialises to JSON.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.schema import Release
from iom_nlp.textprep import prepare_text, replace_surrogates

BASE = "GENEVA - IOM staff met Jane Doe in Kenya. “We need support now,” said Jane Doe. Contact jane@iom.int or +41 22 717 9111."

CASES = [
    "\ud800" + BASE,
    BASE + "\udfff",
    BASE.replace("Kenya", "Ke\udc80nya"),
    BASE.replace("jane@iom.int", "jane@iom.int\udc9d"),
    BASE.replace("717 9111", "717\udcc3 9111"),
    BASE.replace("said Jane", "said \ud83d\ude00Jane"),
    BASE.replace(" - ", " \ude00\ud83d "),
    "\udce9" * 50 + " " + BASE,
    BASE.replace("support", "supp\udcf3rt"),
    "\ud800",
]


def _mentions(release: Release) -> list[tuple[int, int, str]]:
    found = [(m.start, m.end, m.text) for item in (*release.countries, *release.phones, *release.emails) for m in item.mentions]
    found += [(quote.start, quote.end, quote.text) for quote in release.quotes]
    return found


@pytest.mark.parametrize("text", CASES)
def test_lone_surrogate_read_as_replacement_character(rules_nlp: Language, text: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    as_read = text.translate({code: "\ufffd" for code in range(0xD800, 0xE000)})
    assert release.error is None and not release.warnings
    for start, end, written in _mentions(release):
        assert as_read[start:end] == written
    Release.model_validate_json(release.model_dump_json())


@pytest.mark.parametrize("text", CASES[:4])
def test_lone_surrogate_keeps_findings(rules_nlp: Language, text: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert "jane@iom.int" in {email.address for email in release.emails}
    if "Kenya" in text:
        assert "KE" in {country.code for country in release.countries}


def test_lone_surrogates_in_a_batch(rules_nlp: Language) -> None:
    releases = list(iom_nlp.extract_many(CASES, nlp=rules_nlp, ids=[str(i) for i in range(len(CASES))]))
    assert [release.id for release in releases] == [str(i) for i in range(len(CASES))]
    assert all(release.error is None for release in releases)


def test_spacy_pipeline_accepts_lone_surrogates(rules_nlp: Language) -> None:
    doc = rules_nlp(CASES[2])
    assert len(doc.text) == len(CASES[2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\ud800b", "a\ufffdb"),
        ("\udfff", "\ufffd"),
        ("\ud83d\ude00", "\ufffd\ufffd"),
        ("plain text", "plain text"),
        ("accents: é ü ø 東京 😀", "accents: é ü ø 東京 😀"),
        ("", ""),
    ],
)
def test_replace_surrogates_same_length(text: str, expected: str) -> None:
    assert replace_surrogates(text) == expected
    assert len(prepare_text(text)) == len(text)
    assert "\ud800" not in prepare_text(text)
