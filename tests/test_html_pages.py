"""HTML in, all text out: prologs, depth, size, cells, charsets, and the page's real headline as title."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.html import decode_html, read_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
BODY = "<p>Delegations from Kenya met.</p><p>Contact jexample@iom.int</p>"


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n',
        '\ufeff<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">',
        '<!DOCTYPE html [ <!ENTITY nbsp "&#160;"> <!ATTLIST p id ID #IMPLIED> ]>',
        '<?xml version="1.0"?><!DOCTYPE html [\n<!ENTITY x "y">\n]>\n',
        "<!doctype html>",
        '<!-- saved page --><!DOCTYPE html [ <!ENTITY copy "&#169;"> ]>',
        '<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!DOCTYPE x [<!ELEMENT p ANY>]>',
        "",
    ],
)
def test_prolog_never_hides_or_leaks_text(prolog: str) -> None:
    for page in (f'{prolog}<html xmlns="http://www.w3.org/1999/xhtml"><body>{BODY}</body></html>',):
        for markup in (page, page.encode("utf-8")):
            text = iom_nlp.html_to_text(markup)
            assert text == "Delegations from Kenya met.\n\nContact jexample@iom.int"
            assert "]>" not in text and "<" not in text


@pytest.mark.parametrize(("tag", "depth"), [("font", 300), ("div", 1000), ("font", 3000), ("span", 6000)])
def test_deep_nesting_keeps_the_rest_of_the_page(tag: str, depth: int) -> None:
    markup = f"<html><body>{f'<{tag}>' * depth}<p>Deep in Kenya.</p><p>Contact jexample@iom.int</p></body></html>"
    page = read_html(markup)
    assert "Deep in Kenya." in page.text and page.text.endswith("Contact jexample@iom.int")


def test_a_node_over_ten_megabytes_does_not_cut_the_page() -> None:
    markup = "<html><body><p>Start.</p><p>" + "word " * 2_200_000 + "</p><p>After the big node: Chile.</p></body></html>"
    page = read_html(markup)
    assert page.text.endswith("After the big node: Chile.") and not page.warnings


@pytest.mark.parametrize(
    ("markup", "lines"),
    [
        ("<table><tr><td>Jane Example</td><td>jexample@iom.int</td></tr></table>", ["Jane Example", "jexample@iom.int"]),
        ("<table><tr><th>Name</th><th>Email</th></tr><tr><td>A B</td><td>ab@x.org</td></tr></table>",
         ["Name", "Email", "", "A B", "ab@x.org"]),
        ("<div>Kenya</div><div>Chile</div>", ["Kenya", "", "Chile"]),
        ("<ul><li>Kenya</li><li>Chile</li></ul>", ["Kenya", "", "Chile"]),
        ("<p>Jane Example<br>Tel: +41 22 717 9111<br/>jexample@iom.int</p>", ["Jane Example", "Tel: +41 22 717 9111", "jexample@iom.int"]),
        ("<dl><dt>Email</dt><dd>jexample@iom.int</dd></dl>", ["Email", "", "jexample@iom.int"]),
        ("<p>IOM <b>in</b> <a href='/k'>Kenya</a> met.</p>", ["IOM in Kenya met."]),
    ],
)
def test_block_and_cell_boundaries_separate_words(markup: str, lines: list[str]) -> None:
    assert iom_nlp.html_to_text(markup).split("\n") == lines


def test_table_cells_do_not_glue_addresses(rules_nlp: Language) -> None:
    release = iom_nlp.extract_html(
        "<p>For more information please contact:</p>"
        "<table><tr><td>Jane Example</td><td>jexample@iom.int</td><td>+41 22 717 9111</td></tr></table>",
        nlp=rules_nlp,
    )
    assert [email.address for email in release.emails] == ["jexample@iom.int"]


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ('<meta charset="iso-8859-1">', "latin-1"),
        ("<meta charset=ISO-8859-1>", "latin-1"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        ('<meta charset="utf-8">', "utf-8"),
        ('<meta charset="iso-8859-15">', "iso-8859-15"),
        ("", "utf-8"),  # no declaration: valid UTF-8 is UTF-8
        ("", "cp1252"),  # no declaration, not UTF-8: windows-1252 as browsers do
    ],
)
def test_declared_charset_is_honoured_for_bytes(head: str, encoding: str) -> None:
    page = f"<html><head>{head}</head><body><p>São Tomé and Príncipe, Côte d’Ivoire</p></body></html>"
    data = page.replace("’", "'").encode(encoding) if encoding in {"latin-1", "iso-8859-15"} else page.encode(encoding)
    result = read_html(data)
    assert "São Tomé and Príncipe, Côte d" in result.text and "\ufffd" not in result.text
    assert not result.warnings


def test_xml_declared_encoding_is_honoured() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>São Tomé</p></body></html>'.encode("latin-1")
    assert read_html(data).text == "São Tomé"


def test_extract_html_takes_bytes(rules_nlp: Language) -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Migrants in São Tomé and Príncipe.</p></body></html>'
    release = iom_nlp.extract_html(data.encode("latin-1"), nlp=rules_nlp)
    assert release.text == "Migrants in São Tomé and Príncipe."
    assert [country.code for country in release.countries] == ["ST"]


@pytest.mark.parametrize(
    "data",
    [
        b'<meta charset="utf-8"><p>Caf\xe9 in Kenya</p>',
        b"\xef\xbb\xbf<p>Caf\xe9 in Kenya</p>",
    ],
)
def test_replaced_bytes_are_reported_in_warnings(rules_nlp: Language, data: bytes) -> None:
    release = iom_nlp.extract_html(data, nlp=rules_nlp)
    assert release.text == "Caf\ufffd in Kenya"
    assert len(release.warnings) == 1 and "replaced" in release.warnings[0]


def test_a_page_too_deep_for_the_tree_parser_says_so() -> None:
    page = read_html("<body>" + "<div>" * 3000 + "<p>Kenya</p>")
    assert page.text == "Kenya"
    assert page.warnings and "streaming parser" in page.warnings[0]


@pytest.mark.parametrize(
    "markup", ["", "   ", "<", "<<<>>>", "<p>", "\x00<p>a</p>", "<html><body></body></html>", "<!DOCTYPE [", b"\xff\xfe"]
)
def test_broken_markup_never_raises(markup: str | bytes) -> None:
    assert isinstance(read_html(markup).text, str)


def test_decode_html_prefers_bom_and_given_encoding() -> None:
    assert decode_html(b"\xef\xbb\xbf<p>\xc3\xa9</p>") == ("<p>é</p>", [])
    assert decode_html(b'<meta charset="utf-8"><p>\xe9</p>', "latin-1")[0].endswith("<p>é</p>")


# ---- the headline, never a navigation bar


@pytest.mark.parametrize(
    ("fixture", "title", "first_line", "body"),
    [
        ("wordpress.html", "Cross-Border Health Desks Open in Three Towns", "Cross-Border Health Desks Open in Three Towns",
         "border between Zambia and Malawi"),
        ("drupal.html", "Mobile Registration Teams Reach Remote Islands", None, "eleven islands of Fiji and Tonga"),
        ("news.html", "Boat arrivals rise as sea calms", None, "reached Italy by boat from Libya and Tunisia"),
    ],
)
def test_cms_layouts_give_the_headline_as_title(rules_nlp: Language, fixture: str, title: str, first_line: str | None, body: str) -> None:
    data = (FIXTURES / fixture).read_bytes()
    release = iom_nlp.extract_html(data, nlp=rules_nlp)
    assert release.title == title
    assert release.text is not None and body in release.text
    assert "Home" not in release.text.split("\n")[0] and "News |" not in release.text and "Home »" not in release.text
    if first_line:
        assert release.text.split("\n")[0] == first_line
    assert not release.warnings and release.error is None
    assert release.emails or fixture == "news.html"


@pytest.mark.parametrize(
    ("markup", "title"),
    [
        ('<div><a href="/">Home</a> | <a href="/n">News</a> | <a href="/c">Contact</a></div><h1>Real Headline</h1><p>Text.</p>',
         "Real Headline"),
        ('<head><meta property="og:title" content="From Open Graph"></head><body><div><a href="/">Home</a> | '
         '<a href="/c">Contact</a></div><p>Text.</p></body>', "From Open Graph"),
        ("<head><title>From the Title Element | Agency</title></head><body><ul><li><a href='/'>Home</a></li>"
         "<li><a href='/n'>News</a></li></ul><p>Text.</p></body>", "From the Title Element"),
        ("<header><h1><a href='/'>Site Name</a></h1></header><article><h2>Story Heading</h2><p>Text.</p></article>",
         "Story Heading"),
        ("<head><title>Home | News | Contact</title></head><body><p>Only text.</p></body>", None),
    ],
)
def test_title_prefers_headline_over_navigation(markup: str, title: str | None) -> None:
    assert read_html(markup).title == title


@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        ("<p><a href='/iom'>IOM</a> and <a href='/unhcr'>UNHCR</a> met in Kenya.</p>", "IOM and UNHCR met in Kenya."),
        ("<p><a href='mailto:a@x.org'>a@x.org</a> | <a href='mailto:b@x.org'>b@x.org</a></p>", "a@x.org | b@x.org"),
        ("<p>Partners: <a href='/1'>UNHCR</a>, <a href='/2'>WFP</a></p>", "Partners: UNHCR, WFP"),
        ("<p>See <a href='/r'>the report</a>.</p>", "See the report."),
    ],
)
def test_links_in_prose_are_not_navigation(markup: str, kept: str) -> None:
    assert iom_nlp.html_to_text(markup) == kept


@pytest.mark.parametrize(
    ("markup", "kept", "gone"),
    [
        ('<body><form id="aspnetForm" action="/x"><div><h1>Release</h1><p>Staff in Kenya met.</p></div></form></body>',
         "Staff in Kenya met.", None),
        ('<body><p>Staff in Kenya met.</p><form action="/s"><label>Search</label><input name="q"><button>Go</button></form></body>',
         "Staff in Kenya met.", "Search"),
    ],
)
def test_a_form_wrapping_the_page_keeps_its_text(markup: str, kept: str, gone: str | None) -> None:
    text = iom_nlp.html_to_text(markup)
    assert kept in text
    if gone:
        assert gone not in text


@pytest.mark.parametrize(
    ("markup", "title"),
    [
        ("<p>Jane Roe, Spokesperson</p><p>Text.</p><h2>Background</h2><p>More.</p>", None),  # a section heading
        ("<article><h2>Opening Heading</h2><p>Text.</p><h2>Later</h2></article>", "Opening Heading"),
        ("<div><h3>Only Heading</h3><p>Text.</p></div>", "Only Heading"),
    ],
)
def test_a_section_heading_is_not_the_title(markup: str, title: str | None) -> None:
    assert read_html(markup).title == title
