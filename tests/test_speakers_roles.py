"""Speakers introduced by a role, in styles the gold sets do not hold (issue #12), by class of error.

Invented sentences in IOM, Australian parliamentary and U.S. State Department styles. Each
class has positives and negatives: a place, body, demonym or party is never a speaker, and no
speaker is better than a wrong one. Most cases run through the rules-only pipeline (the
countries it finds are what keeps a place out of a name); the sentence-end class needs the
dependency parse of the full pipeline.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.rules.quotes import find_quote_spans
from iom_nlp.rules.speakers import sentence_bounds


def _speakers(nlp: Language, text: str) -> list[str | None]:
    release = iom_nlp.extract(text, nlp=nlp)
    return [quote.speaker.name if quote.speaker else None for quote in release.quotes]


def _assert_offsets(nlp: Language, text: str) -> None:
    """A speaker's offsets point at the name in the caller's text."""
    for quote in iom_nlp.extract(text, nlp=nlp).quotes:
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            assert text[speaker.start : speaker.end].split()[-1] == speaker.name.split()[-1]


# "…,” said the <role> <Name>.": the article before the role hid the name.
SAID_THE_ROLE_NAME = [
    ("“We need more funding now,” said the Greens spokesperson Kate Lorimer.", "Kate Lorimer"),
    ("“We need more funding now,” said the Democrats Law and Justice Spokesperson Tom Ashby.", "Tom Ashby"),
    ("“The camps are full,” said the Minister for Immigration Helen Carver.", "Helen Carver"),
    ("“The camps are full,” said the Liberal Senator for Tasmania Ross Penhall today.", "Ross Penhall"),
    ("“The camps are full,” said the Shadow Minister for Foreign Affairs Neil Ormond in Perth.", "Neil Ormond"),
    ("“The camps are full,” said the UN migration agency’s spokesperson Paolo Ferri.", "Paolo Ferri"),
    ("“The camps are full,” said the head of IOM’s office in Gaziantep, Selin Arslan.", "Selin Arslan"),
    # negatives: a role and no name, a body, a place
    ("“The camps are full,” said the Japanese Ambassador.", None),
    ("“The camps are full,” said the Minister for Foreign Affairs.", None),
    ("“The camps are full,” said the head of IOM’s office in Gaziantep.", None),
    ("“The camps are full,” said the mayor of Agadez.", None),
    ("“The camps are full,” said the Ambassador of the United Kingdom.", None),
    ("“The camps are full,” said the Regional Director for West and Central Africa.", None),
    ("“The camps are full,” said the Ministry of Foreign Affairs of Japan.", None),
    ("“The camps are full,” said the IOM office in Yemen.", None),
    ("“The camps are full,” said the spokesperson for the European Commission.", None),
]


@pytest.mark.parametrize(("text", "speaker"), SAID_THE_ROLE_NAME)
def test_said_the_role_then_name(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text) == [speaker]
    _assert_offsets(rules_nlp, text)


# A role set off by commas after the cue, its name in the next clause; titles with commas in them.
ROLE_SET_OFF_AFTER_CUE = [
    ("“Our teams are on the ground,” said Japan’s Ambassador to Sudan, Kenji Morita.", "Kenji Morita"),
    ("“Our teams are on the ground,” said the director of the Red Cross in Niger, Awa Traore, on Monday.", "Awa Traore"),
    ("“Our teams are on the ground,” said Assistant Secretary for Population, Refugees, and Migration Dana Whitfield.",
     "Dana Whitfield"),
    ("“Our teams are on the ground,” the U.S. Ambassador to Chad, Mark Delaney, said.", "Mark Delaney"),
    # negatives: what follows the comma is no name
    ("“Our teams are on the ground,” said the Minister for Foreign Affairs, adding that more would come.", None),
    ("“Our teams are on the ground,” said the IOM spokesperson, Geneva.", None),
]


@pytest.mark.parametrize(("text", "speaker"), ROLE_SET_OFF_AFTER_CUE)
def test_role_set_off_by_commas_after_the_cue(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text) == [speaker]


# A place between the role and the name ("Ambassador to South Sudan Jane Doe") is no part of the name.
PLACE_BEFORE_NAME = [
    ("“The rains came early,” said IOM’s Chief of Mission in South Sudan Carla Benedetti.", "Carla Benedetti"),
    ("“The rains came early,” said the U.S. Ambassador to South Sudan Owen Fairley.", "Owen Fairley"),
    ("“The rains came early,” U.S. Ambassador to Chad Owen Fairley said.", "Owen Fairley"),
    ("“The rains came early,” said the U.S. Ambassador to the Dominican Republic Owen Fairley.", "Owen Fairley"),
    ("“The rains came early,” said IOM’s Chief of Mission in Sudan Karim Haddad.", "Karim Haddad"),
    ("“The rains came early,” Japan’s Ambassador to Sudan Kenji Morita said.", "Kenji Morita"),
    # negatives: an office's place or a body after a preposition is no surname
    ("“The rains came early,” said Lena Kovac from IOM Nairobi.", "Lena Kovac"),
    ("“The rains came early,” said the Embassy of Japan in Khartoum.", None),
    ("“The rains came early,” said the Delegation of the European Union to Sudan.", None),
]


@pytest.mark.parametrize(("text", "speaker"), PLACE_BEFORE_NAME)
def test_place_between_role_and_name_is_not_in_the_name(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text) == [speaker]
    _assert_offsets(rules_nlp, text)


# "According to <role> <Name>, “…”": the role before the name after "According to".
ACCORDING_TO_ROLE = [
    ("According to IOM Niger’s Chief of Mission Bruno Lefort, “the route is deadlier than ever.”", "Bruno Lefort"),
    ("According to the Minister for Immigration, Mr Holt, “the economies will be made next year.”", "Holt"),
    ("According to UNHCR’s representative in Chad Ana Kahn, “the camps cannot take more people.”", "Ana Kahn"),
    # negatives: the phrase does not end with the name, or names a body
    ("According to IOM Niger’s Chief of Mission Bruno Lefort, the route is “deadlier than ever before this year.”", None),
    ("According to the Ministry of Health, “the outbreak is now under control in every district.”", None),
    ("According to IOM, “the outbreak is now under control in every district.”", None),
]


@pytest.mark.parametrize(("text", "speaker"), ACCORDING_TO_ROLE)
def test_according_to_role_then_name(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text) == [speaker]


# Names with particles ("de la", "van den"), courtesy titles before them, post-nominals after them.
NAME_FORMS = [
    ("“We welcome the decision,” said Jean-Marc de la Fontaine, IOM Chief of Mission in Senegal.", "Jean-Marc de la Fontaine"),
    ("“We welcome the decision,” said Ana María de los Santos, IOM’s migration health officer.", "Ana María de los Santos"),
    ("“We welcome the decision,” said Maria Teresa van den Berg, IOM’s Chief of Mission.", "Maria Teresa van den Berg"),
    ("“We welcome the decision,” said IOM’s Chief of Mission in Ghana Pieter van der Linden.", "Pieter van der Linden"),
    ("“We welcome the decision,” said Greens Leader, Dr Rita Di Marco.", "Rita Di Marco"),
    ("“We welcome the decision,” declared ONM Director, Commissaire Issa Garba.", "Issa Garba"),
    ("“We welcome the decision,” said His Excellency Mr. Abdou Sarr, Minister of Interior.", "Abdou Sarr"),
    ("“We welcome the decision,” the Secretary-General, Ola Lindqvist, said.", "Ola Lindqvist"),
    ("“We welcome the decision,” said Ms. Pope.", "Pope"),
    ("“We welcome the decision,” said Del. Maria Ortega (D-V.I.).", "Maria Ortega"),
    ("“We welcome the decision,” said Del Shannon.", "Del Shannon"),  # "Del" without a period is a first name
    ("“We welcome the decision,” Minister Ruddle, said at the time.", "Ruddle"),
    ("“We welcome the decision,” The Shadow Minister for Trade, the Hon. Peter Quill AO MP, said today.", "Peter Quill"),
]


@pytest.mark.parametrize(("text", "speaker"), NAME_FORMS)
def test_name_forms(rules_nlp: Language, text: str, speaker: str) -> None:
    assert _speakers(rules_nlp, text) == [speaker]


def test_courtesy_title_is_not_in_the_role(rules_nlp: Language) -> None:
    release = iom_nlp.extract("“We welcome the decision,” said Greens Leader, Dr Rita Di Marco.", nlp=rules_nlp)
    assert release.quotes[0].speaker is not None
    assert release.quotes[0].speaker.title == "Greens Leader"


# A quote ending with a comma whose line ends there: the attribution opens the next paragraph.
ATTRIBUTION_NEXT_PARAGRAPH = [
    ("“The plan has not been thought through,”\n\nThe Shadow Minister for Trade, Senator Ann Kirby, said today.\n",
     ["Ann Kirby"]),
    ("“The plan has not been thought through,”\n\nSenator Ann Kirby said today.\n", ["Ann Kirby"]),
    # negative: a quote ending with a full stop ends its sentence; the next paragraph is not its attribution
    ("Intro line.\n\n“The plan has not been thought through.”\n\nSenator Ann Kirby said the vote was close.\n", [None]),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_NEXT_PARAGRAPH)
def test_attribution_in_the_next_paragraph(rules_nlp: Language, text: str, expected: list[str | None]) -> None:
    assert _speakers(rules_nlp, text) == expected


# A quote whose own text ends a sentence ends its sentence: the parse must not read the next
# paragraph as its attribution (which lost the continuation from the quote before it).
SENTENCE_ENDS_INSIDE_QUOTE = [
    ("Ali Nasser of IOM reported new arrivals. “The port is not safe,” said Nasser. “People returned there end up in "
     "detention.”\n\nIOM Athens reported 900 arrivals on the islands since Friday.", ["Ali Nasser", "Ali Nasser"]),
    ("“The road is closed,” said Rosa Vidal. “Nobody can reach the camp.”\n\nThe Coast Guard said most boats came "
     "from the north.", ["Rosa Vidal", "Rosa Vidal"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_ENDS_INSIDE_QUOTE)
@pytest.mark.parametrize("mode", ["full", "rules"])
def test_quote_ending_a_sentence_ends_it(
    nlp: Language, rules_nlp: Language, text: str, expected: list[str | None], mode: str
) -> None:
    assert _speakers(nlp if mode == "full" else rules_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "sentence_end"),
    [
        ("“It is over.” Next sentence here.", "“It is over.”"),
        ("“Is it over?” Next sentence here.", "“Is it over?”"),
        # the sentence runs on after the closing mark: a lower-case word follows, or the quote ends with a comma
        ("“It is over.” she said. Next sentence here.", "“It is over.” she said. "),
        ("“It is over,” she said. Next sentence here.", "“It is over,” she said. "),
    ],
)
def test_sentence_bounds_end_at_a_quote_that_ends_a_sentence(text: str, sentence_end: str) -> None:
    quote = find_quote_spans(text)[0]
    low, high = sentence_bounds(text, quote.open_at, quote.close_at)
    assert text[low:high] == sentence_end


# A quote opening its own paragraph after one that ends with a colon: the lead-in is that paragraph.
COLON_PARAGRAPH_LEAD_IN = [
    ("IOM Director General Lena Berg said in Geneva on Tuesday:\n\n“This is a turning point for the whole region.”",
     "Lena Berg"),
    ("Intro.\n\nAustralian Greens Leader, Senator Nora Quist, said:\n\n“Trying to hide what the Government is doing will fail.”",
     "Nora Quist"),
    ("Intro.\n\nThe Magistrate, Mr Colin Hart, said:\n\n“He is a person who tells lies on oath, and I will not accept it.”",
     "Colin Hart"),
    ("Intro.\n\nThe Coroner, Ms Ada Voss, said:\n\n“This death was entirely preventable and should never happen again.”",
     "Ada Voss"),
    # double-spaced text: the lead-in runs over a line break; a footnote number ends the line before
    ("Intro.\n\nIndeed, just before the election, Opposition\n\nLeader Paul Keogh remarked:\n\n"
     "“Now, I have got no problems with a bigger population at all.”", "Paul Keogh"),
    ("Intro.\n\nIt failed to ratify the treaty.31\n\nRuth Obi, Climate Action Network, said:\n\n"
     "“Of course we would like our government to act now.”", "Ruth Obi"),
    # negatives: the last capitalised words before the cue are a body, a document, a plural or a court title
    ("Intro.\n\nAn expatriate who works in the area of Human Resource Development suggested the following:\n\n"
     "“People worked as farmers and literacy was not necessary for most of them.”", None),
    ("Intro.\n\nArticle 9 of the Covenant on Economic, Social and Cultural Rights states:\n\n"
     "“The states parties recognise the right of everyone to social security.”", None),
    ("Intro.\n\nCritics say:\n\n“This book is not just a warning but offers sound guidance for the years ahead.”", None),
    ("Intro.\n\nIn 1921 the court changed course. His Honour said:\n\n“In any country where the common law holds sway, this is so.”",
     None),
]


@pytest.mark.parametrize(("text", "speaker"), COLON_PARAGRAPH_LEAD_IN)
def test_lead_in_paragraph_ending_with_a_colon(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text) == [speaker]
    _assert_offsets(rules_nlp, text)


# A pull quote on a web page: the quote, then the name and the role on lines of their own, blank lines between.
PULL_QUOTES = [
    ("Analysis\n\n“Migration is a fact of life and it must be managed with care.”\n\nKwame Boateng\n"
     "IOM Regional Director for West and Central Africa\n\nThe report was launched on Monday.", "Kwame Boateng"),
    ("Analysis\n“Migration is a fact of life and it must be managed with care.”\nKwame Boateng\nIOM Regional Director\n",
     "Kwame Boateng"),
    # negatives: a heading, then a paragraph of body text that happens to hold a role
    ("Intro.\n\n“We have had some recent cases of refugees who were not eligible for support.”\n\nDiscriminatory Effect\n\n"
     "Thirdly, the law is discriminatory in its effect. As the Race Commissioner, Ms Dana Roe, stated in evidence:", None),
]


@pytest.mark.parametrize(("text", "speaker"), PULL_QUOTES)
def test_pull_quote_name_and_role_lines(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text)[:1] == [speaker]


# Plural parties, offices and common nouns are never speakers; "IOM’s Jane Doe" is Jane Doe.
NOT_PEOPLE = [
    ("“We will not look away,” the Liberals said.", None),
    ("“We will not look away,” said the Republicans.", None),
    ("“We will not look away,” officials said.", None),
    ("“We will not look away,” said IOM’s Libya office.", None),
    ("“We will not look away,” said IOM Libya.", None),
    ("“We will not look away,” Afghan officials said.", None),
    ("“We will not look away,” said IOM Libya’s Federico Santi.", "Federico Santi"),
    ("“We will not look away,” said Ambassador-at-Large Gita Rao.", "Gita Rao"),
]


@pytest.mark.parametrize(("text", "speaker"), NOT_PEOPLE)
def test_parties_offices_and_plurals_are_not_speakers(rules_nlp: Language, text: str, speaker: str | None) -> None:
    assert _speakers(rules_nlp, text) == [speaker]


def test_colon_lead_in_must_open_its_line(rules_nlp: Language) -> None:
    """A lead-in line that continues the line before it ("… Lord Hale of / Thornbury put it this way:")
    does not name its subject at its start: no speaker rather than a place."""
    text = "As the Privy Council held, Lord Hale of\nThornbury put it this way:\n\n“Every human being has a natural right to be heard.”"
    assert _speakers(rules_nlp, text) == [None]


def test_pronoun_lead_in_paragraph_is_not_resolved(rules_nlp: Language) -> None:
    """"He told a press conference:" in a paragraph of its own, far from who "he" is: no speaker
    rather than the last person the text happened to name."""
    text = ("Senator Ian Marsh wrote to the Prime Minister last week. The Prime Minister asks us to accept a "
            "policy he will not state. He told a press conference in Jakarta:\n\n“The policy is on record and I "
            "will not restate it.”")
    assert _speakers(rules_nlp, text) == [None]
