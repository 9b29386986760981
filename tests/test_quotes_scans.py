"""The fast scans behind quotes and speakers find exactly what the plain patterns find.

Several scans are written for speed (issue #14): a regex led by a character class so the engine
skips ahead in C, a pattern searched only in windows around a cheap anchor, a word list read
backwards as a prefilter, an attribution read once for both passes of the component. Each class
of rewrite is pinned here against the plain form it replaces, on invented texts with the edge
cases of that rewrite (text start, word boundaries, window limits, overlapping matches), and
with negatives.
"""

from __future__ import annotations

import re

import pytest

from iom_nlp.components.quotes import COMPONENT_SETTINGS, SETTINGS_FILE, _fold
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.patterns import alternation
from iom_nlp.rules.quotes import _CURLY_SINGLE, _DOUBLE_MARKS, QuoteSpan, find_quote_spans
from iom_nlp.rules.speakers import (
    _BEFORE_TAIL,
    _NAME_THEN_ROLE,
    Attribution,
    SpeakerSettings,
    WrittenAttributions,
    _factored_alternation,
    _opening_alternation,
    _written_in_lower_case,
    introduced_people,
    name_pairs,
    names_after_roles,
    names_before_appositives,
)


def _settings() -> SpeakerSettings:
    settings, _ = settings_from_json(load_json(SETTINGS_FILE), SpeakerSettings, SETTINGS_FILE, COMPONENT_SETTINGS)
    return settings


SETTINGS = _settings()


def _spans(matches: list[re.Match[str]], group: str) -> list[tuple[int, int, str]]:
    return [(match.start(group), match.end(group), match.group(group)) for match in matches]


# --- a word list led by its first letters keeps the word boundary of \b(?:...) ----------------------
OPENING_TEXTS = [
    "Mr Smith met Mrs Jones and Ms Lee.",
    "xMr Smith, MrX Smith, Mr2 Smith, _Mr Smith",  # no boundary before or after: no match
    "Mr",  # at the very start and end of the text
    "The Hon Jane Doe and the Hon John Roe; Hon. Jo Ma",
    "Senator Sen Senators Sen.",  # a longer word first, never a prefix of a word
    "é Mr; éMr; Mr’s; ’Mr",
]


@pytest.mark.parametrize("text", OPENING_TEXTS)
def test_opening_alternation_keeps_the_word_boundary(text: str) -> None:
    words = ["Mr", "Mrs", "Ms", "Hon", "the Hon", "The Hon", "Senator", "Sen"]
    plain = re.compile(rf"\b(?:{alternation(words)})\b")
    led = re.compile(rf"(?:{_opening_alternation(words)})\b")
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_opening_alternation_of_nothing_matches_nothing() -> None:
    assert re.compile(_opening_alternation([])).search("anything at all") is None


def test_opening_alternation_keeps_words_that_open_with_punctuation() -> None:
    """\\b before a non-word character needs a word character before it: kept as written."""
    pattern = re.compile(_opening_alternation([".NET"]))
    assert [m.start() for m in pattern.finditer("a.NET b .NET")] == [1]


# --- a word list grouped by first letter matches as the plain alternation does ---------------------
CUES = ["said", "says", "say", "said that", "told reporters", "told", "according to"]
FACTORED_CASES = [
    # (words, longest_first, pattern around the list, texts)
    (CUES, True, r"(?P<w>{})\b", ["he said that it", "they say", "she told  reporters", "told\u00a0reporters", "sai"]),
    (["he", "she", "He", "I", "they"], False, r"(?P<w>{})\b", ["I said", "He and she", "they", "theyre"]),
    (["Mr", "Mrs", "Ms", "Senator", "Sen", "the Hon"], True, r"(?:(?P<w>{})\.?[ ]+)*[A-Z]\w+", ["Sen. Senator Jo", "Mrs Ms Lee"]),
    (["-x", ".y", "x", "I"], True, r"(?P<w>{})", ["-x .y x I"]),  # words opening with punctuation stay whole
]


@pytest.mark.parametrize(("words", "longest_first", "around", "texts"), FACTORED_CASES)
def test_factored_alternation_matches_as_the_plain_one(words: list[str], longest_first: bool, around: str, texts: list[str]) -> None:
    space = r"[ \t\u00a0]+"
    plain = re.compile(around.format(alternation(words, space=space, longest_first=longest_first)))
    factored = re.compile(around.format(_factored_alternation(words, space=space, longest_first=longest_first)))
    for text in texts:
        assert [(m.span(), m.group("w")) for m in factored.finditer(text)] == [(m.span(), m.group("w")) for m in plain.finditer(text)]


def test_factored_alternation_of_nothing_matches_nothing() -> None:
    assert re.compile(_factored_alternation([])).search("anything") is None


# --- "Role ..., Name," is searched only in windows before each ", Capital" -----------------------
ROLE_TEXTS = [
    "The Minister for Immigration, Philip Ruddock, said so.",
    "Minister, Jane Roe, and Director, John Doe, met the Secretary, Ann Lee,",  # several in a row
    "Secretary " + "x" * 80 + ", Jane Roe, came.",  # the longest filler the role pattern allows
    "Secretary " + "x" * 81 + ", Jane Roe, came.",  # one more: no match
    "Minister for Health, Jane Roe",  # no closing comma
    "Ministerial adviser, Jane Roe, spoke; Senator, Jo Ma, spoke.",  # a role inside a word is no role
    "The Hon, Ann Lee, then the Director, Bo Li, Director, Cy Wu,",  # windows that touch
    "Director, Jane Roe, Director, John Doe, Ann Lee, Ed Yu,",  # one match's name comma opens the next
    "Mr, A, B, C, Mr, Jane Roe,",
    "",
]


@pytest.mark.parametrize("text", ROLE_TEXTS)
def test_names_after_roles_are_the_plain_pattern_matches(text: str) -> None:
    expected = _spans(list(SETTINGS.role_then_name.finditer(text)), "name")
    assert [(person.start, person.end, person.name) for person in names_after_roles(text, SETTINGS)] == expected


# --- "Jane Roe, the director," is searched only before each appositive ----------------------------
APPOSITIVE_TEXTS = [
    "Jane Roe, the director, spoke.",
    "Then Jane A. Roe Smith, a lawyer, and Bo Li, who works here, came.",
    "jane Roe, the director; O’Brien-Smith Kelly, an adviser",
    "Jane Roe Ann Lee Bo Li, the director",  # more words than a name holds: the last ones
    "Ann, the director; Ann Lee,the director; Ann Lee, The director",  # negatives
    "xJane Roe, the director",  # no boundary before the name
    "Jane Roe, the director, Bo Li, the deputy, Cy Wu, his aide",
    "Ann Lee, the a b, the c",
]


@pytest.mark.parametrize("text", APPOSITIVE_TEXTS)
def test_names_before_appositives_are_the_plain_pattern_matches(text: str) -> None:
    expected = _spans(list(_NAME_THEN_ROLE.finditer(text)), "name")
    assert [(person.start, person.end, person.name) for person in names_before_appositives(text)] == expected


# --- introduced people: the first line opens a sentence too ------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ousmane, 24, left home.", ["Ousmane"]),  # at the very start of the text
        ("\nOusmane, 24, left home.", ["Ousmane"]),
        ("Intro. Luz Marina, a mother, fled. <p>Mwangi said no.", ["Luz Marina", "Mwangi"]),
        ("Officials said so. The officials met.", []),  # a single word the text writes in lower case
        ("Hope said yes. They hope so.", []),
        ("Hope said yes. They hope-filled so.", ["Hope"]),  # "hope-filled" is another word
        ("Rosa said yes. The rosa’s bloom.", ["Rosa"]),
        ("Émile said yes. émile is here.", []),  # accented lower case counts
        ("Łukasz said yes. łukasz is here.", ["Łukasz"]),  # outside a-z, à-ÿ: never lower case
    ],
)
def test_introduced_people_from_the_first_line_and_lower_case_words(text: str, expected: list[str]) -> None:
    assert [person.name for person in introduced_people(text, SETTINGS)] == expected


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        ({"hope", "rosa"}, "we hope so", {"hope"}),
        ({"hope"}, "hopeful, re-hope, hope’s, Hope, _hope", set()),
        ({"hope"}, "hope", {"hope"}),
        ({"łukasz", "émile"}, "łukasz émile", {"émile"}),
        (set(), "anything", set()),
    ],
)
def test_written_in_lower_case_reads_whole_words(words: set[str], text: str, expected: set[str]) -> None:
    assert _written_in_lower_case(text, words) == expected


# --- "First Surname" pairs: every overlapping pair, by surname ---------------------------------------
def test_name_pairs_finds_overlapping_pairs_with_their_spacing_folded() -> None:
    pairs = name_pairs("Ann  Mary Lee met Jo K. Roe and xAnn Lee-Ward")
    assert pairs == {"mary": [(0, "Ann Mary")], "lee": [(5, "Mary Lee")], "roe": [(18, "Jo K. Roe")]}


# --- the cue read backwards only prefilters: it never hides a match --------------------------------
BEFORE_WINDOWS = [
    "IOM Director General Amy Pope said:",
    "Jane Roe said in a statement that",
    "Jane Roe told\u00a0reporters on Monday,",
    "Senator Jane Doe pointed  out:",
    "The heads of the two agencies said that ",
    "He added",
    "Jane Roe said it would be one two three four five six",  # too many words after the cue
    "Jane Roe, the director, said-",
    "nothing to see here",
    "",
]


@pytest.mark.parametrize("window", BEFORE_WINDOWS)
def test_before_normal_prefilter_never_hides_a_match(window: str) -> None:
    if SETTINGS.before_normal.search(window) is not None:
        assert SETTINGS.before_cue_reversed.match(window[::-1]) is not None


@pytest.mark.parametrize("window", BEFORE_WINDOWS)
def test_lead_prefilter_never_hides_a_cue_with_a_short_tail(window: str) -> None:
    has_cue = any(_BEFORE_TAIL.fullmatch(window, cue.end()) for cue in SETTINGS.cue_search.finditer(window))
    if has_cue:
        assert SETTINGS.lead_cue_reversed.match(window[::-1]) is not None


def test_prefilters_reject_windows_without_a_cue_at_the_end() -> None:
    assert SETTINGS.before_cue_reversed.match("nothing to see here"[::-1]) is None
    assert SETTINGS.lead_cue_reversed.match("Jane Roe said it would be one two three four five six seven eight nine"[::-1]) is None


# --- quote marks: one character class leads; the curly single quote has one unambiguous loop -----
@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("''Hi'' she said \"yes\" “no” „ja“ «oui»", ["''", "''", '"', '"', "“", "”", "„", "“", "«", "»"]),
        ("it's a dog's life", []),  # one apostrophe is no mark
        ("'''", ["''"]),
    ],
)
def test_double_marks(text: str, marks: list[str]) -> None:
    assert [match.group() for match in _DOUBLE_MARKS.finditer(text)] == marks


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said ‘don’t go’ twice.", ["don’t go"]),
        ("‘a’", ["a"]),
        ("‘’ empty", []),  # nothing quoted
        ("x‘a’ glued to a word", []),
        ("‘open\nline’", []),  # within a line only
        ("‘one’s’s’ and ‘two’", ["one’s’s", "two"]),
    ],
)
def test_curly_single_quotes(text: str, quotes: list[str]) -> None:
    assert [match.group()[1:-1] for match in _CURLY_SINGLE.finditer(text)] == quotes


def test_unclosed_curly_single_quotes_are_given_up_in_one_pass() -> None:
    """A long line of unclosed ‘ marks once made the nested loop retry every split of the line."""
    text = "‘" + "word " * 20_000
    assert _CURLY_SINGLE.search(text) is None


# --- an attribution is read once for both passes of the component ---------------------------------
def test_written_attributions_reread_only_quotes_whose_next_quote_moved() -> None:
    text = "“First quote here,” she said. “A word” and “Second quote here,” he said. “Last one.”"
    quotes = find_quote_spans(text)
    asked: list[QuoteSpan] = []

    def fallback(quote: QuoteSpan) -> Attribution | None:
        asked.append(quote)
        return None

    read = WrittenAttributions(text, SETTINGS, fallback)
    first = read(quotes)
    kept = [quote for index, quote in enumerate(quotes) if index != 1]  # the scare quote goes
    second = read(kept)
    unchanged = [found for index, found in enumerate(first) if index != 1]
    assert second[1:] == unchanged[1:]  # quotes whose next quote did not move: not read again
    assert [found.cue if found else None for found in second] == ["said", "said", None]
    assert asked.count(quotes[-1]) == 1  # the fallback was asked once for the unattributed last quote


# --- folding names: the possessive is dropped only where one can be --------------------------------
@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Greens’", "green"),
        ("Jones's", "jones"),
        ("IOM's\n", "iom"),  # $ also matches before a last line end
        ("United  Nations", "united nations"),
        ("Minister", "minister"),
        ("Ross", "ross"),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert _fold(name) == folded
