"""Demonyms in IOM's habitual phrases and inside bodies' names (issue #21).

An adjective that opens a body's name ("Hellenic Coast Guard", "the Maltese Armed Forces") is the
body, not a demonym, also when written in lower case or in capitals; demonyms in a headline,
where every word is capitalised ("Stranded Ethiopians Return Home", "Syrian Refugee Children"),
and plural nouns for people before a capitalised word are demonyms. Invented texts.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp


def _demonyms(nlp: Language, text: str) -> set[str]:
    release = iom_nlp.extract(text, nlp=nlp)
    return {country.code for country in release.countries for mention in country.mentions if mention.kind == "demonym"}


BODIES = [
    "The Hellenic Coast Guard rescued 40 people off Samos.",
    "Survivors were taken ashore by the Maltese Armed Forces on Sunday.",
    "The Hellenic coast guard rescued 40 people off Samos.",
    "Maltese armed forces brought the survivors to port.",
    "The Libyan coastguard returned 200 people to Tripoli.",
    "THE HELLENIC COAST GUARD RESCUED 40 PEOPLE OFF SAMOS",
    "Patrol boats of the Maltese and Italian Coast Guards searched the area.",
    "Libyan Coast Guard Intercepts 300 Migrants at Sea",
    "Danish Refugee Council Opens Office in Mogadishu",
    "IOM, Japanese Government Sign Funding Agreement",
]


@pytest.mark.parametrize("text", BODIES)
@pytest.mark.parametrize("mode", ["rules", "full"])
def test_an_adjective_inside_a_body_name_is_no_demonym(rules_nlp: Language, nlp: Language, mode: str, text: str) -> None:
    assert _demonyms(rules_nlp if mode == "rules" else nlp, text) == set()


HABITUAL_PHRASES = [
    ("IOM helped 300 Bangladeshi workers stranded in Libya to fly home.", {"BD"}),
    ("IOM assisted 120 stranded Ethiopians in Yemen.", {"ET"}),
    ("Some 2,000 Afghan returnees crossed from Iran this week.", {"AF"}),
    # Headlines: every word capitalised, so a capital after the demonym names no body.
    ("IOM Helps Stranded Ethiopians Return Home\n\nGeneva – IOM said.", {"ET"}),
    ("Afghan Returnees Receive Winter Support\n\nKabul – IOM said.", {"AF"}),
    ("Syrian Refugee Children Go Back to School\n\nAmman – IOM said.", {"SY"}),
    ("Venezuelan Youth Find Jobs in Lima\n\nLima – IOM said.", {"VE"}),
    ("Bangladeshis Stranded in Libya Fly Home\n\nDhaka – IOM said.", {"BD"}),
    ("Colombian Host Communities Receive Support\n\nBogotá – IOM said.", {"CO"}),
    # A list in a headline: both members, the body's head word after the list aside.
    ("Malian and Guinean Migrants Return from Niger\n\nBamako – IOM said.", {"ML", "GN"}),
    # Prose: a plural noun for people before a capitalised word is still people.
    ("On Monday, Ethiopians Abebe and Tigist spoke to IOM.", {"ET"}),
]


@pytest.mark.parametrize(("text", "codes"), HABITUAL_PHRASES)
@pytest.mark.parametrize("mode", ["rules", "full"])
def test_demonyms_in_habitual_phrases(rules_nlp: Language, nlp: Language, mode: str, text: str, codes: set[str]) -> None:
    assert _demonyms(rules_nlp if mode == "rules" else nlp, text) == codes


@pytest.mark.parametrize(
    "text",
    [
        # Sentences with many capitals are not headlines: their bodies still read as bodies.
        "The Hellenic Coast Guard And Frontex Said On Monday They Had Rescued 40 People.",
        "the Italian Red Cross and the Italian Navy helped.",
    ],
)
def test_capitalised_sentences_keep_their_bodies(rules_nlp: Language, text: str) -> None:
    assert _demonyms(rules_nlp, text) == set()
