"""Contact blocks from IOM's archive (issue 21): items after an extension stay with their person,
pipe tables, several contacts per office line, people listed with "or", a block cut off after
the name, French and Spanish cues.

All texts are invented; the rules are called with the packaged ``models/contacts.json``. The
phones and e-mails are located by a plain pattern (as in ``test_contacts_classes``), so these
tables pin how names and items are grouped, whatever the phone recogniser reads.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.contacts import ContactSettings, Found, find_contacts

SETTINGS, _ = settings_from_json(load_json("contacts.json"), ContactSettings, "contacts.json")
_ITEM = re.compile(r"[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+|\+?\(?\d[\d()\u00a0 \-]{6,}\d")

Expected = list[tuple[str, tuple[str, ...]]]


def _found(text: str) -> list[Found]:
    found = []
    for match in _ITEM.finditer(text):
        value = match.group().lower() if "@" in match.group() else re.sub(r"\D", "", match.group())
        found.append(Found(match.start(), match.end(), value, "email" if "@" in value else "phone"))
    return found


def _contacts(text: str) -> Expected:
    return [(record.name, record.phones + record.emails) for record in find_contacts(text, _found(text), SETTINGS, None, [])]


# --- 1. The items after a phone with an extension, and in pipe tables, stay with their person ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For more information, please contact:\n"
            "Hana Sato, IOM Tokyo, Tel: +81 3 3595 0108 ext. 231, Email: hsato@iom.int\n"
            "Omar Diallo, IOM Dakar, Tel: +221 33 869 6200 Ext. 12, Email: odiallo@iom.int",
            [("Hana Sato", ("81335950108", "hsato@iom.int")), ("Omar Diallo", ("221338696200", "odiallo@iom.int"))],
        ),
        (
            "For further information please contact Hana Sato at IOM Tokyo, Tel: +81 3 3595 0108 ext. 231, "
            "Email: hsato@iom.int or Omar Diallo at IOM Dakar, Tel: +221 33 869 6200, Email: odiallo@iom.int",
            [("Hana Sato", ("81335950108", "hsato@iom.int")), ("Omar Diallo", ("221338696200", "odiallo@iom.int"))],
        ),
        (
            "For more information, please contact:\n"
            "Name | Office | Telephone | Email\n"
            "Hana Sato | IOM Tokyo | +81 3 3595 0108 ext. 231 | hsato@iom.int\n"
            "Omar Diallo | IOM Dakar | +221 33 869 6200 | odiallo@iom.int",
            [("Hana Sato", ("81335950108", "hsato@iom.int")), ("Omar Diallo", ("221338696200", "odiallo@iom.int"))],
        ),
        (
            "Media contacts:\nHana Sato | Tel: +81 3 3595 0108 (ext. 231) | Email: hsato@iom.int\n"
            "Omar Diallo | Tel: +221 33 869 6200 | Email: odiallo@iom.int",
            [("Hana Sato", ("81335950108", "hsato@iom.int")), ("Omar Diallo", ("221338696200", "odiallo@iom.int"))],
        ),
    ],
)
def test_items_after_an_extension_and_in_tables_stay_with_their_person(text: str, expected: Expected) -> None:
    assert _contacts(text) == expected


# --- 2. Several contacts per office line; people listed with "or" ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For further information please contact IOM Bangkok: Hana Sato, Tel: +66 2 343 9301, "
            "Email: hsato@iom.int; Omar Diallo, Tel: +66 2 343 9302, Email: odiallo@iom.int",
            [("Hana Sato", ("6623439301", "hsato@iom.int")), ("Omar Diallo", ("6623439302", "odiallo@iom.int"))],
        ),
        (
            "For more information please contact:\nIOM Geneva: Hana Sato, Tel: +41 22 717 9101, Email: hsato@iom.int; "
            "Omar Diallo, Tel: +41 22 717 9102, Email: odiallo@iom.int\n"
            "IOM Nairobi: Grace Wanjiru, Tel: +254 20 444 4101, Email: gwanjiru@iom.int",
            [
                ("Hana Sato", ("41227179101", "hsato@iom.int")),
                ("Omar Diallo", ("41227179102", "odiallo@iom.int")),
                ("Grace Wanjiru", ("254204444101", "gwanjiru@iom.int")),
            ],
        ),
        # either person at either number; an address naming one of them is theirs
        (
            "For further information, please contact Hana Sato or Omar Diallo at IOM Geneva, "
            "Tel: +41 22 717 9101, Email: hsato@iom.int, odiallo@iom.int",
            [("Hana Sato", ("41227179101", "hsato@iom.int")), ("Omar Diallo", ("41227179101", "odiallo@iom.int"))],
        ),
        (
            "Media contact: Hana Sato or Omar Diallo on 0427 604 761",
            [("Hana Sato", ("0427604761",)), ("Omar Diallo", ("0427604761",))],
        ),
        # "and" with one number each still splits them in order
        (
            "For interviews contact Hana Sato and Omar Diallo, Tel: +41 22 717 9101 and +41 22 717 9102",
            [("Hana Sato", ("41227179101",)), ("Omar Diallo", ("41227179102",))],
        ),
        # an office listed with "or" is still no person
        ("For more information contact Hana Sato or the Department of Health on 02 6289 0000", [("Hana Sato", ("0262890000",))]),
    ],
)
def test_several_contacts_per_office_line(text: str, expected: Expected) -> None:
    assert _contacts(text) == expected


# --- 3. A contact block cut off after the name keeps the name --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Migrants returned home today.\n\nFor further information, please contact:\n\nSelin Kaya", [("Selin Kaya", ())]),
        ("Migrants returned home today.\nFor further information, please contact:\nSelin Kaya\nIOM Ankara", [("Selin Kaya", ())]),
        ("Migrants returned home today.\n\nFor more information please contact Selin Kaya, IOM Ankara.", [("Selin Kaya", ())]),
        ("Migrants returned home today.\n\nFor more information please contact Dr. Selin Kaya", [("Selin Kaya", ())]),
        # cut inside the label or the number after the name
        ("Migrants returned.\n\nFor further information, please contact:\n\nSelin Kaya\n\nTel: +90 31", [("Selin Kaya", ())]),
        ("Migrants returned.\n\nFor further information, please contact:\n\nSelin Kaya\n\nE-mail: ", [("Selin Kaya", ())]),
        # the second person of a block, cut after the name
        (
            "For further information, please contact:\nSelin Kaya, IOM Ankara, Tel: +90 312 454 3000, Email: skaya@iom.int\n"
            "Arda Demir, IOM Ist",
            [("Selin Kaya", ("903124543000", "skaya@iom.int")), ("Arda Demir", ())],
        ),
        # French and Spanish cues
        ("Les retours continuent.\n\nPour plus d'informations, veuillez contacter :\nSelin Kaya", [("Selin Kaya", ())]),
        ("Los retornos siguen.\n\nPara más información, contactar a:\nSelin Kaya", [("Selin Kaya", ())]),
    ],
)
def test_block_cut_off_after_the_name_keeps_the_name(text: str, expected: Expected) -> None:
    assert _contacts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a name that is not the contact the cue asks for
        "For more information about the programme, see the report by Arda Demir",
        "For more information, visit www.iom.int.\n\nArda Demir",
        # a principal signing a letterhead
        "Media contact: Senator Arda Demir",
        # a complete number the phone reader could not read: the block is not cut off
        "For further information contact Arda Demir on (02) 858 1011.\n",
        "For further information contact Arda Demir on 72 6931.\n\n",
        # a name followed by a long text is no cut-off block
        "For more information please contact Arda Demir\n\n" + "The programme runs in twelve provinces. " * 5,
        # an office alone
        "For more information please contact IOM Ankara",
        # a later line in capitals after the block (a footer), not a person
        "For further information contact:\n\nSelin Kaya (Minister's Office) 06 277 7660\n\nPARLIAMENTARY LIBRARY  MICAH",
    ],
)
def test_no_name_only_contact_without_a_cut_off_block(text: str) -> None:
    assert [name for name, items in _contacts(text) if not items] == []


def test_cut_off_block_in_the_pipeline(rules_nlp: Language) -> None:
    text = "IOM helped 200 migrants return.\n\nFor further information, please contact:\n\nSelin Kaya\n\nIOM Ankara"
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert [(contact.name, contact.phones, contact.emails) for contact in release.contacts] == [("Selin Kaya", (), ())]
    assert text[release.contacts[0].start : release.contacts[0].end] == "Selin Kaya"
