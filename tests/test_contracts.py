"""Declared contracts: what each component requires and assigns, its error handler, its data_path.

- ``nlp.add_pipe(name)`` without the components ``name`` reads raises a message naming them;
  ``add_components(nlp, [name])`` adds them; ``analyze_pipes`` is clean for ``load()`` and
  reports a partial pipeline.
- Failures go through spaCy's error handler: the default records them (today's behaviour),
  ``nlp.set_error_handler`` replaces it.
- Every data file a component reads comes from its ``data_path``: one changed entry in a copy
  changes the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from data_helpers import copy_models
from spacy.language import Language
from spacy.util import raise_error

import iom_nlp
from iom_nlp.components.base import MissingComponentError
from iom_nlp.pipeline import COMPONENTS, add_components

# --- Requirements -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("iom_structure", []),
        ("iom_emails", []),
        ("iom_countries", []),
        ("iom_phones", ["iom_countries"]),
        ("iom_organizations", ["iom_structure", "iom_countries"]),
        ("iom_quotes", ["iom_countries", "iom_organizations"]),
        ("iom_contacts", ["iom_countries", "iom_phones", "iom_emails"]),
    ],
)
def test_add_pipe_alone_raises_naming_the_missing_components(name: str, missing: list[str]) -> None:
    blank = spacy.blank("en")
    if not missing:
        assert blank.add_pipe(name) is not None
        return
    with pytest.raises(MissingComponentError) as raised:
        blank.add_pipe(name)
    message = str(raised.value)
    assert all(component in message for component in missing), message
    assert "add_components" in message
    assert blank.pipe_names == []


@pytest.mark.parametrize("name", COMPONENTS)
def test_add_components_adds_what_a_component_needs_in_order(name: str) -> None:
    nlp = add_components(spacy.blank("en"), [name])
    assert nlp.pipe_names[-1] == name
    assert nlp.pipe_names == [component for component in COMPONENTS if component in nlp.pipe_names]
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]


@pytest.mark.parametrize("mode", ["full", "rules"])
def test_analyze_pipes_of_load_has_no_problems(nlp: Language, rules_nlp: Language, mode: str) -> None:
    analysis = (nlp if mode == "full" else rules_nlp).analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]


@pytest.mark.parametrize(
    ("removed", "reported"),
    [
        ("iom_organizations", {"iom_quotes": ["doc._.iom_organizations"]}),
        ("iom_phones", {"iom_contacts": ["doc._.iom_phones"]}),
        ("iom_countries", {"iom_phones": ["doc._.iom_countries"], "iom_organizations": ["doc._.iom_countries"],
                           "iom_quotes": ["doc._.iom_countries"], "iom_contacts": ["doc._.iom_countries"]}),
    ],
)
def test_analyze_pipes_reports_a_partial_pipeline(removed: str, reported: dict[str, list[str]]) -> None:
    nlp = iom_nlp.load(base=None)
    nlp.remove_pipe(removed)
    problems = {name: found for name, found in nlp.analyze_pipes(pretty=False)["problems"].items() if found}
    assert problems == reported


# --- Error handler ------------------------------------------------------------------------------

TEXT = "“We will help every family that needs it,” said Jane Roe. Tel: +254 20 444 4174"


def _failing_quotes(monkeypatch: pytest.MonkeyPatch) -> Language:
    nlp = iom_nlp.load(base=None)

    def fail(doc: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(nlp.get_pipe("iom_quotes"), "annotate", fail)
    return nlp


def test_the_default_handler_records_the_failure_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = _failing_quotes(monkeypatch)
    release = iom_nlp.extract(TEXT, nlp=nlp)
    assert release.quotes == () and release.phones
    assert any("iom_quotes" in warning and "boom" in warning for warning in release.warnings)


@pytest.mark.parametrize("call", ["call", "pipe"])
def test_set_error_handler_receives_each_failure_once(monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    nlp = _failing_quotes(monkeypatch)
    seen: list[tuple[str, str]] = []

    def handler(name: str, component: Any, docs: list[Any], error: Exception) -> None:
        seen.append((name, str(error)))

    nlp.set_error_handler(handler)
    docs = [nlp(TEXT)] if call == "call" else list(nlp.pipe([TEXT, TEXT]))
    assert seen == [("iom_quotes", "boom")] * len(docs)
    assert all(len(doc.spans["iom_quotes"]) == 0 and doc.spans["iom_phones"] for doc in docs)


@pytest.mark.parametrize("call", ["call", "pipe"])
def test_raise_error_handler_makes_failures_raise(monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    nlp = _failing_quotes(monkeypatch)
    nlp.set_error_handler(raise_error)
    with pytest.raises(RuntimeError, match="boom"):
        nlp(TEXT) if call == "call" else list(nlp.pipe([TEXT]))


# --- data_path: every file each component reads --------------------------------------------------


def _edit_json(key: str, value: Callable[[Any], Any]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        data = json.loads(text)
        data[key] = value(data[key])
        return json.dumps(data)

    return edit


def _append(line: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + "\n" + line + "\n"


def _renamed_country(code: str, name: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        for row in rows:
            if row["code"] == code:
                row["name"] = name
        return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"

    return edit


def _title(release: iom_nlp.Release) -> object:
    return release.title


DATA_PATH_CASES = [
    # (component, file, edit, text, what to read from the Release)
    ("iom_structure", "structure.json", _edit_json("max_title_chars", lambda _: 10),
     "Regional Workshop on Safe Migration Opens\n\nGENEVA, 12 May 2020 – The workshop opened today.\n", _title),
    ("iom_emails", "emails.json", _edit_json("max_local_length", lambda _: 3),
     "Write to jexample@iom.int for details.", lambda release: [email.address for email in release.emails]),
    ("iom_countries", "countries.jsonl",
     _append('{"code": "TT", "name": "Trinidad and Tobago", "official_name": "Republic of Trinidad and Tobago", '
             '"kind": "name", "pattern": "Freedonia"}'),
     "Families arrived in Freedonia last week.", lambda release: [country.code for country in release.countries]),
    ("iom_countries", "countries.jsonl", _renamed_country("TT", "Trinidad & Tobago"),
     "Families arrived in Trinidad and Tobago last week.", lambda release: [country.name for country in release.countries]),
    ("iom_countries", "country_rules.json", _edit_json("attributive_names", lambda _: []),
     "Saudi authorities said the border was open.",
     lambda release: [mention.kind for country in release.countries for mention in country.mentions]),
    ("iom_language", "language.json", _edit_json("min_words", lambda _: 1000),
     "Las familias desplazadas por las inundaciones han vuelto a sus casas con el apoyo de la OIM.",
     lambda release: release.language),
    ("iom_countries", "countries_fr_es.jsonl",
     _append('{"code": "TT", "name": "Trinidad and Tobago", "official_name": "Republic of Trinidad and Tobago", '
             '"kind": "name", "pattern": "Freedonie", "lang": "fr"}'),
     "Les familles sont arrivées en Freedonie avec les équipes de l'OIM et des partenaires.",
     lambda release: [country.code for country in release.countries]),
    ("iom_countries", "country_rules_fr_es.json",
     _edit_json("fr", lambda rules: {**rules, "language_cues_before": [w for w in rules["language_cues_before"] if w != "en"]}),
     "Le guide est traduit en espagnol pour les familles qui sont arrivées avec les équipes.",
     lambda release: [country.code for country in release.countries]),
    ("iom_phones", "phones.json", _edit_json("min_digits", lambda _: 20),
     "Media contact: Jane Roe, Tel: +254 20 444 4174", lambda release: [phone.e164 for phone in release.phones]),
    ("iom_organizations", "organizations.tsv", _append("Freedonian Relief Service\tFRS\t\tngo"),
     "The FRS helped the families.", lambda release: [organization.name for organization in release.organizations]),
    ("iom_organizations", "organization_rules.json", _edit_json("head_words", lambda words: [w for w in words if w != "Ministry"]),
     "The Ministry of Sand Affairs helped the families.",
     lambda release: [organization.name for organization in release.organizations]),
    ("iom_organizations", "countries.jsonl",
     _append('{"code": "TT", "name": "Trinidad and Tobago", "official_name": null, "kind": "demonym", "pattern": "Freedonian"}\n'
             '{"code": "TT", "name": "Trinidad and Tobago", "official_name": null, "kind": "name", "pattern": "Freedonia"}'),
     "The Government of Freedonia met the families. The Freedonian Government paid.",
     lambda release: len(release.organizations)),
    ("iom_organizations", "org_combination.json", _edit_json("rules_only", lambda shares: {**shares, "known": 0.11}),
     "IOM helped the families.", lambda release: [organization.score for organization in release.organizations]),
    ("iom_quotes", "quotes.json", _edit_json("cues", lambda cues: [*cues, "grumbled"]),
     "“We will not leave anyone behind in this crisis,” grumbled Jane Roe.",
     lambda release: [quote.cue for quote in release.quotes]),
    ("iom_contacts", "contacts.json", _edit_json("not_name_words", lambda words: [*words, "Roe"]),
     "For more information, please contact:\nJane Roe, IOM Nairobi, Tel: +254 20 444 4174, Email: jroe@iom.int\n",
     lambda release: [contact.name for contact in release.contacts]),
]


@pytest.mark.parametrize(
    ("component", "file", "edit", "text", "read"),
    DATA_PATH_CASES,
    ids=[f"{component}-{file}-{index}" for index, (component, file, *_) in enumerate(DATA_PATH_CASES)],
)
def test_one_changed_entry_in_data_path_changes_the_output(
    tmp_path: Path, component: str, file: str, edit: Callable[[str], str], text: str, read: Callable[[Any], object]
) -> None:
    folder = copy_models(tmp_path / "data")
    (folder / file).write_text(edit((folder / file).read_text(encoding="utf-8")), encoding="utf-8")
    packaged = iom_nlp.load(base=None)
    changed = iom_nlp.load(base=None)
    # only the component under test reads the edited copy
    changed.replace_pipe(component, component, config={"data_path": str(folder)})
    assert file in changed.get_pipe(component).data_files
    before, after = read(iom_nlp.extract(text, nlp=packaged)), read(iom_nlp.extract(text, nlp=changed))
    assert before != after, (before, after)
