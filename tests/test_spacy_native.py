"""iom_nlp behaves as a spaCy package: one settings source, serialisation, entry points, pipe analysis."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from data_helpers import copy_models
from spacy.language import Language

import iom_nlp
from iom_nlp.components.base import IomComponent
from iom_nlp.data import SettingsError
from iom_nlp.pipeline import COMPONENTS, add_components


def _alone(name: str, data_path: str | None = None) -> Any:
    """``name`` in a blank pipeline with the components it requires (added before it)."""
    return add_components(spacy.blank("en"), [name], data_path=data_path).get_pipe(name)


def _settings_state(component: IomComponent) -> dict[str, Any]:
    """Everything a component's behaviour depends on: its data files and the settings built from them."""
    state: dict[str, Any] = {"data": component.data}
    for attribute in ("settings", "rules", "min_quote_words"):
        value = getattr(component, attribute, None)
        if value is not None:
            state[attribute] = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value  # type: ignore[arg-type]
    return state


def _results(doc: Any) -> dict[str, Any]:
    spans = {key: [(span.start_char, span.end_char, span.label_, span.kb_id_) for span in group] for key, group in doc.spans.items()}
    speakers = [(span._.iom_quote or {}).get("speaker") for span in doc.spans.get("iom_quotes", [])]
    return {"spans": spans, "speakers": speakers, "contacts": doc._.iom_contacts, "structure": doc._.iom_structure}


def _speaker_names(doc: Any) -> list[str]:
    return [span._.iom_quote["speaker"]["name"] for span in doc.spans["iom_quotes"] if span._.iom_quote["speaker"]]


# --- Bug 1: add_pipe and load() configure every component identically -------------------------


@pytest.mark.parametrize("name", COMPONENTS)
def test_add_pipe_gives_the_settings_of_load(rules_nlp: Language, name: str) -> None:
    added = _alone(name)
    assert isinstance(added, IomComponent)
    assert _settings_state(added) == _settings_state(rules_nlp.get_pipe(name))


def test_add_pipe_quotes_finds_the_speakers_of_load(rules_nlp: Language, release_text: str, release_expected: dict[str, Any]) -> None:
    """The entry-point path alone (no other component, plain tokenizer) names the same speakers."""
    blank = add_components(spacy.blank("en"), ["iom_quotes"])
    by_add_pipe = _speaker_names(blank(release_text))
    by_load = _speaker_names(rules_nlp(release_text))
    assert by_add_pipe == by_load
    assert set(by_load) == set(release_expected["speakers"])


@pytest.mark.parametrize(
    ("file", "edit", "message"),
    [
        ("quotes.json", lambda data: data.update(cuess=data.pop("cues")), "cuess"),
        ("quotes.json", lambda data: data.update(min_quote_words="many"), "min_quote_words"),
        ("quotes.json", lambda data: data.pop("pronouns"), "pronouns"),
        ("emails.json", lambda data: data.update(max_local_lenght=64), "max_local_lenght"),
        ("phones.json", lambda data: data.update(default_region=["US"]), "default_region"),
        ("contacts.json", lambda data: data.update(zone_char=600), "zone_char"),
        ("structure.json", lambda data: data.update(navigation_line=[]), "navigation_line"),
        ("country_rules.json", lambda data: data.update(ambiguous_name={}), "ambiguous_name"),
        ("organization_rules.json", lambda data: data.update(head_word=[]), "head_word"),
    ],
)
def test_a_misspelt_or_mistyped_setting_is_an_error_naming_key_and_file(tmp_path: Path, file: str, edit: Any, message: str) -> None:
    folder = copy_models(tmp_path / "data")
    data = json.loads((folder / file).read_text(encoding="utf-8"))
    edit(data)
    (folder / file).write_text(json.dumps(data), encoding="utf-8")
    name = next(name for name in COMPONENTS if file in _alone(name).data_files)
    with pytest.raises(SettingsError, match=rf"{file}.*{message}"):
        _alone(name, str(folder))


def test_data_path_changes_the_settings(tmp_path: Path) -> None:
    """A folder laid out like models/ configures the component: a new speech verb is a cue."""
    folder = copy_models(tmp_path / "data")
    data = json.loads((folder / "quotes.json").read_text(encoding="utf-8"))
    data["cues"] = ["grumbled"]
    (folder / "quotes.json").write_text(json.dumps(data), encoding="utf-8")
    text = "“We will not leave anyone behind in this crisis,” grumbled Jane Roe."
    custom = add_components(spacy.blank("en"), ["iom_quotes"], data_path=str(folder))
    default = add_components(spacy.blank("en"), ["iom_quotes"])
    custom_doc, default_doc = custom(text), default(text)
    assert custom_doc.spans["iom_quotes"][0]._.iom_quote["cue"] == "grumbled"
    assert default_doc.spans["iom_quotes"][0]._.iom_quote["cue"] != "grumbled"


# --- Serialisation ----------------------------------------------------------------------------


def _edited(component: IomComponent) -> dict[str, str]:
    """The component's data files, each changed in a way that keeps it valid."""
    return {name: text + "\n\n" for name, text in component.data.items()}


@pytest.mark.parametrize("name", COMPONENTS)
def test_every_component_round_trips_bytes(name: str) -> None:
    source = _alone(name)
    source.data = _edited(source)
    source.configure()
    target = _alone(name)
    target.from_bytes(source.to_bytes())
    assert target.data == source.data
    assert _settings_state(target) == _settings_state(source)


@pytest.mark.parametrize("name", COMPONENTS)
def test_every_component_round_trips_disk(tmp_path: Path, name: str) -> None:
    source = _alone(name)
    source.data = _edited(source)
    source.configure()
    source.to_disk(tmp_path / name)
    target = _alone(name)
    target.from_disk(tmp_path / name)
    assert target.data == source.data
    assert _settings_state(target) == _settings_state(source)


def test_exclude_is_honoured(tmp_path: Path) -> None:
    """spaCy's convention: ``exclude=["quotes"]`` skips ``quotes.json`` on the way out and in."""
    component = _alone("iom_quotes")
    component.to_disk(tmp_path / "out", exclude=["quotes"])
    assert not (tmp_path / "out" / "quotes.json").exists()
    original = dict(component.data)
    edited = _alone("iom_quotes")
    edited.data = _edited(edited)
    component.from_bytes(edited.to_bytes(), exclude=["quotes"])
    assert component.data["quotes.json"] == original["quotes.json"]  # excluded; the component's other files are read
    assert all(component.data[name] == edited.data[name] for name in component.data if name != "quotes.json")
    component.from_bytes(edited.to_bytes())
    assert component.data == edited.data


def test_a_saved_pipeline_loads_in_a_fresh_process(rules_nlp: Language, tmp_path: Path, release_text: str) -> None:
    """spacy.load finds the factories and the tokenizer through entry points, without importing iom_nlp first."""
    rules_nlp.to_disk(tmp_path / "pipeline")
    (tmp_path / "input.txt").write_text(release_text, encoding="utf-8")
    script = (
        "import json, sys, spacy\n"
        "assert 'iom_nlp' not in sys.modules\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        f"doc = nlp(open({str(tmp_path / 'input.txt')!r}, encoding='utf-8').read())\n"
        "spans = {key: [[s.start_char, s.end_char, s.label_, s.kb_id_] for s in group] for key, group in doc.spans.items()}\n"
        "speakers = [(s._.iom_quote or {}).get('speaker') for s in doc.spans.get('iom_quotes', [])]\n"
        "print(json.dumps({'spans': spans, 'speakers': speakers, 'contacts': doc._.iom_contacts, 'structure': doc._.iom_structure}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    expected = json.loads(json.dumps(_results(rules_nlp(release_text))))
    assert json.loads(done.stdout) == expected


def test_a_pipeline_round_trips_bytes_in_process(rules_nlp: Language, release_text: str) -> None:
    restored = spacy.blank("en").from_config(rules_nlp.config).from_bytes(rules_nlp.to_bytes())
    assert _results(restored(release_text)) == _results(rules_nlp(release_text))


# --- Pipe analysis ----------------------------------------------------------------------------


def test_pipe_analysis_reports_no_problems(rules_nlp: Language) -> None:
    analysis = rules_nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    for name in COMPONENTS:
        assert analysis["summary"][name]["assigns"], f"{name} declares nothing it assigns"


def test_the_failure_of_one_component_is_recorded_not_raised(rules_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared guarded __call__: the Doc gets the empty result and a warning naming the component."""
    component = rules_nlp.get_pipe("iom_quotes")

    def fail(doc: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(component, "annotate", fail)
    release = iom_nlp.extract("“We will help every family that needs it,” said Jane Roe. Tel: +254 20 444 4174", nlp=rules_nlp)
    assert release.quotes == () and release.phones
    assert any("iom_quotes" in warning and "boom" in warning for warning in release.warnings)


# --- The invented release under tests/fixtures, end to end ------------------------------------


@pytest.mark.parametrize("mode", ["full", "rules"])
def test_fixture_release_end_to_end(
    nlp: Language, rules_nlp: Language, release_text: str, release_expected: dict[str, Any], mode: str
) -> None:
    release = iom_nlp.extract(release_text, nlp=nlp if mode == "full" else rules_nlp)
    assert release.title == release_expected["title"]
    assert sorted(country.code for country in release.countries) == release_expected["countries"]
    assert set(release_expected["organizations_include"]) <= {organization.name for organization in release.organizations}
    assert {quote.speaker.name for quote in release.quotes if quote.speaker} == set(release_expected["speakers"])
    assert sorted(phone.e164 for phone in release.phones) == release_expected["phones"]
    assert sorted(email.address for email in release.emails) == release_expected["emails"]
    contacts = {contact.name: sorted([*contact.phones, *contact.emails]) for contact in release.contacts}
    assert contacts == {name: sorted(items) for name, items in release_expected["contacts"].items()}
    for mention in [*(m for c in release.countries for m in c.mentions), *(m for o in release.organizations for m in o.mentions)]:
        assert release_text[mention.start : mention.end] == mention.text
