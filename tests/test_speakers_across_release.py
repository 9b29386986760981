"""Speakers across a release (issue #21): a later quote by the same person carries the title of
the first mention; a role named alone ("the Chief of Mission said") resolves to the person the
release names with that role; headline words and common nouns are never speakers.

Invented texts in the styles of IOM releases (datelines, "IOM <Country> Chief of Mission <Name>"),
of Australian ministerial releases and of U.S. statements. Both pipelines where the rules alone
suffice; each class has negatives: no speaker is better than a wrong one.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp


def _said(nlp: Language, text: str) -> list[tuple[str | None, str | None]]:
    release = iom_nlp.extract(text, nlp=nlp)
    return [(quote.speaker.name, quote.speaker.title) if quote.speaker else (None, None) for quote in release.quotes]


# --- a later quote by the same person carries the title given at the first mention --------------

LATER_QUOTES = [
    (
        "Tripoli – IOM opened a clinic on Monday.\n\n“Every migrant deserves care,” said Ilaria Benassi, "
        "IOM Chief of Mission in Libya.\n\nThe clinic will see 300 patients a week.\n\n“We will stay,” Benassi added.",
        [("Ilaria Benassi", "IOM Chief of Mission in Libya")] * 2,
    ),
    (
        "Juba – IOM South Sudan Chief of Mission Pieter Van den Bosch visited Bor.\n\n“The water is rising,” "
        "Van den Bosch said.\n\nThousands have fled.\n\n“We need boats,” he added.",
        [("Pieter Van den Bosch", "IOM South Sudan Chief of Mission")] * 2,
    ),
    (
        "Tunis – IOM Tunisia Head of Office Karim Belhadj said the centre would open in May.\n\n"
        "“It is a turning point,” Belhadj said.",
        [("Karim Belhadj", "IOM Tunisia Head of Office")],
    ),
    (
        "Canberra – “The program is working,” the Minister for Immigration, Helen Carver, said today.\n\n"
        "The figures were released on Friday.\n\n“We will keep it,” Carver said.",
        [("Helen Carver", "Minister for Immigration")] * 2,
    ),
    (
        "Washington – “Our support will continue,” said Dana Whitfield, Assistant Secretary for Population, "
        "Refugees, and Migration.\n\n“We stand with the region,” Whitfield added.",
        [("Dana Whitfield", "Assistant Secretary for Population")] * 2,
    ),
]


@pytest.mark.parametrize(("text", "expected"), LATER_QUOTES)
@pytest.mark.parametrize("mode", ["rules", "full"])
def test_a_later_quote_carries_the_title_of_the_first_mention(
    rules_nlp: Language, nlp: Language, mode: str, text: str, expected: list[tuple[str, str]]
) -> None:
    pipeline = rules_nlp if mode == "rules" else nlp
    found = _said(pipeline, text)
    assert [name for name, _ in found] == [name for name, _ in expected]
    for (_, title), (_, wanted) in zip(found, expected, strict=True):
        assert title is not None and title.startswith(wanted)


NO_TITLE_TO_CARRY = [
    # A migrant quoted by first name: no title anywhere, none invented.
    "Addis Ababa – Tigist, 24, spent two years in Lebanon.\n\n“I was afraid every day,” Tigist said.\n\n“Now I am home,” Tigist added.",
    # An age set off after the name is no title.
    "Kabul – “The cold is terrible,” said Farid Noori, 52.\n\n“We have no wood,” Noori added.",
]


@pytest.mark.parametrize("text", NO_TITLE_TO_CARRY)
def test_no_title_is_carried_where_none_was_given(rules_nlp: Language, text: str) -> None:
    assert all(title is None for _, title in _said(rules_nlp, text))


def test_the_organisation_follows_the_carried_title(rules_nlp: Language) -> None:
    text = LATER_QUOTES[0][0]
    quotes = iom_nlp.extract(text, nlp=rules_nlp).quotes
    assert [quote.speaker.organization if quote.speaker else None for quote in quotes] == [
        "International Organization for Migration"
    ] * 2


# --- a role named alone resolves to the person the release names with that role ------------------

ROLE_REFERENCES = [
    (
        "Kabul – “Winter is here and families have nothing,” the Chief of Mission said on Tuesday.\n\n"
        "IOM Afghanistan Chief of Mission Marta Lindqvist visited Herat this week.",
        "Marta Lindqvist",
    ),
    (
        "Geneva – IOM spokesperson Tomas Ferreira briefed journalists on Friday.\n\n“Arrivals are up sharply,” "
        "the spokesperson said.",
        "Tomas Ferreira",
    ),
    (
        "Geneva – “Migration is a fact of life,” IOM Director General Elena Moraru said.\n\n"
        "“We must act together,” the Director General added.",
        "Elena Moraru",
    ),
    (
        "Sana'a – IOM Yemen Chief of Mission Rafael Ostrowski visited Aden on Monday.\n\n"
        "Displacement continues.\n\n“Families have lost everything,” the Chief of Mission said.",
        "Rafael Ostrowski",
    ),
]


@pytest.mark.parametrize(("text", "name"), ROLE_REFERENCES)
@pytest.mark.parametrize("mode", ["rules", "full"])
def test_a_role_alone_resolves_to_the_person_named_with_it(
    rules_nlp: Language, nlp: Language, mode: str, text: str, name: str
) -> None:
    pipeline = rules_nlp if mode == "rules" else nlp
    assert [speaker for speaker, _ in _said(pipeline, text)][-1] == name


ROLE_WITHOUT_PERSON = [
    # The release never names a Chief of Mission: nobody to resolve to.
    "Kabul – “Winter is here and families have nothing,” the Chief of Mission said on Tuesday.",
    # The role named is not the role of the person the release names.
    "Geneva – IOM spokesperson Tomas Ferreira spoke on Friday.\n\n“The border is closed,” the Minister said.",
]


@pytest.mark.parametrize("text", ROLE_WITHOUT_PERSON)
def test_a_role_nobody_holds_gives_no_speaker(rules_nlp: Language, text: str) -> None:
    assert [speaker for speaker, _ in _said(rules_nlp, text)][-1] is None


# --- headline words and common nouns are never speakers ------------------------------------------

NEVER_SPEAKERS = [
    # A headline read as a person ("Amina Returns Home"): not the "she" of a later quote.
    "Amina Returns Home After Years Abroad\n\nKhartoum – “I never thought I would see my mother again,” she said.",
    "Migrants Rescued Off Libyan Coast\n\nTripoli – “Many were dehydrated,” said a doctor.\n\n"
    "Returnees Get Business Grants in Guinea\n\nConakry – “The grant changed my life,” he said.",
    # Capitalised common nouns before a cue.
    "Kabul – “The cold is terrible,” Returnees said.",
    "Beira – “We need blankets,” Volunteers told IOM staff.",
    "Niamey – “We walked for days,” Survivors recalled.",
    # A capitalised word the release writes in lower case elsewhere is a common noun.
    "Maputo – Many growers lost their fields.\n\n“The water came at night,” Growers said.",
]


@pytest.mark.parametrize("text", NEVER_SPEAKERS)
@pytest.mark.parametrize("mode", ["rules", "full"])
def test_headline_words_and_common_nouns_are_never_speakers(
    rules_nlp: Language, nlp: Language, mode: str, text: str
) -> None:
    pipeline = rules_nlp if mode == "rules" else nlp
    assert all(speaker is None for speaker, _ in _said(pipeline, text))


STILL_SPEAKERS = [
    # A name in a headline that the body writes again is a person.
    (
        "Amina Yusuf Returns Home\n\nKhartoum – Amina Yusuf, a nurse from Kassala, spent six years abroad.\n\n“I am home,” she said.",
        "Amina Yusuf",
    ),
    # A single capitalised name never written in lower case stays a speaker.
    ("Addis Ababa – Tigist, 24, spent two years in Lebanon.\n\n“I was afraid every day,” Tigist said.", "Tigist"),
    # A surname completed to the full name is no common noun.
    ("Rome – “The sea is calm,” said Marco Fisher, a rescuer.\n\n“We are ready,” Fisher added.", "Marco Fisher"),
]


@pytest.mark.parametrize(("text", "name"), STILL_SPEAKERS)
def test_real_names_near_headlines_and_nouns_stay_speakers(rules_nlp: Language, text: str, name: str) -> None:
    assert [speaker for speaker, _ in _said(rules_nlp, text)][-1] == name
