from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.cli import main

PAGE = """<html><head><title>x</title><style>p {color: red}</style>
<script>jQuery(function(){ alert("Kenya"); });</script></head>
<body><nav><a href="/">Home</a> <a href="/kenya">Kenya</a></nav>
<article><h1>Regional Workshop Opens</h1>
<p>Delegations from Trinidad &amp; Tobago and St.&nbsp;Kitts and Nevis met.</p>
<p>For more information, please contact:<br>Jane Example<br>Tel: +1 868 623 2341<br>
E-mail: <a href="mailto:jexample@iom.int">jexample@iom.int</a></p></article>
<footer>Copyright Chile</footer></body></html>"""


def test_html_to_text_keeps_paragraphs_and_drops_markup() -> None:
    text = iom_nlp.html_to_text(PAGE)
    assert "jQuery" not in text and "color: red" not in text and "<" not in text
    assert "Kenya" not in text and "Chile" not in text  # navigation, script and footer are gone
    assert "Trinidad & Tobago and St.\u00a0Kitts" not in text and "Trinidad & Tobago and St. Kitts and Nevis met." in text
    assert "Regional Workshop Opens\n\nDelegations" in text


@pytest.mark.parametrize("markup", ["", "   ", "<", "<<<>>>", "<p>", "\x00<p>a</p>", "<html><body></body></html>"])
def test_broken_markup_never_raises(markup: str) -> None:
    assert isinstance(iom_nlp.html_to_text(markup), str)


def test_extract_html_offsets_index_the_returned_text(rules_nlp: Language) -> None:
    release = iom_nlp.extract_html(PAGE, nlp=rules_nlp)
    assert release.text is not None
    assert {"TT", "KN"} <= {country.code for country in release.countries}
    for country in release.countries:
        for mention in country.mentions:
            assert release.text[mention.start : mention.end] == mention.text
    assert release.contacts[0].name == "Jane Example"
    assert release.emails[0].address == "jexample@iom.int"


def test_cli_reads_html_files_and_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page), "--base", "none"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"].startswith("Regional Workshop Opens")
    records = tmp_path / "pages.jsonl"
    records.write_text(json.dumps({"id": "p1", "html": PAGE}) + "\n", encoding="utf-8")
    assert main(["extract", str(records), "--base", "none", "--no-progress"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["id"] == "p1" and line["emails"][0]["address"] == "jexample@iom.int"


@pytest.mark.slow  # 2,025 shared releases, twice
def test_state_department_releases_from_html(rules_nlp: Language, shared_file: Callable[[str], Path]) -> None:
    """Every release processes from its HTML: no error, no markup in any mention, same countries as its text."""
    path = shared_file("data/releases/statedept/releases.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    from_html = list(iom_nlp.extract_many([iom_nlp.html_to_text(r["html"]) for r in records], nlp=rules_nlp))
    from_text = list(iom_nlp.extract_many([r["text"] for r in records], nlp=rules_nlp))
    markup = re.compile(r"<[a-zA-Z/!]|jQuery|function\s*\(")
    agree = 0
    for release_html, release_text in zip(from_html, from_text, strict=True):
        assert release_html.error is None and not release_html.warnings
        mentions = [m.text for c in release_html.countries for m in c.mentions]
        mentions += [m.text for o in release_html.organizations for m in o.mentions]
        mentions += [q.text for q in release_html.quotes] + [e.raw for e in release_html.emails] + [p.raw for p in release_html.phones]
        assert not any(markup.search(text) for text in mentions)
        agree += {c.code for c in release_html.countries} == {c.code for c in release_text.countries}
    assert agree / len(records) >= 0.95
