"""The rules' organisations as evidence for the trained recogniser: the per-token features
(``rules/evidence.py``), the weightless layer that reads them, the component that puts them
on the Doc before the recogniser, and the training command with the evidence config."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from org_helpers import train_and_export
from spacy.language import Language
from spacy.tokens import DocBin, SpanGroup
from spacy.util import raise_error

import iom_nlp
from iom_nlp.components.base import MissingComponentError
from iom_nlp.components.org_model import RULE_SPANS, rule_evidence
from iom_nlp.rules.evidence import FEATURES, token_features
from iom_nlp.spans import ORG_MODEL, ORGANIZATIONS

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Geneva – The International Organization for Migration (IOM) and the Kenya Red Cross Society helped 300 families, IOM said."


def _columns(matrix: numpy.ndarray, token: int) -> set[str]:
    return {name for name, value in zip(FEATURES, matrix[token], strict=True) if value}


@pytest.mark.parametrize(
    ("n_tokens", "spans", "token", "expected"),
    [
        (5, [(1, 4, "gazetteer")], 0, {"before_span"}),
        (5, [(1, 4, "gazetteer")], 1, {"begin", "source_gazetteer"}),
        (5, [(1, 4, "gazetteer")], 2, {"inside", "source_gazetteer"}),
        (5, [(1, 4, "gazetteer")], 3, {"last", "source_gazetteer"}),
        (5, [(1, 4, "gazetteer")], 4, {"after_span"}),
        (3, [(1, 2, "definition")], 1, {"unit", "source_definition"}),
        (3, [(0, 3, "pattern")], 0, {"begin", "source_pattern"}),  # no token before: nothing marked
        (3, [(0, 3, "pattern")], 2, {"last", "source_pattern"}),
        (4, [(0, 2, "ner"), (2, 4, "pattern")], 1, {"last", "before_span", "source_ner"}),  # two spans meet
        (4, [(0, 2, "ner"), (2, 4, "pattern")], 2, {"begin", "after_span", "source_pattern"}),
        (3, [(1, 2, "model")], 1, {"unit"}),  # a source the features do not name: position only
        (3, [(2, 9, "pattern")], 2, {"unit", "source_pattern"}),  # clipped to the Doc
        (3, [(2, 2, "pattern")], 2, set()),  # empty: ignored
        (0, [(0, 1, "pattern")], None, set()),
    ],
)
def test_token_features_mark_a_rule_span_and_its_neighbours(
    n_tokens: int, spans: list[tuple[int, int, str]], token: int | None, expected: set[str]
) -> None:
    matrix = token_features(n_tokens, spans)
    assert matrix.shape == (n_tokens, len(FEATURES))
    if token is not None:
        assert _columns(matrix, token) == expected


@given(st.integers(0, 30), st.lists(st.tuples(st.integers(-3, 33), st.integers(-3, 33), st.sampled_from(["gazetteer", "pattern", "x"]))))
def test_token_features_are_zero_outside_every_span_and_its_neighbours(n_tokens: int, spans: list[tuple[int, int, str]]) -> None:
    matrix = token_features(n_tokens, spans)
    near = {t for start, end, _ in spans for t in range(max(start, 0) - 1, min(end, n_tokens) + 1) if max(start, 0) < min(end, n_tokens)}
    for token in range(n_tokens):
        if token not in near:
            assert not matrix[token].any()
    assert set(numpy.unique(matrix)) <= {0.0, 1.0}


def test_the_layer_reads_the_rule_span_group_and_is_zero_without_it() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Ministry of Health met UNICEF.")
    layer = rule_evidence()
    (empty,) = layer.predict([doc])
    assert empty.shape == (len(doc), len(FEATURES)) and not empty.any()
    doc.spans[RULE_SPANS] = SpanGroup(doc, name=RULE_SPANS, spans=[doc[1:4], doc[5:6]], attrs={"sources": ["pattern", "gazetteer"]})
    (marked,) = layer.predict([doc])
    assert _columns(marked, 1) == {"begin", "source_pattern"}
    assert _columns(marked, 5) == {"unit", "source_gazetteer"}
    assert _columns(marked, 4) == {"after_span", "before_span"}


def test_evidence_is_what_the_rules_alone_find(nlp: Language) -> None:
    evidence = nlp.add_pipe("iom_org_evidence", name="evidence_probe") if "evidence_probe" not in nlp.pipe_names else None
    try:
        doc = nlp(TEXT)
    finally:
        if evidence is not None:
            nlp.remove_pipe("evidence_probe")
    rules_doc = iom_nlp.load(base=None)(TEXT)
    alone = {(s.start_char, s.end_char) for s in rules_doc.spans[ORGANIZATIONS]}
    found = doc.spans[RULE_SPANS]
    assert alone and {(s.start_char, s.end_char) for s in found} >= alone
    assert len(found.attrs["sources"]) == len(found)
    assert ORG_MODEL in doc.spans  # the recogniser's own proposals are untouched


def test_the_recognisers_evidence_spares_the_rules_a_second_pass(nlp: Language) -> None:
    organizations = nlp.get_pipe("iom_organizations")
    calls = []
    original = organizations._find_candidates

    def counting(doc: object) -> object:
        calls.append(doc)
        return original(doc)

    organizations._find_candidates = counting
    try:
        docs = list(nlp.pipe([TEXT, TEXT + " UNICEF helped."]))
    finally:
        del organizations._find_candidates
    assert len(calls) == 2  # once per Doc, by iom_org_evidence; iom_organizations reuses them
    assert not any(id(doc) in organizations._kept for doc in docs)  # taken back by iom_organizations
    fresh = iom_nlp.load()(TEXT)
    assert [(s.start_char, s.end_char, s.kb_id_) for s in docs[0].spans[ORGANIZATIONS]] == [
        (s.start_char, s.end_char, s.kb_id_) for s in fresh.spans[ORGANIZATIONS]
    ]


def test_evidence_without_the_organisations_component_says_what_to_add() -> None:
    nlp = spacy.blank("en")
    iom_nlp.pipeline.add_components(nlp, ["iom_countries"])
    nlp.add_pipe("iom_org_evidence")
    doc = nlp("The Ministry of Health met.")  # the default handler: an empty group, the batch goes on
    assert len(doc.spans[RULE_SPANS]) == 0
    nlp.set_error_handler(raise_error)
    with pytest.raises(MissingComponentError, match="iom_organizations"):
        nlp("The Ministry of Health met.")


def test_the_evidence_config_trains_and_exports_on_a_tiny_corpus(tmp_path: Path) -> None:
    blank = spacy.blank("en")
    bin_ = DocBin()
    table = {}
    for text, names in [
        ("The Ministry of Health and UNICEF opened a clinic.", ["Ministry of Health", "UNICEF"]),
        ("Acme Airways flew the families to Juba with IOM.", ["Acme Airways", "IOM"]),
    ]:
        doc = blank(text)
        doc.spans["iom_org_model"] = [doc.char_span(text.index(n), text.index(n) + len(n), label="ORG") for n in names]
        bin_.add(doc)
        table[hashlib.sha1(text.encode()).hexdigest()] = [[text.index(names[1]), text.index(names[1]) + len(names[1]), "gazetteer"]]
    bin_.to_disk(tmp_path / "tiny.spacy")
    (tmp_path / "evidence.json").write_text(json.dumps(table), encoding="utf-8")
    folder = train_and_export(
        "training/orgs.cfg", tmp_path / "tiny.spacy", tmp_path, "--components.org_evidence.path", str(tmp_path / "evidence.json")
    )
    trained = spacy.load(folder)
    assert trained.pipe_names == ["spancat"]
    assert "iom_nlp.evidence_tok2vec.v1" in trained.config.to_str()
    doc = trained("The Ministry of Health met.")
    assert "iom_org_model" in doc.spans
