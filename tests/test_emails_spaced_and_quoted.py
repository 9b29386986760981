"""E-mail addresses next to RFC 5322 syntax are lifted whole; a space inside a local part gives none.

One table per behaviour, each with its negatives. All texts are invented.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.emails import EmailSettings, find_emails

SETTINGS, _ = settings_from_json(load_json("emails.json"), EmailSettings, "emails.json")


def _found(text: str) -> list[tuple[str, str, str]]:
    """(address, mention as written, source) of every hit; the mention always indexes the text."""
    hits = find_emails(text, SETTINGS)
    for hit in hits:
        assert hit.raw == text[hit.start : hit.end]
    return [(hit.address, hit.raw, hit.source) for hit in hits]


@pytest.mark.parametrize(
    ("text", "address", "mention"),
    [
        ("Press desk: kofi.mensah(Accra office)@iom.example, weekdays", "kofi.mensah@iom.example", "kofi.mensah(Accra office)@iom.example"),
        ("Write to lnarayan(duty)@iom.example", "lnarayan@iom.example", "lnarayan(duty)@iom.example"),
        ("both sides: (media)tbekele(nights)@iom.example", "tbekele@iom.example", "tbekele(nights)@iom.example"),
        ("nested: sato(desk (Tokyo))@iom.example.", "sato@iom.example", "sato(desk (Tokyo))@iom.example"),
        ('quoted, then a comment: "rvargas"(field)@iom.example', "rvargas@iom.example", '"rvargas"(field)@iom.example'),
        ("after a dot and at the end: ana.(x)ruiz(y)@iom.example", "ana.ruiz@iom.example", "ana.(x)ruiz(y)@iom.example"),
    ],
)
def test_comment_closing_the_local_part_is_dropped(text: str, address: str, mention: str) -> None:
    assert _found(text) == [(address, mention, "email:rfc5322")]


@pytest.mark.parametrize(
    "text",
    [
        "kofi(Accra)mensah@iom.example",  # a comment inside a word joins nothing
        "kofi.(Accra)@iom.example",  # a dot then the comment: the local part ends in a dot
        "kofi (Accra)@iom.example",  # the comment is apart from the word
        "kofi(Accra\\)@iom.example",  # the comment never closes
        "kofi((Accra)@iom.example",
        "kofi(Accra)(Ghana)x@iom.example",
        "kofi(Ac\x07cra)@iom.example",
    ],
)
def test_comment_that_does_not_close_the_local_part_gives_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ('Mailbox: "field..team"@iom.example', '"field..team"@iom.example'),
        ('Mailbox: "desk@geneva"@iom.example today', '"desk@geneva"@iom.example'),
        ('Mailbox: "odd\\"name"@iom.example', '"odd\\"name"@iom.example'),
        ('Mailbox: ".leading"@iom.example', '".leading"@iom.example'),
        ('Upper case folded: "Field..Team"@IOM.example', '"field..team"@iom.example'),
        # One that reads as a plain local part is unquoted, escapes dropped.
        ('Mailbox: "field.team"@iom.example', "field.team@iom.example"),
        ('Mailbox: "fi\\eld"@iom.example', "field@iom.example"),
    ],
)
def test_quoted_local_part_is_lifted_whole(text: str, address: str) -> None:
    assert [hit[0] for hit in _found(text)] == [address]
    assert _found(text)[0][2] == "email:rfc5322"


@pytest.mark.parametrize(
    "text",
    [
        'Mailbox: "field team"@iom.example',  # a space, quoted or escaped: no address
        'Mailbox: "field\\ team"@iom.example',
        'Mailbox: "field\tteam"@iom.example',
        'Mailbox: "field..team".lead@iom.example',  # a word that keeps its quotes is the whole local part
        'Mailbox: "caf\\é"@iom.example',  # an escape of a non-ASCII character
        'Mailbox: "field\x7f"@iom.example',
        'Mailbox: "field\\"@iom.example',  # the closing quote is escaped: nothing closes
        'Mailbox: ""@iom.example',
    ],
)
def test_quoted_local_part_with_a_space_or_a_broken_escape_gives_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "For the press office contact maria lopez@iom.example or call.",
        "Contact maria lopez@iom.example",
        "Email: maria lopez@iom.example",
        "Email:maria lopez@iom.example",
        "maria lopez@iom.example",
        "Media line\nmaria lopez@iom.example",
        "contact maria\nlopez@iom.example",
        "écrire à : courriel jean dupont@iom.example",
        "correo ana perez@iom.example",
        "contact maria lopez (at) iom (dot) example",
        "contact maria (desk)lopez@iom.example",
        'contact maria "lopez"@iom.example',
    ],
)
def test_space_inside_a_local_part_gives_no_address(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A word of running text, a capitalised name, digits or layout before the address: it stands.
        ("For the press office contact either lopez@iom.example or the desk.", "lopez@iom.example"),
        ("please email us at lopez@iom.example", "lopez@iom.example"),
        ("Contact Maria Lopez lopez@iom.example", "lopez@iom.example"),
        ("Maria Lopez, press officer lopez@iom.example", "lopez@iom.example"),
        ("or write to our spokesperson lopez@iom.example", "lopez@iom.example"),
        ("Tel +41 22 000 0000 lopez@iom.example", "lopez@iom.example"),
        ("E-mail:  maria   lopez@iom.example", "lopez@iom.example"),
        ("Schreiben Sie bitte an lopez@iom.example", "lopez@iom.example"),
        ("Pour plus d'informations, contactez lopez@iom.example", "lopez@iom.example"),
        ("Para más información, correo electrónico lopez@iom.example", "lopez@iom.example"),
        ("contact\nlopez@iom.example", "lopez@iom.example"),
    ],
)
def test_word_of_running_text_before_an_address_is_not_part_of_it(text: str, address: str) -> None:
    assert [hit[0] for hit in _found(text)] == [address]


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("For details contact lopez@iom.example. or call the desk.", []),
        ("For details contact lopez@iom.example\uff0e or call the desk.", []),
        ("For details contact lopez@iom.example. Or call the desk.", ["lopez@iom.example"]),
        ("For details contact lopez@iom.example.\nor call the desk.", ["lopez@iom.example"]),
        ("Write to lopez@iom.example. 24 hours a day.", ["lopez@iom.example"]),
        ("Write to lopez@iom.example.", ["lopez@iom.example"]),
    ],
)
def test_dot_closing_the_domain_before_a_lower_case_word_is_part_of_it(text: str, addresses: list[str]) -> None:
    assert [hit[0] for hit in _found(text)] == addresses


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Reserved names: desk@lab.test, desk@lab.invalid, desk@host.localhost, desk@x.onion", []),
        ("A host with no dot: desk@test", []),
        ("An example domain is a domain: desk@iom.example", ["desk@iom.example"]),
    ],
)
def test_special_use_domain_gives_no_address(text: str, addresses: list[str]) -> None:
    assert [hit[0] for hit in _found(text)] == addresses


def test_release_keeps_offsets_and_source_of_an_address_next_to_a_comment(rules_nlp: Language) -> None:
    text = 'Media: kofi.mensah(Accra)@iom.example; "field..team"@iom.example; jos\u0065\u0301@iom.example and jos\u00e9@iom.example.'
    release = iom_nlp.extract(text, nlp=rules_nlp)
    found = {email.address: [(m.text, m.source) for m in email.mentions] for email in release.emails}
    assert found == {
        "kofi.mensah@iom.example": [("kofi.mensah(Accra)@iom.example", "email:rfc5322")],
        '"field..team"@iom.example': [('"field..team"@iom.example', "email:rfc5322")],
        "jos\u00e9@iom.example": [("jos\u0065\u0301@iom.example", "email:syntax"), ("jos\u00e9@iom.example", "email:syntax")],
    }
    for email in release.emails:
        for mention in email.mentions:
            assert text[mention.start : mention.end] == mention.text
