"""The stop words are made once at load, outside any memory zone; no output depends on it."""

from __future__ import annotations

import spacy
from spacy.language import Language

import iom_nlp
from iom_nlp.pipeline import add_components, seed_vocabulary
from iom_nlp.tokenizer import PreparedTokenizer


def _unseeded() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.tokenizer = PreparedTokenizer(nlp.tokenizer)
    return add_components(nlp)


def test_seeded_words_outlive_a_memory_zone(rules_nlp: Language) -> None:
    for word in ("the", "The", "THE", "whereafter"):
        assert word in rules_nlp.vocab.strings
    with rules_nlp.memory_zone():
        rules_nlp("Thereafter the Zorblax Commission met.")
    assert "Thereafter" in rules_nlp.vocab.strings and "Zorblax" not in rules_nlp.vocab.strings


def test_seeding_changes_no_output(release_text: str) -> None:
    plain = _unseeded()
    seeded = _unseeded()
    seed_vocabulary(seeded)
    texts = [release_text, "“We will help,” said the Minister. THE END", ""]
    assert [r.model_dump() for r in iom_nlp.extract_many(texts, nlp=plain)] == [
        r.model_dump() for r in iom_nlp.extract_many(texts, nlp=seeded)
    ]
