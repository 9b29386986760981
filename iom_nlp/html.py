"""HTML to text for extraction: main content only, paragraphs kept, entities decoded, nothing lost silently.

lxml is used because it is fast, well kept, parses broken markup the way browsers do, and
gives full control over which elements become paragraph breaks (trafilatura's heuristics are
built for whole web pages and drop short releases' contact lines). Scripts, styles, navigation
and markup never reach the extractors. When the page has an ``<article>`` (the one holding the
``<h1>``) or a ``<main>``, only that is read.

What a browser would show must reach the text: an XML declaration or a ``<!DOCTYPE [...]>``
internal subset is removed before parsing (lxml refuses the first and leaks ``]>`` from the
second), the parser runs with ``huge_tree`` (no 10 MB text-node or depth-256 cut), a page
nested deeper than even that is read by the standard library's streaming parser, table cells
and block elements are separated, and bytes are decoded with the page's declared charset.
Whenever text had to be dropped or replaced, :func:`read_html` says so in ``warnings``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lxml import etree
from lxml import html as lxml_html

DROPPED = ("script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "footer", "button", "select", "textarea")
# A form is dropped only when it holds no content: ASP.NET pages wrap the whole page in one form.
_CONTENT_TAGS = ("p", "article", "main", "h1", "h2", "table", "blockquote")
BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
     "table", "tr", "blockquote", "pre", "address", "figure", "figcaption", "dl", "dt", "dd", "hr", "body", "caption",
     "center", "details", "summary", "fieldset", "legend", "dialog", "menu", "thead", "tbody", "tfoot", "html"}
)
# Elements that start a new line but not a paragraph: a table cell, a line break.
LINE_BREAKS = frozenset({"td", "th", "br"})
# Tags whose content the streaming fallback skips (it cannot rely on a tree to drop whole elements).
_STREAM_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "select"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]{0,500}>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]{1,40})", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]{1,40})", re.IGNORECASE)
# As browsers do (WHATWG Encoding): these labels mean windows-1252, a UTF-16 label in a meta tag means UTF-8.
_BROWSER_LABELS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso_8859-1": "cp1252", "utf-16": "utf-8", "utf-16le": "utf-8",
                   "utf-16be": "utf-8", "x-user-defined": "cp1252"}
_BAR_TAGS = frozenset({"div", "ul", "ol", "p", "section", "header", "span", "menu", "table", "tr", "td", "li"})
_SEPARATOR_CHARS = frozenset(" \t\r\n\f\v\u00a0|·•/\\-–—»«>:,;.*_~()[]")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||::|»|–|—|-)\s+")
PRESCAN_BYTES = 4096


@dataclass(frozen=True)
class HtmlPage:
    """A page's readable text, its headline when the markup names one, and what had to be dropped."""

    text: str
    title: str | None = None
    warnings: tuple[str, ...] = field(default=())


def html_to_text(markup: str | bytes) -> str:
    """The readable text of ``markup``, one paragraph per block element."""
    return read_html(markup).text


def read_html(markup: str | bytes, *, encoding: str | None = None) -> HtmlPage:
    """Text, title and warnings of a page given as ``str`` or as the file's bytes.

    Bytes are decoded as a browser would: BOM, then ``encoding`` (e.g. an HTTP header), then the
    page's ``<meta charset>`` / XML declaration (unless it contradicts bytes that are valid UTF-8,
    which are read as UTF-8 with a warning), else UTF-8 when valid, else windows-1252.
    """
    warnings: list[str] = []
    if isinstance(markup, (bytes, bytearray)):
        markup, decode_warnings = decode_html(bytes(markup), encoding)
        warnings += decode_warnings
    if not isinstance(markup, str):
        raise TypeError(f"read_html() takes the page as str or bytes, got {type(markup).__name__}.")
    markup = _strip_prolog(markup.replace("\x00", ""))
    if not markup.strip():
        return HtmlPage("", None, tuple(warnings))
    root, fatal = _parse(markup)
    if root is None or fatal:
        if fatal:
            warnings.append(f"HTML parser stopped early ({fatal[0]}): page read with the streaming parser instead, "
                            "so no text is lost but navigation and boilerplate may be included")
        return HtmlPage(_stream_text(markup), None, tuple(warnings))
    title = page_title(root)
    _drop_boilerplate(root)
    return HtmlPage(_normalise("".join(_collect(_main_content(root)))), title, tuple(warnings))


def _parse(markup: str) -> tuple[etree._Element | None, list[str]]:
    """lxml's tree without its size and depth limits, and the fatal errors that cut it short."""
    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    return root, [str(error.message).strip() for error in parser.error_log if error.level_name == "FATAL"]


def _drop_boilerplate(root: etree._Element) -> None:
    """Scripts, styles, navigation, form controls, empty forms and link bars: never text."""
    for element in list(root.iter(*DROPPED)):
        element.drop_tree()
    for form in [form for form in root.iter("form") if next(form.iter(*_CONTENT_TAGS), None) is None]:
        form.drop_tree()
    for bar in _link_bars(root):
        bar.drop_tree()


def decode_html(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """The page's characters, with a warning when bytes were not valid in its encoding."""
    for bom, bom_codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode(data[len(bom):], bom_codec, "byte order mark")
    given = _codec(encoding, from_meta=False) if encoding else None
    if given:
        return _decode(data, given, "given encoding")
    head = data[:PRESCAN_BYTES]
    declared = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared:
        label = declared.group(1).decode("ascii")
        codec = _codec(label, from_meta=True)
        if codec and codec != "utf-8" and _is_non_ascii_utf8(data):
            # Valid UTF-8 with non-ASCII sequences is almost never text in another encoding: a page
            # saved as UTF-8 under a stale <meta> (windows-1252) would otherwise turn into mojibake.
            return data.decode("utf-8"), [
                f"the page declares charset {label} but its bytes are valid UTF-8: read as UTF-8"
            ]
        if codec:
            return _decode(data, codec, f"declared charset {label}")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), []


def _is_non_ascii_utf8(data: bytes) -> bool:
    """Whether ``data`` holds non-ASCII bytes and decodes as UTF-8 without error."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _codec(label: str, *, from_meta: bool) -> str | None:
    label = label.strip().lower()
    if label in _BROWSER_LABELS and (from_meta or not label.startswith("utf-16")):
        label = _BROWSER_LABELS[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode(data: bytes, codec: str, source: str) -> tuple[str, list[str]]:
    try:
        return data.decode(codec), []
    except UnicodeDecodeError as error:
        text = data.decode(codec, errors="replace")
        return text, [f"bytes not valid in the page's encoding ({codec}, {source}) from byte {error.start} were replaced by U+FFFD"]


def _strip_prolog(markup: str) -> str:
    """Remove a leading BOM, XML declaration and a DOCTYPE with an internal subset (``<!DOCTYPE x [...]>``)."""
    markup = markup.lstrip("\ufeff")
    markup = _XML_DECLARATION.sub("", markup, count=1)
    start = markup[:PRESCAN_BYTES].lower().find("<!doctype")  # after comments or a stylesheet PI too
    if start < 0:
        return markup
    close = markup.find(">", start)
    bracket = markup.find("[", start, close if close >= 0 else len(markup))
    if bracket >= 0:
        end_subset = markup.find("]", bracket)
        close = markup.find(">", end_subset) if end_subset >= 0 else -1
    return markup[:start] + (markup[close + 1 :] if close >= 0 else markup[start + 9 :])


def _main_content(root: etree._Element) -> etree._Element:
    """The article holding the page's ``<h1>``, else ``<main>``, else the first article, else the page."""
    articles = root.findall(".//article")
    for article in articles:
        if article.find(".//h1") is not None:
            return article
    for path in (".//main", ".//*[@role='main']"):
        found = root.find(path)
        if found is not None:
            return found
    return articles[0] if articles else root


def _collect(element: etree._Element) -> list[str]:
    """The text of ``element`` with paragraph and line breaks, walked without recursion (any depth)."""
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in BLOCKS:
                pieces.append("\n\n")
            elif tag in LINE_BREAKS:
                pieces.append("\n")
            if node.text and tag:
                pieces.append(node.text)
            continue
        if tag in BLOCKS:
            pieces.append("\n\n")
        if node.tail and node is not element:
            pieces.append(node.tail)
    return pieces


def _link_bars(root: etree._Element) -> list[etree._Element]:
    """Blocks made only of short links and separators ("Home | News | Contact"): navigation, not text.

    Counted bottom-up in one walk (linear in the page); only the outermost bar is returned: the
    bars found inside an element are exactly those added since its start, so they are cut off
    by position. Links to e-mail addresses or phones are never navigation.
    """
    bars: list[etree._Element] = []
    stack: list[list[int]] = []  # per open element: links, link characters, other characters, contact, bars before it
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            stack.append([0, 0, 0, 0, len(bars)])
            continue
        links, link_chars, other, contact, bars_before = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        own = _meaningful(node.text)
        if tag == "a":
            href = (node.get("href") or "").lower()
            contact |= int(href.startswith(("mailto:", "tel:")) or "@" in (node.text or ""))
            links, link_chars, other = links + 1, link_chars + other + own, 0
        else:
            other += own
        navigation_like = tag in _BAR_TAGS and links >= 2 and not contact and other == 0
        if navigation_like and link_chars <= 30 * links:
            del bars[bars_before:]
            bars.append(node)
        if stack:
            parent = stack[-1]
            parent[0] += links
            parent[1] += link_chars
            parent[2] += other + _meaningful(node.tail)
            parent[3] |= contact
    return bars


def _meaningful(text: str | None) -> int:
    return sum(1 for char in text if char not in _SEPARATOR_CHARS) if text else 0


def page_title(root: etree._Element) -> str | None:
    """The headline: the main content's ``<h1>``, og:title, any other ``<h1>``, ``<title>``, the content's first heading.

    A navigation bar that happens to come first on the page is never the headline.
    """
    main = _main_content(root)
    candidates: list[str | None] = [_first_text(main, ".//h1") if main is not root else None]
    for attribute, value in (("property", "og:title"), ("name", "twitter:title")):
        meta = root.find(f".//meta[@{attribute}='{value}']")
        candidates.append(meta.get("content") if meta is not None else None)
    for heading in root.iterfind(".//h1"):
        ancestors = {ancestor.tag for ancestor in heading.iterancestors()}
        site_header = "header" in ancestors and not ancestors & {"article", "main"}
        if not site_header and not ancestors & {"nav", "footer", "a"}:
            candidates.append(_clean(heading.text_content()))
            break
    title = root.find(".//title")
    whole = _clean(title.text) if title is not None else None
    if whole and not _looks_like_link_bar(whole):  # the page's name, minus the site's (" | Agency")
        segments = [segment for segment in _TITLE_SEPARATORS.split(whole) if segment]
        candidates.append(max(segments, key=len) if segments else None)
    candidates.append(_leading_heading(main))
    for candidate in candidates:
        cleaned = _clean(candidate)
        if cleaned and len(cleaned) <= 400 and not _looks_like_link_bar(cleaned):
            return cleaned
    return None


def _leading_heading(main: etree._Element) -> str | None:
    """An ``<h2>``/``<h3>`` that opens the main content; a heading after the first paragraph is a section's."""
    for element in main.iter("h2", "h3", "p", "li", "td", "blockquote"):
        if element.tag in {"h2", "h3"}:
            return _clean(element.text_content())
        if _clean(element.text_content()):
            return None
    return None


def _first_text(element: etree._Element, path: str) -> str | None:
    found = element.find(path)
    return _clean(found.text_content()) if found is not None else None


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def _looks_like_link_bar(text: str) -> bool:
    """ "Home | News | Contact": three or more short items joined by bars or bullets."""
    items = re.split(r"\s*[|•·]\s*", text)
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


class _StreamText(HTMLParser):
    """Text from a flat stream of tags: no tree, so no depth or size limit (the fallback)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STREAM_SKIPPED:
            self.skipping.append(tag)
        elif tag in BLOCKS:
            self.pieces.append("\n\n")
        elif tag in LINE_BREAKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in BLOCKS:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.pieces.append(data)


def _stream_text(markup: str) -> str:
    parser = _StreamText()
    parser.feed(markup)
    parser.close()
    return _normalise("".join(parser.pieces))


def _normalise(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", joined).strip()
