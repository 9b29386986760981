"""HTML to text for extraction: main content only, paragraphs kept, entities decoded.

lxml is used because it is fast, well kept, parses broken markup the way browsers do, and
gives full control over which elements become paragraph breaks (trafilatura's heuristics are
built for whole web pages and drop short releases' contact lines). Scripts, styles, navigation
and markup never reach the extractors. When the page has an ``<article>`` or ``<main>``, only
that is read.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

DROPPED = ("script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "footer", "form", "button", "select")
BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
     "table", "tr", "blockquote", "pre", "address", "figure", "figcaption", "dl", "dt", "dd", "hr", "body"}
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def html_to_text(markup: str) -> str:
    """The readable text of ``markup``, one paragraph per block element."""
    if not markup or not markup.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter(*DROPPED):
        element.drop_tree()
    for comment in root.iter(etree.Comment):
        comment.drop_tree()
    main = root.find(".//article")
    if main is None:
        main = root.find(".//main")
    pieces: list[str] = []
    _collect(main if main is not None else root, pieces)
    return _normalise("".join(pieces))


def _collect(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in BLOCKS
    if block:
        pieces.append("\n\n")
    if tag == "br":
        pieces.append("\n")
    if element.text and tag not in DROPPED:
        pieces.append(element.text)
    for child in element:
        _collect(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n\n")


def _normalise(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", joined).strip()
