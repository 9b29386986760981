"""extract_many keeps the words a chunk's records share outside its memory zone; no output depends on it."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import iom_nlp
from iom_nlp import api
from iom_nlp.pipeline import add_components
from iom_nlp.tokenizer import PreparedTokenizer


def _pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.tokenizer = PreparedTokenizer(nlp.tokenizer)
    return add_components(nlp)


def test_words_of_two_records_outlive_the_zone() -> None:
    nlp = spacy.blank("en")
    texts = ["Zorblax Commission met Quuxley.", "The Zorblax Commission met here.", "Only once: Fribbleton."]
    assert api.keep_common_words(nlp, texts) == 3  # "Zorblax", "Commission", "met"
    with nlp.memory_zone():
        nlp("Zorblax Fribbleton")
    assert "Zorblax" in nlp.vocab.strings and "Fribbleton" not in nlp.vocab.strings
    assert api.keep_common_words(nlp, texts) == 0  # kept once


def test_kept_words_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "KEPT_WORDS_MAX", 3)
    nlp = spacy.blank("en")
    texts = ["alpha beta gamma delta epsilon"] * 2
    assert api.keep_common_words(nlp, texts) == 3
    assert api.keep_common_words(nlp, ["zeta eta"] * 2) == 0


def test_nothing_kept_inside_a_callers_zone() -> None:
    nlp = spacy.blank("en")
    with nlp.memory_zone():
        assert api.keep_common_words(nlp, ["Zorblax"] * 2) == 0


def test_keeping_changes_no_output(release_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [release_text, "“We will help,” said the Minister. THE END", release_text.upper(), "", release_text]
    kept = [r.model_dump() for r in iom_nlp.extract_many(texts, nlp=_pipeline())]
    monkeypatch.setattr(api, "keep_common_words", lambda *args, **kwargs: 0)
    plain = [r.model_dump() for r in iom_nlp.extract_many(texts, nlp=_pipeline())]
    assert kept == plain
