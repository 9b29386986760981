"""Which body a speaker's title names: the same answer as one regex per form, in linear time."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import cpu_seconds

from iom_nlp.rules.forms import FormIndex

BODIES = [
    ("UNHCR", ["Office of the United Nations High Commissioner for Refugees", "UN Refugee Agency", "UNHCR"]),
    ("DOS", ["U.S. Department of State", "Department of State"]),
    ("IOM", ["International Organization for Migration", "IOM"]),
    ("MSF", ["Médecins Sans Frontières", "MSF"]),
    ("IOM-UNHCR", ["IOM-UNHCR"]),
]


def _by_regex(title: str, bodies: list[tuple[str, list[str]]]) -> str | None:
    for key, forms in bodies:
        for form in forms:
            if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", title):
                return key
    return None


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("IOM Regional Representative", "IOM"),
        ("IOM’s Chief of Mission in Jordan", "IOM"),  # a possessive after the form
        ("Special Envoy of the U.S. Department of State", "DOS"),  # a form opening on "U.S."
        ("Head of Médecins Sans Frontières in Chad", "MSF"),
        ("UNHCR and IOM spokesperson", "UNHCR"),  # the body listed first wins, not the leftmost
        ("Coordinator of the IOM-UNHCR platform", "IOM-UNHCR"),  # a hyphen joins: not IOM alone
        ("Director, Department of Statecraft", None),  # a form inside a longer word
        ("IOMX adviser", None),
        ("the pre-IOM mission", None),  # a hyphen before the form
        ("", None),
        (None, None),
    ],
)
def test_title_names_the_preferred_body(title: str | None, key: str | None) -> None:
    assert FormIndex(BODIES).named_in(title) == key
    if title:
        assert _by_regex(title, BODIES) == key


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["IOM", "UN", "U.S.", "Agency", "of", "-", "’s", "X", "Refugee", "IOM-UNHCR", ",", "é"]), max_size=12),
)
def test_same_answer_as_one_regex_per_form(pieces: list[str]) -> None:
    bodies = [("A", ["UN Refugee Agency", "UN"]), ("B", ["IOM", "U.S."]), ("C", ["IOM-UNHCR", "Refugee"])]
    for joiner in (" ", ""):
        title = joiner.join(pieces)
        assert FormIndex(bodies).named_in(title) == _by_regex(title, bodies)


def test_cost_grows_with_the_titles_not_titles_times_bodies() -> None:
    """Many bodies and many titles (a long report): 4x both costs about 4x, not 16x."""

    def run(size: int) -> float:
        bodies = [(f"B{i}", [f"Ruritanian Council Number {i}", f"RC{i}"]) for i in range(size)]
        titles = [f"Director of the Ruritanian Council Number {i} in the north" for i in range(size)]

        def work() -> None:
            index = FormIndex(bodies)
            for title in titles:
                index.named_in(title)

        return cpu_seconds(work, 3)

    small, large = run(500), run(2000)
    assert large / max(small, 1e-4) < 8, f"4x the titles and bodies cost {large / max(small, 1e-4):.1f}x"
