"""Headline lines: the rule, and the copy each caller gets of the release's (shared) answer."""

from __future__ import annotations

from iom_nlp.rules.lines import in_lines, title_case_lines

TEXT = (
    "IOM Helps Stranded Ethiopians Return Home\n"
    "Geneva - The International Organization for Migration said today.\n"
    "THE HELLENIC COAST GUARD REPORTS.\n"
    "A Sentence Of Capitals Ending With A Stop.\n"
    "Migrants Rescued Off Libyan Coast:\n"
    "two words\n"
    "Only Two\n"
    "İstanbul Office Opens Today."
)


def test_headlines() -> None:
    lines = title_case_lines(TEXT)
    found = [TEXT[start:end] for start, end in lines]
    assert found == [
        "IOM Helps Stranded Ethiopians Return Home",
        "THE HELLENIC COAST GUARD REPORTS.",
        "Migrants Rescued Off Libyan Coast:",
    ]
    assert in_lines(lines, 0) and not in_lines(lines, TEXT.index("Geneva"))


def test_each_call_gets_its_own_list() -> None:
    first = title_case_lines(TEXT)
    first.clear()
    assert len(title_case_lines(TEXT)) == 3
