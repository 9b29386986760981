"""Deciding whether a gazetteer match really names a country.

Pure functions over a matched span and rules read from ``models/country_rules.json``:
- lower-case text names a country only in a line written all in lower case ("flights to
  afghanistan", a typed query or a data row), and never with a name that is also an English
  word or a first name ("turkey", "chad", "china"; ``lower_case_words``); short acronyms must match in
  their own case ("US", not "us"); acronyms that are also English words ("CAR", "US") in
  all-capital text count only when the release names the country in full, and "US" after
  "LET", "HELP", "FOR" is the pronoun;
- names that are also first names or US states need context: "Chad Smith", "Atlanta,
  Georgia", "Georgia, U.S.A.", "New Jersey", "Latin America", "Niger and Kogi States" are
  rejected; with a statistical model loaded, a match inside a PERSON entity is rejected too;
- person nouns that are also common words ("Pole", "Dane", "Swede", "Turks") count only as
  nouns: after a determiner, a number or a lower-case word, never before a capitalised word
  ("pole vault", "North Pole", "Dane Swan", "Young Turks");
- demonyms that are also languages count only as adjectives of a noun or as people, not in
  "translated into French" or a list of languages; the whole list decides ("Kyrgyz, Tajik
  and Uzbek workers" are people, "in Dutch, English and Spanish" are languages);
- demonyms opening an organisation's name ("Australian Federal Police", "the Australian
  Government", a party: "AUSTRALIAN GREENS") are not demonyms of the country; "the Russian
  government" in lower case is, and so is the country's mission ("the American Legation",
  "the Italian Embassy") even when a model tags it as an organisation;
- fixed English compounds ("Spanish flu", "French fries", "a Dominican friar") are context
  negatives: the adjective no longer points to the country;
- "Congo" alone is the Democratic Republic of the Congo unless the release points to
  Brazzaville (same idea for "Congolese", "Virgin Islands", and "Georgia" the US state).

Every per-document fact (is there a named-entity layer, which title-case pairs occur, how an
ambiguous name resolves) is computed once per document in :class:`DocFacts`, never per match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, IS_TITLE, LOWER
from spacy.tokens import Doc, Span, Token

from .lines import in_lines, title_case_lines

# Tokens that join the members of a list ("Guineans, Malians and Ivorians").
_LIST_SEPARATORS = frozenset({",", "and", "or", "&", "/"})
# How far a list or an all-capitals context is followed (tokens); bounded, so linear overall.
_MAX_LIST_MEMBERS = 12
_CAPITALS_WINDOW = 3


@dataclass(frozen=True)
class CountryRules:
    ambiguous: dict[str, dict[str, Any]]
    ambiguous_demonyms: dict[str, str]
    person_risk: frozenset[str]
    context_negatives: dict[str, dict[str, list[str]]]
    language_demonyms: frozenset[str]
    language_only_words: frozenset[str]
    language_cues_before: frozenset[str]
    language_cues_before_weak: frozenset[str]
    language_cues_after: frozenset[str]
    not_noun_words: frozenset[str]
    person_determiners: frozenset[str]
    common_word_demonyms: frozenset[str]
    list_negatives: dict[str, frozenset[str]]
    word_acronyms: frozenset[str]
    pronoun_cues: frozenset[str]
    case_sensitive_max_length: int
    demonym_role_words: frozenset[str]
    demonym_org_words: frozenset[str]
    body_names_any_case: frozenset[str]
    ethnic_cues_before: frozenset[str]
    lower_case_words: frozenset[str]
    demonym_mission_words: frozenset[str]
    us_states_after_comma: frozenset[str]
    attributive_names: frozenset[str]
    language_first_demonyms: frozenset[str]
    # Heads of bodies a demonym opens ("Coast Guard", "Council"): read in title-case lines,
    # where a capital says nothing ("Stranded Ethiopians Return Home", "Syrian Refugee Children").
    demonym_body_heads: frozenset[str] = frozenset()
    # Bodies a demonym opens even in lower case ("the Hellenic coast guard").
    demonym_body_phrases: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, data: Any) -> CountryRules:
        def lowered(key: str) -> frozenset[str]:
            return frozenset(str(word).lower() for word in data.get(key, []))

        return cls(
            ambiguous=dict(data.get("ambiguous_names", {})),
            ambiguous_demonyms=dict(data.get("ambiguous_demonyms", {})),
            person_risk=lowered("person_risk"),
            context_negatives={folded(key): value for key, value in data.get("context_negatives", {}).items()},
            language_demonyms=lowered("language_demonyms"),
            language_only_words=lowered("language_only_words"),
            language_cues_before=lowered("language_cues_before"),
            language_cues_before_weak=lowered("language_cues_before_weak"),
            language_cues_after=lowered("language_cues_after"),
            not_noun_words=lowered("not_noun_words"),
            person_determiners=lowered("person_determiners"),
            common_word_demonyms=lowered("common_word_demonyms"),
            list_negatives={
                key.lower(): frozenset(word.lower() for word in words) for key, words in data.get("list_negatives", {}).items()
            },
            word_acronyms=frozenset(data.get("word_acronyms", [])),
            pronoun_cues=lowered("pronoun_cues"),
            case_sensitive_max_length=int(data.get("case_sensitive_max_length", 6)),
            demonym_role_words=lowered("demonym_role_words"),
            demonym_org_words=lowered("demonym_org_words"),
            body_names_any_case=lowered("body_names_any_case"),
            ethnic_cues_before=lowered("ethnic_cues_before"),
            lower_case_words=lowered("lower_case_words"),
            demonym_mission_words=lowered("demonym_mission_words"),
            us_states_after_comma=lowered("us_states_after_comma"),
            attributive_names=lowered("attributive_names"),
            language_first_demonyms=lowered("language_first_demonyms"),
            demonym_body_heads=lowered("demonym_body_heads"),
            demonym_body_phrases=lowered("demonym_body_phrases"),
        )


@dataclass
class DocFacts:
    """What several matches of one document ask about it, computed once per document.

    ``demonyms`` maps the start token of each demonym candidate to (end token, lower-cased
    text); list detection reads it instead of re-matching. Title-case pairs and ambiguous
    resolutions are computed on first use and then reused.
    """

    doc: Doc
    has_entities: bool
    has_tags: bool
    demonyms: dict[int, tuple[int, str]] = field(default_factory=dict)
    demonym_ends: dict[int, int] = field(default_factory=dict)
    _title_pairs: set[str] | None = None
    _lower_lines: list[tuple[int, int]] | None = None
    _title_lines: list[tuple[int, int]] | None = None
    _doc_text: str | None = None
    resolved: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, demonyms: Iterable[tuple[int, int]] = ()) -> DocFacts:
        facts = cls(doc=doc, has_entities=doc.has_annotation("ENT_IOB"), has_tags=doc.has_annotation("TAG"))
        for start, end in demonyms:
            facts.demonyms[start] = (end, doc[start:end].text.lower())
            facts.demonym_ends[end] = start
        return facts

    def in_lower_case_line(self, start_char: int) -> bool:
        """The character sits in a line with letters but no capital and no web address ("flights to afghanistan")."""
        if self._lower_lines is None:
            lines: list[tuple[int, int]] = []
            offset = 0
            for line in self._text().split("\n"):
                if line != line.lower() or not any(char.isalpha() for char in line) or _URL_HINT.search(line):
                    offset += len(line) + 1
                    continue
                lines.append((offset, offset + len(line)))
                offset += len(line) + 1
            self._lower_lines = lines
        index = bisect_right(self._lower_lines, (start_char, len(self._text()) + 1)) - 1
        return index >= 0 and self._lower_lines[index][0] <= start_char < self._lower_lines[index][1]

    def in_title_case_line(self, start_char: int) -> bool:
        """The character sits in a headline-like line: its words capitalised ("IOM Helps Stranded
        Ethiopians Return Home", "THE HELLENIC COAST GUARD ..."), where a capital marks no name."""
        if self._title_lines is None:
            self._title_lines = title_case_lines(self._text())
        return in_lines(self._title_lines, start_char)

    def _text(self) -> str:
        """The document's text, built once (``Doc.text`` rebuilds it from every token: a few
        milliseconds a release); the tokenizer's own copy when it kept one (``iom_text``)."""
        if self._doc_text is None:
            kept = self.doc._.iom_text if self.doc.has_extension("iom_text") else None  # doc.text as the tokenizer read it
            self._doc_text = kept if isinstance(kept, str) else self.doc.text
        return self._doc_text

    def title_pairs(self) -> set[str]:
        """Lower-cased "word word" for every pair of adjacent title-case words ("australian government"),
        whitespace tokens skipped. Read from the token columns, without a Token object per word."""
        if self._title_pairs is None:
            columns = self.doc.to_array([IS_SPACE, IS_TITLE, LOWER])
            words = columns[columns[:, 0] == 0]
            pairs = numpy.flatnonzero((words[:-1, 1] != 0) & (words[1:, 1] != 0)).tolist()
            strings = self.doc.vocab.strings
            self._title_pairs = {f"{strings[int(words[i, 2])]} {strings[int(words[i + 1, 2])]}" for i in pairs}
        return self._title_pairs


def keep_match(span: Span, pattern: str, kind: str, rules: CountryRules, facts: DocFacts | None = None) -> bool:
    """True when the matched ``span`` (of gazetteer ``pattern``) names a country.

    Pass the document's :class:`DocFacts` (built once per document); without it they are built
    for this one call, which scans the Doc.
    """
    return match_rejection(span, pattern, kind, rules, facts) is None


def match_rejection(span: Span, pattern: str, kind: str, rules: CountryRules, facts: DocFacts | None = None) -> str | None:
    """Why the matched ``span`` (of gazetteer ``pattern``) names no country: the guard that
    refused it, or None when it names one (:func:`keep_match`)."""
    facts = facts or DocFacts.of(span.doc)
    text = span.text
    lower = folded(text)
    if is_case_sensitive_form(pattern, rules) and text.replace(" ", "") != pattern.replace(" ", ""):
        return "case: a form counted only as written"
    if not any(map(str.isupper, text)) and not (
        kind == "name" and lower not in rules.lower_case_words and facts.in_lower_case_line(span.start_char)
    ):
        return "lower case: an English word or first name, or outside an all-lower-case line"
    if pattern in rules.word_acronyms and in_capitals(span) and _word_before(span) in rules.pronoun_cues:
        return "acronym read as a word ('US' after a pronoun cue)"
    if _negative_context(span, rules):
        return "negative context: the words around it name something else ('Niger State', 'Gulf of Guinea', 'Spanish flu')"
    if kind == "name" and _names_a_us_town(span, rules):
        return "a U.S. town of that name ('Lebanon, Pennsylvania')"
    if lower in rules.person_risk and _looks_like_person(span, facts):
        return "a person's name ('Chad Morel')"
    if kind == "demonym":
        return _demonym_rejection(span, rules, facts)
    return None


def _demonym_rejection(span: Span, rules: CountryRules, facts: DocFacts) -> str | None:
    lower = folded(span.text)
    if _word_before(span) in rules.ethnic_cues_before:
        return "an ethnic group ('ethnic Albanians')"  # a people, not a country
    if lower in rules.common_word_demonyms and not _used_as_person_noun(span, rules):
        return "a word that is not a people here ('Pole', 'Finn', 'Turk' not used for a person)"
    if lower in rules.list_negatives and _listed_with(span, rules.list_negatives[lower], facts):
        return "listed with a people that is no nationality ('Roma, Ashkali and Egyptians')"
    if lower in rules.language_demonyms and _used_as_language(span, rules, facts):
        return "a language ('in Dutch, English and Spanish')"
    if lower in rules.language_first_demonyms and not _before_people_word(span, rules, facts):
        return "a language unless a word for people follows ('English classes')"
    if _before_mission_word(span, rules):
        return None
    if facts.in_title_case_line(span.start_char):
        # A headline capitalises every word: only a body's head word makes it a name.
        return "a body's name in a headline ('Libyan Coast Guard')" if _heads_a_body(span, rules, facts) else None
    if _is_person_plural(span.text):
        return None  # "Ethiopians", "Bangladeshis": people, never the first word of a body's name
    if _opens_organisation(span) or _names_a_body(span, rules, facts):
        return "opens a body's name ('Australian Government', 'Maltese armed forces')"
    return None


def _is_person_plural(text: str) -> bool:
    """"Ethiopians", "Bangladeshis", "Filipinos": a plural noun for people ("Swiss" and
    "Seychellois" end in "s" but are adjectives too)."""
    lower = text.lower()
    return lower.endswith(("ans", "ians", "is", "os", "ites", "ers")) and not lower.endswith(("ss", "ois"))


_MAX_BODY_WORDS = 4


def _heads_a_body(span: Span, rules: CountryRules, facts: DocFacts) -> bool:
    """Whether the capitalised words right after ``span`` (or after the list it is in: "Maltese
    and Italian Coast Guards") end in a body's head ("Libyan Coast Guard Intercepts ...",
    "Danish Refugee Council"), or form a body named in any case."""
    doc = span.doc
    index = span.end
    following = _token_after(span)
    if following is not None and following.lower_ in _LIST_SEPARATORS:
        after_list = _coordination(span, facts, rules)[2]
        index = after_list.i if after_list is not None else len(doc)
    words: list[str] = []
    while index < len(doc) and len(words) < _MAX_BODY_WORDS:
        token = doc[index]
        index += 1
        if token.is_space:
            continue
        if not token.is_alpha or not (token.is_title or token.is_upper):
            break
        words.append(token.lower_)
        if token.lower_ in rules.demonym_body_heads or token.lower_ in rules.demonym_org_words:
            return True
    return bool(words) and (
        f"{span.text.lower()} {words[0]}" in rules.body_names_any_case
        or " ".join(words[:2]) in rules.demonym_body_phrases
        or words[0] in rules.demonym_body_phrases
    )




def _before_people_word(span: Span, rules: CountryRules, facts: DocFacts) -> bool:
    """"English soldiers", "English and Welsh nationals": a demonym that in releases is nearly
    always the language ("English classes", "plain English") counts only before a word for people."""
    _, _, after = _coordination(span, facts, rules)
    return after is not None and after.lower_ in rules.demonym_role_words


def _before_mission_word(span: Span, rules: CountryRules) -> bool:
    """"the American Legation", "the Italian Embassy": the country's diplomatic mission, a demonym
    of the country even when a statistical model tags the words as an organisation."""
    following = _token_after(span)
    return following is not None and following.lower_ in rules.demonym_mission_words


def is_case_sensitive_form(pattern: str, rules: CountryRules) -> bool:
    """A short form that must match in its own case: "US", "U.A.E.", "BiH" (two capitals or more)."""
    return _case_sensitive(pattern, rules.case_sensitive_max_length)


@lru_cache(maxsize=8192)
def _case_sensitive(pattern: str, max_length: int) -> bool:
    """:func:`is_case_sensitive_form`, once per gazetteer pattern (asked at every match)."""
    letters = pattern.replace(".", "").replace(" ", "")
    capitals = sum(ch.isupper() for ch in letters)
    return len(pattern) <= max_length and (letters.isupper() or capitals >= 2)


def is_inverted(pattern: str) -> bool:
    """ISO's inverted form that ends in "of" ("Korea, Republic of"): it may run into the next name."""
    return "," in pattern and pattern.lower().endswith((" of", " of the"))


def in_capitals(span: Span) -> bool:
    """The span sits in all-capital text ("CAR BOMB KILLS FIVE", "LET US HELP"): its neighbours are all capitals."""
    neighbours = [*_alpha_tokens(span, before=True), *_alpha_tokens(span, before=False)]
    return bool(neighbours) and all(token.is_upper for token in neighbours)


def _alpha_tokens(span: Span, before: bool) -> list[Token]:
    """Up to ``_CAPITALS_WINDOW`` alphabetic tokens next to the span, on one side, within the line."""
    doc = span.doc
    step = -1 if before else 1
    index = span.start - 1 if before else span.end
    found: list[Token] = []
    for _ in range(_CAPITALS_WINDOW * 3):
        if not 0 <= index < len(doc) or "\n" in doc[index].text or len(found) == _CAPITALS_WINDOW:
            break
        if doc[index].is_alpha:
            found.append(doc[index])
        index += step
    return found


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


def _one(token: Token) -> Span:
    return token.doc[token.i : token.i + 1]


def _word_before(span: Span) -> str:
    """The previous word, looking past one comma ("Atlanta, Georgia"); its last letters only
    when it is glued to other characters ("North\u2010Western" read through mojibake)."""
    token = _token_before(span)
    if token is not None and token.text == ",":
        token = _token_before(_one(token))
    if token is None:
        return ""
    if token.is_alpha or not token.lower_[-1:].isalpha():
        return token.lower_
    letters: list[str] = _TRAILING_LETTERS.findall(token.lower_)
    return letters[-1]


_TRAILING_LETTERS = re.compile(r"[^\W\d_]+")
# A lower-case line holding a web address is a link or a page footer, not text typed in lower case.
_URL_HINT = re.compile(r"://|www\.|\.html?\b")


def _words_after(span: Span) -> list[str]:
    """The next word; past a comma or an opening bracket ("Georgia, U.S.A."); past "and X" ("Niger and Kogi States")."""
    token = _token_after(span)
    if token is None:
        return []
    words = [token.lower_]
    if token.text in {",", "("}:  # "Georgia, U.S.A.", "Georgia (US state)"
        following = _token_after(_one(token))
        words += [following.lower_] if following is not None else []
    elif token.lower_ in {"and", "&"}:
        partner = _token_after(_one(token))
        if partner is not None and partner.is_title:
            following = _token_after(_one(partner))
            words += [following.lower_] if following is not None else []
    return words


def folded(text: str) -> str:
    """Lower case with any run of whitespace as one space: "St\r Vincent" is "st vincent"."""
    return " ".join(text.lower().split())


def _negative_context(span: Span, rules: CountryRules) -> bool:
    context = rules.context_negatives.get(folded(span.text))
    if not context:
        return False
    if _word_before(span) in context.get("prev", []):
        return True
    if context.get("prev2") and _two_words_before(span) in context["prev2"]:
        return True  # "the Gulf of Guinea", "the Sea of Japan": a sea or region named after the country
    following = context.get("next", [])
    return any(word in following for word in _words_after(span))


def used_attributively(span: Span, rules: CountryRules, facts: DocFacts) -> bool:
    """"Saudi authorities", "the Saudi-led coalition": a short name that is also the adjective, used
    as the adjective (a demonym); "returned from Saudi" stays the name. Only a lower-case noun (or a
    "-led" compound) after it counts: "Saudi Ministry of Interior" names a body, not a people."""
    if folded(span.text) not in rules.attributive_names:
        return False
    following = _token_after(span)
    if following is None:
        return False
    if following.text in {"-", "\u2013"} and not span[-1].whitespace_:
        compound = _token_after(span, skip=1)
        return compound is not None and compound.lower_ in _ATTRIBUTIVE_COMPOUNDS
    if not (following.is_alpha and following.is_lower):
        return False
    if facts.has_tags:
        return following.pos_ in {"NOUN", "ADJ"}
    return following.lower_ in rules.demonym_role_words or following.lower_ in rules.demonym_org_words


_ATTRIBUTIVE_COMPOUNDS = frozenset({"led", "backed", "funded", "based", "born", "owned", "sponsored", "flagged"})


def _names_a_us_town(span: Span, rules: CountryRules) -> bool:
    """"Lebanon, Pennsylvania", "Peru, Indiana": a U.S. town named after a country, told by the
    state after a comma (states that are also countries or capitals, like Georgia, are left out)."""
    words = _words_after(span)
    return len(words) == 2 and words[0] == "," and words[1] in rules.us_states_after_comma


def _two_words_before(span: Span) -> str:
    """The two previous words, lower case ("gulf of"): "of Guinea" alone is also "Republic of Guinea"."""
    last = _token_before(span)
    first = _token_before(_one(last)) if last is not None else None
    return f"{first.lower_} {last.lower_}" if first is not None and last is not None else ""


def _looks_like_person(span: Span, facts: DocFacts) -> bool:
    """"Chad Smith", "Michael Jordan": a PERSON entity, or (rules only) a capitalised neighbour.

    A PERSON entity that is the country's word alone ("in Italy and Malta", read through
    non-breaking spaces) is checked like rules-only text: the model errs there, names do not.
    """
    doc = span.doc
    if facts.has_entities:
        if not all(token.ent_type_ in _PERSON_LABELS for token in span):
            return False
        alone = span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")
        if not alone:
            return True
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and _is_name_word(after) and not after.is_sent_start:
        return True
    return before is not None and _is_name_word(before) and not doc[span.start].is_sent_start


# A person in the English models' entities and in the French and Spanish ones ("PER").
_PERSON_LABELS = frozenset({"PERSON", "PER"})


def _is_name_word(token: Any) -> bool:
    """A capitalised Latin-script word that could be part of a person's name."""
    latin = all(ord(char) < 0x250 for char in token.text)
    return bool(token.is_title and token.is_alpha and latin and token.lower_ not in _NOT_NAME_WORDS)


_NOT_NAME_WORDS = frozenset(
    {"the", "a", "an", "and", "of", "in", "to", "for", "from", "with", "by", "on", "at", "as", "said", "says",
     "republic", "kingdom", "government", "president", "minister", "state", "embassy",
     "ambassador", "visit", "visits", "travel", "travels", "mission", "office", "people"}
)


def _used_as_person_noun(span: Span, rules: CountryRules) -> bool:
    """"a Pole", "two Danes", "young Swedes": a noun for people, not "pole vault" or "Dane Swan"."""
    after = _token_after(span)
    if after is not None and after.is_alpha and (after.is_title or after.is_upper):
        return False
    before = _token_before(span)
    if before is None:
        return False
    if before.like_num or before.lower_ in rules.person_determiners:
        return True
    return bool(before.is_alpha and before.is_lower)


def _coordination(span: Span, facts: DocFacts, rules: CountryRules) -> tuple[list[str], Token | None, Token | None]:
    """The list "A, B and C" the span belongs to: its members' texts and the tokens around it.

    Members are demonym candidates or language names ("Arabic"); at most ``_MAX_LIST_MEMBERS``
    each way, so the walk is bounded.
    """
    doc = span.doc
    members = [span.text.lower()]
    start, end = span.start, span.end
    for _ in range(_MAX_LIST_MEMBERS):
        separator = _token_before(doc[start:end])
        if separator is None or separator.lower_ not in _LIST_SEPARATORS:
            break
        previous = _token_before(_one(separator))
        if previous is not None and previous.text == "," and separator.lower_ in {"and", "or"}:
            previous = _token_before(_one(previous))  # "A, B, and C"
        member = _member_ending(previous, facts, rules)
        if member is None:
            break
        members.insert(0, doc[member[0] : member[1]].text.lower())
        start = member[0]
    for _ in range(_MAX_LIST_MEMBERS):
        separator = _token_after(doc[start:end])
        if separator is None or separator.lower_ not in _LIST_SEPARATORS:
            break
        following = _token_after(_one(separator))
        if following is not None and following.lower_ in {"and", "or"} and separator.text == ",":
            following = _token_after(_one(following))
        member = _member_starting(following, facts, rules)
        if member is None:
            break
        members.append(doc[member[0] : member[1]].text.lower())
        end = member[1]
    return members, _token_before(doc[start:end]), _token_after(doc[start:end])


def _member_ending(token: Token | None, facts: DocFacts, rules: CountryRules) -> tuple[int, int] | None:
    if token is None:
        return None
    if token.i + 1 in facts.demonym_ends:
        return facts.demonym_ends[token.i + 1], token.i + 1
    return (token.i, token.i + 1) if token.lower_ in rules.language_only_words else None


def _member_starting(token: Token | None, facts: DocFacts, rules: CountryRules) -> tuple[int, int] | None:
    if token is None:
        return None
    if token.i in facts.demonyms:
        return token.i, facts.demonyms[token.i][0]
    return (token.i, token.i + 1) if token.lower_ in rules.language_only_words else None


def _used_as_language(span: Span, rules: CountryRules, facts: DocFacts) -> bool:
    """"translated into French", "in Dutch, English and Spanish": a language, not the country's people.

    Decided on the whole list the demonym belongs to; a noun after the list ("Tajik and Uzbek
    workers") or a member that is no language ("Sudanese, Bangladeshis, Malagasy") makes people.
    """
    following = _token_after(span)
    if following is not None and following.text in {"-", "–"} and not span[-1].whitespace_:  # "French-speaking", "Somali-born"
        after_dash = _token_after(span, skip=1)
        return after_dash is not None and after_dash.lower_ in rules.language_cues_after
    members, before, after = _coordination(span, facts, rules)
    if before is not None and before.lower_ in rules.language_cues_before:
        return True
    if after is not None and after.lower_ in rules.language_cues_after:
        return True
    if any(member in rules.language_only_words for member in members):
        return True
    if after is not None and _is_noun_or_name(after, rules, facts):
        return False
    if before is not None and before.lower_ in rules.language_cues_before_weak:
        return True
    if any(member not in rules.language_demonyms for member in members):
        return False
    return not (len(members) == 1 and before is not None and (before.like_num or before.lower_ in rules.person_determiners))


def _is_noun_or_name(token: Token, rules: CountryRules, facts: DocFacts) -> bool:
    """A word the demonym can modify: a noun ("workers"), or a capitalised word (judged as a name later)."""
    if not token.is_alpha or token.lower_ in rules.not_noun_words:
        return False
    if facts.has_tags and token.is_lower:
        return token.pos_ in {"NOUN", "PROPN", "ADJ"}
    return token.is_lower or token.is_title or token.is_upper  # "workers", "Vice", "MFA"


def _listed_with(span: Span, companions: frozenset[str], facts: DocFacts) -> bool:
    """"Roma, Ashkali and Egyptian families": an ethnic group named among others, not the country's people."""
    doc = span.doc
    start = max(0, span.start - _MAX_LIST_MEMBERS)
    return any(token.lower_ in companions for token in doc[start : span.start])


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


def _names_a_body(span: Span, rules: CountryRules, facts: DocFacts) -> bool:
    """"Australian Greens", "Adult Migrant English Program", "the Australian Government": a name, not a demonym.

    A demonym followed by a capitalised word is taken as part of a proper name unless that
    word is a role or a common head ("Australian Prime Minister", "Australian Citizens").
    "the Russian government" in lower case is the country's government (a demonym), unless the
    release also writes "Russian Government" as the body's name.
    """
    following = _token_after(span)
    if following is not None and following.lower_ in _LIST_SEPARATORS:
        following = _coordination(span, facts, rules)[2]  # "Portuguese and Timorese Club": the list names a body
    if following is None:
        return False
    pair = f"{span.text.lower()} {following.lower_}"
    if pair in rules.body_names_any_case:  # a body's formal name, however it is cased
        return True
    if _body_phrase_after(span, rules):
        return True  # "the Hellenic coast guard", "Maltese armed forces": the body, in lower case
    if following.lower_ in rules.demonym_org_words:
        return following.is_title or following.is_upper or pair in facts.title_pairs()
    if span.text.isupper() and following.is_upper:
        return pair in facts.title_pairs()
    return bool(following.is_title and following.is_alpha and following.lower_ not in rules.demonym_role_words)


def _body_phrase_after(span: Span, rules: CountryRules) -> bool:
    words = [token.lower_ for token in span.doc[span.end : span.end + 3] if not token.is_space][:2]
    return bool(words) and (words[0] in rules.demonym_body_phrases or " ".join(words) in rules.demonym_body_phrases)


def resolve_ambiguous(doc: Doc, pattern: str, rules: CountryRules, facts: DocFacts | None = None,
                      found: Iterable[str] = ()) -> str:
    """Pick the country an ambiguous name ("Congo") refers to from evidence in the release.

    Evidence is the rule's cue words counted in the text plus the countries already found in
    the release (``found``: codes of unambiguous names and capitals); "" means "no country"
    ("Georgia" in a release about Atlanta). Resolved once per document and name.
    """
    rule_name = rules.ambiguous_demonyms.get(pattern, pattern)
    key = rule_name.lower()
    if facts is not None and key in facts.resolved:
        return facts.resolved[key]
    rule = rules.ambiguous.get(rule_name) or next(
        (value for name, value in rules.ambiguous.items() if name.lower() == key), {}
    )
    text = doc._.iom_text
    default = str(rule.get("default", ""))
    evidence: dict[str, list[str]] = rule.get("evidence", {})
    seen = Counter(found)
    votes = {code: sum(text.count(cue) for cue in cues) + seen[code] for code, cues in evidence.items()}
    best = max(votes.values(), default=0)
    winners = [code for code, count in votes.items() if count == best]
    choice = default if best == 0 or default in winners else winners[0]
    if facts is not None:
        facts.resolved[key] = choice
    return choice
