"""The fast paths of phones, structure, emails and contacts give what the plain definitions give.

Each fast path (a prefilter, a regex that opens with a literal, a count on bytes, a lazy
region inference) is checked against the slow, obvious form of the same rule on hard inputs:
long runs of spaces, text at the edges, Unicode digits and spaces, near misses.
"""

from __future__ import annotations

import re

import pytest

from iom_nlp.data import load_json
from iom_nlp.rules import emails, lines, patterns, phones, structure
from iom_nlp.rules.contacts import ContactSettings, find_contacts
from iom_nlp.rules.organizations import split_candidate
from iom_nlp.rules.phones import PhoneSettings, RegionEvidence, compile_cities, find_phones, fold_text, infer_regions

PHONE_RAW = load_json("phones.json")
PHONES = PhoneSettings(**{key: tuple(value) if isinstance(value, list) else value for key, value in PHONE_RAW.items()})
STRUCTURE = structure.StructureSettings.from_dict(load_json("structure.json"))


# --- structure ------------------------------------------------------------------------------

DATE_TEXTS = [
    "",
    "no year here at all, 12 May",
    "12 May 2020",
    "Monday,        3 June 2019 was the day",
    "x" * 300 + " 1999 alone, then 4 July 2001",
    "Wednesday," + " " * 400 + "30th September., 2015",  # a date spread over many spaces
    "Sept" + "\n" * 250 + "9, 2010",
    "a" * 30 + "12/05/2002" + "b" * 30,
    "ſunday, 1 May 2019",  # the long s folds to "s" when case is ignored
    "2020 2021 2022 and then 1 Jan 2023",
    "19th of nothing 1919 201",
]


@pytest.mark.parametrize("text", DATE_TEXTS)
@pytest.mark.parametrize("window", [(0, None), (5, 60), (0, 20)])
def test_first_date_is_the_first_date_search_finds(text: str, window: tuple[int, int | None]) -> None:
    start, end = window[0], len(text) if window[1] is None else min(window[1], len(text))
    expected = structure.DATE.search(text, start, end)
    found = structure.first_date(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


UNGUARDED_DATE = re.compile(structure.DATE.pattern.replace(structure._DATE_FIRST, "", 1), re.IGNORECASE)


@pytest.mark.parametrize("text", [*DATE_TEXTS, "TUESDAY 4 FEB 2014", "dec. 25, 1999", "On 7th March 2011", "٣/٤/2011"])
def test_the_date_guard_turns_no_date_away(text: str) -> None:
    assert [match.span() for match in structure.DATE.finditer(text)] == [match.span() for match in UNGUARDED_DATE.finditer(text)]


BOILERPLATE_LINES = ["Page 2", "page 3 of 9", "Report page 12", "paged 12", "-ends-", "##", "•", "© IOM", "Media Release", "A line", ""]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_combined_boilerplate_pattern_matches_where_one_pattern_does(line: str) -> None:
    assert STRUCTURE.boilerplate_pattern is not None
    expected = any(pattern.match(line) for pattern in STRUCTURE.boilerplate_patterns)
    assert (STRUCTURE.boilerplate_pattern.match(line) is not None) == expected


@pytest.mark.parametrize(
    "patterns",
    [
        [r"(a)\1", "b"],  # a backreference would point at another group once combined
        [r"(?P<x>a)(?P=x)"],
        [r"(?x) a b # comment"],  # verbose mode cannot be scoped safely
        [r"(?a)\w+"],
    ],
)
def test_patterns_that_cannot_be_combined_are_tried_one_by_one(patterns: list[str]) -> None:
    assert structure.combine_patterns([re.compile(pattern) for pattern in patterns]) is None


def test_scoped_flags_stay_with_their_pattern() -> None:
    combined = structure.combine_patterns([re.compile(r"(?i)^page$"), re.compile(r"^ENDS$")])
    assert combined is not None
    assert combined.match("PAGE") and combined.match("ENDS") and not combined.match("ends")


# --- emails ---------------------------------------------------------------------------------

AT_TEXTS = [
    "jo@iom.int",
    "jo   [at]   iom [dot] int",
    "jo     (AT) iom",  # more spaces than an obfuscated "at" may hold
    "jo AT iom DOT int",
    "jo\u00a0\u00a0AT\u00a0iom",
    "[at]",
    "AT@AT [at]@ (at)",
    "<<<<at>>>>",
    "x  \t {at}  y",
    "@" * 5 + " AT " * 3,
    "NATIONAL STATEMENT AT THE UN",
]


@pytest.mark.parametrize("text", AT_TEXTS)
def test_at_signs_are_the_matches_of_a_full_scan(text: str) -> None:
    assert [match.span() for match in emails._at_signs(text)] == [match.span() for match in emails._AT.finditer(text)]


# --- phones ---------------------------------------------------------------------------------


def _plain_runs(text: str, min_digits: int) -> list[tuple[int, int]]:
    return [match.span() for match in phones._DIGIT_RUN.finditer(text) if sum(char.isdigit() for char in match.group()) >= min_digits]


@pytest.mark.parametrize(
    "text",
    [
        *("", "2019", "call 02 6277 7500 now", "1 2 3 4 5 6", "1 2 3 4 5 6 7", "(02)-(6277)/7500", "12345\n67890"),
        *("1" + " " * 500 + "2", "٠١٢٣٤٥٦٧"),
    ],
)
@pytest.mark.parametrize("min_digits", [1, 7, 10])
def test_long_digit_runs_are_the_runs_with_enough_digits(text: str, min_digits: int) -> None:
    assert [match.span() for match in phones._long_digit_runs(min_digits).finditer(text)] == _plain_runs(text, min_digits)


def _plain_many_digit_lines(text: str, min_digits: int) -> list[tuple[int, int]]:
    found, start = [], 0
    for line in text.split("\n"):
        if len(re.findall(r"\d", line)) >= min_digits:
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345678901234",
        "1234567890123\n4",
        "a\n" + "9 " * 14 + "\nb",
        "９８７６５４３２１０１２３４",  # full-width digits, made ASCII by folding
        "é1ü2ñ3€4" * 4 + "\n\n",
        "\ud800" + "1" * 14,  # a lone surrogate
    ],
)
def test_lines_with_many_digits_are_counted_as_the_plain_rule_counts(text: str) -> None:
    folded = fold_text(text)
    assert phones._lines_with_many_digits(folded, 14) == _plain_many_digit_lines(folded, 14)


def _plain_city_pattern(city_regions: dict[str, str]) -> re.Pattern[str]:
    forms = sorted({form for city in city_regions for form in (city, city.upper())}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, forms))})(?![\w-])")


CITIES = {"Geneva": "CH", "Ho Chi Minh City": "VN", "Ho": "GH", "Perth": "AU", "Cox’s Bazar": "BD", "A": "XX"}


@pytest.mark.parametrize(
    "text",
    ["Geneva", "GENEVA-based", "pre-Geneva", "in Ho Chi Minh City today", "Ho Chi Minh", "perth", "COX’S BAZAR", "A B", "xGeneva Geneva"],
)
def test_city_pattern_finds_what_the_plain_alternation_finds(text: str) -> None:
    fast, plain = compile_cities(CITIES), _plain_city_pattern(CITIES)
    assert [match.span() for match in fast.finditer(text)] == [match.span() for match in plain.finditer(text)]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("+41 22 717 9111 and 0041 22 717 9111", ["41", "41"]),
        ("1000 people, 2001", []),
        ("x00 44", []),
        ("00", []),
        ("see iom.int and www.dfat.gov.au, not 3.14 or .au", ["int", "au"]),  # ".gov." and ".au" alone are no domains
    ],
)
def test_calling_codes_and_domains_are_read_where_the_plain_regex_reads_them(text: str, codes: list[str]) -> None:
    plain_codes = re.compile(r"(?:\+|\b00)(\d{1,3})")
    plain_tld = re.compile(r"(?<=[A-Za-z0-9-])\.([a-z]{2,3})(?![\w-])(?!\.\w)")
    fast = [match.group(1) for pattern in (phones._INTERNATIONAL_CODE, phones._TLD) for match in pattern.finditer(text)]
    plain = [match.group(1) for pattern in (plain_codes, plain_tld) for match in pattern.finditer(text)]
    assert fast == plain == codes


@pytest.mark.parametrize("text", ["No numbers in this release.", "Founded in 1951, 13 members.", ""])
def test_regions_are_not_inferred_for_a_text_without_numbers(text: str) -> None:
    def fail() -> RegionEvidence:
        raise AssertionError("regions inferred for a text without a possible number")

    assert find_phones(text, fail, PHONES) == []


@pytest.mark.parametrize(
    "text",
    [
        "Media contact: Jo Doe (02) 6277 7500",
        "Call 13 14 50 for help.",  # a short number alone needs the regions
        "GENEVA, Tel: 022 717 9111",
        "ph (03) 9664 7359 ph (03) 9664 7359 ph (03) 9664 7359 ph (03) 9664 7359",
    ],
)
def test_lazy_regions_give_the_same_numbers_as_regions_given(text: str) -> None:
    calls: list[int] = []

    def regions() -> RegionEvidence:
        calls.append(1)
        return infer_regions(text, PHONES)

    assert find_phones(text, regions, PHONES) == find_phones(text, infer_regions(text, PHONES), PHONES)
    assert len(calls) <= 1


# --- contacts -------------------------------------------------------------------------------


def test_no_items_no_contacts_but_a_block_the_text_ends_in() -> None:
    # With no items only the contact block the text ends in is read (cut off after the name,
    # issue 21): one short scan of the text's end, never the whole text.
    settings = ContactSettings(cue_pattern=load_json("contacts.json")["cue_pattern"])
    records = find_contacts("Media contact: Jo Doe\n\nFor more information contact Jane Roe.", [], settings)
    assert [(record.name, record.phones, record.emails) for record in records] == [("Jane Roe", (), ())]
    assert find_contacts("Media contact: Jo Doe\n\n" + "The programme goes on in twelve provinces. " * 20, [], settings) == []


CUE_PATTERN = load_json("contacts.json")["cue_pattern"]
CUE_TEXTS = [
    "",
    "Media contact: Jo Doe",
    "MEDIA CONTACTS\nJo Doe",
    "recontact the press office; subcontacts; contacts",  # inside words: no boundary
    "Para más información: Ana",
    "pour plus d’informations, veuillez contacter",
    "ſome text, then Enquiries: 02 1234",  # the long s folds to "s" when case is ignored
    "For interview,\nfurther information or more   information",
    "ſpokesperson Contacter K\u212aONTAKT",  # the Kelvin sign is a "k" when case is ignored
]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_the_cue_with_its_opening_look_ahead_finds_what_the_plain_cue_finds(text: str) -> None:
    settings = ContactSettings(cue_pattern=CUE_PATTERN)
    plain = re.compile(CUE_PATTERN, re.IGNORECASE)
    assert settings.cue.pattern != plain.pattern  # the look-ahead is in place
    assert [match.span() for match in settings.cue.finditer(text)] == [match.span() for match in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "firsts"),
    [
        (r"\b(?:media\s+contacts?|contacts?|enquiries)\b", {"m", "c", "e"}),
        (r"(x)y|z", {"x", "z"}),
        (r"^\bNo\.", {"N"}),
        (r"\b(?:a|[bc])", None),  # a character class: not read
        (r"(?:a|)b", None),  # an alternative that may match nothing
        (r"a*b", None),
        (r"(?i:a)b", None),  # a group with flags of its own
        (r"\b", None),  # matches the empty string
        (r"(", None),  # not a pattern
    ],
)
def test_first_characters_are_read_only_where_the_pattern_says_them_simply(pattern: str, firsts: set[str] | None) -> None:
    assert patterns.first_characters(pattern) == (frozenset(firsts) if firsts is not None else None)


@pytest.mark.parametrize(
    "pattern",
    [r"(?i)\bfoo|bar", r"(?x) \b foo", r"\b(?P<word>ab)\b|\bcd", r"\b(?:[ab]c|d)", r"\bk\b"],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_pattern_with_its_opening_look_ahead_finds_the_same_matches(pattern: str, flags: int) -> None:
    faster = patterns.opening_lookahead(pattern, flags)
    plain = re.compile(pattern, flags)
    assert faster.groupindex == plain.groupindex
    for text in ["foo bar FOO Bar", "ab cd abcd AB CD", "dc bc ac", "k K \u212a kk", ""]:
        assert [(match.span(), match.groups()) for match in faster.finditer(text)] == [
            (match.span(), match.groups()) for match in plain.finditer(text)
        ]


# --- organisations and headlines ------------------------------------------------------------

SPLIT_SURFACES = [
    "Minister for Immigration and Citizenship",
    "Department of Immigration and Citizenship",
    "Ministry of Health. The",
    "Kurdistan Regional Government’s Joint Crisis Coordination Centre",
    "Treasury and the Department of Health",
    "",
]


def test_a_kept_split_is_the_split_itself() -> None:
    from iom_nlp.components.organizations import OrganizationRecognizer
    from iom_nlp.pipeline import load

    component = load(base=None).get_pipe("iom_organizations")
    assert isinstance(component, OrganizationRecognizer)
    finder = component.bodies
    for _ in range(2):  # the second round reads what the first kept
        for surface in SPLIT_SURFACES:
            assert finder.split_surface(surface) == tuple(split_candidate(surface, finder.rules))


def _title_case_lines_read_line_by_line(text: str) -> list[tuple[int, int]]:
    """The headline rule with no line skipped unread (the plain form of :func:`lines.title_case_lines`)."""
    found, offset = [], 0
    for line in text.split("\n"):
        words = [word for word in lines._LINE_WORDS.findall(line) if word.lower() not in lines._SMALL_WORDS]
        sentence = line.rstrip().endswith(".")
        if len(words) >= 3:
            headline = sum(1 for word in words if word[0].isupper()) >= 0.8 * len(words) and not sentence
            if headline or not any(char.islower() for char in line):
                found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return found


@pytest.mark.parametrize(
    "text",
    ["A B C\nab c\nA-B C D\n\nx\nIOM Helps Stranded Ethiopians Return Home", "É Ü Ö", "A\tB C", "a b c", "Ab Cd Ef.", "THE END."],
)
def test_short_lines_skipped_unread_hold_no_headline(text: str) -> None:
    assert lines.title_case_lines(text) == _title_case_lines_read_line_by_line(text)


# --- phones: a reading with a full score ends the search --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "IOM Geneva, Tel: 022 717 9111. IOM Canberra: (02) 6277 7500. London office 020 7946 0000, Paris 01 23 45 67 89.",
        "Contacts in Kenya, Uganda and Tanzania: 020 444 4174, 0414 230 232, 022 211 7010 (Nairobi, Kampala, Dar es Salaam)",
        "Washington\nTel: 202 862 1826\nOttawa\nTel: 613 237 0651\nMexico 55 5536 3954",
        "Call 0401 443 524 or 9664 7359 (Melbourne), 6277 7500 (Canberra); fax 02 6273 4144",
    ],
)
def test_readings_cut_short_at_a_full_score_give_what_every_region_tried_gives(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cut_short = find_phones(text, infer_regions(text, PHONES), PHONES)
    monkeypatch.setattr(phones, "FULL_READING_SCORE", float("inf"))  # every region of the evidence is read
    assert find_phones(text, infer_regions(text, PHONES), PHONES) == cut_short
    assert cut_short  # the texts hold numbers
