"""A declared charset that contradicts bytes which are valid UTF-8: read as UTF-8, with a warning."""

from __future__ import annotations

import pytest

from iom_nlp.html import decode_html, read_html

BODY = "<p>“No one is left behind,” said the Director in São Tomé.</p>"


@pytest.mark.parametrize(
    ("declaration", "data_encoding", "expected", "warned"),
    [
        ('<meta charset="windows-1252">', "utf-8", BODY, True),  # saved as UTF-8 under a stale <meta>
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "utf-8", BODY, True),
        ('<?xml version="1.0" encoding="windows-1252"?>', "utf-8", BODY, True),
        ('<meta charset="windows-1252">', "cp1252", BODY, False),  # really windows-1252: honoured
        ('<meta charset="utf-8">', "utf-8", BODY, False),
        ('<meta charset="windows-1252">', "ascii-only", "<p>Kenya</p>", False),  # nothing to contradict
    ],
    ids=["meta-cp1252", "http-equiv-latin1", "xml-declaration", "true-cp1252", "utf8-declared", "ascii"],
)
def test_valid_utf8_bytes_win_over_a_contradicting_declaration(declaration: str, data_encoding: str, expected: str, warned: bool) -> None:
    body = expected
    data = (declaration + body).encode("ascii" if data_encoding == "ascii-only" else data_encoding)
    text, warnings = decode_html(data)
    assert text.endswith(expected)
    assert bool(warnings) == warned
    if warned:
        assert "valid UTF-8" in warnings[0]


def test_the_warning_reaches_the_page_and_no_mojibake_opens_a_quote() -> None:
    page = read_html(('<html><head><meta charset="windows-1252"></head><body>' + BODY + "</body></html>").encode("utf-8"))
    assert "São Tomé" in page.text and "â€" not in page.text
    assert any("valid UTF-8" in warning for warning in page.warnings)


def test_a_charset_given_by_the_caller_is_honoured() -> None:
    text, _ = decode_html(("<meta charset='windows-1252'>" + BODY).encode("utf-8"), "windows-1252")
    assert "â€œ" in text
