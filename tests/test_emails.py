from __future__ import annotations

import time

import pytest
from spacy.language import Language

from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.emails import EmailSettings, find_emails

SETTINGS, _ = settings_from_json(load_json("emails.json"), EmailSettings, "emails.json")


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Write to cmueller@iom.int.", ["cmueller@iom.int"]),
        ('E-mail:\n"mailto:cmueller@iom.int" target="_blank" title=\n"">cmueller@iom.int', ["cmueller@iom.int"]),
        ('<a href="mailto:press@un.org">Press office</a>', ["press@un.org"]),
        ("name [at] iom [dot] int", ["name@iom.int"]),
        ("name(at)iom.int", ["name@iom.int"]),
        ("jane AT un DOT org", ["jane@un.org"]),
        ("e: senator. bartlett@aph.gov.au   web: x", ["senator.bartlett@aph.gov.au"]),
        ("please email us. info@example.org", ["info@example.org"]),
        ("Contact John.Smith@Example.COM, or", ["john.smith@example.com"]),
        ("mail me at jane.doe@un.org;", ["jane.doe@un.org"]),
        ("(brett.heffernan@aph.gov.au)", ["brett.heffernan@aph.gov.au"]),
        ("a@b.c and foo@bar and @handle", []),
        ("twice: a.b@x.org then a.b@x.org", ["a.b@x.org", "a.b@x.org"]),
    ],
)
def test_find_emails(text: str, addresses: list[str]) -> None:
    assert [hit.address for hit in find_emails(text, SETTINGS)] == addresses


@pytest.mark.parametrize("text", ["Write to cmueller@iom.int.", "x name [at] iom [dot] int y", "e: senator. bartlett@aph.gov.au"])
def test_offsets_index_the_text(text: str) -> None:
    for hit in find_emails(text, SETTINGS):
        assert text[hit.start : hit.end] == hit.raw


def _rate(text: str) -> float:
    started = time.perf_counter()
    find_emails(text, SETTINGS)
    return len(text) / max(time.perf_counter() - started, 1e-6)


@pytest.mark.parametrize(
    "adversarial",
    ["@" * 20_000, "a@b." * 5_000, "x" * 70_000 + "@iom.int", " " * 50_000 + "[at]", "(" * 20_000, "a." * 20_000 + "@x.org"],
)
def test_linear_on_adversarial_input(adversarial: str) -> None:
    ordinary = ("Contact Jane Doe at jane.doe@iom.int or +41 22 717 9111 for more. " * 300)[: len(adversarial)]
    assert _rate(adversarial) * 20 >= _rate(ordinary) or _rate(adversarial) > 1e6


def test_component_sets_span_group(rules_nlp: Language) -> None:
    doc = rules_nlp('E-mail:\n"mailto:cmueller@iom.int" target="_blank" title=\n"">cmueller@iom.int')
    spans = doc.spans["iom_emails"]
    assert [(span.text, span.kb_id_, span.label_) for span in spans] == [("cmueller@iom.int", "cmueller@iom.int", "EMAIL")]
