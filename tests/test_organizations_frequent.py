"""Bodies the unlabelled corpora name often that the pipeline missed (found by an audit of
acronyms written in capitals that gave no organisation), with the guards that keep them safe."""

from __future__ import annotations

import pytest

import iom_nlp


@pytest.fixture(scope="module")
def rules_only() -> object:
    return iom_nlp.load(base=None)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Coalition forces struck ISIS positions near the border overnight.", ["Islamic State of Iraq and Syria"]),
        ("Families fled fighters of the Islamic State in 2014.", ["Islamic State of Iraq and Syria"]),
        ("ISIL still holds two villages, the envoy said.", ["Islamic State of Iraq and Syria"]),
        ("AIDAB will fund the water project in Laos.", ["Australian International Development Assistance Bureau"]),
        ("DEEWR runs the English classes for new arrivals.", ["Department of Education, Employment and Workplace Relations"]),
        ("ACOSS welcomed the change to the payment.", ["Australian Council of Social Service"]),
        ("SBS broadcast the ceremony from Sydney, Australia.", ["Special Broadcasting Service"]),
        # negatives: the same letters in another sense or another country's release
        ("The Isis river runs through Oxford.", []),
        ("The SBS loan programme in Ohio was approved by the bank.", []),
    ],
)
def test_frequent_bodies_found_and_guarded(rules_only: object, text: str, names: list[str]) -> None:
    release = iom_nlp.extract(text, nlp=rules_only)  # type: ignore[arg-type]
    assert [org.name for org in release.organizations] == names


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Aden – IOM Yemen Health Programme Coordinator Omar Saleh explained that teams vaccinated 40,000 people.",
         "International Organization for Migration", "IOM Yemen"),
        ("Tripoli – UNHCR Libya Protection Programme Manager Sara Ali said the clinic opened.",
         "United Nations High Commissioner for Refugees", "UNHCR Libya"),
        ("Juba – IOM South Sudan Shelter Cluster Team Leader Peter Deng said the rains came early.",
         "International Organization for Migration", "IOM South Sudan"),
    ],
)
def test_a_unit_of_an_office_before_a_role_is_the_office(rules_only: object, text: str, name: str, alias: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_only)  # type: ignore[arg-type]
    assert [(org.name, org.aliases) for org in release.organizations] == [(name, (alias,))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ASIO Committee met in Canberra on Monday.", "ASIO Committee"),
        ("The UN Mission in Sudan opened a new base.", "UN Mission in Sudan"),
    ],
)
def test_a_known_body_extended_by_a_head_word_is_still_one_body(rules_only: object, text: str, name: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_only)  # type: ignore[arg-type]
    assert [org.name for org in release.organizations] == [name]
