"""The pure word view and phrase lookup that replaced a second Doc and spaCy PhraseMatchers in the
organisation and country components (speed), and the component helpers built on them: each must
give exactly what the spaCy objects or the slower scans gave."""

from __future__ import annotations

import re

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

import iom_nlp
from iom_nlp.components.countries import _JOINER, _columns, _joined_tokens
from iom_nlp.rules.bodies import ACRONYM_TOKEN, PARTICIPLE, acronym_uses, has_glue, not_after_word
from iom_nlp.rules.wordview import PhraseLookup, WordView

PATTERNS = {
    "un": ["United Nations", "UN"],
    "unhcr": ["United Nations High Commissioner for Refugees", "UNHCR"],
    "nz": ["New Zealand"],
    "new": ["new"],
    "red": ["Red Cross", "Red Crescent", "red cross"],
}


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _lookup(nlp: Language, attr: str) -> tuple[PhraseLookup, PhraseMatcher]:
    lookup, matcher = PhraseLookup(), PhraseMatcher(nlp.vocab, attr=attr)
    for label, forms in PATTERNS.items():
        docs = [nlp.make_doc(form) for form in forms]
        lookup.add(label, [[token.lower if attr == "LOWER" else token.orth for token in doc] for doc in docs])
        matcher.add(label, docs)
    return lookup, matcher


@pytest.mark.parametrize("attr", ["LOWER", "ORTH"])
@pytest.mark.parametrize(
    "text",
    [
        "The United Nations High Commissioner for Refugees (UNHCR) and the UN.",
        "new New Zealand red cross RED CROSS Red Crescent",
        "United Nations",  # a match that ends the document
        "United",  # a phrase's prefix only
        "nothing here at all",
        "UN UN UN",  # the same phrase again and again
    ],
)
def test_lookup_gives_the_phrase_matchers_matches(blank: Language, attr: str, text: str) -> None:
    lookup, matcher = _lookup(blank, attr)
    doc = blank.make_doc(text)
    column = "LOWER" if attr == "LOWER" else "ORTH"
    hashes = numpy.asarray(doc.to_array([column]), dtype=numpy.uint64)
    expected = sorted((blank.vocab.strings[key], start, end) for key, start, end in matcher(doc))
    assert sorted(lookup.find([token.lower if attr == "LOWER" else token.orth for token in doc])) == expected
    assert sorted(lookup.find_hashes(hashes)) == expected


def test_lookup_orders_matches_by_start_then_end_overlaps_included() -> None:
    lookup = PhraseLookup()
    lookup.add("a", [["x"], ["x", "y", "z"]])
    lookup.add("b", [["y", "z"], ["x", "y"]])
    assert lookup.find(["x", "y", "z"]) == [("a", 0, 1), ("b", 0, 2), ("a", 0, 3), ("b", 1, 3)]


def test_lookup_ties_on_one_span_follow_the_order_labels_were_added() -> None:
    """Two gazetteer entries sharing an alias ("Customs and Border Protection"): the first added wins ties."""
    lookup = PhraseLookup()
    lookup.add("second", [["p", "q"]])
    lookup.add("first", [["p", "q"]])
    lookup.add("second", [["p", "q"]])  # one match per label and span, however many of its phrases fit
    assert lookup.find(["p", "q"]) == [("second", 0, 2), ("first", 0, 2)]


@pytest.mark.parametrize("starts", [None, [1, 3]])
def test_lookup_reads_only_the_given_start_positions(starts: list[int] | None) -> None:
    lookup = PhraseLookup()
    lookup.add("k", [["a", "b"], []])  # an empty phrase never matches
    assert lookup.find(["b", "a", "b", "a", "b"], starts) == [("k", 1, 3), ("k", 3, 5)]


def test_lookup_on_hashes_with_no_phrase_or_no_word_is_empty() -> None:
    assert PhraseLookup().find_hashes(numpy.array([1, 2], dtype=numpy.uint64)) == []
    lookup = PhraseLookup()
    lookup.add("k", [[5]])
    assert lookup.find_hashes(numpy.array([], dtype=numpy.uint64)) == []
    assert lookup.find_hashes(numpy.array([5 + (1 << 16), 5], dtype=numpy.uint64)) == [("k", 1, 2)]  # same low bits, other word


@pytest.mark.parametrize(
    ("as_tokens", "expected"),
    [(True, "Red-Cross"), (False, "Red - Cross")],
)
def test_phrase_is_the_text_for_tokens_and_the_spaced_words_for_a_rebuilt_view(as_tokens: bool, expected: str) -> None:
    text = "Red-Cross"
    view = WordView(numpy.array([0, 3, 4]), [3, 1, 5], as_tokens=as_tokens)
    assert view.phrase(text, 0, 3) == expected
    assert (view.start(1), view.end(2), view.word(text, 2)) == (3, 9, "Cross")


_LOOK_BEHIND = r"(?<![\w’'.-])"


@pytest.mark.parametrize(
    "text",
    ["Launches Launches", "xLaunches .Launches IOM’Launches", "Re-Launches", "Launches-Launches LaunchesLaunches", ""],
)
@pytest.mark.parametrize("body", [r"(?:Launches|Launch)(?![\w’'-])", r"[A-Z][a-z]+(?: [A-Z][a-z]+)*"])
def test_search_without_look_behind_gives_the_look_behind_matches(text: str, body: str) -> None:
    expected = [match.span() for match in re.finditer(_LOOK_BEHIND + body, text)]
    assert [match.span() for match in not_after_word(re.compile(body), text)] == expected


def _uses_by_scanning(text: str, acronyms: dict[str, object]) -> list[tuple[int, int, str]]:
    uses = []
    for match in ACRONYM_TOKEN.finditer(text):
        token = match.group()
        bare = token if token in acronyms else token.rstrip(".")
        if bare not in acronyms and "-" in token:
            bare = token.split("-", 1)[0]
        if bare in acronyms:
            end = match.start() + len(bare)
            if text[end : end + 1] != "-" or PARTICIPLE.match(text, end):
                uses.append((match.start(), end, bare))
    return uses


@pytest.mark.parametrize(
    "text",
    [
        "IOM. The IOM-supported camp; XIOM and IOMX; IOM-UNHCR; UN-led, UNHCR.",
        "a.IOM /IOM IOM/UN U.S. U.S.-based",
        "",
    ],
)
@pytest.mark.parametrize("acronyms", [{"IOM": 1, "UN": 1, "UNHCR": 1}, {"U.S.": 1, "IOM/UN": 1}, {"": 1, "IOM": 1}])
def test_acronym_uses_read_only_runs_opening_on_an_acronym(text: str, acronyms: dict[str, object]) -> None:
    assert acronym_uses(text, acronyms) == _uses_by_scanning(text, acronyms)


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("UNHCR\u2010assessed", True),
        ("IOM\u00e2\u0080\u0090led", True),  # mis-decoded once
        ("the \u2010 dash", False),  # not between a letter and a word character
        ("it\u00e2\u0080\u0099s mojibake, not a hyphen", False),
    ],
)
def test_glue_is_found_only_where_the_glue_pattern_matches(text: str, glued: bool) -> None:
    assert has_glue(text) is glued


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.-Kuwait ties", ["U.S.-Kuwait"]),
        ("-edge and edge- and a-b", []),  # a joiner first, last, or in a token shorter than four
        ("Norway.<br> and x/y/z, U.S.-led EU|UN", ["Norway.<br", "U.S.-led", "EU|UN"]),
        ("no joiner", []),
    ],
)
def test_joined_tokens_are_the_tokens_with_a_joiner_inside(blank: Language, text: str, expected: list[str]) -> None:
    doc: Doc = blank.make_doc(text)
    found = [doc[i].text for i in _joined_tokens(text, _columns(doc)) if len(doc[i]) >= 4]
    scanned = [token.text for token in doc if len(token) >= 4 and _JOINER.search(text, token.idx + 1, token.idx + len(token) - 1)]
    assert found == expected == scanned


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Experts from the WHO met health officials in Geneva on Monday.", True),
        ("Experts who met health officials in Geneva on Monday were named.", False),  # the acronym only as written
        ("Experts from the Who met health officials in Geneva on Monday.", False),
    ],
)
def test_gazetteer_acronym_matches_only_as_written(rules_nlp: Language, text: str, found: bool) -> None:
    names = {organization.name for organization in iom_nlp.extract(text, nlp=rules_nlp).organizations}
    assert ("World Health Organization" in names) is found


@pytest.mark.parametrize(
    "text",
    [
        "Staff of the International\u00a0Organization for Migration arrived in the camp.",
        "Staff of the International  Organization for\nMigration arrived in the camp.",
        "Staff of the International Organization for Migration arrived in the camp.",
    ],
)
def test_gazetteer_names_match_across_whitespace_tokens(rules_nlp: Language, text: str) -> None:
    names = {organization.name for organization in iom_nlp.extract(text, nlp=rules_nlp).organizations}
    assert "International Organization for Migration" in names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Flights to New\u00a0Zealand resumed in March.", True),
        ("Flights to New\n\nZealand resumed in March.", True),  # a wrapped line or a blank line inside
        ("Flights to New\n\n\n\nZealand resumed in March.", False),  # more line breaks: two blocks, not one name
    ],
)
def test_country_names_match_across_whitespace_but_not_across_blocks(rules_nlp: Language, text: str, found: bool) -> None:
    codes = {country.code for country in iom_nlp.extract(text, nlp=rules_nlp).countries}
    assert ("NZ" in codes) is found
