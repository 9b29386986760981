"""Addresses written with the bracketed words for "@" and "." of French and Spanish releases.

The words are data (``at_words``, ``dot_words`` in models/emails.json). All texts are invented.
"""

from __future__ import annotations

import pytest

from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.emails import EmailSettings, find_emails

SETTINGS, _ = settings_from_json(load_json("emails.json"), EmailSettings, "emails.json")


@pytest.mark.parametrize(
    ("text", "address", "mention"),
    [
        ("Correo electrónico: lfuentes (arroba) iom.example\n", "lfuentes@iom.example", "lfuentes (arroba) iom.example"),
        ("Correo: lfuentes(ARROBA)oim(PUNTO)example, Tel.", "lfuentes@oim.example", "lfuentes(ARROBA)oim(PUNTO)example"),
        ("Courriel : amartin [arobase] oim [point] example.", "amartin@oim.example", "amartin [arobase] oim [point] example"),
        ("Courriel : amartin (arobas) oim.example", "amartin@oim.example", "amartin (arobas) oim.example"),
        ("Email: kim [at] iom [dot] example", "kim@iom.example", "kim [at] iom [dot] example"),
    ],
)
def test_bracketed_word_for_at_or_dot_is_deobfuscated(text: str, address: str, mention: str) -> None:
    hits = find_emails(text, SETTINGS)
    assert [(hit.address, hit.raw, hit.source) for hit in hits] == [(address, mention, "email:deobfuscated")]
    assert text[hits[0].start : hits[0].end] == mention


@pytest.mark.parametrize(
    "text",
    [
        "Correo: lfuentes arroba iom.example",  # the word alone, unbracketed, is prose
        "Correo: lfuentes (arroba) iom",  # no dot in the domain
        "El símbolo (arroba) se escribe así.",
        "Courriel : (arobase) oim.example",  # nothing before it
        "Correo: lfuentes (arrobas) iom.example",  # not one of the words
    ],
)
def test_word_for_at_that_makes_no_address_gives_nothing(text: str) -> None:
    assert find_emails(text, SETTINGS) == []
