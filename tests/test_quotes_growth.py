"""Quotes and speakers stay linear: time per character does not grow with the text.

Each shape is repeated to fill n and 4n characters; the cost per character at 4n is compared
with the cost at n (median of three runs each). Linear code gives a ratio near 1, quadratic
code near 4; the bound is generous so a loaded machine does not fail the test, and no test
uses absolute seconds.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from timing import cpu_seconds

from iom_nlp.components.quotes import COMPONENT_SETTINGS, SETTINGS_FILE
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.quotes import find_quote_spans
from iom_nlp.rules.speakers import SpeakerSettings, attribute_quotes, people_from_patterns

N = 20_000
RATIO_BOUND = 2.2  # per-character cost at 4n over cost at n; quadratic would give ~4


def _settings() -> SpeakerSettings:
    """The speaker settings exactly as the component builds them (one loader, validated)."""
    settings, _ = settings_from_json(load_json(SETTINGS_FILE), SpeakerSettings, SETTINGS_FILE, COMPONENT_SETTINGS)
    return settings


SETTINGS = _settings()

SHAPES: dict[str, Callable[[int], str]] = {
    "quote then said Surname": lambda i: f"Minister Jane Roe{i} spoke. “We will keep working with partners,” Roe{i} said. ",
    "quote then said Surname, no full name": lambda i: f"“We will keep working with every partner,” Roe{i} said. ",
    "pronoun quotes": lambda i: f"Ms Ann Lee{i} spoke to reporters. “We need more support for families here,” she said. ",
    "pronoun quotes without people": lambda i: "The talks went on. “We need more support for families here,” she said. ",
    "honorific chains inside quotes": lambda i: "“Mr Dr Prof Senator Sir Hon Mr Dr Prof Senator Sir Hon said we need help,” she said. ",
    "role before name": lambda i: f"“The clinics are full this month,” IOM Yemen Health Programme Coordinator Ali Omar{i} explained. ",
    "the Minister said": lambda i: f"The Minister for Health, Jane Roe{i}, spoke. “It would not affect courts,” the Minister said. ",
    "unattributed quotes": lambda i: "“The government must act now to end this policy for good.”\n\n",
    "flattened paragraphs": lambda i: "The plan is wrong. \"It will not work at all. \"Nor will the next one. ",
    "hard-wrapped open quote": lambda i: "“An open quote that wraps\nacross a line and goes on\nwithout a closing mark\n\n",
    "colon before quotes": lambda i: f"The statement is attributable to IOM Director General Amy Pope{i}:\n\n“We are saddened.”\n\n",
    "introduced people": lambda i: f"Ousmane{i}, 24, from Kankan, spent months in a mine. “I left with two friends,” he said. ",
    # names found in windows around commas and appositives, and many single-word names to check
    "roles with set-off names": lambda i: f"The Minister for Health, Jane Roe{i}, and the Director, Bo Li{i}, met. “We act,” Roe{i} said. ",
    "appositives after long clauses": lambda i: "and the work goes on and on for all the people here Jane Roe, the director, said so. ",
    "many single-word names": lambda i: f"{_word(i)} spoke to reporters. “I left,” she said. The {_word(i // 2).lower()} came. ",
}


def _word(index: int) -> str:
    """A distinct capitalised word per index ("Mwa", "Mwb", ...), no digits (names have none)."""
    letters = ""
    while True:
        index, rest = divmod(index, 26)
        letters += chr(ord("a") + rest)
        if not index:
            return "Mw" + letters


def _fill(shape: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    length = 0
    index = 0
    while length < size:
        part = shape(index)
        parts.append(part)
        length += len(part)
        index += 1
    return "".join(parts)


def _run(text: str) -> None:
    quotes = find_quote_spans(text)
    attribute_quotes(text, quotes, lambda: people_from_patterns(text, SETTINGS), SETTINGS)


MIN_SECONDS = 0.05  # a timing shorter than this is mostly noise: repeat the run until it is not


def _seconds(text: str) -> float:
    """CPU seconds per run: median of three timings, each of enough runs to last 50 ms."""
    return cpu_seconds(lambda: _run(text))



@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_cost_per_character_does_not_grow(shape: str) -> None:
    small, large = _fill(SHAPES[shape], N), _fill(SHAPES[shape], 4 * N)
    _run(small)  # warm caches (compiled patterns) before timing
    ratio = (_seconds(large) / len(large)) / (_seconds(small) / len(small))
    assert ratio <= RATIO_BOUND, f"{shape}: per-character cost grew {ratio:.2f}x from {len(small)} to {len(large)} characters"


def test_honorific_chains_cost_about_what_an_ordinary_release_costs() -> None:
    """Chains of honorifics inside quotes once cost 23 times an ordinary release per character."""
    chains = _fill(SHAPES["honorific chains inside quotes"], N)
    ordinary = _fill(SHAPES["role before name"], N)
    _run(chains)
    ratio = (_seconds(chains) / len(chains)) / (_seconds(ordinary) / len(ordinary))
    assert ratio <= 8, f"honorific chains cost {ratio:.1f}x an ordinary release per character"
