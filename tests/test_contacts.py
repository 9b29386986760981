from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp


def _contacts(nlp: Language, text: str) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]:
    release = iom_nlp.extract(text, nlp=nlp)
    return [(contact.name, contact.organization, contact.phones, contact.emails) for contact in release.contacts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Australia news.\n\nMedia Contact: Steve Ingram (02) 6277 7860", [("Steve Ingram", None, ("+61262777860",), ())]),
        ("Australia.\n\nFurther information: Ben Oquist 0419704095", [("Ben Oquist", None, ("+61419704095",), ())]),
        ("Australia.\n\nMEDIA CONTACT:  AMANDA LYNCH  0419 123 862", [("Amanda Lynch", None, ("+61419123862",), ())]),
        ("Australia.\n\nMedia contact - Tracee McPate - 0417 607 655", [("Tracee McPate", None, ("+61417607655",), ())]),
        (
            "Australia.\n\nMedia Contact: Brett Heffernan on (02) 6277 4482 or 0467 650 020 or brett.heffernan@aph.gov.au",
            [("Brett Heffernan", None, ("+61262774482", "+61467650020"), ("brett.heffernan@aph.gov.au",))],
        ),
        (
            "Australia.\n\nMedia inquiries: Shane Fairlie (Mr Billson’s Office) 0408 680 442  Jo Elsom (AusAID) 02 6206 4960",
            [("Shane Fairlie", "Mr Billson’s Office", ("+61408680442",), ()), ("Jo Elsom", "AusAID", ("+61262064960",), ())],
        ),
        ("Australia.\n\nGeorgie Klug - 0438 376 082", [("Georgie Klug", None, ("+61438376082",), ())]),
        (
            "Senator Andrew Bartlett spoke in Australia.\n\nFor interview: Senator Bartlett on 0418 743 789",
            [("Andrew Bartlett", None, ("+61418743789",), ())],
        ),
        (
            "For any questions, please contact Vanessa Vidal at NEA-Press@state.gov and follow us.",
            [("Vanessa Vidal", None, (), ("nea-press@state.gov",))],
        ),
    ],
)
def test_contact_forms(rules_nlp: Language, text: str, expected: list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _contacts(rules_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Australia.\n\nMedia Contact: 02 6277 7500",
        "For further information, please contact INL-PAPD@state.gov or visit us.",
        "Electoral office: Suite 14 B1, 7/421 Brunswick St, Fortitude Valley, QLD 4006  t: 07 3252 7101",
    ],
)
def test_offices_and_mailboxes_are_not_contacts(rules_nlp: Language, text: str) -> None:
    assert _contacts(rules_nlp, text) == []


def test_seed_contacts(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.extract(seed_text, nlp=nlp)
    assert [(contact.name, contact.organization, contact.phones, contact.emails) for contact in release.contacts] == [
        ("Chissey Mueller", None, ("+5995452115",), ("cmueller@iom.int",)),
        ("Niurka Piñeiro", "IOM Washington", ("+12028621826",), ("npineiro@iom.int",)),
    ]
    for contact in release.contacts:
        assert contact.start is not None and seed_text[contact.start : contact.end] == contact.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Aid arrived.\n\nFor more information please contact:\nAchan Garang\nSouth Sudan\nTel: +211 921 555 035\n", "Achan Garang"),
        ("Aid arrived.\n\nFor more information please contact:\nOmar Said\nAddis Ababa\nTel: +251 91 555 7730\n", "Omar Said"),
    ],
)
def test_country_or_capital_on_the_office_line_is_not_a_name(rules_nlp: Language, text: str, name: str) -> None:
    """Regression (class: place taken as the contact): the place read by iom_countries is no name."""
    assert [contact[0] for contact in _contacts(rules_nlp, text)] == [name]
