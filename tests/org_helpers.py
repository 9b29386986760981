"""What the organisation tests read off a release: names, every form, and split pieces.

One copy for the organisation test files (each asserts that every mention is exact on the way).
"""

from __future__ import annotations

from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.organizations import OrganizationRules, split_candidate

RULES = OrganizationRules.from_dict(load_json("organization_rules.json"))


def org_names(nlp: Language, text: str) -> set[str]:
    """The organisations' names, after checking every mention's offsets against the text."""
    release = iom_nlp.extract(text, nlp=nlp)
    for org in release.organizations:
        for mention in org.mentions:
            assert text[mention.start : mention.end] == mention.text
    return {org.name for org in release.organizations}


def org_forms(nlp: Language, text: str) -> set[str]:
    """Every name, acronym and alias the release's organisations carry."""
    release = iom_nlp.extract(text, nlp=nlp)
    forms: set[str] = set()
    for org in release.organizations:
        forms |= {org.name, *(org.aliases or ()), *([org.acronym] if org.acronym else [])}
    return forms


def split_pieces(surface: str) -> list[str]:
    """The bodies ``split_candidate`` finds in one guessed name."""
    return [surface[start:end] for start, end in split_candidate(surface, RULES)]
