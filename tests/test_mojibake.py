"""Mojibake in output fields is repaired; the text, the mentions and their offsets are not touched.

Every broken string is made here from an invented correct one by the wrong decodes that
produce mojibake in scraped releases (UTF-8 bytes read as Windows-1252 or Latin-1, once or twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.rules.mojibake import MOJIBAKE_SEQUENCE, has_mojibake, repair_optional, repair_person_name, repair_text


def _cp1252(text: str) -> str:
    return text.encode("utf-8").decode("cp1252")


def _latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _latin1_twice(text: str) -> str:
    return _latin1(_latin1(text))


def _cp1252_then_latin1(text: str) -> str:
    return _latin1(_cp1252(text))


Garble = Callable[[str], str]


@pytest.mark.parametrize(
    ("correct", "garble"),
    [
        ("Zoë Ångström", _cp1252),
        ("Zoë Ångström", _latin1_twice),
        ("Organización Internacional para las Migraciones", _cp1252),
        ("Ministère de l’Intérieur", _cp1252),
        ("François Dubois-Lemaire", _cp1252_then_latin1),
        ("Łukasz Żółć", _latin1),
        ("Nguyễn Thị Minh Anh", _cp1252),
        ("Nguyễn Thị Minh Anh", _latin1_twice),
        ("São Tomé Relief Office", _latin1_twice),
        ("Øystein Ærø, Head of Office", _cp1252),
        ("Director of ‘Safe Passage’", _cp1252),
    ],
)
def test_mojibake_repaired_in_output_text(correct: str, garble: Garble) -> None:
    broken = garble(correct)
    assert broken != correct and has_mojibake(broken)
    assert repair_text(broken) == correct


@pytest.mark.parametrize(
    ("broken", "name"),
    [
        (_cp1252("Sarah Hanson–Young"), "Sarah Hanson-Young"),
        (_latin1_twice("Sarah Hanson‐Young"), "Sarah Hanson-Young"),
        (_latin1_twice("Tomás Ruiz‐Peña"), "Tomás Ruiz-Peña"),
        (_latin1_twice("Mira Kovač‐") + " Horvat", "Mira Kovač-Horvat"),
        ("Amal\u00a0Haddad\u2011Nasser", "Amal Haddad-Nasser"),
        ("Peter\u00a0\u00a0Mwangi ", "Peter Mwangi"),
        (_cp1252("Søren Ødegård"), "Søren Ødegård"),
        ("Jean- Pierre Moreau", "Jean-Pierre Moreau"),
    ],
)
def test_person_name_repaired_with_plain_hyphen(broken: str, name: str) -> None:
    assert repair_person_name(broken) == name


@pytest.mark.parametrize(
    "correct",
    [
        "José Müller",
        "Côte d'Ivoire",
        "SÃO PAULO",
        "JOÃO PESSOA",
        "CHÂTEAU-THIERRY",
        "Antonín Dvořák",
        "Łódź",
        "İstanbul Bürosu",
        "Москва",
        "東京事務所",
        "naïve café",
        "Jane Doe – Minister for Home Affairs",
        "“Safe Passage” report",
        "50 °C",
        "plain ascii Name",
    ],
)
def test_correct_text_unchanged(correct: str) -> None:
    assert not has_mojibake(correct)
    assert repair_text(correct) == correct
    assert repair_optional(correct) == correct


def test_absent_field_stays_absent() -> None:
    assert repair_optional(None) is None


def test_release_output_fields_repaired_offsets_on_original(rules_nlp: Language) -> None:
    """Speaker names come out repaired; quotes and mentions still index the text as given."""
    name = _latin1_twice("Sarah Hanson‐Young")
    text = (
        f"Senator {name} said the plan was wrong.\n\n"
        f"“The plan puts lives at risk and must be stopped,” said Senator {name}.\n\n"
        f"Media contact: {name} 0412 345 678\n"
    )
    release = iom_nlp.extract(text, nlp=rules_nlp)
    speakers = {quote.speaker.name for quote in release.quotes if quote.speaker}
    assert speakers and all("Ã" not in speaker for speaker in speakers)
    assert any(speaker.endswith("Hanson-Young") for speaker in speakers)
    for quote in release.quotes:
        assert text[quote.start : quote.end] == quote.text
    for phone in release.phones:
        for mention in phone.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("written", "name"),
    [
        (_latin1_twice("Noor Al‐Sayed"), "Noor Al-Sayed"),
        (_cp1252("Zoë Ångström"), "Zoë Ångström"),
        ("José Müller", "José Müller"),
        ("Peter\u00a0Mwangi", "Peter Mwangi"),
    ],
)
def test_contact_name_repaired_offsets_kept(rules_nlp: Language, written: str, name: str) -> None:
    """The contact record's name is repaired when the Release is built; its offsets are untouched."""
    from iom_nlp.release import to_release

    text = f"For more information contact {written}."
    doc = rules_nlp(text)
    start = text.index(written)
    office = _cp1252("Office de l’Intégration")
    doc._.iom_contacts = [{"name": written, "organization": office, "start": start, "end": start + len(written)}]
    contact = to_release(doc).contacts[0]
    assert contact.name == name
    assert contact.organization == "Office de l’Intégration"
    assert (contact.start, contact.end) == (start, start + len(written))


_NAME_THROUGH_MOJIBAKE = re.compile(rf"(?:{MOJIBAKE_SEQUENCE}|[^\W\d_]|-)+")


@pytest.mark.parametrize(
    ("correct", "garble"),
    [
        ("Schultz‐Byard", _latin1_twice),
        ("Hanson–Young", _cp1252),
        ("Ångström", _cp1252),
        ("Dubois‐Lemaire", _latin1_twice),
        ("Piñeiro", _latin1),
        ("Müller", _latin1_twice),
    ],
)
def test_a_name_word_can_run_through_mojibake(correct: str, garble: Garble) -> None:
    """A word pattern extended with MOJIBAKE_SEQUENCE takes the whole garbled name, which then repairs."""
    broken = garble(correct)
    assert _NAME_THROUGH_MOJIBAKE.fullmatch(broken)
    assert repair_person_name(broken) == repair_person_name(correct)


@pytest.mark.parametrize("correct", ["SÃO TOMÉ", "JOÃO", "CHÂTEAU", "José Müller", "Piñeiro", "Ørsted", "naïve", "Hanson-Young"])
def test_no_mojibake_sequence_in_correct_text(correct: str) -> None:
    assert re.search(MOJIBAKE_SEQUENCE, correct) is None
