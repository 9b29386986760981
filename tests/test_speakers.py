"""Speakers by class of error: who said each quote, in Australian, U.S. and IOM styles.

The cases are invented; each class has positives and negatives. Most tests call the pure rule
functions (fast, no pipeline); a few go through the rules-only and full pipelines to pin the
wiring (places and bodies of the release are never speakers).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.components.quotes import COMPONENT_SETTINGS, SETTINGS_FILE
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.quotes import find_quote_spans
from iom_nlp.rules.speakers import (
    SpeakerSettings,
    attribute_quotes,
    clean_name,
    letterhead_person,
    people_from_patterns,
)


def _settings() -> SpeakerSettings:
    """The speaker settings exactly as the component builds them (one loader, validated)."""
    settings, _ = settings_from_json(load_json(SETTINGS_FILE), SpeakerSettings, SETTINGS_FILE, COMPONENT_SETTINGS)
    return settings


SETTINGS = _settings()


def speakers(text: str, not_a_person: frozenset[str] = frozenset()) -> list[str | None]:
    """The speaker of every quote in ``text``, by the rules alone."""
    quotes = find_quote_spans(text)
    people = people_from_patterns(text, SETTINGS)
    found = attribute_quotes(text, quotes, people, SETTINGS, None, lambda name: name.lower() in not_a_person)
    return [attribution.name for attribution in found]


def titles(text: str) -> list[str | None]:
    quotes = find_quote_spans(text)
    return [found.title for found in attribute_quotes(text, quotes, people_from_patterns(text, SETTINGS), SETTINGS)]


# --- role before the name, with connectors, possessives and offices ------------------------------
ROLE_BEFORE_NAME = [
    # IOM
    ("“Migration is a fact of life and must be managed well,” IOM Director General Amy Pope said.", "Amy Pope"),
    ("“We need safe pathways for everyone who moves,” IOM's Tom Brown said.", "Tom Brown"),
    ("“The clinics are overwhelmed by cholera cases,” IOM Yemen Health Programme Coordinator Ali Omar explained.", "Ali Omar"),
    ("IOM spokesperson Joe Smith told journalists in Geneva: “Arrivals have doubled since May.”", "Joe Smith"),
    # Australian
    ("“Getting the standards right is a difficult job,” Shadow Minister for Immigration and Border Protection Jane Roe said.", "Jane Roe"),
    ("“Every child deserves a safe home,” the Greens’ immigration spokesperson, Sen. Mary Lowe, said.", "Mary Lowe"),
    ("“There must be an urgent inquiry into the delays” said Greens’ spokesperson for immigration Senator Mary Lowe.", "Mary Lowe"),
    ("“This plan is simply people trading,” Greens Immigration Spokesperson, Senator Mary Lowe said today.", "Mary Lowe"),
    # U.S.
    ("“We will not abandon our partners in the region,” Assistant Secretary of State for Population Ann Park said.", "Ann Park"),
    ("“The rule helps families,” White House spokesman Carl Voss told reporters.", "Carl Voss"),
]


@pytest.mark.parametrize(("text", "speaker"), ROLE_BEFORE_NAME)
def test_role_before_name_gives_the_name(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("“The clinics are overwhelmed by cases,” IOM Yemen Health Programme Coordinator Ali Omar explained.",
         "IOM Yemen Health Programme Coordinator"),
        ("“It matters to every family here,” Shadow Minister for Health Jane Roe said.", "Shadow Minister for Health"),
        ("“Every child deserves a safe home,” the Greens’ immigration spokesperson, Sen. Mary Lowe, said.",
         "Greens’ immigration spokesperson"),
    ],
)
def test_role_before_name_keeps_the_role_as_title(text: str, title: str) -> None:
    assert titles(text) == [title]


# --- a place at the end of a title is never the speaker ------------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will keep supporting families here,” said Jane Doe, IOM Chief of Mission in Jordan.", "Jane Doe"),
        ("“Our teams are on the ground in the south,” said Jane Doe, IOM's Chief of Mission in Libya.", "Jane Doe"),
        ("“The border is open again for trucks,” said Omar Haddad, the governor of Mafraq.", "Omar Haddad"),
        ("“The State will fund the shelters,” said Ann Park, the Deputy Secretary for Texas.", "Ann Park"),
    ],
)
def test_a_title_ending_in_a_place_keeps_the_person(text: str, speaker: str) -> None:
    assert speakers(text, frozenset({"jordan", "libya", "mafraq", "texas"})) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "“We must act now on offshore detention,” the Greens said.",
        "“The whole chamber must act on this,” the Assembly said.",
        "“Our borders are open to people in need,” Jordan said.",
        "“We welcome the decision of the council,” Kenyans said.",
        "“The deal must be reviewed in full,” the Government said.",
    ],
)
def test_places_parties_and_bodies_are_never_speakers(text: str) -> None:
    assert speakers(text, frozenset({"jordan", "kenyans"})) == [None]


# --- names: hyphens, mojibake, non-breaking spaces, possessives ----------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Sarah HansonÃ¢Â\x80Â\x90Young", "Sarah Hanson-Young"),
        ("Sarah\u00a0Hanson\u2010Young", "Sarah Hanson-Young"),
        ("Ana Hanson- Young", "Ana Hanson-Young"),
        ("José Álvarez", "José Álvarez"),
        ("Nadia Haddad-Moreau", "Nadia Haddad-Moreau"),
        ("Zoë O’Neill", "Zoë O’Neill"),
    ],
)
def test_names_are_repaired_for_output(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Turning our backs is wrong,” Greens’ immigration spokesperson,\u00a0Sen.\u00a0Sarah\u00a0HansonÃ¢Â\x80Â\x90Young,\u00a0said.",
         "Sarah Hanson-Young"),
        ("“We will keep going with this work,” said Douglas Holtz-Eakin, an economist.", "Douglas Holtz-Eakin"),
        ("“The camps are full,” said Nadia Haddad-Moreau, IOM's Operations Coordinator in Beirut.", "Nadia Haddad-Moreau"),
        ("“We need more beds,”\u00a0Dr\u00a0Ana\u00a0Ruiz\u00a0said.", "Ana Ruiz"),
    ],
)
def test_hyphenated_and_spaced_names(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_possessive_party_is_not_the_speaker() -> None:
    text = "“The families need a safe place to call home,” the Greens’ said."
    assert speakers(text) == [None]


# --- a bare surname or first name is completed from the release ----------------------------------
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Senator Andrew Bartlett spoke today. “The inquiry must be public and swift,” Bartlett said.", "Andrew Bartlett"),
        ("Jane Roe, the director, spoke. “We will keep going with this work,” Ms Roe said.", "Jane Roe"),
        ("MICHAEL DANE MP\nMEMBER FOR EASTSIDE\n\n“The raid was heavy handed and wrong,” Mr Dane said.", "Michael Dane"),
    ],
)
def test_a_surname_is_completed_from_the_release(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


# --- pronouns go to the person the text is about -------------------------------------------------
PRONOUNS = [
    ("Mwangi spoke to reporters in Nairobi. “We need more support from donors,” he said.", ["Mwangi"]),
    (
        "“We are racing the weather,” said Jane Doe, IOM's Chief of Mission. Ousmane, 24, from Kankan, "
        "spent eight months in a mine. “I left with two friends and came back alone,” he said.",
        ["Jane Doe", "Ousmane"],
    ),
    (
        "“Every family needs a dry room,” said Jane Doe, IOM's Chief of Mission. Luz Marina, a Colombian who "
        "lived in Venezuela, arrived with her grandchildren. “I left because of the violence,” she said.",
        ["Jane Doe", "Luz Marina"],
    ),
    (
        "“The talks went well today,” said Ann Park. The meeting was held in Geneva. “We will meet again soon,” she said.",
        ["Ann Park", "Ann Park"],
    ),
    (
        "“The talks went well today,” said Mr. Ann Park. She met the voice of Mr. Tribe's client. “We will meet again,” she said.",
        ["Ann Park", "Ann Park"],
    ),
    ("Officials spoke to reporters. Officials said officials would act. “We will act soon on this,” they said.", [None]),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronoun_goes_to_the_subject_since_the_last_quote(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# --- one attribution, several quotes --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will keep going no matter what happens,” insists Mwangi. “We will not stop.”", ["Mwangi", "Mwangi"]),
        ("“We are ready for the season,” said Jane Doe. “The teams are in place.”", ["Jane Doe", "Jane Doe"]),
        ("“We have a plan for the region,” Senator Ann Park said. “And we will carry it out in full.”", ["Ann Park", "Ann Park"]),
    ],
)
def test_inverted_attribution_then_a_second_quote(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_two_speakers_give_the_first_as_speaker() -> None:
    # The output contract has one speaker per quote: the first named, never "Chen" alone.
    assert speakers("“This is a decision for the whole council to make,” replied Ortiz and Chen.") == ["Ortiz"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("“This is a decision for the whole council to make,” replied Ortiz and Chen.", ["Ortiz", "Chen"]),
        ("“We will keep the border crossings open for families,” said Amina Diallo and Peter Mwangi.", ["Amina Diallo", "Peter Mwangi"]),
        ("“We will keep the border crossings open for families,” said Diallo & Mwangi in a joint statement.", []),
        ("“We will keep the border crossings open for families,” said Diallo and the minister.", []),
        ("“We will keep the border crossings open for families,” said Diallo and Government officials.", []),
        ("“We will keep the border crossings open for families,” said Diallo and he left.", []),
        ("“We will keep the border crossings open for families,” said Amina Diallo.", []),
    ],
)
def test_joint_speakers_are_all_named(text: str, names: list[str]) -> None:
    import iom_nlp

    release = iom_nlp.extract(text, nlp=iom_nlp.load(base=None))
    assert [[s.name for s in q.speakers] for q in release.quotes] == [names]
    for quote in release.quotes:
        for speaker in quote.speakers:
            assert speaker.start is not None and speaker.end is not None
            assert text[speaker.start : speaker.end] == speaker.name


# --- letterheads: first-person statements under one person's name ---------------------------------
LETTERHEADS = [
    (
        "Senator Jane Doe | Greens spokesperson for Immigration\n\nMEDIA RELEASE\n\nGreens move to amend the Act\n\n"
        "“The government must table its legal advice before the vote.\n\n“Parliament needs to have its say.”",
        ["Jane Doe"],
    ),
    (
        "THE HON JOHN ROE MP\nSHADOW MINISTER FOR HEALTH\n\nMEDIA RELEASE\n\n"
        "“This government simply is not interested in the advice of experts on detention.”",
        ["John Roe"],
    ),
    (
        "Media Release  Andrew Rook  Member for Eastfield\n\nThursday, 20 August 2015\n\n"
        "“Visa holders would be designated to regional areas where there is work.”",
        ["Andrew Rook"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LETTERHEADS)
def test_letterhead_person_speaks_the_unattributed_quotes(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two people in the heading: nobody can be chosen
        "JANE ROE MP  SHADOW MINISTER FOR HEALTH\n\nJOHN DOE MP  SHADOW MINISTER FOR TRADE\n\nMEDIA RELEASE\n\n“The plan is wrong.”",
        # no person in the heading (an IOM release)
        "Geneva – IOM, the UN Migration Agency, warned today of rising arrivals.\n\n“The situation is critical for families.”",
        # a media contact is not a letterhead
        "Media contact:  Kirsten Lloyd\n\nMEDIA RELEASE\n\n“The situation is critical for families.”",
    ],
)
def test_no_letterhead_no_speaker(text: str) -> None:
    assert speakers(text) == [None]


def test_letterhead_person_offsets_point_at_the_name() -> None:
    text = "Senator Jane Doe | Greens spokesperson\n\n“The plan is wrong and will cost jobs.”"
    person = letterhead_person(text, SETTINGS)
    assert person is not None and text[person.start : person.end] == "Jane Doe"


# --- a quote after a colon, and pull quotes -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geneva – The following statement is attributable to IOM Director General Amy Pope:\n\n"
         "“I am deeply saddened by the loss of life off the coast.\n\n“We call on all states to act.”", ["Amy Pope"]),
        ("The statement was issued by Shadow Minister for Trade Jane Roe: “The deal is bad for farmers and workers.”", ["Jane Roe"]),
        ("The figures were clear this year: “Arrivals have doubled since last May in the region.”", [None]),
    ],
)
def test_quote_after_a_colon(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# --- markup left in the text -----------------------------------------------------------------------
def test_markup_around_the_name() -> None:
    text = "<p>“Every place offered is a life changed,” said <strong>Lotte Vermeer</strong>, IOM's Chief of Mission.</p>"
    assert speakers(text) == ["Lotte Vermeer"]


# --- end to end: the pipelines drop places and bodies of the release -------------------------------
END_TO_END = [
    ("“We will keep supporting families in every governorate,” said Jane Doe, IOM Chief of Mission in Jordan.", "Jane Doe"),
    ("“The clinics are overwhelmed by cholera cases,” IOM Yemen Health Programme Coordinator Ali Omar explained.", "Ali Omar"),
    ("Mwangi spoke to reporters in Nairobi. “We need more support from donors,” he said.", "Mwangi"),
    ("“Our borders remain open to people fleeing the war,” Kenya said.", None),
]


@pytest.mark.parametrize(("text", "speaker"), END_TO_END)
@pytest.mark.parametrize("mode", ["full", "rules"])
def test_end_to_end_speakers(nlp: Language, rules_nlp: Language, text: str, speaker: str | None, mode: str) -> None:
    release = iom_nlp.extract(text, nlp=nlp if mode == "full" else rules_nlp)
    names = [quote.speaker.name if quote.speaker else None for quote in release.quotes]
    assert names == [speaker]
    for quote in release.quotes:
        if quote.speaker is not None and quote.speaker.start is not None and quote.speaker.end is not None:
            assert text[quote.speaker.start : quote.speaker.end].split()[-1] == quote.speaker.name.split()[-1]


# --- a speaker with a role and no name is nobody's: the quote is not handed to the last speaker ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are racing the weather,” said Jane Doe, IOM's Chief of Mission.\n\n“Without the helicopters we cannot reach "
         "the villages,” the Federal Relief Commission's logistics chief told reporters.", ["Jane Doe", None]),
        ("“We welcome him,” said Ana Ruiz, the Director.\n\n“The scale of this is without precedent,” the heads of the "
         "two agencies said in a joint statement.", ["Ana Ruiz", None]),
        ("“The border is open,” said Ana Ruiz.\n\n“We waited nine days in the basement,” a 27-year-old domestic worker "
         "from the city told reporters.", ["Ana Ruiz", None]),
        # negatives: a role the release names a person for, or the last speaker's own role
        ("The Minister for Immigration, Philip Ruddock, spoke. “The changes would not affect the courts,” the Minister said.",
         ["Philip Ruddock"]),
        ("“We will help,” said Jane Roe, the spokeswoman for the council.\n\n“And we will keep helping,” the spokeswoman said.",
         ["Jane Roe", "Jane Roe"]),
    ],
)
def test_unnamed_role_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# --- hard-wrapped releases: the attribution on the next line, names introduced after markup ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro.\n\n“Some of these boys have not seen their mothers for five\nyears,”\nsaid Amadou Bah, IOM's "
         "Programme Officer in Bissau.\n\nNext.", ["Amadou Bah"]),
        ("Intro.\n\n\"We have built one room from the iron sheets,\" said\nJane Doe, IOM's Chief of Mission.\n\nNext.", ["Jane Doe"]),
        ("“We will help,” said Jane Doe.<br /><br />Fatou, 35, returned by boat. “The market is open again,” she said.",
         ["Jane Doe", "Fatou"]),
        ("“We will help,” said Jane Doe.\n\nMarie-Claire, a market vendor, sleeps in a classroom. “The wind took everything,” she said.",
         ["Jane Doe", "Marie-Claire"]),
    ],
)
def test_wrapped_and_markup_attributions(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_party_tag_after_a_name() -> None:
    text = "“Subpoenas are not optional,” panel Chairman Rep. Jason Roe (R-Utah) said after the hearing."
    assert speakers(text) == ["Jason Roe"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro.\n\n\"We will move an amendment where justice requires it, Senator Sid Roe concluded.\n\nFor more call Senator Roe.",
         ["Sid Roe"]),
        ("Intro.\n\n“The deal is flawed and must be reviewed in full, Ms Ana Ruiz said.\n\nNext paragraph here.", ["Ana Ruiz"]),
        # negatives: no name at the end of the open quote; a closed quote keeps its own text
        ("Intro.\n\n“We will move an amendment on this, and more, said the report.\n\nNext paragraph here.", [None]),
        ("Intro.\n\n“We will move, Senator Roe said, an amendment.” Then nothing.", [None]),
    ],
)
def test_attribution_left_inside_an_open_quote(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# --- words that are not names: a title's own words, a month, the end of a body's name, a heading run-on ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It underscores the need for safe energy,” said Assistant Secretary of State for International Security "
         "and Nonproliferation Ana Kahn.", ["Ana Kahn"]),
        ("“Romania is a partner in this,” said Deputy Assistant Secretary of State for European and Eurasian Affairs Rob Dunn.",
         ["Rob Dunn"]),
        ("“There must be an inquiry into the delays” said Greens’ spokesperson for immigration Senator Mary Lowe in  Adelaide today.",
         ["Mary Lowe"]),
        ("The advisory group in January described the centre as “a cage in the desert for all of them”.", [None]),
        ("The Forum of Survivors of Torture and Trauma states that “isolation is highly corrosive of mental health”.", [None]),
        ("SENATOR IAN MACK SENATOR CHRIS ELLIS\n\n“Labor’s opposition is nothing but short-term opportunism,” Senator Ellis said.",
         ["Chris Ellis"]),
        ("BRANDIS: The reforms were reversed. And Craig, honestly, he said “I only mentioned the war once in all this”.", [None]),
    ],
)
def test_words_that_are_not_names(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("So my colleagues and I spoke up. We’d say things like, “I am so glad you agree with what Lisa just said.”", [None]),
        ("The Hon JANE ROWE MP  Federal Member for Farrer  Shadow Minister for Justice\n\n8 December 2008\n\n"
         "Shadow Minister for Justice, Jane Rowe said the surge was a failure.\n\n“This is not a seasonal surge at all,” she said.",
         ["Jane Rowe"]),
    ],
)
def test_contractions_and_capital_headings(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("MEDIA RELEASE\n\nFinal Report\n\n\"The detention system must change now,\" the Final Report said.", None),
        ("\"Border closures have cut families off from their only income,\" the Reconciliation Commission said.", None),
        ("\"Border closures have cut families off from their only income,\" South Australia said today.", None),
        ("\"Border closures have cut families off from their only income,\" said Jane Western.", "Jane Western"),
        ("\"Border closures have cut families off from their only income,\" said Theresa May.", "Theresa May"),
        ("\"Border closures have cut families off from their only income,\" said Peter Bill.", "Peter Bill"),
    ],
)
def test_a_document_or_body_name_is_never_the_speaker(text: str, speaker: str | None) -> None:
    import iom_nlp

    release = iom_nlp.extract(text, nlp=iom_nlp.load(base=None))
    assert [q.speaker.name if q.speaker else None for q in release.quotes] == [speaker]
