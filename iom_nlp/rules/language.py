"""The language a release is written in, from its own function words: English, French or Spanish.

Pure functions over the text and the word lists of ``models/language.json``; nothing is
downloaded and no statistical model is read. Each language has function words that the other
two do not write ("the", "les", "los"; words the languages share, "la", "de", "en", "que",
are left out); the language whose words occur most often in the release is its language, so an
English page quoting a French statement stays English. A text with fewer than ``min_words``
such words (a title, a table) gets the default language.

French elisions ("d'Haïti", "l'OIM", "qu'il") are written as one word; :func:`elision_length`
tells where such a word splits, for the component to give the name its own token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

# The languages iom_nlp reads. Order is the tie-break after the default.
LANGUAGES: Final = ("en", "fr", "es")
_WORD = re.compile(r"[^\W\d_]+")
_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class LanguageSettings:
    """Word lists and thresholds of ``models/language.json``."""

    default: str
    min_words: int
    words: Mapping[str, str]  # function word -> the one language that writes it
    elisions: Mapping[str, frozenset[str]]  # language -> elided prefixes, lower case, straight apostrophe

    @classmethod
    def from_dict(cls, data: Any) -> LanguageSettings:
        default = str(data.get("default", "en"))
        if default not in LANGUAGES:
            raise ValueError(f"default must be one of {', '.join(LANGUAGES)}, got {default!r}")
        lists = data.get("function_words", {})
        words: dict[str, str] = {}
        for language, items in dict(lists).items():
            if language not in LANGUAGES:
                raise ValueError(f"function_words: unknown language {language!r} (expected one of {', '.join(LANGUAGES)})")
            for word in items:
                key = str(word).lower()
                if words.get(key, language) != language:
                    raise ValueError(f"function_words: {key!r} is listed for two languages; a shared word tells nothing")
                words[key] = language
        elisions = {
            str(language): frozenset(normal_apostrophe(str(prefix).lower()) for prefix in prefixes)
            for language, prefixes in dict(data.get("elisions", {})).items()
        }
        min_words = int(data.get("min_words", 4))
        if min_words < 1:
            raise ValueError(f"min_words must be at least 1, got {min_words}")
        return cls(default=default, min_words=min_words, words=words, elisions=elisions)


def normal_apostrophe(text: str) -> str:
    """The typographic apostrophe as the straight one ("d’" -> "d'")."""
    return text.replace("\u2019", "'")


def check_language(language: object) -> str:
    """``language`` if iom_nlp reads it ("en", "fr", "es", any case), else ``ValueError`` saying which it reads."""
    if isinstance(language, str) and language.strip().lower() in LANGUAGES:
        return language.strip().lower()
    raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (or None to detect it), got {language!r}.")


def count_function_words(words: Iterable[str], settings: LanguageSettings) -> dict[str, int]:
    """How many of ``words`` (lower case) are function words of each language."""
    counts = dict.fromkeys(LANGUAGES, 0)
    table = settings.words
    for word in words:
        language = table.get(word)
        if language is not None:
            counts[language] += 1
    return counts


def choose_language(counts: Mapping[str, int], settings: LanguageSettings) -> str:
    """The language with the most function words; the default under ``min_words`` or on a tie with it."""
    best = max(counts.values(), default=0)
    if best < settings.min_words:
        return settings.default
    winners = [language for language in LANGUAGES if counts.get(language, 0) == best]
    return settings.default if settings.default in winners else winners[0]


def detect_language(text: str, settings: LanguageSettings) -> str:
    """"en", "fr" or "es": the language of the release's own function words (linear in the text)."""
    return choose_language(count_function_words(_WORD.findall(text.lower()), settings), settings)


def elision_length(word: str, language: str, settings: LanguageSettings) -> int:
    """The length of the elided article or pronoun that opens ``word`` ("d'Haïti" -> 2,
    "jusqu’au" -> 6), or 0 when the word opens with none or nothing follows it."""
    prefixes = settings.elisions.get(language)
    if not prefixes:
        return 0
    for index, char in enumerate(word[:8]):
        if char in _APOSTROPHES:
            length = index + 1
            rest = word[length:]
            if rest and rest[0].isalpha() and normal_apostrophe(word[:length].lower()) in prefixes:
                return length
            return 0
    return 0
