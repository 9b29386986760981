"""How the trained recogniser's proposals and the rules make one list of bodies, and the
calibrated score of each mention."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from iom_nlp.rules.combination import Combination, fit_table, isotonic
from iom_nlp.rules.selection import Selector, fit, select
from iom_nlp.spans import ORG_MODEL, ORGANIZATIONS


def _with_model(nlp: Language, text: str, proposals: list[tuple[str, float]], settings: Combination) -> Doc:
    """``text`` through the rules-only pipeline, then the organisations again as if the trained
    recogniser had proposed ``proposals`` (surface, probability)."""
    doc = nlp(text)
    spans, scores = [], []
    for surface, probability in proposals:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label="ORG")
        assert span is not None, surface
        spans.append(span)
        scores.append([probability])
    group = SpanGroup(doc, name=ORG_MODEL, spans=spans)
    group.attrs["scores"] = scores
    doc.spans[ORG_MODEL] = group
    component = nlp.get_pipe("iom_organizations")
    saved = component.combination
    component.combination = settings
    try:
        component(doc)
    finally:
        component.combination = saved
    return doc


def _found(doc: Doc) -> dict[str, str]:
    group = doc.spans[ORGANIZATIONS]
    return {span.text: source for span, source in zip(group, group.attrs["sources"], strict=True)}


SETTINGS = Combination(
    accept=0.5,
    veto=None,
    floor=0.05,
    bins=[0.0, 0.5, 0.9],
    table={"known": [0.9, 0.95, 0.99], "rules": [0.5, 0.8, 0.9], "model": [0.2, 0.7, 0.93]},
)


@pytest.mark.parametrize(
    ("text", "proposals", "found", "source"),
    [
        ("Acme Widgets signed a contract with the agency.", [("Acme Widgets", 0.92)], "Acme Widgets", "model"),
        ("Officials from Qantas flew the families home.", [("Qantas", 0.7)], "Qantas", "model"),
        # a known body keeps the gazetteer's boundaries and name over the model's
        ("The Department of Home Affairs said.", [("Department of Home", 0.9)], "Department of Home Affairs", "gazetteer"),
        # the rules' guess stands where the model proposed nothing
        ("The Zanzibar Reform Council met.", [], "Zanzibar Reform Council", "pattern"),
    ],
)
def test_accepted_proposals_and_rules_meet(
    rules_nlp: Language, text: str, proposals: list[tuple[str, float]], found: str, source: str
) -> None:
    assert _found(_with_model(rules_nlp, text, proposals, SETTINGS)).get(found) == source


@pytest.mark.parametrize(
    ("text", "proposals", "absent"),
    [
        ("Acme Widgets signed a contract with the agency.", [("Acme Widgets", 0.3)], "Acme Widgets"),  # below accept
        ("She met the Minister for Immigration today.", [("Minister for Immigration", 0.95)], "Minister for Immigration"),  # a role
        ("The Department of Home Affairs said.", [("Department of Home", 0.9)], "Department of Home"),
    ],
)
def test_refused_proposals(rules_nlp: Language, text: str, proposals: list[tuple[str, float]], absent: str) -> None:
    assert absent not in _found(_with_model(rules_nlp, text, proposals, SETTINGS))


def test_more_probable_boundary_wins(rules_nlp: Language) -> None:
    text = "Funds came from the Acme Widgets Holdings board."
    doc = _with_model(rules_nlp, text, [("Acme Widgets", 0.6), ("Acme Widgets Holdings", 0.9)], SETTINGS)
    assert "Acme Widgets Holdings" in _found(doc)
    assert "Acme Widgets" not in _found(doc)


@pytest.mark.parametrize(
    ("overrule", "text", "proposals", "found", "absent"),
    [
        # the model is sure of a piece and unsure of the rules' whole: two bodies joined by "and"
        (
            0.9,
            "Jubilo Holdings and Acme Widgets Corporation donated meals.",
            [("Acme Widgets Corporation", 0.99), ("Jubilo Holdings", 0.97)],
            ["Acme Widgets Corporation", "Jubilo Holdings"],
            ["Jubilo Holdings and Acme Widgets Corporation"],
        ),
        # not sure enough: the rules' boundaries stand
        (
            0.9,
            "Jubilo Holdings and Acme Widgets Corporation donated meals.",
            [("Acme Widgets Corporation", 0.8)],
            ["Jubilo Holdings and Acme Widgets Corporation"],
            ["Acme Widgets Corporation"],
        ),
        # off: the rules' boundaries stand however sure the model is
        (
            None,
            "Jubilo Holdings and Acme Widgets Corporation donated meals.",
            [("Acme Widgets Corporation", 0.99)],
            ["Jubilo Holdings and Acme Widgets Corporation"],
            ["Acme Widgets Corporation"],
        ),
        # what the model leaves out names a body of its own ("… Council", "to ASEAN"): the rules' name stands
        (
            0.9,
            "The Zanzibar Reform Council met.",
            [("Zanzibar Reform", 0.99)],
            ["Zanzibar Reform Council"],
            ["Zanzibar Reform"],
        ),
        (
            0.9,
            "The Jubilo Mission to ASEAN met.",
            [("Jubilo Mission", 0.99)],
            ["Jubilo Mission to ASEAN"],
            ["Jubilo Mission"],
        ),
        # the model accepts the rules' own span too: the rules' boundaries stand
        (
            0.9,
            "The Zanzibar Reform Council met.",
            [("Zanzibar Reform Council", 0.6), ("Zanzibar Reform", 0.95)],
            ["Zanzibar Reform Council"],
            ["Zanzibar Reform"],
        ),
    ],
)
def test_a_sure_model_overrules_the_rules_boundaries(
    rules_nlp: Language, overrule: float | None, text: str, proposals: list[tuple[str, float]], found: list[str], absent: list[str]
) -> None:
    bodies = _found(_with_model(rules_nlp, text, proposals, replace(SETTINGS, prefer="rules", overrule=overrule)))
    assert [surface for surface in found if surface not in bodies] == []
    assert [surface for surface in absent if surface in bodies] == []


@pytest.mark.parametrize(("veto", "kept"), [(None, True), (0.2, False)])
def test_veto_drops_rule_guesses_the_model_did_not_support(rules_nlp: Language, veto: float | None, kept: bool) -> None:
    text = "The Zanzibar Reform Council met."
    doc = _with_model(rules_nlp, text, [], replace(SETTINGS, veto=veto))
    assert ("Zanzibar Reform Council" in _found(doc)) is kept


OVERRULABLE = ("head words only", "person", "not a body")


@pytest.mark.parametrize(
    ("text", "proposal", "overrules", "kept"),
    [
        # a chamber named by its head word alone: the rules refuse it, a sure model may keep it
        ("The Senate passed the bill on Tuesday.", "Senate", (), False),
        ("The Senate passed the bill on Tuesday.", "Senate", OVERRULABLE, True),
        ("Sailors of the Navy rescued 40 people.", "Navy", OVERRULABLE, True),
        # the curated generic words are never a body alone, however sure the model is
        ("Voters may yet turn to the Coalition in March.", "Coalition", OVERRULABLE, False),
        ("The Opposition said the plan would fail.", "Opposition", OVERRULABLE, False),
        ("The Government will fund the centre.", "Government", OVERRULABLE, False),
    ],
)
def test_the_model_overrules_only_the_reasons_listed(
    rules_nlp: Language, text: str, proposal: str, overrules: tuple[str, ...], kept: bool
) -> None:
    settings = replace(SETTINGS, accept_alone=None, model_overrules=list(overrules))
    assert (proposal in _found(_with_model(rules_nlp, text, [(proposal, 0.97)], settings))) is kept


def test_every_mention_carries_a_calibrated_score_and_source(rules_nlp: Language) -> None:
    text = "Acme Widgets and the Department of Home Affairs met the Zanzibar Reform Council."
    doc = _with_model(rules_nlp, text, [("Acme Widgets", 0.95)], SETTINGS)
    group = doc.spans[ORGANIZATIONS]
    by_text = {span.text: (score, source) for span, score, source in zip(group, group.attrs["scores"], group.attrs["sources"], strict=True)}
    assert by_text["Acme Widgets"] == (0.93, "model")
    assert by_text["Department of Home Affairs"] == (0.9, "gazetteer")  # no model probability: the lowest bin
    assert by_text["Zanzibar Reform Council"] == (0.5, "pattern")


def test_without_the_model_scores_come_from_the_rules_only_shares(rules_nlp: Language) -> None:
    doc = rules_nlp("The Department of Home Affairs said.")
    group = doc.spans[ORGANIZATIONS]
    component = rules_nlp.get_pipe("iom_organizations")
    assert group.attrs["scores"] == [component.rules_only.get("known", 0.5)]
    assert group.attrs["sources"] == ["gazetteer"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"bins": [0.1, 0.5]}, "bins must rise from 0.0"),
        ({"bins": [0.0, 0.5], "table": {"model": [0.2]}}, "needs 2 shares"),
        ({"bins": [0.0], "table": {"oracle": [0.2]}}, "none of"),
        ({"bins": [0.0], "table": {"model": [1.2]}}, "in [0, 1]"),
        ({"overrule": 1.5}, "overrule must be a probability"),
        ({"accept": -0.1}, "accept must be a probability"),
    ],
)
def test_bad_combination_settings_are_refused(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Combination(**settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shares", "weights", "expected"),
    [
        ([0.2, 0.4, 0.9], [1, 1, 1], [0.2, 0.4, 0.9]),
        ([0.5, 0.3], [1, 1], [0.4, 0.4]),
        ([0.5, 0.3], [3, 1], [0.45, 0.45]),
        ([0.9, 0.1, 0.8, 0.7], [1, 1, 1, 1], [0.5, 0.5, 0.75, 0.75]),
    ],
)
def test_isotonic_never_lets_a_higher_bin_score_lower(shares: list[float], weights: list[float], expected: list[float]) -> None:
    assert isotonic(shares, weights) == pytest.approx(expected)


def test_calibration_table_follows_the_observed_shares() -> None:
    # a fixture: model mentions right 1 time in 4 below 0.5, 19 in 20 at 0.9 and above
    observations = [("model", 0.2, i % 4 == 0) for i in range(40)] + [("model", 0.95, i % 20 != 0) for i in range(40)]
    observations += [("known", 0.0, True)] * 30
    table = fit_table(observations, [0.0, 0.5, 0.9], prior_weight=0.0)
    assert table["model"][0] == pytest.approx(0.25)
    assert table["model"][2] == pytest.approx(0.95)
    assert table["model"][1] == pytest.approx(0.25)  # an empty bin claims no more than the bin below
    assert table["known"] == [1.0, 1.0, 1.0]
    assert "rules" not in table


@pytest.mark.parametrize(
    ("scored", "threshold", "kept"),
    [
        # overlapping: the likelier wins; apart: both
        ([(0, 10, 0.9, "long"), (0, 4, 0.6, "short"), (20, 25, 0.7, "other")], 0.5, ["long", "other"]),
        ([(0, 10, 0.55, "long"), (0, 4, 0.8, "short")], 0.5, ["short"]),
        # below the threshold: none, even without a rival
        ([(0, 10, 0.4, "long")], 0.5, []),
        # a tie goes to the longer span
        ([(0, 4, 0.7, "short"), (0, 10, 0.7, "long")], 0.5, ["long"]),
    ],
)
def test_selection_keeps_the_likeliest_of_overlapping_candidates(
    scored: list[tuple[int, int, float, str]], threshold: float, kept: list[str]
) -> None:
    assert select(scored, threshold) == kept


def test_the_selector_learns_which_features_make_a_body() -> None:
    # a fixture: candidates with a high model probability are right 9 times in 10, others 1 in 10
    rows = [({"bias": 1.0, "probability": 0.95}, i % 10 != 0) for i in range(100)]
    rows += [({"bias": 1.0, "probability": 0.1}, i % 10 == 0) for i in range(100)]
    weights = fit(rows, l2=0.1)
    selector = Selector(weights=weights, threshold=0.5)
    assert weights["probability"] > 0
    assert selector.probability({"bias": 1.0, "probability": 0.95}) == pytest.approx(0.9, abs=0.03)
    assert selector.probability({"bias": 1.0, "probability": 0.1}) == pytest.approx(0.1, abs=0.03)
    assert weights["acronym"] == 0.0  # a feature no candidate had


@pytest.mark.parametrize(
    ("settings", "message"),
    [({"weights": {"oracle": 1.0}}, "unknown features"), ({"threshold": 2.0}, "threshold must be in")],
)
def test_bad_selector_settings_are_refused(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Selector(**settings)  # type: ignore[arg-type]


def test_a_fitted_selector_chooses_between_the_rules_and_the_model(rules_nlp: Language) -> None:
    text = "Jubilo Holdings and Acme Widgets Corporation donated meals."
    proposals = [("Acme Widgets Corporation", 0.99), ("Jubilo Holdings", 0.97)]
    trusting_the_model = Selector(weights={"bias": -2.0, "probability": 4.0}, threshold=0.5)
    found = _found(_with_model(rules_nlp, text, proposals, replace(SETTINGS, selector=trusting_the_model)))
    assert found == {"Acme Widgets Corporation": "model", "Jubilo Holdings": "model"}
    trusting_the_rules = Selector(weights={"bias": -2.0, "pattern": 4.0}, threshold=0.5)
    found = _found(_with_model(rules_nlp, text, proposals, replace(SETTINGS, selector=trusting_the_rules)))
    assert found == {"Jubilo Holdings and Acme Widgets Corporation": "pattern"}
