"""The trained organisation recogniser's spaCy pieces: its span suggester.

The recogniser itself is spaCy's own ``spancat`` (trained with ``spacy train``, see
``training/README.md``); what iom_nlp adds is the suggester that offers it only token ranges
that could be a name (:func:`iom_nlp.rules.name_spans.name_spans`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final, cast

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, Ops, concatenate, get_current_ops
from thinc.types import Floats2d, Ints1d, Ragged

from ..rules.evidence import FEATURES, token_features
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


# The rules' organisations as token features for the recogniser (``rules/evidence.py``): the
# span group the rules leave for it, spans with ``attrs["sources"]``.
RULE_SPANS: Final = "iom_org_rules"


@registry.layers("iom_nlp.rule_evidence.v1")
def rule_evidence() -> Model[list[Doc], list[Floats2d]]:
    """A layer without weights: per Doc, :func:`token_features` of ``doc.spans["iom_org_rules"]``
    (all zeros where the group is absent, e.g. a Doc the rules never saw)."""
    return Model("iom_rule_evidence", _evidence_forward, dims={"nO": len(FEATURES)})


def _evidence_forward(
    model: Model[list[Doc], list[Floats2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Floats2d], Callable[[Any], list[Doc]]]:
    outputs: list[Floats2d] = [model.ops.asarray2f(cast(Floats2d, token_features(len(doc), _rule_spans(doc)))) for doc in docs]

    def backprop(_: Any) -> list[Doc]:
        return []

    return outputs, backprop


def _rule_spans(doc: Doc) -> list[tuple[int, int, str]]:
    if RULE_SPANS not in doc.spans:
        return []
    group = doc.spans[RULE_SPANS]
    sources = group.attrs.get("sources") or []
    return [(span.start, span.end, str(sources[i]) if i < len(sources) else "") for i, span in enumerate(group)]


@registry.architectures("iom_nlp.evidence_tok2vec.v1")  # type: ignore[untyped-decorator]
def evidence_tok2vec(tok2vec: Model[list[Doc], list[Floats2d]]) -> Model[list[Doc], list[Floats2d]]:
    """``tok2vec``'s vectors with the rules' evidence columns appended (:func:`rule_evidence`)."""
    combined: Model[list[Doc], list[Floats2d]] = concatenate(tok2vec, rule_evidence())
    return combined
