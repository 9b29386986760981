"""E-mail addresses are found whole or not at all, and their mentions cover exactly the address.

Each table pins one class of bug: an accented address cut at its first accented letter, a
valid-looking piece cut out of broken input, and a mention that runs past the address into
glued words or markup debris. All cases are invented.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.emails import EmailSettings, find_emails

SETTINGS, _ = settings_from_json(load_json("emails.json"), EmailSettings, "emails.json")
_OBFUSCATION = re.compile(r"\s*[\[\(\{<]\s*(at|dot)\s*[\]\)\}>]\s*|\s+(AT|DOT)\s+", re.IGNORECASE)


def _addresses(text: str) -> list[str]:
    return [hit.address for hit in find_emails(text, SETTINGS)]


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Schreiben Sie an müller@beispiel.de bis Freitag.", ["müller@beispiel.de"]),
        ("Contact: josé.garcia@example.org", ["josé.garcia@example.org"]),
        ("Orders go to info@bücher.example.", ["info@bücher.example"]),
        ("Orders go to info@xn--bcher-kva.example.", ["info@xn--bcher-kva.example"]),
        ("Email: Zoë.Ångström@Universität.example", ["zoë.ångström@universität.example"]),
        ("press: медиа@пример.рф", ["медиа@пример.рф"]),
        ("(ñandú@correo.example)", ["ñandú@correo.example"]),
        ("Write to 用户@例子.广告 today", ["用户@例子.广告"]),
        ("Mailbox: राम@मोहन.ईन्फो", ["राम@मोहन.ईन्फो"]),
        ("a sub-domain: ops@mail.exämple.org, thanks", ["ops@mail.exämple.org"]),
        # A decomposed accent is given composed (NFC): one address however its accents were typed.
        ("decomposed accent: jose\u0301@example.org", ["jos\u00e9@example.org"]),
        # Negatives: a broken international address gives nothing rather than a piece.
        ("bad punycode: info@xn--zz.example", []),
        ("no dot: müller@beispiel", []),
        ("digits for a top-level domain: müller@beispiel.2024", []),
    ],
)
def test_international_address_found_whole(text: str, addresses: list[str]) -> None:
    assert _addresses(text) == addresses


@pytest.mark.parametrize(
    "text",
    [
        ".test@example.org",
        "Write to .test@example.org now",
        "test\\@test@example.org",
        "test@example.org-",
        "See test@example.org- for details",
        "a..b@x.org",
        "trailing.@x.org",
        "jane@iom.int@other.org",
        "jane@iom.int_archive",
        "jane@iom.int\\x",
        "x" * 80 + "@iom.int",
        "jane@" + "a" * 70 + ".org",
        "name@iom.int.2020",
        "name@host.c0m",
        "https://user:secret@example.org/path",
        "broken:leave\x80\x90mediarel@lists.example.org",
        "soft hyphen: jane\u00addoe@x.org",
        "joiner: jane@x.org\u2060uk",
        # A quoted part glued to the run: the address is longer than its tail.
        "write to \"jane\"doe@example.org",
        "“x”jane@example.org",
    ],
)
def test_no_repaired_address_from_broken_input(text: str) -> None:
    assert _addresses(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("pdillon@iom.int“éMedia", ["pdillon@iom.int"]),
        ("ailto:press@iom.int", ["press@iom.int"]),
        ("Email:jexample@iom.int", ["jexample@iom.int"]),
        ("a@x.org;b@x.org", ["a@x.org", "b@x.org"]),
        ('href="mailto:press@un.org">', ["press@un.org"]),
        ("mailto%3Apress@un.org", ["press@un.org"]),
        ("Write to cmueller@iom.int.", ["cmueller@iom.int"]),
        ("(brett.heffernan@aph.gov.au)", ["brett.heffernan@aph.gov.au"]),
        ("<jane@x.org>, 'kim@y.org'", ["jane@x.org", "kim@y.org"]),
        ("E:jane@x.org/kim@y.org", ["jane@x.org"]),  # "x.org/kim" is no local part: kim's is lost, not cut
        ("send to jane@x.org!", ["jane@x.org"]),
        ('Email "jdoe@iom.int" for details', ["jdoe@iom.int"]),  # an opening quote mark is prose
        ("write (jdoe@iom.int or kim@y.org)", ["jdoe@iom.int", "kim@y.org"]),
        ("name [at] iom [dot] int.", ["name [at] iom [dot] int"]),
    ],
)
def test_mention_covers_exactly_the_address(text: str, spans: list[str]) -> None:
    hits = find_emails(text, SETTINGS)
    assert [text[hit.start : hit.end] for hit in hits] == spans
    for hit in hits:
        assert hit.raw == text[hit.start : hit.end]
        _assert_whole(text, hit.start, hit.end, hit.address)


def _assert_whole(text: str, start: int, end: int, address: str) -> None:
    """The address is the mention, de-obfuscated and lower-cased, and nothing address-like touches it."""
    written = _OBFUSCATION.sub(lambda match: "@" if (match.group(1) or match.group(2)).lower() == "at" else ".", text[start:end])
    assert re.sub(r"\s+", "", written).lower() == address
    debris = any(text[:start].lower().endswith(prefix) for prefix in SETTINGS.debris_prefixes)
    assert start == 0 or debris or not (text[start - 1].isalnum() or text[start - 1] in "@.\\_")
    assert end == len(text) or not (text[end].isalnum() or text[end] in "@\\_-")


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Ms Doe (jane.doe@iom.int) said.", ["jane.doe@iom.int"]),
        ("Media contact: Email:jexample@iom.int“éMedia relations", ["jexample@iom.int"]),
        ("Contacts: a@x.org;b@x.org;c@x.org", ["a@x.org", "b@x.org", "c@x.org"]),
        ("Write to müller@beispiel.de or josé.garcia@example.org.", ["müller@beispiel.de", "josé.garcia@example.org"]),
        ('<a href="ailto:press@iom.int">press@iom.int</a>', ["press@iom.int"]),
        ("Bad: .test@example.org and test@example.org- here", []),
    ],
)
def test_release_mentions_are_exact(rules_nlp: Language, text: str, addresses: list[str]) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert sorted(email.address for email in release.emails) == sorted(addresses)
    for email in release.emails:
        assert email.raw == text[email.start : email.end]
        for mention in email.mentions:
            assert mention.text == text[mention.start : mention.end]
            _assert_whole(text, mention.start, mention.end, email.address)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Orders: customer/department=shipping@example.com today", "customer/department=shipping@example.com"),
        ("odd but valid !def!xyz%abc@example.com", "!def!xyz%abc@example.com"),
        ("underscore: _somename@example.com", "_somename@example.com"),
        ("Ms O'Brien: o'brien@example.ie", "o'brien@example.ie"),
        ("plus tag jane+press@iom.int.", "jane+press@iom.int"),
        ("dash: first-last@un-migration.example;", "first-last@un-migration.example"),
        ("digits: 2024press@iom.int", "2024press@iom.int"),
        ("quoted 'jane@x.org' in prose", "jane@x.org"),
    ],
)
def test_whole_local_part_kept(text: str, address: str) -> None:
    assert _addresses(text) == [address]


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("e: senator. bartlett@aph.gov.au", ["senator.bartlett@aph.gov.au"]),
        ("University, j .brett@uni.example.edu", ["j.brett@uni.example.edu"]),
        ("Ms Lee, k .lee@iom.int", ["k.lee@iom.int"]),
        # A stray dot after an ordinary word or a label is not half an address.
        ("Email: .minmig.sen@aph.gov.au", []),
        ("Write to .test@example.org", []),
        ("contact .a@x.org", []),
        ("please email us. info@example.org", ["info@example.org"]),
        ("Send it to. jane@x.org", ["jane@x.org"]),
    ],
)
def test_local_part_split_by_a_stray_space(text: str, addresses: list[str]) -> None:
    assert _addresses(text) == addresses


# --- RFC 5322 syntax next to an address: comments dropped, quoted words unquoted, the address whole ---


@pytest.mark.parametrize(
    ("text", "address", "mention"),
    [
        # A balanced comment before the local part, after the "@" or after the domain is left out.
        ("Press office: (media)amina.diallo@iom.example today", "amina.diallo@iom.example", "amina.diallo@iom.example"),
        ("Tel +41 22 000 0000, (duty officer(nights))press@iom.example", "press@iom.example", "press@iom.example"),
        ("write to kbanda@(Juba office)iom.example", "kbanda@iom.example", "kbanda@(Juba office)iom.example"),
        ("E-mail: rsoto@iom.example(Spanish) or call", "rsoto@iom.example", "rsoto@iom.example"),
        # A comment after a dot inside the local part: what was written, the comment dropped.
        ("Contact: hana.(desk)ito@iom.example today", "hana.ito@iom.example", "hana.(desk)ito@iom.example"),
        # Quoted words of the local part that read as plain text once unquoted.
        ('Mailbox: "mvaldez"@iom.example', "mvaldez@iom.example", '"mvaldez"@iom.example'),
        ('Mailbox: "m".valdez@iom.example', "m.valdez@iom.example", '"m".valdez@iom.example'),
        ('Mailbox: field."team".lead@iom.example', "field.team.lead@iom.example", 'field."team".lead@iom.example'),
        ('Mailbox: "nairobi.press"@iom.example', "nairobi.press@iom.example", '"nairobi.press"@iom.example'),
        ('Mailbox: "o\\kafor"@iom.example', "okafor@iom.example", '"o\\kafor"@iom.example'),
    ],
)
def test_address_next_to_rfc_syntax_is_lifted_whole(text: str, address: str, mention: str) -> None:
    hits = find_emails(text, SETTINGS)
    assert [(hit.address, text[hit.start : hit.end]) for hit in hits] == [(address, mention)]
    assert hits[0].raw == mention


@pytest.mark.parametrize(
    "text",
    [
        # A space inside the local part, quoted or not: no address, never its tail.
        "Mailbox: amina . diallo@iom.example",
        "Mailbox: \"amina diallo\"@iom.example",
        "Mailbox: \"amina\\ diallo\"@iom.example",
        " amina @iom.example",
        # Comments that do not close, or close on an escaped parenthesis.
        "((media)press@iom.example",
        "(media\\)press@iom.example",
        "press@iom.example(media\\)",
        "press@(iom.example",
        # A comment or a quoted word glued to more local-part text.
        "amina(media)diallo@iom.example",
        "amina\"diallo\"@iom.example",
        "\"amina\"\"diallo\"@iom.example",
        "\"amina\"diallo@iom.example",
        # An empty quoted word, or one that keeps its quotes and is not the whole local part.
        "\"\"@iom.example",
        "\"amina..diallo\".x@iom.example",
        # Control characters in a comment.
        "(\x07)press@iom.example",
        "press@iom.example(\r)",
    ],
)
def test_rfc_syntax_that_does_not_close_or_holds_spaces_gives_nothing(text: str) -> None:
    assert _addresses(text) == []
