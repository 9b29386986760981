"""The trained organisation recogniser's spaCy pieces: its span suggester.

The recogniser itself is spaCy's own ``spancat`` (trained with ``spacy train``, see
``training/README.md``); what iom_nlp adds is the suggester that offers it only token ranges
that could be a name (:func:`iom_nlp.rules.name_spans.name_spans`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Ops, get_current_ops
from thinc.types import Ints1d, Ragged

from ..rules.name_spans import MAX_TOKENS, name_spans

Suggester = Callable[[Iterable[Doc], Ops | None], Ragged]


@registry.misc("iom_nlp.name_spans.v1")  # type: ignore[untyped-decorator]
def make_name_suggester(max_tokens: int = MAX_TOKENS, openers: list[str] | None = None, closers: list[str] | None = None) -> Suggester:
    """Config entry point: ``[components.spancat.suggester] @misc = "iom_nlp.name_spans.v1"``."""
    opening = frozenset(openers or ())
    closing = frozenset(closers or ())

    def suggest(docs: Iterable[Doc], ops: Ops | None = None) -> Ragged:
        ops = ops if ops is not None else get_current_ops()
        spans: list[list[tuple[int, int]]] = []
        lengths: list[int] = []
        for doc in docs:
            found = name_spans([token.text for token in doc], max_tokens, opening, closing)
            spans.append(found)
            lengths.append(len(found))
        flat = [pair for found in spans for pair in found]
        data = ops.asarray2i(flat, dtype="i") if flat else ops.alloc2i(0, 2)
        lengths_array: Ints1d = ops.asarray1i(lengths)
        return Ragged(data, lengths_array)

    return suggest
