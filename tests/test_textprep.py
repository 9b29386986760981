from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iom_nlp.textprep import is_wrapped, prepare_text


@pytest.mark.parametrize(
    ("line", "following", "wrapped"),
    [
        ("and the Ministry of", "Justice of the Kingdom of the Netherlands", True),
        ("Fourteen Caribbean countries are", "participating this week", True),
        ("The meeting ended today.", "Delegates went home", False),
        ("For more information, please contact:", "Chissey Mueller", False),
        ("Chissey Mueller", "Tel +599 545 2115", False),
        ("This is a long line of body text that was wrapped", "Tel: +1 202 862 1826", False),
        ("Partnerships", "Partnerships", False),
        ("", "Anything", False),
    ],
)
def test_is_wrapped(line: str, following: str, wrapped: bool) -> None:
    assert is_wrapped(line, following) is wrapped


def test_hard_wrap_becomes_space_without_moving_offsets() -> None:
    text = "support from the Ministry of\nJustice of the Netherlands.\nTel: 1"
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert "Ministry of Justice" in prepared
    assert prepared.endswith(".\nTel: 1")


def test_control_characters_are_blanked() -> None:
    text = "a\x00b\u200bc\r\nd"
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert "\x00" not in prepared and "\u200b" not in prepared


@given(st.text(max_size=400))
def test_prepare_text_keeps_length(text: str) -> None:
    assert len(prepare_text(text)) == len(text)


def test_long_runs_are_broken_for_the_tokenizer() -> None:
    text = "“" * 1000 + " ok"
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert max(len(chunk) for chunk in prepared.split()) <= 256
