"""Organisations, round 3: one parametrised table per class of error, each with positives and negatives.

Every case is invented in the style of IOM, Australian parliamentary and U.S. State Department
releases (wartime history notes, readouts of meetings, newspaper text with mis-decoded hyphens).
"""

from __future__ import annotations

import pytest
from org_helpers import org_forms as _forms
from org_helpers import org_names as _names
from spacy.language import Language

from iom_nlp.data import load_json
from iom_nlp.rules.bodies import unglued
from iom_nlp.rules.organizations import OrganizationRules, holder_after_body, numbered_unit_before

RULES = OrganizationRules.from_dict(load_json("organization_rules.json"))
MOJIBAKE_HYPHEN = "\u00c3\u00a2\u00c2\x80\u00c2\x90"  # U+2010 encoded as UTF-8, read as Latin-1 twice
SINGLE_MOJIBAKE_HYPHEN = "\u00e2\u20ac\x90"  # the same, read once as cp1252






# --- 1. a plural noun's possessive inside a body's name is part of it --------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials from the Ministry of Veterans’ Affairs visited the camp.", "Ministry of Veterans’ Affairs"),
        ("The Soldiers' Welfare Association said it would help.", "Soldiers' Welfare Association"),
        ("The Ruritanian Farmers’ Federation’s report was published on Monday.", "Ruritanian Farmers’ Federation"),
        ("Claims rose, the Department of Veterans' Affairs said in Canberra.", "Department of Veterans' Affairs"),
        ("The Women’s Refugee Commission urged donors to act.", "Women's Refugee Commission"),
    ],
)
def test_plural_possessive_inside_a_name_is_kept(rules_nlp: Language, text: str, name: str) -> None:
    assert name in _names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        ("Kenya’s Ministry of Health said the clinics were open.", "Ministry of Health", "Kenya’s Ministry of Health"),
        ("Ruritania's Department of Labour Relations opened an office.", "Department of Labour Relations", "Ruritania's Department"),
        ("Smith's Office of Refugee Services opened in May.", "Office of Refugee Services", "Smith's Office of Refugee Services"),
    ],
)
def test_possessor_before_a_body_is_not_part_of_it(rules_nlp: Language, text: str, name: str, not_name: str) -> None:
    names = _names(rules_nlp, text)
    assert name in names and not_name not in names


# --- 2. a holder's name glued after the body a title governs ----------------------------------------


@pytest.mark.parametrize(
    ("surface", "before", "body"),
    [
        ("National Assembly Marzouq Al Ghanem", "met the Speaker of the ", "National Assembly"),
        ("World Health Organization Tedros Adhanom Ghebreyesus", "the Director-General of the ", "World Health Organization"),
        ("Kenya Red Cross Society Ahmed Idris", "the President of the ", "Kenya Red Cross Society"),
        ("Ruritanian Migration Council Anna-Maria O’Neil", "Chairperson of ", "Ruritanian Migration Council"),
    ],
)
def test_holder_after_a_governed_body_is_cut(surface: str, before: str, body: str) -> None:
    end = holder_after_body(surface, before, RULES)
    assert end is not None and surface[:end] == body


@pytest.mark.parametrize(
    ("surface", "before"),
    [
        ("National Assembly Marzouq Al Ghanem", "talks with the "),  # no title governs the body
        ("Association Horizons Nouveaux", "a Member of the "),  # a lone head word keeps its name
        ("Fundación Pies Descalzos", "Director of the "),
        ("Refugee Council Annual Conference", "Chair of the "),  # a head word in the run: a name
        ("Regional Office Southern Africa", "Director of the "),
        ("Migration Council ASEAN Network", "Head of the "),  # an acronym is no personal name
        ("National Assembly", "Speaker of the "),  # nothing after the head
        ("International Organization Affairs Jane Doe", "Secretary of State for "),  # a portfolio word is no name
    ],
)
def test_name_after_a_body_stays_without_a_holder(surface: str, before: str) -> None:
    assert holder_after_body(surface, before, RULES) is None


def test_holder_cut_in_a_release(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "The Secretary met the Speaker of the National Assembly Marzouq Al Ghanem on Tuesday.")
    assert "National Assembly" in names and not any("Ghanem" in name for name in names)


def test_place_after_a_governed_body_is_no_holder(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "The Head of the IOM Country Office Papua New Guinea said the roads were closed.")
    assert not any(name.startswith("IOM Country Office") and name != "IOM Country Office Papua New Guinea" for name in names)


# --- 3. numbered units beside a known body -------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "relation"),
    [
        ("No. 11 Squadron", "own"),
        ("2/14th Battalion", "own"),
        ("40th Wing of the", "part"),
        ("3rd Brigade of", "part"),
        ("Regional Office of the", None),  # no number: the known body alone
        ("40th Anniversary of the", None),  # no head word after the number
        ("No. 3 Squadron and the", None),
    ],
)
def test_numbered_unit_before_a_known_body(prefix: str, relation: str | None) -> None:
    assert numbered_unit_before(prefix, RULES) == relation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1942 No. 11 Squadron RAAF flew from Port Moresby.", {"No. 11 Squadron", "Royal Australian Air Force"}),
        ("Reinforcements came from the 40th Wing of the Royal Air Force.", {"40th Wing of the Royal Air Force", "Royal Air Force"}),
        ("He served with the 2/28th Battalion and No. 1 Squadron in the desert.", {"2/28th Battalion", "No. 1 Squadron"}),
    ],
)
def test_numbered_units_beside_known_bodies(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert expected <= _names(rules_nlp, text)


def test_known_body_without_a_unit_stays_alone(rules_nlp: Language) -> None:
    names = _names(rules_nlp, "Officers of the Royal Australian Air Force met the Regional Office of the RAAF.")
    assert "Royal Australian Air Force" in names and not any(name.startswith("Officers") for name in names)


# --- 4. a known acronym glued to a participle by a typographic or mis-decoded hyphen -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The deal covers 4,000 UNHCR\u2010assessed refugees in the camps.",
        f"The deal covers 4,000 UNHCR{MOJIBAKE_HYPHEN}assessed refugees in the camps.",
        f"Some UNHCR{SINGLE_MOJIBAKE_HYPHEN}led programmes closed.",
        "The UNHCR-run centre closed.",
    ],
)
def test_acronym_before_a_glued_participle(rules_nlp: Language, text: str) -> None:
    assert "UNHCR" in _forms(rules_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Flights to PORT\u2010AU\u2010PRINCE resumed.",
        f"Flights to PORT{SINGLE_MOJIBAKE_HYPHEN}AU{SINGLE_MOJIBAKE_HYPHEN}PRINCE resumed.",
    ],
)
def test_acronym_inside_a_glued_word_is_not_a_body(rules_nlp: Language, text: str) -> None:
    assert "AU" not in _forms(rules_nlp, text)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("UNHCR\u2010assessed", ["UNHCR", "\u2010", "assessed"]),
        (f"IOM{MOJIBAKE_HYPHEN}led", ["IOM", MOJIBAKE_HYPHEN, "led"]),
        ("PORT\u2010AU\u2010PRINCE", ["PORT\u2010AU\u2010PRINCE"]),  # not before a participle
        ("self\u2010help", ["self\u2010help"]),
    ],
)
def test_glued_hyphen_parts(word: str, parts: list[str]) -> None:
    assert [word[start:end] for start, end in unglued(word)] == parts


# --- 5. well-known bodies any release may name -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Royal Air Force flew relief supplies to the island.", "Royal Air Force"),
        ("The U.S. Geological Survey recorded a magnitude 6.1 quake.", "U.S. Geological Survey"),
        ("The USGS said aftershocks were likely.", "U.S. Geological Survey"),
        ("Doses delivered through COVAX reached 40 countries.", "COVAX"),
        ("Human Rights Watch said the detentions were arbitrary.", "Human Rights Watch"),
        ("Amnesty International called for an inquiry. Amnesty said the camp was unsafe.", "Amnesty International"),
        ("The Minister said claims lodged with DVA in Australia rose by 5 per cent.", "Department of Veterans' Affairs"),
    ],
)
def test_well_known_bodies(rules_nlp: Language, text: str, name: str) -> None:
    assert name in _names(rules_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty for irregular migrants was announced by the government.",  # "Amnesty" alone: scoped @self
        "The DVA code appeared on the form in Nairobi.",  # DVA only where the release points to Australia
        "The amnesty scheme closes in March.",
    ],
)
def test_scoped_short_forms_need_their_scope(rules_nlp: Language, text: str) -> None:
    names = _names(rules_nlp, text)
    assert "Amnesty International" not in names and "Department of Veterans' Affairs" not in names
