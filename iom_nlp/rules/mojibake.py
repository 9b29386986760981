"""Repairing mojibake and odd spaces in the text of output fields (names, titles, organisations).

Releases scraped from old sites often went through a wrong decode once or twice: a hyphen
becomes "Ã¢Â\\x80Â\\x90", so "Hanson‐Young" reaches us as "HansonÃ¢Â\\x80Â\\x90Young". The
mentions keep the text as written (their offsets index the caller's text); the *output
fields* an analyst reads — a speaker's or contact's name, a title, an organisation's name —
are repaired with ``ftfy``, a maintained library that undoes such decodes only when the result
is clearly better, so correct accented text ("José Müller", "Côte d'Ivoire") is left alone.

Pure functions, no spaCy; nothing here changes a string's meaning beyond its encoding, its
spaces and (in personal names) its typographic hyphens.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

# Only the decode repairs: no HTML unescaping, quote uncurling, width folding or Unicode
# normalisation, which would change correct text.
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
# Spaces of every width (no-break, thin, ideographic ...) and line breaks: one plain space.
_SPACES = re.compile(r"\s+")
# In a personal name a typographic hyphen is the plain one ("Hanson‐Young" is "Hanson-Young"),
# and a hyphen left before a line break's space joins the two halves ("Hanson- Young").
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_BROKEN_HYPHEN = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_])")
# A dash glued between two letters of a name ("Hanson–Young") is a hyphen set with the wrong key.
_GLUED_DASH = re.compile(r"(?<=[^\W\d_])[\u2012\u2013\u2212](?=[^\W\d_])")


# One character's UTF-8 bytes read as Windows-1252 or Latin-1, once or twice: a lead byte
# (Â..ô) and its continuation bytes (U+0080-U+00BF, or their Windows-1252 readings €..Ÿ).
# Word patterns elsewhere can let a name run through it ("SchultzÃ¢Â\x80Â\x90Byard"), so that
# the name reaches :func:`repair_person_name` whole instead of cut at the first odd character.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
MOJIBAKE_SEQUENCE = f"(?:[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}})+"


def repair_text(value: str) -> str:
    """``value`` with mojibake undone and every run of spaces (no-break included) one plain space.

    ASCII text comes back as it was, apart from its spaces; correct non-ASCII text is unchanged.
    """
    if not value.isascii():
        value = ftfy.fix_text(value, _CONFIG)
    return _SPACES.sub(" ", value).strip()


def repair_optional(value: str | None) -> str | None:
    """:func:`repair_text` for a field that may be absent."""
    return None if value is None else repair_text(value)


def repair_person_name(value: str) -> str:
    """A personal name repaired as :func:`repair_text`, with typographic hyphens made plain."""
    name = _GLUED_DASH.sub("-", repair_text(value).translate(_HYPHENS))
    return _BROKEN_HYPHEN.sub("-", name)


def has_mojibake(value: str) -> bool:
    """Whether ``value`` holds character sequences typical of a wrong decode (ftfy's test)."""
    return not value.isascii() and bool(is_bad(value))
