"""Phones and contacts in styles the gold sets never show (issue 12): hyphenated ranges of final
digits, alternate endings glued by the matcher, "Ext:" with a colon, numbers broken over two
lines, field labels in other languages or as symbols.

All cases are invented. The rule functions run with the packaged settings; the last tests run
the whole pipeline, with and without the statistical model.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.release import to_release
from iom_nlp.rules.contacts import ContactSettings, Found, find_contacts
from iom_nlp.rules.phones import PhoneHit, PhoneSettings, find_phones, infer_regions

SETTINGS, _ = settings_from_json(load_json("phones.json"), PhoneSettings, "phones.json")
CONTACT_SETTINGS, _ = settings_from_json(load_json("contacts.json"), ContactSettings, "contacts.json")


def _hits(text: str, countries: tuple[str, ...] = ()) -> list[PhoneHit]:
    return find_phones(text, infer_regions(text, SETTINGS, country_evidence=countries), SETTINGS)


def _numbers(text: str, countries: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    hits = _hits(text, countries)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.raw
    return [(hit.raw, hit.e164) for hit in hits]


# --- 1. A hyphenated range of final digits is a number and its sibling, as the slash form is ----


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        (
            "Tel: +880 2 5504 4811-13, Email",
            (),
            [("+880 2 5504 4811", "+880255044811"), ("13", "+880255044813")],
        ),
        ("Tel: +880-2-55044811-13.", (), [("+880-2-55044811", "+880255044811"), ("13", "+880255044813")]),
        ("Tel: +41 22 717 9111-9112", (), [("+41 22 717 9111", "+41227179111"), ("9112", "+41227179112")]),
        ("Tel.: +420 257 199 800-1, Fax", (), [("+420 257 199 800", "+420257199800"), ("1", "+420257199801")]),
        ("IOM Geneva, tel. 022 717 9111-12", ("CH",), [("022 717 9111", "+41227179111"), ("12", "+41227179112")]),
        # The longer reading is valid too (Pakistan, Italy): a close sibling is still a range.
        ("Tel: +92 51 230 2701-2", (), [("+92 51 230 2701", "+92512302701"), ("2", "+92512302702")]),
        ("Tel: +39 06 4423 1428-9", (), [("+39 06 4423 1428", "+390644231428"), ("9", "+390644231429")]),
        # A spaced dash joins a close sibling; pairs of digits count in an international number.
        ("Tel: +223 20 22 76 52 – 53, Email", (), [("+223 20 22 76 52", "+22320227652"), ("53", "+22320227653")]),
        ("Tel: +880 2 5504 4811 - 13.", (), [("+880 2 5504 4811", "+880255044811"), ("13", "+880255044813")]),
    ],
)
def test_hyphen_range_gives_the_number_and_its_sibling(text: str, countries: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    assert _numbers(text, countries) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel: +254 20 444 4174/167", ["+254204444174", "+254204444167"]),
        ("Tel: +41 22 717 9111/13", ["+41227179111", "+41227179113"]),
        ("Tel: +41 22 717 9111-13", ["+41227179111", "+41227179113"]),
    ],
)
def test_hyphen_range_reads_as_the_slash_form_does(text: str, expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel: +961 1 752 970/1/2, Email", [("+961 1 752 970", "+9611752970"), ("1", "+9611752971"), ("2", "+9611752972")]),
        ("Tel: +961 1 752 970 / 1 / 2.", [("+961 1 752 970", "+9611752970"), ("1", "+9611752971"), ("2", "+9611752972")]),
        ("Tel: +254 20 444 4174/75/76", [("+254 20 444 4174", "+254204444174"), ("75", "+254204444175"), ("76", "+254204444176")]),
    ],
)
def test_chained_alternate_endings_give_every_sibling(text: str, expected: list[tuple[str, str]]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A slash then words, or a date after a number, is no alternate ending.
        ("Tel: +41 22 717 9111/ Fax: none", ["+41227179111"]),
        ("Tel: +41 22 717 9111, 12/03/2019", ["+41227179111"]),
    ],
)
def test_slash_without_sibling_digits_adds_nothing(text: str, expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text)] == expected


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("Tel: +880-2-5504-4811", (), ["+880255044811"]),
        ("Call 202-647-2492 today", ("US",), ["+12026472492"]),
        ("Mobile 0412-345-678", ("AU",), ["+61412345678"]),
        ("Tél. 022 917-33-44", ("CH",), ["+41229173344"]),
        # A hyphen opens a direct-dial extension in German and Austrian numbers.
        ("Tel: +49 30 2787 7800-5", (), ["+4930278778005"]),
        # Counting down is never a range.
        ("Tel: +41 22 717 9119-12", (), []),
        # After a spaced dash: a date, a count, a far number.
        ("Tel: +41 22 717 9111 - 12 May 2019", (), ["+41227179111"]),
        ("Call +41 22 717 9111 - 10 lines", (), ["+41227179111"]),
        ("Tel: +41 22 717 9111 - 9180", (), ["+41227179111"]),
        # National pairs of digits: no range.
        ("Tél. 022 717 91 11-12", ("CH",), []),
    ],
)
def test_ordinary_hyphenated_numbers_are_not_split(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text, countries)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The programme ran 2019-2020 in 14 districts.",
        "See pages 12-13 of the report.",
        "Security Council Resolution 2401-2402 was adopted.",
        "Interdisciplinary Essays 31.1 (1998) 64-73.",
        "Scores of 1234567-89 were recorded in the census.",
        "Report 4521-22 was tabled in 2019.",
        "Intake by year: 02-03 03-04 04-05 05-06",
        "Sydney. She chaired the Research Grants Committee (1980-1985); Chair, Board (1991-93).",
        "Canberra. Member, Council (1990 - 1991) and President (2001 -  2002)",
        "Sydney. Table 3: Grants 24 2011-12 and 552 1985-86; loans 8. 1990- 91",
        "Melbourne. Between 2000-3000 people attended, up from 1500-2500.",
    ],
)
def test_date_page_and_symbol_ranges_are_not_phones(text: str) -> None:
    assert _hits(text, ("AU", "US", "CH")) == []


# --- 2. An extension labelled "Ext:" (with a colon) keeps its number ---------------------------


@pytest.mark.parametrize(
    ("text", "e164", "extension"),
    [
        ("Tel: +84 24 3850 1810, Ext: 345, Mobile", "+842438501810", "345"),
        ("Tel: +66 2 343 9300, Ext: 1200", "+6623439300", "1200"),
        ("Tel: +66 2 343 9300 ext: 12.", "+6623439300", "12"),
        ("Tel: +254 20 422 1000 Ext. 217", "+254204221000", "217"),
        ("Tel: +1 202 862 1826 x 215", "+12028621826", "215"),
    ],
)
def test_extension_label_with_a_colon_keeps_the_number(text: str, e164: str, extension: str) -> None:
    assert [(hit.e164, hit.extension) for hit in _hits(text)] == [(e164, extension)]


# --- 3. A number broken over two lines is one number ------------------------------------------


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("Media contact: Jo Doe 0419 278 \n715\n\nNext paragraph.", ("AU",), "+61419278715"),
        ("Fax: (02) 6273\n4144\n", ("AU",), "+61262734144"),
        ("Tel: +94 11 532\n5300\nEmail: x@iom.int", (), "+94115325300"),
    ],
)
def test_number_broken_over_two_lines_is_joined(text: str, countries: tuple[str, ...], expected: str) -> None:
    hits = _hits(text, countries)
    assert [hit.e164 for hit in hits] == [expected]
    assert text[hits[0].start : hits[0].end] == hits[0].raw


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # A page number under a complete number stays apart.
        ("Contact Jo Doe on (02) 6277 7860\n12\n", ("AU",), ["+61262777860"]),
        # A figure broken by a line is no phone.
        ("In 2019 a total of 1234567\n89\npeople moved.", ("IE",), []),
        ("Arrivals: 2019 2020\n2021\n", ("AU",), []),
    ],
)
def test_line_break_after_a_complete_number_or_a_figure_is_kept(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text, countries)] == expected


# --- 4. Labels in other languages and as symbols give the kind --------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cel.: +502 5555 1234", "mobile"),
        ("Celular: +57 310 555 1234", "mobile"),
        ("Móvil: +34 612 345 678", "mobile"),
        ("Portable : +221 77 555 12 34", "mobile"),
        ("📱 +251 91 150 1234", "mobile"),
        ("WhatsApp: +962 79 555 1234", "mobile"),
        ("☎ +251 11 661 1022", "phone"),
        ("Teléfono: +502 2414 7400", "phone"),
        ("Télécopie : +221 33 869 62 01", "fax"),
    ],
)
def test_phone_kind_from_labels_in_other_languages(text: str, kind: str) -> None:
    assert [hit.kind for hit in _hits(text)] == [kind]


# --- 5. Contacts: every item listed after a foreign or symbol label stays with its person -------


def _found(text: str, emails: tuple[str, ...]) -> list[Found]:
    found = [Found(hit.start, hit.end, hit.e164, "phone") for hit in _hits(text)]
    for email in emails:
        start = text.index(email)
        found.append(Found(start, start + len(email), email, "email"))
    return sorted(found, key=lambda item: item.start)


@pytest.mark.parametrize(
    ("text", "emails", "expected"),
    [
        (
            "Para más información, contacte a Jorge Ramírez, OIM Guatemala, Tel.: +502 2414 7400, Cel.: +502 5555 1234,"
            " Correo: jramirez@iom.int",
            ("jramirez@iom.int",),
            [("Jorge Ramírez", ("+50224147400", "+50255551234"), ("jramirez@iom.int",))],
        ),
        (
            "Merci de contacter Awa Ndiaye à l'OIM Dakar, Tél. : +221 33 869 62 00, Portable : +221 77 555 12 34,"
            " Courriel : andiaye@iom.int",
            ("andiaye@iom.int",),
            [("Awa Ndiaye", ("+221338696200", "+221775551234"), ("andiaye@iom.int",))],
        ),
        (
            "Sara Bekele, IOM Ethiopia ☎ +251 11 661 1022 📱 +251 91 150 1234 ✉ sbekele@iom.int",
            ("sbekele@iom.int",),
            [("Sara Bekele", ("+251116611022", "+251911501234"), ("sbekele@iom.int",))],
        ),
        (
            "Ayesha Malik, IOM Islamabad, Tel: +92 51 230 2701-2, amalik@iom.int",
            ("amalik@iom.int",),
            [("Ayesha Malik", ("+92512302701", "+92512302702"), ("amalik@iom.int",))],
        ),
        # An office's label is no field label: its number is not the person's.
        (
            "Minister's office: Jane Roe 02 6277 7500 or 0400 111 222  Departmental : (02) 6261 1555",
            (),
            [("Jane Roe", ("+61262777500", "+61400111222"), ())],
        ),
        # A second person's name is never a label: the items split between the two.
        (
            "Jo Doe +41 22 717 9205, Jane Roe: +41 22 717 9206",
            (),
            [("Jo Doe", ("+41227179205",), ()), ("Jane Roe", ("+41227179206",), ())],
        ),
    ],
)
def test_items_after_foreign_or_symbol_labels_stay_with_their_person(
    text: str, emails: tuple[str, ...], expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
) -> None:
    records = find_contacts(text, _found(text, emails), CONTACT_SETTINGS)
    assert [(record.name, record.phones, record.emails) for record in records] == expected


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("For more information contact Sara Bekele, IOM Ethiopia ☎ +251 11 661 1022", "IOM Ethiopia"),
        ("For more information contact Sara Bekele, IOM Ethiopia, Tel: +251 11 661 1022", "IOM Ethiopia"),
        ("For more information contact Amina Yusuf at IOM Kenya on +254 722 555 123", "IOM Kenya"),
        ("For more information contact Amina Yusuf at IOM Kenya via +254 722 555 123", "IOM Kenya"),
    ],
)
def test_label_symbol_is_not_part_of_the_office(text: str, organization: str) -> None:
    records = find_contacts(text, _found(text, ()), CONTACT_SETTINGS)
    assert [record.organization for record in records] == [organization]


# --- 6. Whole pipeline, both modes -------------------------------------------------------------

BLOCK = (
    "For more information, please contact:\n"
    "In Dhaka: Rina Das, IOM Bangladesh, Tel: +880 2 5504 4811-13, Email: rdas@iom.int\n"
    "In Hanoi: Nguyen Thi Lan, Tel: +84 24 3850 1810, Ext: 345, Mobile: +84 912 345 678, Email: ntlan@iom.int\n"
    "In Beirut: Lina Haddad, Tel: +961 1 752 970/1/2, Email: lhaddad@iom.int\n"
)


@pytest.fixture(scope="module", params=["full", "rules"])
def nlp(request: pytest.FixtureRequest) -> Language:
    return iom_nlp.load() if request.param == "full" else iom_nlp.load(base=None)


def test_unseen_block_styles_in_both_modes(nlp: Language) -> None:
    release = to_release(nlp(BLOCK))
    beirut = ["+9611752970", "+9611752971", "+9611752972"]
    assert [phone.e164 for phone in release.phones] == ["+880255044811", "+880255044813", "+842438501810", "+84912345678", *beirut]
    assert [(contact.name, contact.phones) for contact in release.contacts] == [
        ("Rina Das", ("+880255044811", "+880255044813")),
        ("Nguyen Thi Lan", ("+842438501810", "+84912345678")),
        ("Lina Haddad", tuple(beirut)),
    ]
    # Each number keeps its own offsets, even where two share one token ("970/1/2").
    for phone in release.phones:
        assert BLOCK[phone.start : phone.end] == phone.raw
        assert [mention.text for mention in phone.mentions] == [phone.raw]
    assert [phone.raw for phone in release.phones][-2:] == ["1", "2"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Media Contact:\u00a0 Jo Robinson\u00c2\u00a0 0419 278 \n715\n\nNext.", "Jo Robinson"),
        ("Media Contact: Jo Robinson\u00c2\u00a00419 278 715", "Jo Robinson"),
        ("Media Contact: Jo Robinson 0419 278 715", "Jo Robinson"),
    ],
)
def test_mojibake_of_a_no_break_space_is_not_part_of_the_name(text: str, name: str) -> None:
    records = find_contacts(text, _found(text, ()), CONTACT_SETTINGS)
    assert [record.name for record in records] == [name]


# --- 7. Several people named together share the items listed after them ----------------------


@pytest.mark.parametrize(
    ("text", "emails", "expected"),
    [
        (
            "For more information, please contact Ana Silva and Tom Berg at IOM Lisbon, Tel: +351 21 324 2940 and"
            " +351 21 324 2941, Email: asilva@iom.int, tberg@iom.int",
            ("asilva@iom.int", "tberg@iom.int"),
            [
                ("Ana Silva", ("+351213242940",), ("asilva@iom.int",)),
                ("Tom Berg", ("+351213242941",), ("tberg@iom.int",)),
            ],
        ),
        # One phone, a shared mailbox: only the e-mail naming a person tells the items apart.
        (
            "Media contact: Ana Silva and Tom Berg, Tel: +351 21 324 2940, Email: tberg@iom.int",
            ("tberg@iom.int",),
            [("Tom Berg", ("+351213242940",), ("tberg@iom.int",))],
        ),
        (
            "Media contact: Ana Silva & Tom Berg, Email: asilva@iom.int, media@iom.int",
            ("asilva@iom.int", "media@iom.int"),
            [("Ana Silva", (), ("asilva@iom.int",)), ("Tom Berg", (), ("media@iom.int",))],
        ),
        # An office's name is no list of people.
        (
            "Contact the Human Rights and Equal Opportunity Commission on (02) 9284 9600.",
            (),
            [],
        ),
    ],
)
def test_people_named_together_share_their_items(
    text: str, emails: tuple[str, ...], expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
) -> None:
    records = find_contacts(text, _found(text, emails), CONTACT_SETTINGS)
    assert [(record.name, record.phones, record.emails) for record in records] == expected


# --- 8. A word in brackets after a number labels it; it is no office ---------------------------


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Contact: Lisa George, Tel: +977 1 442 6250 (Office) / +977 98510 12345 (Mobile)", ("+97714426250", "+9779851012345")),
        ("Contact: Lisa George, +977 1 442 6250 (Office), +977 98510 12345 (Mobile)", ("+97714426250", "+9779851012345")),
        # An office named after the first number still ends the person's items.
        ("Contact: Lisa George +977 1 442 6250, Ministry of Home Affairs +977 1 421 1200", ("+97714426250",)),
    ],
)
def test_bracketed_label_after_a_number_is_no_office(text: str, phones: tuple[str, ...]) -> None:
    records = find_contacts(text, _found(text, ()), CONTACT_SETTINGS)
    assert [(record.name, record.phones) for record in records] == [("Lisa George", phones)]


# --- 9. Part of a number is no number ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # The area code in brackets left out, the rest reads as a Peruvian mobile: no phone at all.
        ("Contact Ana Lima, Tel: (95) 98765-4321, Email: alima@example.org", ("PE",), []),
        ("Contact Ana Lima, Tel: (95) 98765-4321", ("BR",), ["+5595987654321"]),
        ("Tel. (507) 305-3350", ("PA",), ["+5073053350"]),
        ("Ph (03) 9416 1721", ("AU",), ["+61394161721"]),
        # Split over a line, the code is still the number's own.
        ("Canberra. Call Jo Doe on (02) \n6277 7460\n\nEnds", ("AU",), ["+61262777460"]),
    ],
)
def test_number_missing_its_bracketed_area_code_is_not_read(text: str, countries: tuple[str, ...], expected: list[str]) -> None:
    assert [hit.e164 for hit in _hits(text, countries)] == expected
