"""Memory, long documents and scale-out. Rates are compared within one run; no wall-clock bounds."""

from __future__ import annotations

import gc
import random

import psutil
import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.chunking import split_text

FIRST = ["Amara", "Bilal", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jun"]
LAST = ["Okafor", "Haddad", "Nguyen", "Petrov", "Silva", "Kowalski", "Mensah", "Tanaka", "Rossi", "Novak"]


def _release(index: int) -> str:
    rng = random.Random(index)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}{index}"
    code = f"Zq{index:06d}x"
    return (
        f"Relief convoy {code} reaches Kenya\n\n"
        f"NAIROBI, 3 May 2021 – IOM delivered {rng.randint(10, 9999)} kits near camp {code}.\n\n"
        f"“We reached {rng.randint(2, 99)} families today,” said {name}, IOM Chief of Mission.\n\n"
        f"For more information, please contact:\n{name}\nTel: +254 20 {rng.randint(100, 999)} {rng.randint(1000, 9999)}\n"
        f"E-mail: user{index}@iom.int\n"
    )


def _rss() -> int:
    gc.collect()
    return int(psutil.Process().memory_info().rss)


@pytest.mark.slow
def test_memory_stays_flat_over_twenty_thousand_releases(rules_nlp: Language) -> None:
    def run(count: int, offset: int) -> int:
        for release in iom_nlp.extract_many((_release(offset + i) for i in range(count)), nlp=rules_nlp, batch_size=200):
            assert release.error is None
        return _rss()

    run(500, 0)  # warm caches
    after_2000 = run(2_000, 1_000_000)
    after_20000 = run(20_000, 2_000_000)
    assert after_20000 <= after_2000 * 1.10, (after_2000, after_20000)


def test_split_text_cuts_on_paragraphs() -> None:
    text = "para one.\n\npara two is here.\n\npara three."
    pieces = split_text(text, 20)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 20 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert pieces[1][1].startswith("para two")


def test_split_text_without_whitespace() -> None:
    text = "x" * 1000
    pieces = split_text(text, 300)
    assert "".join(piece for _, piece in pieces) == text and all(len(piece) <= 300 for _, piece in pieces)


def test_long_document_is_processed_in_chunks_with_true_offsets(rules_nlp: Language) -> None:
    paragraph = "Delegations from Kenya and St. Kitts and Nevis met in Geneva with IOM.\n\n"
    contact = "For more information, please contact:\nJane Roe\nTel: +41 22 717 9111\nE-mail: jroe@iom.int\n"
    text = paragraph * 40 + contact
    saved = rules_nlp.max_length
    rules_nlp.max_length = 1000
    try:
        release = iom_nlp.extract(text, nlp=rules_nlp)
        batch = list(iom_nlp.extract_many([text, "Kenya"], nlp=rules_nlp))
    finally:
        rules_nlp.max_length = saved
    assert release.error is None and batch[0] == release and batch[1].countries[0].code == "KE"
    kenya = next(country for country in release.countries if country.code == "KE")
    assert len(kenya.mentions) == 40
    for country in release.countries:
        for mention in country.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert release.phones[0].e164 == "+41227179111" and text[release.phones[0].start : release.phones[0].end] == "+41 22 717 9111"
    assert release.contacts[0].name == "Jane Roe"
