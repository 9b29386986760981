"""Where a guessed organisation name starts and ends.

Three classes of boundary error, each with positives and negatives in several styles:
a sentence's opening word taken into the name ("Because the High Court"), a holder's name
whose particle ("al", "de") stopped the Title-case run ("… National Assembly Marzouq"), and a
body named after a person cut at the person the NER found ("Royal Darwin Hospital").
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import iom_nlp
from iom_nlp import spans as keys
from iom_nlp.rules.organizations import holder_after_body, opener_length
from tests.org_helpers import RULES, org_names

# --- 1. a sentence's opening word is not part of the name ---------------------------------------


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Because the High Court", "High Court"),
        ("Only the Coalition", "Coalition"),
        ("Indeed the Government of Ruritania", "Government of Ruritania"),
        ("Unless the Productivity Commission", "Productivity Commission"),
        ("For the Ministry of Environment", "Ministry of Environment"),
        ("A World Bank Task Force", "World Bank Task Force"),
        ("An Australian Youth Network", "Australian Youth Network"),
        ("Despite\u00a0the\u00a0Federal Court", "Federal Court"),
    ],
)
def test_sentence_opener_is_cut_from_the_name(surface: str, name: str) -> None:
    assert surface[opener_length(surface, RULES) :] == name


@pytest.mark.parametrize(
    "surface",
    [
        "One Nation",  # a name that starts with a function word, no "the" after it
        "Three Seas Initiative",
        "Front for the Liberation of the South",  # "for the" inside the name
        "Save the Children",  # "Save" opens no sentence: a verb inside the name
        "American Red Cross",  # "A..." is no article
        "As Salam Foundation",  # an opener word without "the" stays
        "Friends of the Earth",
        "High Court",
    ],
)
def test_name_that_starts_like_a_sentence_is_kept(surface: str) -> None:
    assert opener_length(surface, RULES) == 0


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        ("Because the High Court ruled against it, the bill was withdrawn.", "High Court", "Because the High Court"),
        ("Indeed the Government of Papua New Guinea agreed to the plan.", "Government of Papua New Guinea", "Indeed"),
        ("A World Bank Task Force on Poverty Alleviation met in Manila.", "World Bank Task Force on Poverty Alleviation", "A World"),
        ("Despite the Federal Court ruling, the detainees stayed.", "Federal Court", "Despite the Federal Court"),
    ],
)
def test_sentence_opener_in_a_release(rules_nlp: Language, text: str, name: str, not_name: str) -> None:
    names = org_names(rules_nlp, text)
    assert name in names
    assert not any(found.startswith(not_name) and found != name for found in names)


# --- 2. a holder's name with a lower-case particle after a governed body -----------------------


@pytest.mark.parametrize(
    ("surface", "before", "after", "body"),
    [
        ("National Assembly Marzouq", "met the Speaker of the ", " al Ghanem, and the Foreign Minister", "National Assembly"),
        ("Electoral Commission Ana", "the President of the ", " de Souza said", "Electoral Commission"),
        ("Shura Council Faisal", "the Chairman of the ", " bin Rashid, who", "Shura Council"),
        ("Supreme Court Pieter", "the President of the ", " van der Berg opened", "Supreme Court"),
    ],
)
def test_holder_with_a_particle_is_cut(surface: str, before: str, after: str, body: str) -> None:
    end = holder_after_body(surface, before, RULES, after=after)
    assert end is not None and surface[:end] == body


@pytest.mark.parametrize(
    ("surface", "before", "after"),
    [
        ("National Assembly Marzouq", "met the Speaker of the ", " and the Foreign Minister"),  # no particle after
        ("National Assembly Marzouq", "talks with the ", " al Ghanem"),  # no title governs the body
        ("Refugee Council Victoria", "the Chair of the ", " said on Monday"),  # a place, no particle
        ("Migration Council Jane", "Head of the ", " de"),  # a particle with no surname after it
        ("Red Cross Society", "President of the ", " al Ghanem"),  # the run ends on a head: no holder
    ],
)
def test_no_holder_without_particle_and_surname(surface: str, before: str, after: str) -> None:
    assert holder_after_body(surface, before, RULES, after=after) is None


def test_holder_with_particle_in_a_release(rules_nlp: Language) -> None:
    names = org_names(rules_nlp, "She met the Speaker of the National Assembly Marzouq al Ghanem, and the Foreign Minister.")
    assert "National Assembly" in names and not any("Marzouq" in name for name in names)


# --- 3. a body named after a person is not cut at the person ------------------------------------


def _names_with_people(nlp: Language, text: str, people: list[str]) -> set[str]:
    """Organisation names when an NER has tagged ``people`` as PERSON (set by hand: no model needed)."""
    doc = nlp.make_doc(text)
    spans = []
    for person in people:
        start = text.index(person)
        span = doc.char_span(start, start + len(person), label="PERSON")
        assert span is not None, person
        spans.append(span)
    for name, component in nlp.pipeline:
        if name == "iom_organizations":
            doc.ents = spans
        doc = component(doc)
    return _spans_text(doc)


def _spans_text(doc: Doc) -> set[str]:
    return {span.text for span in doc.spans.get(keys.ORGANIZATIONS, [])}


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        ("Doctors at the Royal Darwin Hospital warned of a crisis.", "Darwin", "Royal Darwin Hospital"),
        ("She studied at Charles Darwin University in the north.", "Charles Darwin", "Charles Darwin University"),
        ("Funding came from the Fred Hollows Foundation this year.", "Fred Hollows", "Fred Hollows Foundation"),
        ("Observers from the Carter\u00a0Center arrived.", "Carter", "Carter\u00a0Center"),
        ("The Walter Hall Institute of Research published it.", "Walter Hall", "Walter Hall Institute of Research"),
        ("The Howard Government refused the request.", "Howard", "Howard Government"),  # a government by its leader
    ],
)
def test_body_named_after_a_person_is_whole(rules_nlp: Language, text: str, person: str, body: str) -> None:
    assert body in _names_with_people(rules_nlp, text, [person])


@pytest.mark.parametrize(
    ("text", "person", "not_body"),
    [
        ("Said Robin Dunnigan, Bureau of Consular Affairs, on Monday.", "Robin Dunnigan", "Robin Dunnigan, Bureau"),
        ("Jane Doe\nHospital staff were told on Monday.", "Jane Doe", "Jane Doe\nHospital"),  # a line break between
        ("Thanks to Peter Dutton. Department officials agreed.", "Peter Dutton", "Peter Dutton. Department"),
    ],
)
def test_person_before_a_head_elsewhere_is_still_a_person(rules_nlp: Language, text: str, person: str, not_body: str) -> None:
    assert not_body not in _names_with_people(rules_nlp, text, [person])


# --- 4. "Government" closing a portfolio is not a government by its leader ----------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Ministry of Interior and Coordination of National Government will deploy teams.",
            "Ministry of Interior and Coordination of National Government",
        ),
        ("The Department of Local Government said on Monday that roads were closed.", "Department of Local Government"),
        ("Officials from the Ministry of Lands and Local Government attended.", "Ministry of Lands and Local Government"),
        ("The Government of Kenya said it would help.", "Government of Kenya"),
    ],
)
def test_government_closing_a_portfolio_is_kept(rules_nlp: Language, text: str, name: str) -> None:
    assert name in org_names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Howard Government refused the request.", "Howard Government"),
        ("The Rudd Labor Government refused the request.", "Rudd Labor Government"),
        ("The Turnbull Government will decide.", "Turnbull Government"),
        ("Under the Abbott-Turnbull Government, numbers fell.", "Abbott-Turnbull Government"),
    ],
)
def test_government_by_its_leader_is_a_body(rules_nlp: Language, text: str, name: str) -> None:
    assert name in org_names(rules_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Federal Government refused the request.",
        "The Coalition Government will decide.",
        "A Labor Government would act.",
        "The Minister for Local Government said so.",  # a role's portfolio, no body
    ],
)
def test_government_by_its_level_or_party_is_no_body(rules_nlp: Language, text: str) -> None:
    assert not any(name.endswith("Government") for name in org_names(rules_nlp, text))


# --- 5. "to" and a verb of purpose right after the head word is inside the name -----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Partners coordinate through the Global Coalition to Defeat ISIS in Iraq.", "Global Coalition to Defeat ISIS"),
        ("The Office to Monitor and Combat Trafficking in Persons reported.", "Office to Monitor and Combat Trafficking in Persons"),
        ("The Committee to Protect Journalists condemned the arrest.", "Committee to Protect Journalists"),
        ("Money from the Global Fund to Fight AIDS, Tuberculosis and Malaria came.", "Global Fund to Fight AIDS, Tuberculosis and Malaria"),
        ("The Ruritanian Council to Combat Trafficking met on Monday.", "Ruritanian Council to Combat Trafficking"),
    ],
)
def test_purpose_after_the_head_is_part_of_the_name(rules_nlp: Language, text: str, name: str) -> None:
    assert name in org_names(rules_nlp, text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("IOM Partners with Ministry of Health to Fight Malaria in Kenya", "Ministry of Health to Fight Malaria"),  # headline
        ("Senate Committee to Examine Latest Bill", "Senate Committee to Examine Latest Bill"),  # no verb of purpose
        ("Families moved from Baxter Detention Centre to Glenside Psychiatric Hospital.", "Baxter Detention Centre to Glenside"),
        ("The Ministry of Health to fight malaria with new nets.", "Ministry of Health to fight"),  # lower case: prose
    ],
)
def test_to_elsewhere_ends_the_name(rules_nlp: Language, text: str, not_name: str) -> None:
    assert not any(name.startswith(not_name) for name in org_names(rules_nlp, text))


@pytest.mark.parametrize(
    ("text", "government"),
    [
        ("He told Parliament on the Rudd Government that the plan had failed.", "Rudd Government"),
        ("The Coalition Scrutiny of Government committee met.", None),
    ],
)
def test_government_after_a_head_without_of_is_no_portfolio(rules_nlp: Language, text: str, government: str | None) -> None:
    governments = {name for name in org_names(rules_nlp, text) if name.endswith("Government")}
    assert governments <= ({government} if government else set())  # never "Parliament on the Rudd Government"


# --- 6. a parent's acronym before a body's name is part of the name ------------------------------


def _mentions(nlp: Language, text: str) -> dict[str, list[str]]:
    release = iom_nlp.extract(text, nlp=nlp)
    return {org.name: [mention.text for mention in org.mentions] for org in release.organizations}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The UN Peacebuilding Fund co-funds the project.", "UN Peacebuilding Fund"),
        ("She addressed the UN Human Rights Council in Geneva.", "UN Human Rights Council"),
        ("The OECD Development Assistance Committee met on Monday.", "OECD Development Assistance Committee"),
        ("Funding came from the EU\u00a0Emergency Trust Fund for Africa.", "EU\u00a0Emergency Trust Fund for Africa"),
    ],
)
def test_parent_prefix_is_no_mention_of_the_parent(rules_nlp: Language, text: str, mention: str) -> None:
    found = _mentions(rules_nlp, text)
    assert any(mention in mentions for mentions in found.values())
    assert not any(mentions == [mention.split()[0]] for mentions in found.values())  # no lone "UN"


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("The UN Peacebuilding Fund paid. The UN said it was concerned.", "UN"),  # the parent named on its own too
        ("The NATO and EU leaders met.", "EU"),  # two bodies
        ("Experts from the UN Tuesday briefing agreed.", "UN"),  # no body after the acronym
    ],
)
def test_parent_named_on_its_own_stays(rules_nlp: Language, text: str, parent: str) -> None:
    assert any(parent in mentions for mentions in _mentions(rules_nlp, text).values())


# --- 7. an event or document named after a body is not the body; a place after "of the" is -----


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Delegates signed the NATO Status of Forces Agreement in Prague.", "Status of Forces Agreement"),
        ("The Refugee Council Annual Conference opened on Monday.", "Refugee Council Annual Conference"),
        ("Leaders met at the World Bank Group Summit last week.", "World Bank Group Summit"),
        ("The Migration Council Strategy Report was published.", "Migration Council Strategy Report"),
    ],
)
def test_event_or_document_named_after_a_body_is_no_body(rules_nlp: Language, text: str, not_name: str) -> None:
    assert not any(not_name in name for name in org_names(rules_nlp, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Centre for Humanitarian Dialogue hosted the talks.", "Centre for Humanitarian Dialogue"),
        ("The Ministry of Health of the Solomon Islands asked for help.", "Ministry of Health of the Solomon Islands"),
        ("The Ministry of Foreign Affairs of the Marshall Islands said so.", "Ministry of Foreign Affairs of the Marshall Islands"),
        ("The Ministry of Justice of the Kingdom of the Netherlands funds it.", "Ministry of Justice of the Kingdom of the Netherlands"),
    ],
)
def test_body_ending_on_a_portfolio_or_place_is_kept(rules_nlp: Language, text: str, name: str) -> None:
    assert name in org_names(rules_nlp, text)


# --- 8. a registered suffix ends the name; an MP's office is no body ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Australian Medical Association Limited  ABN 37 008 426 793", "Australian Medical Association Limited"),
        ("The Welfare Council Inc. He said so.", "Welfare Council Inc"),
        ("Staff of Acme Holdings Pty Ltd Sydney attended.", "Acme Holdings Pty Ltd"),
        ("Refugee Services Pty. Ltd. said it would help.", "Refugee Services Pty. Ltd"),
    ],
)
def test_registered_suffix_ends_the_name(rules_nlp: Language, text: str, name: str) -> None:
    names = org_names(rules_nlp, text)
    assert name in names and not any(found.startswith(name) and found != name for found in names)


@pytest.mark.parametrize(
    "text",
    [
        "Paris Lord, Media adviser, Office of Sen. Jane Doe, Greens Senator for South Australia",
        "Further detail is available from the Office of Senator Jane Doe on 02 6277 3000.",
        "Call the Office of Minister Okafor for comment.",
    ],
)
def test_office_of_a_person_is_no_body(rules_nlp: Language, text: str) -> None:
    assert not any(name.startswith("Office of") for name in org_names(rules_nlp, text))


def test_office_of_a_title_is_a_body(rules_nlp: Language) -> None:
    assert "Office of the Prime Minister" in org_names(rules_nlp, "The Office of the Prime Minister (OPM) said so.")
