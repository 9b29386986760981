"""Deciding whether a gazetteer match really names a country.

Pure functions over a matched span and rules read from ``models/country_rules.json``:
- lower-case text never names a country ("turkey", "chad"); short acronyms must match in
  their own case ("US", not "us");
- names that are also first names or US states need context: "Chad Smith", "Atlanta,
  Georgia", "New Jersey", "Latin America" are rejected; with a statistical model loaded, a
  match inside a PERSON entity is rejected too;
- demonyms that are also languages count only as adjectives of a noun, not in "translated
  into French" or a list of languages; demonyms opening an organisation's name
  ("Australian Federal Police") are not demonyms of the country;
- "Congo" alone is the Democratic Republic of the Congo unless the release points to
  Brazzaville (same idea for other ambiguous names, from the rules file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class CountryRules:
    ambiguous: dict[str, dict[str, Any]]
    person_risk: frozenset[str]
    context_negatives: dict[str, dict[str, list[str]]]
    language_demonyms: frozenset[str]
    language_cues_before: frozenset[str]
    language_cues_after: frozenset[str]
    case_sensitive_max_length: int
    demonym_role_words: frozenset[str]
    demonym_org_words: frozenset[str]
    generic_noun_modifiers: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CountryRules:
        return cls(
            ambiguous=dict(data.get("ambiguous_names", {})),
            person_risk=frozenset(word.lower() for word in data.get("person_risk", [])),
            context_negatives={key.lower(): value for key, value in data.get("context_negatives", {}).items()},
            language_demonyms=frozenset(word.lower() for word in data.get("language_demonyms", [])),
            language_cues_before=frozenset(data.get("language_cues_before", [])),
            language_cues_after=frozenset(data.get("language_cues_after", [])),
            case_sensitive_max_length=int(data.get("case_sensitive_max_length", 6)),
            demonym_role_words=frozenset(data.get("demonym_role_words", [])),
            demonym_org_words=frozenset(data.get("demonym_org_words", [])),
            generic_noun_modifiers=frozenset(data.get("generic_noun_modifiers", [])),
        )


def keep_match(span: Span, pattern: str, kind: str, rules: CountryRules) -> bool:
    """True when the matched ``span`` (of gazetteer ``pattern``) names a country."""
    text = span.text
    if not any(ch.isupper() for ch in text):
        return False
    if is_acronym(pattern, rules) and text.replace(" ", "") != pattern.replace(" ", ""):
        return False
    if _negative_context(span, rules):
        return False
    if text.lower() in rules.person_risk and _looks_like_person(span):
        return False
    if kind == "demonym":
        if text.lower() in rules.language_demonyms and _used_as_language(span, rules):
            return False
        if _opens_organisation(span) or _names_a_body(span, rules):
            return False
    return True


def is_acronym(pattern: str, rules: CountryRules) -> bool:
    letters = pattern.replace(".", "").replace(" ", "")
    return letters.isupper() and len(pattern) <= rules.case_sensitive_max_length


def _token_before(span: Span) -> Token | None:
    """The previous non-space token."""
    index = span.start - 1
    while index >= 0 and span.doc[index].is_space:
        index -= 1
    return span.doc[index] if index >= 0 else None


def _token_after(span: Span, skip: int = 0) -> Token | None:
    """The next non-space token (``skip`` more of them first)."""
    index = span.end
    while index < len(span.doc):
        if not span.doc[index].is_space:
            if skip == 0:
                return span.doc[index]
            skip -= 1
        index += 1
    return None


def _word_before(span: Span) -> str:
    """The previous word, looking past one comma ("Atlanta, Georgia")."""
    token = _token_before(span)
    if token is not None and token.text == ",":
        token = _token_before(span.doc[token.i : token.i + 1])
    return token.lower_ if token is not None else ""


def _word_after(span: Span) -> str:
    token = _token_after(span)
    return token.lower_ if token is not None else ""


def _negative_context(span: Span, rules: CountryRules) -> bool:
    context = rules.context_negatives.get(span.text.lower())
    if not context:
        return False
    if _word_before(span) in context.get("prev", []):
        return True
    return _word_after(span) in context.get("next", [])


def _looks_like_person(span: Span) -> bool:
    """"Chad Smith", "Michael Jordan": a PERSON entity, or (rules only) a capitalised neighbour."""
    doc = span.doc
    if doc.has_annotation("ENT_IOB"):
        return all(token.ent_type_ == "PERSON" for token in span)
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and _is_name_word(after) and not after.is_sent_start:
        return True
    return before is not None and _is_name_word(before) and not doc[span.start].is_sent_start


def _is_name_word(token: Any) -> bool:
    """A capitalised Latin-script word that could be part of a person's name."""
    latin = all(ord(char) < 0x250 for char in token.text)
    return bool(token.is_title and token.is_alpha and latin and token.lower_ not in _NOT_NAME_WORDS)


_NOT_NAME_WORDS = frozenset(
    {"the", "and", "of", "in", "to", "for", "from", "with", "by", "on", "at", "as", "said", "says",
     "republic", "kingdom", "government", "president", "minister", "state", "embassy",
     "ambassador", "visit", "visits", "travel", "travels", "mission", "office", "people"}
)


def _used_as_language(span: Span, rules: CountryRules) -> bool:
    doc = span.doc
    before = _word_before(span)
    after = _word_after(span)
    if before in rules.language_cues_before or after in rules.language_cues_after:
        return True
    if span.end < len(doc) and doc[span.end].text.startswith("-"):
        return True
    if span.end < len(doc) and doc[span.end].is_punct:
        return True
    return span.end >= len(doc)


def _opens_organisation(span: Span) -> bool:
    """A demonym that starts a multi-word ORG entity is part of that organisation's name."""
    doc = span.doc
    following = _token_after(span)
    if following is None or following.ent_type_ != "ORG" or following.ent_iob_ != "I":
        return False
    if span[0].ent_type_ != "ORG":
        return False
    index = span.start
    while doc[index].ent_iob_ == "I":
        index -= 1
        if doc[index].lower_ not in {"the", "a", "an"}:
            return False
    return True


def _names_a_body(span: Span, rules: CountryRules) -> bool:
    """"Australian Greens", "Adult Migrant English Program", "the Australian government": a name, not a demonym.

    A demonym followed by a capitalised word is taken as part of a proper name unless that
    word is a role or a common head ("Australian Prime Minister", "Australian Citizens").
    """
    following = _token_after(span)
    if following is None:
        return False
    if following.lower_ in rules.demonym_org_words:
        return following.is_title or not _modifies_a_noun(_token_after(span, skip=1), rules)
    if span.text.isupper() and following.is_upper:
        return f"{span.text.title()} {following.text.title()}" in span.doc._.iom_text
    return bool(following.is_title and following.is_alpha and following.lower_ not in rules.demonym_role_words)


def _modifies_a_noun(token: Token | None, rules: CountryRules) -> bool:
    """"Mexican government officials": the government word only modifies a noun."""
    if token is None or not token.is_alpha or not token.is_lower:
        return False
    if token.doc.has_annotation("TAG"):
        return token.pos_ == "NOUN"
    return token.lower_ in rules.generic_noun_modifiers


def resolve_ambiguous(doc: Doc, pattern: str, rules: CountryRules) -> str:
    """Pick the country an ambiguous name ("Congo") refers to from evidence in the release."""
    rule = rules.ambiguous.get(pattern) or next(
        (value for key, value in rules.ambiguous.items() if key.lower() == pattern.lower()), {}
    )
    text = doc._.iom_text
    best_code, best_votes = str(rule.get("default", "")), 0
    for code, cues in rule.get("evidence", {}).items():
        votes = sum(text.count(cue) for cue in cues)
        if votes > best_votes:
            best_code, best_votes = code, votes
    return best_code
