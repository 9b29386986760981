"""Press contacts by class of layout, on the rules alone (phones and e-mails given as found).

The phones and e-mails here are located by a plain pattern in the test, so these tables pin
how contacts group names and items, whatever the phone recogniser does with a number.
"""

from __future__ import annotations

import re
import time

import pytest

from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.contacts import ContactSettings, Found, find_contacts

SETTINGS, _ = settings_from_json(load_json("contacts.json"), ContactSettings, "contacts.json")
_ITEM = re.compile(r"[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+|\+?\(?\d[\d()\u00a0 \-]{6,}\d")


def _found(text: str) -> list[Found]:
    found = []
    for match in _ITEM.finditer(text):
        value = match.group().lower() if "@" in match.group() else re.sub(r"\D", "", match.group())
        found.append(Found(match.start(), match.end(), value, "email" if "@" in value else "phone"))
    return found


def _contacts(text: str, not_names: list[tuple[int, int]] | None = None) -> list[tuple[str, tuple[str, ...]]]:
    records = find_contacts(text, _found(text), SETTINGS, None, not_names or [])
    for record in records:
        assert record.name.split()[-1].lower() in text[record.start : record.end].replace("\u00a0", " ").lower()
    return [(record.name, record.phones + record.emails) for record in records]


# IOM: the cue alone, then name, office, Tel and E-mail each in its own paragraph.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Aid reached the camps.\n\nFor more information, please contact:\n\nAmina Hassan Farah\n\nIOM Mogadishu\n\n"
            "Tel: +252 61 555 0101\n\nE-mail: afarah@iom.int\n",
            [("Amina Hassan Farah", ("252615550101", "afarah@iom.int"))],
        ),
        (
            "Returns resumed.\n\nFor more information please contact\n\nTomás Riera\n\nIOM Quito\n\nTel: +593 2 555 0199\n\n"
            "Email: triera@iom.int\n\nOlena Kovalenko\n\nIOM Kyiv\n\nTel: +380 44 555 0123\n\nEmail: okovalenko@iom.int\n",
            [("Tomás Riera", ("59325550199", "triera@iom.int")), ("Olena Kovalenko", ("380445550123", "okovalenko@iom.int"))],
        ),
        (
            "<p>For more information, please contact:<br />\nSalif Diarra<br />\nIOM Niamey, Regional Office for West and Central Africa"
            "<br />\nTel: +227 20 55 01 01</p>",
            [("Salif Diarra", ("22720550101",))],
        ),
    ],
)
def test_iom_block_one_field_per_line(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


# IOM: several spokespeople in one block, one per line, name then office or role.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For more information, please contact:\nNadia Haddad, IOM Amman, +962 6 555 0142, nhaddad@iom.int\n"
            "Pieter de Vries, Spokesperson, +41 79 555 0177, pdevries@iom.int\n",
            [("Nadia Haddad", ("96265550142", "nhaddad@iom.int")), ("Pieter de Vries", ("41795550177", "pdevries@iom.int"))],
        ),
        (
            "For more information please contact:\nMaría José Ocampo, IOM Regional Office for South America, Tel: +54 11 5555 0134,"
            " Email: mjocampo@iom.int\nKwame Mensah Boateng, IOM Ghana, Tel (Mobile): +233 24 555 0188, Email: kboateng@iom.int\n",
            [
                ("María José Ocampo", ("541155550134", "mjocampo@iom.int")),
                ("Kwame Mensah Boateng", ("233245550188", "kboateng@iom.int")),
            ],
        ),
        (
            "For more information please contact Ingrid van der Berg at IOM Brussels, Tel: +32 2 555 0167, or"
            " Elif Şahin-Demir, IOM Ankara, Tel: +90 312 555 0145, E-mail: esahindemir@iom.int",
            [("Ingrid van der Berg", ("3225550167",)), ("Elif Şahin-Demir", ("903125550145", "esahindemir@iom.int"))],
        ),
    ],
)
def test_several_spokespeople_in_one_block(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


# A job title, an office or a place next to the name is never the contact's name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("For more information contact Peter Mwangi, Communications Manager, IOM Kenya, Tel: +254 20 555 0110", "Peter Mwangi"),
        ("Media contact: Lucy Tran, Senior Media Adviser 0412 555 019", "Lucy Tran"),
        ("Canberra.\n\nIan Ward Member for Riverina  Media contact: Lucy Tran 0412 555 019", "Lucy Tran"),
        ("For press inquiries, please contact Public Affairs Specialist Dana Whitfield DWhitfield@example.gov today.", "Dana Whitfield"),
        ("For further information contact Graham O'Rourke Director, Public Information. Tel: (02) 6255 5012.", "Graham O'Rourke"),
        ("MEDIA INQUIRIES: Colin Marsh Minister's Office  (02) 6277 5555", "Colin Marsh"),
        ("For more information, please contact:\nYonas Tesfaye, IOM Addis Ababa, +251 91 555 0123, ytesfaye@iom.int", "Yonas Tesfaye"),
        ("For more information please contact Aung Min at IOM Yangon, Tel: +95 1 555 0134", "Aung Min"),
    ],
)
def test_title_office_or_place_is_not_the_name(text: str, name: str) -> None:
    assert [contact for contact, _ in _contacts(text)] == [name]


def test_a_place_read_by_another_component_is_not_a_name() -> None:
    text = "For more information, please contact:\nLiu Wen, IOM Port Moresby\n+675 7555 0123\n"
    place = text.index("Port Moresby")
    assert [name for name, _ in _contacts(text, [(place, place + len("Port Moresby"))])] == ["Liu Wen"]


# Australian letterheads and footers: cue, name and number on one line, any spacing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Canberra.\u00a0\u00a0Media\u00a0contact\u00a0-\u00a0Jo\u00a0Bloggs\u00a00412\u00a0555\u00a0678",
            [("Jo Bloggs", ("0412555678",))],
        ),
        ("Canberra.\n\nMEDIA CONTACT: HARRIET LANE 0400 555 123\n", [("Harriet Lane", ("0400555123",))]),
        ("Canberra.\n\nMinister Barton media contact: Sally March 0403 555 839\n", [("Sally March", ("0403555839",))]),
        (
            "Canberra.\n\nMedia Contacts: Tom Nguyen 0400 555 802 / Amy Costa 0432 555 769\n",
            [("Tom Nguyen", ("0400555802",)), ("Amy Costa", ("0432555769",))],
        ),
        (
            "Canberra.    Media Contact: Ruth Kemp (Senator Joe Ward)     0488 555 689. Omar Aziz (Jill Ford MP) 0404 555 692",
            [("Ruth Kemp", ("0488555689",)), ("Omar Aziz", ("0404555692",))],
        ),
        (
            "Canberra.\n\nLena Fox Lena Fox Lena Fox ph (03) 9555 7359 or lfox@example.org.au\n",
            [("Lena Fox", ("0395557359", "lfox@example.org.au"))],
        ),
        ("Canberra.\n\nFor interview with Senator Ward contact Mia Cole on 0419 555 649\n", [("Mia Cole", ("0419555649",))]),
    ],
)
def test_australian_letterhead_and_footer(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


# U.S. State Department: a person at an address, or a mailbox with no person.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For media inquiries, please contact Rosa Delgado at DelgadoR@example.gov.\n", [("Rosa Delgado", ("delgador@example.gov",))]),
        ("For further information, please contact the Office of Global Outreach (GO) at outreach@example.gov.", []),
        ("For more information, please contact ABC Public Affairs at ABCPublicAffairs1@example.gov.", []),
        ("For press inquiries, please contact XYZ-Press@example.gov and follow us.", []),
    ],
)
def test_us_state_department_styles(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


# Offices, switchboards and authorisation footers are no contact, and do not extend one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contact: Alan Pryce 0438 555 567 or Customs and Border Protection media (02) 6275 5793", [("Alan Pryce", ("0438555567",))]),
        ("Media inquiries\n\n• Foreign Minister's office: (02) 6277 5500\n\n• Departmental Media Liaison: (02) 6261 5555\n", []),
        (
            "Media contact: Ken Ito 0403 555 839\n\nABCD Media: media@example.gov.au   Non-media enquiries: 1300 555 079\n",
            [("Ken Ito", ("0403555839",))],
        ),
        ("Authorised by Senator Max Webb 25 Wharf Road, Newcastle NSW 2300 Tel: 02 4955 2855 E-mail: senator.webb@example.gov.au", []),
        (
            "Media Contact - Ali Reza - 0419 555 649  SENATOR JOHN DOE\n\nLEADER OF THE PARTY\n\nSUNDAY 11 APRIL 2004\n\n"
            "senator.doe@example.org.au",
            [("Ali Reza", ("0419555649",))],
        ),
    ],
)
def test_offices_and_footers_are_not_contacts(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


def test_long_one_line_release_stays_linear() -> None:
    """Regression (class: quadratic zones): thousands of names and numbers on one line."""
    text = "Media contact: " + " ".join(f"Name{chr(97 + i % 26)} Person{chr(97 + i % 23)} 0412 555 {i % 1000:03d}" for i in range(4000))
    started = time.perf_counter()
    records = find_contacts(text, _found(text), SETTINGS)
    assert records and time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("For more information, please contact:\nNadia Haddad, IOM Amman, +962 6 555 0142", "IOM Amman"),
        ("For more information please contact Aung Min at IOM Yangon, Tel: +95 1 555 0134", "IOM Yangon"),
        ("For more information contact Peter Mwangi, Communications Manager, IOM Kenya, Tel: +254 20 555 0110", "IOM Kenya"),
        ("For more information, please contact:\n\nLiu Wen\n\nIOM Port Moresby\n\nTel: +675 7555 0123\n", "IOM Port Moresby"),
        ("Media inquiries: Jo Elms (AusAID) 02 6206 5960", "AusAID"),
        # A title alone is no organisation.
        ("Media contact: Jo Smith, Senior Adviser, 0412 555 678", None),
        ("For more information contact Henrik Berg, Spokesperson, +41 79 555 6214", None),
    ],
)
def test_contact_organization_after_the_name(text: str, organization: str | None) -> None:
    records = find_contacts(text, _found(text), SETTINGS)
    assert [record.organization for record in records] == [organization]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Mojibake of a hyphen inside the surname: the name is repaired, offsets stay on the text.
        (
            "Canberra.\u00a0Media\u00a0Contact:\u00a0Zoe\u00a0Marsh\u00c3\u00a2\u00c2\u0080\u00c2\u0090Hale\u00a00427\u00a0555\u00a0760",
            "Zoe Marsh-Hale",
        ),
        ("Canberra. Media contact: Ann O’Neil 0427 555 222", "Ann O’Neil"),
        ("For more information contact Ola Nowak\u2010Lis, IOM Warsaw, Tel: +48 22 555 0123", "Ola Nowak-Lis"),
    ],
)
def test_name_spelling_is_repaired(text: str, name: str) -> None:
    records = find_contacts(text, _found(text), SETTINGS)
    assert [record.name for record in records] == [name]
    assert text[records[0].start : records[0].end].startswith(name.split()[0])


@pytest.mark.parametrize(
    "text",
    [
        # Web page furniture between a contact line and the next story is no person.
        "For more information please contact Li Na at IOM Beijing, Tel: +86 10 5555 0123\n\nLanguage English Posted Tel +86 10 5555 0999",
    ],
)
def test_page_furniture_is_not_a_contact(text: str) -> None:
    assert [name for name, _ in _contacts(text)] == ["Li Na"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A media adviser's signature: the name alone over the address line with the numbers.
        (
            "Canberra.\n\nKim Vo  Media Adviser for Senator Ann Lee\n\nSuite 1, Parliament House, Canberra ACT | P: 02 6277 5618\n",
            [("Kim Vo", ("0262775618",))],
        ),
        # A politician's letterhead over the office's numbers is no press contact.
        ("The Hon Ian Reid MP  Assistant Minister for Trade\n\nParliament House Canberra ACT 2600 Telephone (02) 6277 5345\n", []),
        ("Senator Ann Lee  Senator for Tasmania\n\nParliament House Canberra ACT 2600 Telephone (02) 6277 5346\n", []),
        ("Media Release  Ian Ward  Member for Riverina\n\nEmail     ian.ward.mp@example.gov.au\n", []),
        # A sentence above a number is prose, not a signature.
        ("Canberra.\n\nThe minister said the hotline opens today.\n\n1800 555 123\n", []),
    ],
)
def test_signature_under_a_release(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Media contact: Jo Smith,   , 0412 555 678",
        "Media contact: Jo Smith at   ,0412 555 678",
        "For more information contact " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3 + " Jo Smith x Ann Lee 0412 555 678",
    ],
)
def test_odd_spacing_and_long_capitals_do_not_break_or_stall(text: str) -> None:
    """Regression (class: empty office field crashed; a capitals run made the gap pattern backtrack)."""
    started = time.perf_counter()
    records = find_contacts(text, _found(text), SETTINGS)
    assert records and time.perf_counter() - started < 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An office label, then the person: the person is the contact.
        ("Media contact:  Minister Hill’s Office Kira Dunn 0408 555 604", [("Kira Dunn", ("0408555604",))]),
        # European style: first name, surname in capitals.
        (
            "Press contacts:\nLea MARTIN (+32 2 555 13 82)  Piotr NOWAK (+32 2 555 61 85)\n",
            [("Lea Martin", ("3225551382",)), ("Piotr Nowak", ("3225556185",))],
        ),
        # Mojibake capitals before the name are no initials.
        ("Media contacts:\u00c2 \u00c2 \u00c2  Rosa Pratt 0412 555 665\n", [("Rosa Pratt", ("0412555665",))]),
    ],
)
def test_label_then_person_and_capital_surnames(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected


@pytest.mark.parametrize(
    ("places", "name"),
    [
        (["Paris"], "David Paris"),  # a surname that is also a capital
        (["Chad"], "Chad Smith"),  # a first name that is also a country
    ],
)
def test_person_named_like_a_place_is_kept(places: list[str], name: str) -> None:
    text = f"Media contact: {name} - 0408 555 877"
    spans = [(text.index(place), text.index(place) + len(place)) for place in places]
    assert [found for found, _ in _contacts(text, spans)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canberra.\n\nMEDIA CONTACT: DAN MORAN 0427 555 350\n", [("Dan Moran", ("0427555350",))]),
        ("Canberra.\n\nMEDIA CONTACT: MR BOLTON’S OFFICE 02 6277 5500\n", []),
        ("Canberra.\n\nMedia contact: Minister Assisting 02 6277 5501\n", []),
        # A town and its state code on an electorate office's address line is no person.
        ("Electorate Office\n\nPO BOX 96, TAMWORTH  NSW  2340 Phone: 02 6755 0144\n", []),
        ("Electorate Office  368 Main Road  Bentleigh VIC 3204  Tel: (03) 9555 4644\n", []),
    ],
)
def test_capitals_and_address_lines(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _contacts(text) == expected
