"""The trained recogniser's suggester offers only token ranges that could be a body's name."""

from __future__ import annotations

import pytest
import spacy

from iom_nlp.components.org_model import make_name_suggester
from iom_nlp.rules.name_spans import name_spans

NLP = spacy.blank("en")
CLOSERS = ["government", "regime"]


def _offered(text: str) -> set[str]:
    doc = NLP(text)
    return {doc[start:end].text for start, end in name_spans([t.text for t in doc], 12, frozenset({"al"}), frozenset(CLOSERS))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Department of Home Affairs said.", "Department of Home Affairs"),
        ("Officials of UNHCR met.", "UNHCR"),
        ("the Rudd government decided", "Rudd government"),
        ("members of al Qaeda fled", "al Qaeda"),
        ("the 2/28th Battalion marched", "2/28th Battalion"),
        ("the Ministry of Labour, Invalids and Social Affairs said", "Ministry of Labour, Invalids and Social Affairs"),
        ("the Department of\n\nImmigration said", "Department of\n\nImmigration"),
    ],
)
def test_names_are_offered(text: str, name: str) -> None:
    assert name in _offered(text)


@pytest.mark.parametrize(
    ("text", "not_offered"),
    [
        ("the government said", "government"),  # a closer alone does not open
        ("IOM. The Ministry", "IOM. The Ministry"),  # no span across a full stop
        ("UNHCR (the agency)", "UNHCR (the"),
        ("Geneva – IOM said", "Geneva – IOM"),
        ("met the minister", "minister"),
    ],
)
def test_non_names_are_not_offered(text: str, not_offered: str) -> None:
    assert not_offered not in _offered(text)


def test_a_span_is_at_most_max_tokens_long() -> None:
    words = ["Alpha"] * 30
    assert max(end - start for start, end in name_spans(words, 5)) == 5


@pytest.mark.parametrize("texts", [["no names here at all"], [""], ["The UN", "", "and IOM"]])
def test_the_registered_suggester_gives_one_row_per_candidate(texts: list[str]) -> None:
    suggest = make_name_suggester(max_tokens=12, closers=CLOSERS)
    docs = [NLP(text) for text in texts]
    ragged = suggest(docs)
    assert ragged.dataXd.shape[1] == 2
    assert list(ragged.lengths) == [len(name_spans([t.text for t in doc], 12, frozenset(), frozenset(CLOSERS))) for doc in docs]
