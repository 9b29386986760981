from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.quotes import find_quote_spans, is_scare_quote, scare_context_pattern

QUOTE_SETTINGS = load_json("quotes.json")


def _quotes(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A b c,” she said.", ["A b c,"]),
        ('"A b c," he said.', ["A b c,"]),
        ("«Nous sommes là», a-t-il dit.", ["Nous sommes là"]),
        ("Er sagte: „Wir sind da“ und ging.", ["Wir sind da"]),
        ("“A b,” she said. “C d.”", ["A b,", "C d."]),
        ("He said: “Run on\n\n“and on.” Done", ["Run on\n\n“and on."]),
        ("“First para\n\nNot a quote. “x y z” w", ["First para", "x y z"]),
        ("“He called it ‘madness’ twice,” she said.", ["He called it ‘madness’ twice,"]),
        ("''This isn't reform,'' said Mr. Holtz.", ["This isn't reform,"]),
        ("The PM responded: ‘It does, and it matters’.", ["It does, and it matters"]),
        ("“Unbalanced and never closed", ["Unbalanced and never closed"]),
        ("stray ” closing mark only", []),
        ("“A b c d,’ said Senator Jones. Then more text.", ["A b c d,"]),
        ("“Page one text\n\n4 July 2017\nPage 2\n\n“continued here.”", ["Page one text\n\n4 July 2017\nPage 2\n\n“continued here."]),
        ("“Broken by extraction\n\ninto two paragraphs,” he said.", ["Broken by extraction\n\ninto two paragraphs,"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize("count", [1, 2, 3, 5000])
def test_runs_of_marks_never_raise(count: int) -> None:
    for mark in ['"', "“", "”", "‘", "''"]:
        find_quote_spans(mark * count)


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("so-called “safe zones” in the north", True),
        ("a report called “Migration in Numbers” was published", True),
        ("they were “radical” in approach", True),
        ("the “ocean and climate action” agenda", True),
        ("appeared on “Face the Nation,” on Sunday", True),
        ("“We will not stop until every family is safe,” she said.", False),
        ("“This is a workplace right,” Ms Kearney said.", False),
    ],
)
def test_scare_quotes_and_titles(text: str, scare: bool) -> None:
    span = find_quote_spans(text)[0]
    has_cue = "said" in text
    context = scare_context_pattern(QUOTE_SETTINGS["scare_context"])
    result = is_scare_quote(text, span.start, span.end, context, QUOTE_SETTINGS["min_quote_words"], has_cue)
    assert result is scare


SPEAKER_CASES = [
    ("“We are working with governments in the region,” said Richard E. Scott, IOM Regional Representative.", "Richard E. Scott"),
    ("“We are working with governments in the region,” Senator Andrew Bartlett said.", "Andrew Bartlett"),
    ("IOM Director General António Vitorino said: “Migration is a fact of life for everyone.”", "António Vitorino"),
    ("“Migration is a fact of life for everyone.” – Jane Doe, IOM", "Jane Doe"),
    ("According to Jane Doe, “the numbers have doubled since last year.”", "Jane Doe"),
    ("Ms Jane Roe met the press. “We will keep going with this work,” she said.", "Jane Roe"),
    ("Senator Andrew Bartlett spoke. “The inquiry must be public and swift,” Senator Bartlett said.", "Andrew Bartlett"),
    ("The Minister for Immigration, Philip Ruddock, spoke. “The changes would not affect the courts,” the Minister said.",
     "Philip Ruddock"),
    ("“The talent pool has run dry at last,” Nationals leader Warren Truss said today.", "Warren Truss"),
    ("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.", "Douglas Holtz-Eakin"),
    ("“He is ignorant of our culture and lives.” ― Pamela Padilla", "Pamela Padilla"),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_CASES)
@pytest.mark.parametrize("mode", ["full", "rules"])
def test_speakers(nlp: Language, rules_nlp: Language, text: str, speaker: str, mode: str) -> None:
    release = iom_nlp.extract(text, nlp=nlp if mode == "full" else rules_nlp)
    assert [quote.speaker.name if quote.speaker else None for quote in release.quotes][-1] == speaker


def test_split_quote_has_the_same_speaker_twice(rules_nlp: Language) -> None:
    text = "“We have a plan for the region,” she added. “And we will carry it out.”"
    text = "Jane Roe, the director, spoke. " + text
    speakers = [quote.speaker.name if quote.speaker else None for quote in iom_nlp.extract(text, nlp=rules_nlp).quotes]
    assert speakers == ["Jane Roe", "Jane Roe"]


def test_letterhead_in_capitals_gives_the_full_name(rules_nlp: Language) -> None:
    text = "THE HON SUSSAN LEY MP\nMINISTER FOR HEALTH\n\n“Every child deserves a safe home,” Ms Ley said."
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert release.quotes[0].speaker is not None and release.quotes[0].speaker.name == "Sussan Ley"


def test_title_before_and_after_the_name(rules_nlp: Language) -> None:
    after = iom_nlp.extract("“We will help,” said Richard E. Scott, IOM Regional Representative for North America.", nlp=rules_nlp)
    assert after.quotes[0].speaker is not None
    assert after.quotes[0].speaker.title == "IOM Regional Representative for North America"
    before = iom_nlp.extract("IOM Director General António Vitorino said: “Migration is a fact of life.”", nlp=rules_nlp)
    assert before.quotes[0].speaker is not None and before.quotes[0].speaker.title == "IOM Director General"


def test_seed_quote(nlp: Language, seed_text: str) -> None:
    release = iom_nlp.extract(seed_text, nlp=nlp)
    assert len(release.quotes) == 1
    quote = release.quotes[0]
    assert quote.text.startswith("IOM has been working with governments") and quote.text.endswith("human trafficking,")
    assert seed_text[quote.start : quote.end] == quote.text
    assert quote.speaker is not None and quote.speaker.name == "Richard E. Scott"
    assert quote.speaker.title == "IOM Regional Representative for North America and the Caribbean"
