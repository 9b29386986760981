"""The trained organisation recogniser: loaded by default, left out of rules-only pipelines,
saved and loaded with the pipeline, and retrainable with the documented command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from org_helpers import train_and_export
from spacy.language import Language
from spacy.tokens import DocBin

import iom_nlp
from iom_nlp.data import models_dir
from iom_nlp.pipeline import ORG_MODEL_DIR
from iom_nlp.spans import ORG_MODEL, ORGANIZATIONS

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Geneva – The International Organization for Migration (IOM) and Qantas Airways flew 120 families home "
    "with the Department of Home Affairs and the Kenya Red Cross Society, IOM said."
)


def test_the_default_pipeline_runs_the_model_before_the_rules(nlp: Language) -> None:
    names = nlp.pipe_names
    assert ORG_MODEL in names
    assert names.index(ORG_MODEL) < names.index("iom_organizations")


def test_rules_only_pipeline_has_no_model(rules_nlp: Language) -> None:
    assert ORG_MODEL not in rules_nlp.pipe_names


def test_model_weights_are_small_enough_to_ship() -> None:
    folder = models_dir() / ORG_MODEL_DIR
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert 0 < size <= 30 * 1024 * 1024


def test_model_proposals_carry_probabilities(nlp: Language) -> None:
    doc = nlp(TEXT)
    group = doc.spans[ORG_MODEL]
    scores = group.attrs["scores"]
    assert len(scores) == len(group)
    assert all(0.0 <= float(max(row)) <= 1.0 for row in scores)


def test_every_organisation_mention_has_a_score_and_a_source(nlp: Language) -> None:
    release = iom_nlp.extract(TEXT, nlp=nlp)
    assert release.organizations
    for organization in release.organizations:
        assert 0.0 <= organization.score <= 1.0
        assert organization.score == max(mention.score for mention in organization.mentions)
        for mention in organization.mentions:
            assert mention.source in ("gazetteer", "definition", "pattern", "ner", "model")
            assert TEXT[mention.start : mention.end] == mention.text


def test_saved_pipeline_loads_with_the_same_weights_and_output(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    assert reloaded.get_pipe(ORG_MODEL).model.to_bytes() == nlp.get_pipe(ORG_MODEL).model.to_bytes()
    first, second = nlp(TEXT), reloaded(TEXT)
    assert [(s.start_char, s.end_char, s.kb_id_) for s in first.spans[ORGANIZATIONS]] == [
        (s.start_char, s.end_char, s.kb_id_) for s in second.spans[ORGANIZATIONS]
    ]
    assert first.spans[ORGANIZATIONS].attrs["scores"] == second.spans[ORGANIZATIONS].attrs["scores"]


def test_pipeline_round_trips_through_bytes(nlp: Language) -> None:
    model = nlp.get_pipe(ORG_MODEL)
    before = model.model.to_bytes()
    model.from_bytes(model.to_bytes())
    assert model.model.to_bytes() == before


def _tiny_corpus(path: Path) -> Path:
    nlp = spacy.blank("en")
    bin_ = DocBin()
    for text, names in [
        ("The Ministry of Health and UNICEF opened a clinic.", ["Ministry of Health", "UNICEF"]),
        ("Acme Airways flew the families to Juba with IOM.", ["Acme Airways", "IOM"]),
        ("The Greens and the Senate debated the bill.", ["Greens", "Senate"]),
    ]:
        doc = nlp(text)
        doc.spans["iom_org_model"] = [doc.char_span(text.index(n), text.index(n) + len(n), label="ORG") for n in names]
        bin_.add(doc)
    bin_.to_disk(path)
    return path


def test_the_training_command_trains_and_exports_on_a_tiny_corpus(tmp_path: Path) -> None:
    corpus = _tiny_corpus(tmp_path / "tiny.spacy")
    folder = train_and_export("training/orgs-without-evidence.cfg", corpus, tmp_path)
    trained = spacy.load(folder)
    assert trained.pipe_names == ["spancat"]
    assert trained.get_pipe("spancat").cfg["threshold"] == 0.05
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "iom_org_model"
    doc = trained("The Ministry of Health met.")
    assert "iom_org_model" in doc.spans


def test_shipped_calibration_is_monotonic() -> None:
    settings = json.loads((models_dir() / "org_combination.json").read_text(encoding="utf-8"))
    for row in settings["table"].values():
        assert row == sorted(row)
    assert len(settings["bins"]) == len(next(iter(settings["table"].values()), settings["bins"]))


@pytest.mark.parametrize("base", ["none", None])
def test_rules_only_extract_still_scores_organisations(base: str | None) -> None:
    release = iom_nlp.extract(TEXT, nlp=iom_nlp.load(base=base))
    assert any(o.name == "International Organization for Migration" for o in release.organizations)
    assert all(o.mentions[0].source != "model" for o in release.organizations)
