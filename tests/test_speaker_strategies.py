"""Speaker strategies: each one reads its own way of writing who said a quote, and names itself.

The strategies of :data:`iom_nlp.rules.speakers.STRATEGIES` (and the French and Spanish ones)
are tried in order; the first that reads an attribution wins, and its name is the quote's
``source``. Each strategy has a table of positive cases (the strategy attributes the quote, and
the speaker is the one written) and negative cases (a near miss: another strategy, or none,
attributes it). The sentences are invented. Then: the speakers no written attribution gives
(carried from another quote, a letterhead), the quote group's ``attrs["sources"]``, and
``models/speakers.json`` (validated on load, read through the component's ``data_path``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from data_helpers import copy_models
from spacy.language import Language

from iom_nlp.components.quotes import COMPONENT_SETTINGS, FR_ES_FILE, SETTINGS_FILE, SOURCE_DESCRIPTIONS, SOURCES_ATTR
from iom_nlp.data import SettingsError, load_json, settings_from_json
from iom_nlp.pipeline import add_components
from iom_nlp.rules.quotes import find_quote_spans
from iom_nlp.rules.speakers import (
    CONTINUES_PREVIOUS,
    INHERITS_NEXT,
    LETTERHEAD,
    PARSE_SOURCE,
    RULES_FILE,
    STRATEGIES,
    UNATTRIBUTED,
    Attribution,
    SpeakerSettings,
    WrittenAttributions,
    attribute_quotes,
    people_from_patterns,
    read_speaker_rules,
)
from iom_nlp.rules.speakers_fr_es import ROMANCE_STRATEGIES, RomanceSpeakerSettings, read_attributions, resolve

SETTINGS, _ = settings_from_json(load_json(SETTINGS_FILE), SpeakerSettings, SETTINGS_FILE, COMPONENT_SETTINGS)
FR_ES, _ = settings_from_json(load_json(FR_ES_FILE), RomanceSpeakerSettings, FR_ES_FILE)
NOBODY = Attribution(None, None, None, None, None)
# The quote most cases open with; its attribution follows.
Q = "“Families need shelter before the rains come,”"
QUOTE = "“Families need shelter before the rains come.”"


def attributed(text: str) -> list[tuple[str | None, str | None]]:
    """(source, speaker) of every quote in ``text``, by the English rules alone."""
    quotes = find_quote_spans(text)
    found = attribute_quotes(text, quotes, people_from_patterns(text, SETTINGS), SETTINGS)
    return [(attribution.source, attribution.name) for attribution in found]


def attributed_fr_es(text: str) -> list[tuple[str | None, str | None]]:
    """(source, speaker) of every quote in ``text``, by the French and Spanish rules alone."""
    quotes = find_quote_spans(text)
    written = read_attributions(text, quotes, FR_ES)
    return [(found.source, found.name) for found in resolve(text, quotes, written, [NOBODY] * len(quotes), FR_ES)]


# --- the table itself -------------------------------------------------------------------------


def test_strategy_names_are_unique_and_distinct_from_the_carried_sources() -> None:
    names = [strategy.name for strategy in STRATEGIES] + [strategy.name for strategy in ROMANCE_STRATEGIES]
    carried = [PARSE_SOURCE, CONTINUES_PREVIOUS, INHERITS_NEXT, LETTERHEAD, UNATTRIBUTED]
    assert len(set(names + carried)) == len(names + carried)
    assert all(strategy.example for strategy in [*STRATEGIES, *ROMANCE_STRATEGIES])


def test_the_table_runs_in_its_written_order() -> None:
    """The order is a decision (a role-then-name reading before the plain name patterns): pinned here."""
    assert [strategy.name for strategy in STRATEGIES] == [
        "cue_then_role_name",
        "cue_the_role_name",
        "role_name_then_cue",
        "unnamed_role_then_cue",
        "role_reference_then_cue",
        "cue_then_role_comma_name",
        "cue_then_name",
        "name_then_cue",
        "dash_name",
        "pull_quote_lines",
        "lead_in_role_name",
        "according_to",
        "according_to_role_name",
        "lead_in_name",
        "colon_lead_in",
        "tail_inside_quote",
    ]
    assert [strategy.name for strategy in ROMANCE_STRATEGIES] == ["fr_es_verb_after_quote", "fr_es_lead_in"]


# --- one table per strategy: (text, speaker) it attributes; texts it must leave to another ------

POSITIVE = {
    "cue_then_role_name": [
        (Q + " said Greens’ spokesperson for immigration Senator Jane Doe.", "Jane Doe"),
        (Q + " said IOM’s Chief of Mission in Chad Ana Kahn.", "Ana Kahn"),
        (Q + " said Ambassador to Sudan, Hiroshi Tanaka.", "Hiroshi Tanaka"),
    ],
    "cue_the_role_name": [
        (Q + " said the Greens spokesperson Jane Doe.", "Jane Doe"),
        (Q + " said the head of IOM’s office in Gaziantep, Jane Doe.", "Jane Doe"),
        (Q + " said the Minister for Pacific Affairs, Sam Sample.", "Sam Sample"),
    ],
    "role_name_then_cue": [
        (Q + " IOM Director General Amy Pope said.", "Amy Pope"),
        (Q + " Shadow Minister for Immigration Jane Roe said.", "Jane Roe"),
    ],
    "unnamed_role_then_cue": [
        (Q + " the relief agency’s logistics chief told reporters.", None),
        (Q + " a 27-year-old worker told reporters.", None),
        (Q + " the IOM spokesperson added.", None),
    ],
    "role_reference_then_cue": [
        ("IOM Chief of Mission Maria Moita visited the camp on Monday.\n\n" + Q + " the Chief of Mission said.", "Maria Moita"),
        (Q + " the spokesman said.", None),  # a role nobody in the release holds: unnamed
    ],
    "cue_then_role_comma_name": [
        (Q + " said Minister for Pacific Affairs, Senator Sample.", "Sample"),
        (Q + " said Chief of Mission in Yemen, Dr Huber.", "Huber"),
    ],
    "cue_then_name": [
        (Q + " said Jane Doe, IOM spokesperson.", "Jane Doe"),
        (Q + " said Jane Doe.", "Jane Doe"),
    ],
    "name_then_cue": [
        (Q + " Jane Doe said.", "Jane Doe"),
        ("Ousmane, 24, left Agadez in May. " + Q + " he said.", "Ousmane"),
    ],
    "dash_name": [
        (QUOTE + " – Jane Doe, IOM", "Jane Doe"),
        (QUOTE + " — Senator Jane Doe", "Jane Doe"),
    ],
    "pull_quote_lines": [
        (QUOTE + "\nJane Doe\nIOM Regional Director for East Africa\n", "Jane Doe"),
    ],
    "lead_in_role_name": [
        ("IOM Director General Amy Pope said: " + QUOTE, "Amy Pope"),
        ("IOM spokesperson Joe Smith told journalists in Geneva: " + QUOTE, "Joe Smith"),
    ],
    "according_to": [
        ("According to Jane Doe, “families need shelter before the rains come.”", "Jane Doe"),
    ],
    "according_to_role_name": [
        ("According to IOM Niger’s Chief of Mission Jane Doe, “families need shelter before the rains come.”", "Jane Doe"),
    ],
    "lead_in_name": [
        ("Jane Doe said: " + QUOTE, "Jane Doe"),
        ("Jane Doe said in Geneva on Tuesday:\n\n" + QUOTE, "Jane Doe"),
    ],
    "colon_lead_in": [
        ("The following statement is attributable to IOM Director General Jane Doe: " + QUOTE, "Jane Doe"),
    ],
    "tail_inside_quote": [
        ("“We will not give up on these families, Senator Jane Doe concluded.", "Jane Doe"),
    ],
}

NEGATIVE = {
    "cue_then_role_name": [
        Q + " said Jane Doe.",  # a name and no role: the plain name pattern
        Q + " Jane Doe said.",
    ],
    "cue_the_role_name": [
        Q + " said the Greens spokesperson.",  # a role and no name
        Q + " said Jane Doe, the IOM spokesperson.",
    ],
    "role_name_then_cue": [
        Q + " Jane Doe said.",  # no role before the name
        Q + " the heads of the two agencies said.",
    ],
    "unnamed_role_then_cue": [
        Q + " the spokesman said.",  # two words: a role reference, looked up in the release
        Q + " IOM Director General Amy Pope said.",
    ],
    "role_reference_then_cue": [
        Q + " the heads of the two agencies said.",  # not all role words: an unnamed speaker
        Q + " the IOM spokesperson Jane Doe said.",
    ],
    "cue_then_role_comma_name": [
        Q + " said Minister for Pacific Affairs Senator Sample.",  # no comma: the role-then-name reading
        Q + " said the Minister for Pacific Affairs.",
    ],
    "cue_then_name": [
        Q + " said IOM Director General Amy Pope.",  # a role first
        Q + " Jane Doe said.",
    ],
    "name_then_cue": [
        Q + " IOM Director General Amy Pope said.",  # a role first
        Q + " said Jane Doe.",
    ],
    "dash_name": [
        QUOTE + " – in Geneva, on Monday.",
        QUOTE + " Jane Doe, IOM",
    ],
    "pull_quote_lines": [
        QUOTE + "\nJane Doe\nShe arrived in Geneva on Monday with her family.\n",  # body text, not a role
        QUOTE + " Jane Doe\nIOM Regional Director for East Africa\n",  # the quote's line goes on
    ],
    "lead_in_role_name": [
        "Jane Doe said: " + QUOTE,  # no role before the name
        "The statement was read out: " + QUOTE,
    ],
    "according_to": [
        "According to the report, “families need shelter before the rains come.”",
        "According to IOM Niger’s Chief of Mission Jane Doe, “families need shelter before the rains come.”",
    ],
    "according_to_role_name": [
        "According to Jane Doe, “families need shelter before the rains come.”",  # no role
        "According to the report, “families need shelter before the rains come.”",
    ],
    "lead_in_name": [
        "He told a press conference in Geneva on Monday:\n\n" + QUOTE,  # a pronoun, a paragraph away from its person
        "IOM Director General Amy Pope said: " + QUOTE,
    ],
    "colon_lead_in": [
        "The following statement was released on Monday: " + QUOTE,  # no name closes the lead-in
        "Jane Doe said: " + QUOTE,
    ],
    "tail_inside_quote": [
        "“We will not give up on these families, Senator Jane Doe concluded.” And the talks went on.",  # closed
        "“We will not give up on these families and the talks went on.",
    ],
}


def _cases(table: dict[str, list[tuple[str, str | None]]]) -> list[tuple[str, str, str | None]]:
    return [(name, text, speaker) for name, cases in table.items() for text, speaker in cases]


def test_every_strategy_has_positive_and_negative_cases() -> None:
    names = {strategy.name for strategy in STRATEGIES}
    assert set(POSITIVE) == names
    assert set(NEGATIVE) == names


@pytest.mark.parametrize(("strategy", "text", "speaker"), _cases(POSITIVE), ids=lambda value: str(value)[:50])
def test_strategy_attributes_the_quote_it_reads_and_names_itself(strategy: str, text: str, speaker: str | None) -> None:
    assert attributed(text)[0] == (strategy, speaker)


@pytest.mark.parametrize(
    ("strategy", "text"), [(name, text) for name, texts in NEGATIVE.items() for text in texts], ids=lambda value: str(value)[:50]
)
def test_strategy_leaves_a_near_miss_to_another_or_to_nobody(strategy: str, text: str) -> None:
    source, _ = attributed(text)[0]
    assert source != strategy


# --- French and Spanish ------------------------------------------------------------------------

ROMANCE_POSITIVE = [
    ("fr_es_verb_after_quote",
     "« Les familles ont besoin d'abris avant la saison des pluies », a déclaré Jane Doe, Chef de mission de l'OIM au Niger.",
     "Jane Doe"),
    ("fr_es_verb_after_quote", "“Las familias necesitan refugio antes de las lluvias”, dijo Jane Doe, jefa de Misión.", "Jane Doe"),
    ("fr_es_verb_after_quote", "Khady, 27 ans, vit à Niamey. « Je veux rentrer chez moi avec mes enfants », a-t-elle expliqué.", "Khady"),
    ("fr_es_lead_in", "Jane Doe, directrice régionale de l'OIM, a déclaré : « Les familles ont besoin d'abris avant la saison. »",
     "Jane Doe"),
    ("fr_es_lead_in", "Selon le préfet de Liwa, Juan Roe, « les familles ont besoin d'abris avant la saison des pluies ».", "Juan Roe"),
]
ROMANCE_NEGATIVE = [
    ("fr_es_verb_after_quote", "Jane Doe, directrice régionale de l'OIM, a déclaré : « Les familles ont besoin d'abris avant la saison. »"),
    ("fr_es_verb_after_quote", "« Les familles ont besoin d'abris avant la saison des pluies », écrit le rapport publié hier."),
    ("fr_es_lead_in", "« Les familles ont besoin d'abris avant la saison des pluies », a déclaré Jane Doe, Chef de mission."),
    ("fr_es_lead_in", "Le rapport publié hier : « les familles ont besoin d'abris avant la saison des pluies »."),
]


@pytest.mark.parametrize(("strategy", "text", "speaker"), ROMANCE_POSITIVE, ids=lambda value: str(value)[:50])
def test_french_and_spanish_strategy_attributes_and_names_itself(strategy: str, text: str, speaker: str) -> None:
    assert attributed_fr_es(text)[0] == (strategy, speaker)


@pytest.mark.parametrize(("strategy", "text"), ROMANCE_NEGATIVE, ids=lambda value: str(value)[:50])
def test_french_and_spanish_strategy_leaves_a_near_miss(strategy: str, text: str) -> None:
    assert attributed_fr_es(text)[0][0] != strategy


def test_a_french_quote_that_follows_closely_continues_its_speaker() -> None:
    text = "« Les familles ont besoin d'abris avant la saison des pluies », a déclaré Jane Doe. « Les routes sont coupées depuis hier. »"
    assert attributed_fr_es(text) == [("fr_es_verb_after_quote", "Jane Doe"), (CONTINUES_PREVIOUS, "Jane Doe")]


# --- speakers carried from elsewhere in the release ---------------------------------------------

CARRIED = [
    (Q + " said Jane Doe. “The roads are closed and the trucks cannot pass.”",
     [("cue_then_name", "Jane Doe"), (CONTINUES_PREVIOUS, "Jane Doe")]),
    ("“The roads are closed and the trucks cannot pass.”\n" + Q + " said Jane Doe.",
     [(INHERITS_NEXT, "Jane Doe"), ("cue_then_name", "Jane Doe")]),
    ("Senator Jane Doe | Greens spokesperson for immigration\n\n“We will fight this bill in the Senate with every vote we have.”",
     [(LETTERHEAD, "Jane Doe")]),
    ("The report was titled “Families need shelter before the rains come” and it was long.", [(UNATTRIBUTED, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CARRIED, ids=["continues-previous", "inherits-next", "letterhead", "unattributed"])
def test_a_speaker_no_attribution_gives_names_how_it_was_carried(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert attributed(text) == expected


def test_the_parse_fallback_is_named_dependency_parse_and_asked_only_when_no_strategy_reads() -> None:
    asked = []

    def fallback(quote: object) -> Attribution:
        asked.append(quote)
        return Attribution("Jane Doe", None, "said", 0, 8)

    unwritten = "The families need shelter. " + QUOTE + " That was what we heard."
    assert [found.source for found in WrittenAttributions(unwritten, SETTINGS, fallback)(find_quote_spans(unwritten))] == [PARSE_SOURCE]
    written = Q + " Jane Doe said."
    assert [found.source for found in WrittenAttributions(written, SETTINGS, fallback)(find_quote_spans(written))] == ["name_then_cue"]
    assert len(asked) == 1


# --- the component: attrs["sources"] on the quote group ------------------------------------------


@pytest.fixture(scope="module")
def quotes_alone() -> Language:
    return add_components(spacy.blank("en"), ["iom_quotes"])


def test_the_quote_group_names_each_spans_source_in_span_order(quotes_alone: Language) -> None:
    text = (
        "Senator Jane Doe | Greens spokesperson for immigration\n\n"
        + Q + " IOM Director General Amy Pope said. “The roads are closed and the trucks cannot pass.”\n\n"
        "Selon le préfet de Liwa, Juan Roe, « les familles ont besoin d'abris avant la saison des pluies »."
    )
    doc = quotes_alone(text)
    group = doc.spans["iom_quotes"]
    assert group.attrs[SOURCES_ATTR] == ["role_name_then_cue", CONTINUES_PREVIOUS, "fr_es_lead_in"]
    assert [span._.iom_quote["speaker"]["name"] for span in group] == ["Amy Pope", "Amy Pope", "Juan Roe"]


def test_a_release_without_quotes_has_an_empty_sources_list(quotes_alone: Language) -> None:
    doc = quotes_alone("No quotes here, only a plain sentence about shelter.")
    group = doc.spans["iom_quotes"]
    assert len(group) == 0 and group.attrs[SOURCES_ATTR] == []


# --- models/speakers.json: validated, and read through data_path ---------------------------------


def _write_rules(folder: Path, edit: dict[str, object]) -> None:
    data = json.loads((folder / RULES_FILE).read_text(encoding="utf-8"))
    data.update(edit)
    (folder / RULES_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"max_subject_chars": "far"}, "max_subject_chars"),
        ({"role_reference_opener": ["the"]}, "unknown setting 'role_reference_opener'"),
        ({"title_joiners": "and"}, "title_joiners"),
    ],
    ids=["mistyped-number", "misspelt-key", "string-for-a-list"],
)
def test_a_bad_entry_in_speakers_json_is_an_error_naming_file_and_entry(tmp_path: Path, edit: dict[str, object], message: str) -> None:
    folder = copy_models(tmp_path / "data")
    _write_rules(folder, edit)
    with pytest.raises(SettingsError, match=rf"{RULES_FILE}.*{message}"):
        add_components(spacy.blank("en"), ["iom_quotes"], data_path=str(folder))


def test_a_missing_entry_in_speakers_json_is_an_error() -> None:
    data = load_json(RULES_FILE)
    del data["joint_speaker_cues"]
    with pytest.raises(SettingsError, match="missing setting 'joint_speaker_cues'"):
        read_speaker_rules(json.dumps(data))


def test_a_changed_entry_in_a_copied_data_path_changes_the_speaker(tmp_path: Path, quotes_alone: Language) -> None:
    """"our" opens a role reference in the packaged rules; without it, "our spokesperson" is nobody known."""
    text = "IOM spokesperson Joe Millman visited the camp on Monday.\n\n" + Q + " our spokesperson said."
    folder = copy_models(tmp_path / "data")
    _write_rules(folder, {"role_reference_openers": ["the", "its"]})
    changed = add_components(spacy.blank("en"), ["iom_quotes"], data_path=str(folder))
    packaged_doc, changed_doc = quotes_alone(text), changed(text)
    before = [(span._.iom_quote["speaker"] or {}).get("name") for span in packaged_doc.spans["iom_quotes"]]
    after = [(span._.iom_quote["speaker"] or {}).get("name") for span in changed_doc.spans["iom_quotes"]]
    assert before == ["Joe Millman"]
    assert after != before


def test_a_changed_entry_in_a_copied_speakers_fr_es_changes_the_speaker(tmp_path: Path, quotes_alone: Language) -> None:
    """The French pronoun strategy looks back ``max_subject_chars`` for the person a sentence opens with."""
    text = "Khady, 27 ans, vit à Niamey depuis deux ans. « Je veux rentrer chez moi avec mes enfants », a-t-elle expliqué."
    folder = copy_models(tmp_path / "data")
    data = json.loads((folder / FR_ES_FILE).read_text(encoding="utf-8"))
    data["max_subject_chars"] = 5
    (folder / FR_ES_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = add_components(spacy.blank("en"), ["iom_quotes"], data_path=str(folder))
    packaged_doc, changed_doc = quotes_alone(text), changed(text)
    assert [(span._.iom_quote["speaker"] or {}).get("name") for span in packaged_doc.spans["iom_quotes"]] == ["Khady"]
    assert [(span._.iom_quote["speaker"] or {}).get("name") for span in changed_doc.spans["iom_quotes"]] == [None]


def test_every_source_the_component_writes_is_described() -> None:
    """--explain prints what a source means; every name a quote can carry has a description."""
    names = {strategy.name for strategy in STRATEGIES} | {strategy.name for strategy in ROMANCE_STRATEGIES}
    names |= {PARSE_SOURCE, CONTINUES_PREVIOUS, INHERITS_NEXT, LETTERHEAD, UNATTRIBUTED}
    assert set(SOURCE_DESCRIPTIONS) == names
    assert all(description.strip() for description in SOURCE_DESCRIPTIONS.values())
