"""Quote spans by class: what is a quotation, where it starts and ends (invented cases)."""

from __future__ import annotations

import pytest

from iom_nlp.data import load_json
from iom_nlp.rules.quotes import find_quote_spans, is_scare_quote, scare_context_pattern

QUOTE_SETTINGS = load_json("quotes.json")


def _quotes(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quote_spans(text)]


# A multi-paragraph quote in text whose paragraph breaks were lost: the straight mark glued to
# the next paragraph's first word opens that paragraph; it does not close the quote.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The first paragraph ends here. "The second goes on," said Jane Doe.',
         ['The first paragraph ends here. "The second goes on,']),
        ('"Detention is wrong.\u00a0 \u00a0 "It must end now," Senator Roe said.', ['Detention is wrong.\u00a0 \u00a0 "It must end now,']),
        ('"We have reached 900 families! "More will follow," she said.', ['We have reached 900 families! "More will follow,']),
        # negatives: a closing mark glued to the word before it closes; a mark after "said" opens
        ('"The plan works," she said. "And it will go on."', ["The plan works,", "And it will go on."]),
        ('He said "hello there friend" and left. "Another one here," she said.', ["hello there friend", "Another one here,"]),
        ('"Yes." "No."', ["Yes.", "No."]),
    ],
)
def test_flattened_multi_paragraph_quotes(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected


# Hard wraps inside a paragraph of a text with blank lines between paragraphs.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Intro.\n\n"Many were left behind when\nthe employers fled.\nSome were not paid," said Ana Ruiz.\n\nNext.',
         ['Many were left behind when\nthe employers fled.\nSome were not paid,']),
        ("Intro.\n\n“We walked for days\nto reach the border,” she said.\n\nNext.", ["We walked for days\nto reach the border,"]),
        # negatives: a quote left open ends with its paragraph; the next paragraph's quote is its own
        ("Intro.\n\n“Left open at the end\nof this paragraph.\n\nA new paragraph. “A second quote here,” he said.",
         ["Left open at the end\nof this paragraph.", "A second quote here,"]),
        ("“First para\n\nNot a quote. “x y z” w", ["First para", "x y z"]),
    ],
)
def test_hard_wrapped_quotes_run_to_their_closing_mark(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected


# Titles, slogans and report names in quotation marks are not quotes.
@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("IOM Publishes “Lives Lost at Sea: 2024 in Review” today", True),
        ("the report, “Migration Outlook 2025: Asia and the Pacific”, finds", True),
        ("the campaign's slogan is “Leave No One Behind” this year", True),
        ("the State Department released “Trafficking in Persons Report 2024” on Monday", True),
        ("the Department launched “Operation Safe Return” in May", True),
        ("the hashtag “#RefugeesWelcome” trended", True),
        # negatives: speech, even with numbers or a title-like start, or after a sentence that ends in a naming word
        ("Mike Roe is an adviser to the campaign. “That is what this proposal is designed to do.”", False),
        ("Work goes on at the project. “We will finish the work on the school by June.”", False),
        ("“In 2024 we counted 2,452 deaths at sea, the highest in years,” she said.", False),
        ("“We Will Not Stop until every family is safe,” said Jane Doe.", False),
        ("the Minister said: “The 2025 budget gives more to the regions than ever before.”", False),
    ],
)
def test_titles_slogans_and_reports_are_not_quotes(text: str, scare: bool) -> None:
    span = find_quote_spans(text)[0]
    has_cue = "said" in text
    context = scare_context_pattern(QUOTE_SETTINGS["scare_context"])
    assert is_scare_quote(text, span.start, span.end, context, QUOTE_SETTINGS["min_quote_words"], has_cue) is scare


# Extraction breaks: a paragraph that stops mid-sentence, furniture lines, a single mark typed for a double.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Visa holders would go to regional areas, where the need for\n\nworkers is high in the towns of the north and the west like\n\n"
         "Stawell and Horsham, all supporting the plan, would benefit.”\n\nNext.",
         ["Visa holders would go to regional areas, where the need for\n\nworkers is high in the towns of the north and the west like\n\n"
          "Stawell and Horsham, all supporting the plan, would benefit."]),
        ("Intro.\n\n“The comments are inflammatory and dangerous for everyone.\n\nÂ\n\n‘The Tribunal must be independent of "
         "the Government.\n\nÂ\n\n“The Minister has forgotten our obligations,” he said.",
         ["The comments are inflammatory and dangerous for everyone.\n\nÂ\n\n‘The Tribunal must be independent of "
          "the Government.\n\nÂ\n\n“The Minister has forgotten our obligations,"]),
        # negatives: a short heading-like line, or a finished sentence, ends an open quote's paragraph
        ("“An open quote with no end\n\nSUMMARY\n\nThe next paragraph stands alone.", ["An open quote with no end"]),
        ("“An open quote that ends its sentence.\n\nThe next paragraph stands alone.", ["An open quote that ends its sentence."]),
    ],
)
def test_quotes_across_extraction_breaks(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected
