"""Candidate name spans for the trained organisation recogniser (spaCy's span suggester).

A named body's mention opens and closes on a capitalised word or a number ("Department of
Home Affairs", "UNHCR", "2/28th Battalion"), or on a few lower-case words that end or open a
name in running text (``closers``: "the Rudd government", "the Cuban regime"; ``openers``:
"al Qaeda"), and stays within one clause (a line break may fall inside: OCR'd releases break
names over lines). Offering
the model only such token ranges, instead of every n-gram, cuts the candidates of an ordinary
release about tenfold and keeps what the model scores to what could be a name. Pure functions
over token texts, so the rule is tested without a model.
"""

from __future__ import annotations

from collections.abc import Sequence

# No mention runs across these: sentence and clause ends, quotes and brackets.
STOPS = frozenset({".", "!", "?", ";", ":", '"', "“", "”", "«", "»", "(", ")", "[", "]", "|", "•", "–", "—", "/"})
MAX_TOKENS = 12


def edge_word(text: str) -> bool:
    """A token a name can open or close on: a capitalised word or a number."""
    first = text[:1]
    return first.isupper() or first.isdigit()


def name_spans(
    words: Sequence[str],
    max_tokens: int = MAX_TOKENS,
    openers: frozenset[str] = frozenset(),
    closers: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)``, at most ``max_tokens`` long, that open on an
    :func:`edge_word` or an opener, close on an :func:`edge_word` or a closer, and hold no
    clause-ending mark (:data:`STOPS`); whitespace tokens may fall inside, not at an edge."""
    blank = [not word.strip() for word in words]
    stops = [word in STOPS for word in words]
    opens = [not blank[i] and not stops[i] and (edge_word(word) or word in openers) for i, word in enumerate(words)]
    closes = [not blank[i] and not stops[i] and (edge_word(word) or word in closers) for i, word in enumerate(words)]
    spans = []
    count = len(words)
    for start in range(count):
        if not opens[start]:
            continue
        for end in range(start + 1, min(count, start + max_tokens) + 1):
            if stops[end - 1]:
                break
            if closes[end - 1]:
                spans.append((start, end))
    return spans
