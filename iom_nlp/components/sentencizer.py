"""spaCy's rule-based sentencizer, deciding from token columns instead of Token objects.

The rules-only pipeline has no parser, so spaCy's ``sentencizer`` marks its sentences. Its
``predict`` walks the Doc making a Token object per token (about 3% of rules-only time on
typical releases); :class:`ColumnSentencizer` reads the same facts (each token's text and
``is_punct``) in one ``Doc.to_array`` call and finds the same sentence starts with numpy. The
annotation step, the settings and the serialisation are spaCy's own (a subclass), so a
pipeline saved with it reads the same sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

FACTORY = "iom_sentencizer"


class ColumnSentencizer(Sentencizer):  # type: ignore[misc]  # spaCy's class is untyped
    """:class:`spacy.pipeline.Sentencizer` with the same sentence starts, found without Token objects.

    spaCy's rule: the first token starts a sentence, and so does the first token after a
    sentence-final character (``punct_chars``) that is neither such a character nor
    punctuation ("." then '"' then "The": "The" starts one). Put another way, a "plain" token
    (not punctuation, not a final character) starts a sentence when a final character stands
    between it and the plain token before it: what the cumulative count of final characters
    says at each plain token.
    """

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        finals = _final_ids(frozenset(self.punct_chars))
        return [_sentence_starts(doc, finals) for doc in docs]

    def set_annotations(self, docs: Doc | Iterable[Doc], batch_tag_ids: Sequence[Sequence[bool]]) -> None:
        """spaCy's annotation (a start is 1, any other token -1; a token already decided keeps its
        value unless ``overwrite``), written in one ``Doc.from_array`` call per Doc instead of a
        loop over Python flags (about half the cost of spaCy's own ``predict``)."""
        for doc, flags in zip([docs] if isinstance(docs, Doc) else docs, batch_tag_ids, strict=False):
            if len(doc) == 0:
                continue
            guessed = numpy.where(numpy.asarray(flags, dtype=bool), numpy.int64(1), numpy.int64(-1)).astype(numpy.uint64)
            if not self.overwrite:
                current = numpy.asarray(doc.to_array([SENT_START]), dtype=numpy.uint64)
                guessed = numpy.where(current == 0, guessed, current)
            doc.from_array([SENT_START], guessed.reshape(-1, 1).astype(numpy.uint64))  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def _final_ids(punct_chars: frozenset[str]) -> numpy.ndarray[Any, Any]:
    """The ORTH ids of the sentence-final characters, sorted (hashed once, not per batch)."""
    return numpy.array(sorted(get_string_id(char) for char in punct_chars), dtype=numpy.uint64)


def _sentence_starts(doc: Doc, finals: numpy.ndarray[Any, Any]) -> list[bool]:
    """One flag per token of ``doc``: whether spaCy's sentencizer starts a sentence there."""
    if len(doc) == 0:
        return []
    columns = numpy.asarray(doc.to_array([ORTH, IS_PUNCT]), dtype=numpy.uint64)
    # membership of each token's ORTH id among the sorted final ids, by binary search
    orths = columns[:, 0]
    found = numpy.searchsorted(finals, orths)
    found[found == len(finals)] = 0
    final = finals[found] == orths if len(finals) else numpy.zeros(len(doc), dtype=bool)
    plain = numpy.flatnonzero(~final & (columns[:, 1] == 0))
    seen = numpy.cumsum(final)[plain]  # final characters up to each plain token
    before = numpy.concatenate(([0], seen[:-1]))  # ... up to the plain token before it
    starts = numpy.zeros(len(doc), dtype=bool)
    starts[plain[seen > before]] = True
    starts[0] = True
    flags: list[bool] = starts.tolist()
    return flags


@Language.factory(
    FACTORY,
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_column_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool, scorer: Callable[..., Any] | None
) -> ColumnSentencizer:
    """Factory: the arguments of spaCy's ``sentencizer`` factory."""
    return ColumnSentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)
