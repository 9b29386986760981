"""The rules-only pipeline's sentencizer marks exactly the sentences spaCy's own does."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.pipeline import Sentencizer

import iom_nlp
from iom_nlp.components.sentencizer import ColumnSentencizer

TEXTS = [
    "",
    ".",
    "Hello",
    "Hello world. This is a test! Is it? Yes.",
    'He said: "We will go." Then he left...  And "Why?" she asked.',
    "IOM Geneva, 3 April 2011 – The U.S. and the U.K. agreed.\n\nMedia contact: Jo Doe, +41 22 717 9111.",
    "No final stop here\n\nA new line",
    "Wow!!! Really?! ‼ That's it. 。Done",
    "(Sentence in brackets.) [And another.] — Dash. 'Quoted.' End",
    ". . . leading dots. x",
]


def _random_texts(count: int) -> list[str]:
    pieces = [".", "!", "?", ",", ";", '"', "'", "”", "“", "(", ")", "a", "The", "I", "1", "\n\n", "-", "…", "‼", "？", " ", " ", "x"]
    rnd = random.Random(7)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def _starts(doc: spacy.tokens.Doc) -> list[int]:
    return [int(value) for value in doc.to_array([SENT_START]).astype("int64").tolist()]


@pytest.mark.parametrize("overwrite", [False, True])
def test_same_sentence_starts_as_spacy(overwrite: bool) -> None:
    nlp = spacy.blank("en")
    ours, theirs = ColumnSentencizer("s", overwrite=overwrite), Sentencizer("s", overwrite=overwrite)
    for text in TEXTS + _random_texts(500):
        expected, got = nlp.make_doc(text), nlp.make_doc(text)
        if len(expected) > 3:  # a start decided before (by an earlier component) is kept unless overwrite
            for doc in (expected, got):
                doc[2].is_sent_start = False
                doc[3].is_sent_start = True
        assert ours.predict([got]) == [list(flags) for flags in theirs.predict([expected])], text
        theirs(expected)
        ours(got)
        assert _starts(got) == _starts(expected), text
        assert [sent.start for sent in got.sents] == [sent.start for sent in expected.sents]


def test_rules_only_pipeline_uses_it_under_the_usual_name() -> None:
    nlp = iom_nlp.load(base=None)
    assert "sentencizer" in nlp.pipe_names
    assert isinstance(nlp.get_pipe("sentencizer"), ColumnSentencizer)
    doc = nlp("IOM helps. Migrants return home! Why? Because.")
    assert [sent.text for sent in doc.sents] == ["IOM helps.", "Migrants return home!", "Why?", "Because."]


def test_saved_and_loaded(tmp_path: object) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("iom_sentencizer", name="sentencizer", config={"punct_chars": [".", ";"]})
    nlp.to_disk(tmp_path)  # type: ignore[arg-type]
    loaded = spacy.load(tmp_path)  # type: ignore[arg-type]
    assert isinstance(loaded.get_pipe("sentencizer"), ColumnSentencizer)
    assert [sent.text for sent in loaded("One; two. Three! Four").sents] == ["One;", "two.", "Three! Four"]
