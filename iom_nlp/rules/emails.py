"""Finding e-mail addresses in messy release text.

Pure functions, no spaCy: the ``iom_emails`` component calls :func:`find_emails`.
Every scan is anchored on an "@" (or an obfuscated "[at]") and looks at a bounded window on
each side, so the cost stays linear even on adversarial input such as a 70,000-character
local part or runs of "@" signs.

An address is taken *whole or not at all*: the local part is the whole run of address
characters before the "@" and the domain the whole run after it (accented letters, scripts
other than Latin and punycode included). When that run is not a valid address, or is glued to
more address-like text ("test\\@test@example.org", ".test@example.org", "jane@iom.int_x"),
nothing is reported: a shorter valid piece of a longer string would be a confidently wrong
address. Only characters that cannot belong to an address end a run (spaces, quotes,
brackets, ":", ";", ","), and a final "." is a sentence end.

RFC 5322 syntax around an address is read, not cut: a balanced comment before the local part,
after a dot inside it, closing it, after the "@" or after the domain ("(office)jdoe@iom.int",
"jdoe(desk)@iom.int", "jdoe@iom.int(press)") is left out of the address, and a quoted word of
the local part whose text is plain ('"jdoe"@iom.int', '"j".doe@iom.int') is unquoted: the
address is lifted whole. A whole quoted local part that needs its quotes ('"desk..team"@iom.int')
keeps them, as email-validator normalises it.

Whitespace inside a local part ("j . doe@iom.int", '"j doe"@iom.int') still gives nothing, and
so does "contact john doe@iom.int": a lower-case word one space before the local part that is
no word of running text, opening its line or following an address cue, may be its first half
(``prose_words``, ``address_cues``). Addresses are lower-cased and composed (NFC).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from email_validator import EmailNotValidError, validate_email

from .overlaps import keep_longest


class _Obfuscation(NamedTuple):
    """The patterns of an obfuscated "@" and "." for given words ("at", "arroba"; "dot", "punto")."""

    at: re.Pattern[str]
    dot: re.Pattern[str]
    dot_or_obfuscated: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def obfuscation(at_words: tuple[str, ...] = ("at",), dot_words: tuple[str, ...] = ("dot",)) -> _Obfuscation:
    """The "@" forms ("@", "[at]", "(arroba)", " AT ") and dot forms ("[dot]", "(punto)", " DOT ")."""
    at = "|".join(map(re.escape, at_words))
    dot = "|".join(map(re.escape, dot_words))
    bracketed_dot = rf"\s{{0,3}}[\[\(\{{<]\s{{0,3}}(?i:{dot})\s{{0,3}}[\]\)\}}>]\s{{0,3}}|\s{{1,3}}DOT\s{{1,3}}"
    return _Obfuscation(
        re.compile(rf"@|\s{{0,3}}[\[\(\{{<]\s{{0,3}}(?i:{at})\s{{0,3}}[\]\)\}}>]\s{{0,3}}|\s{{1,3}}AT\s{{1,3}}"),
        re.compile(bracketed_dot),
        re.compile(rf"(?:\.|{bracketed_dot})"),
    )


_AT = obfuscation().at
# Every "@" form above holds "@", an opening bracket or "AT" and starts at most
# ``_AT_LEAD`` characters (spaces) before it: only those places are tried.
_AT_ANCHOR = re.compile(r"[@\[\(\{<]|AT")
_AT_LEAD = 3
_OBFUSCATED_DOT = obfuscation().dot
_SPLIT_HEAD = re.compile(r"(?:^|(?<=[\s\"'(<>:;,]))([a-z0-9_-]{1,30})\. $")
_SPLIT_BEFORE_DOT = re.compile(r"(?:^|(?<=[\s\"'(<>:;,]))([a-z0-9_-]{1,30}) $")
# A dot standing between spaces just before a local part: the part goes on to the left.
_FREE_DOT_BEFORE = re.compile(r"(?:^|\s)\.[ \t]+$")

# RFC 5322 "atext" besides letters and digits, plus the dot that separates its atoms.
_LOCAL_PUNCTUATION = frozenset("!#$%&'*+-/=?^_`{|}~.")
# Quote marks that also count as atext: at the edge of a run they quote the address.
_QUOTE_MARKS = "'`"
# Characters that glue a run to more address text: what they touch is part of a longer string.
# Invisible joiners (soft hyphen, zero-width (non-)joiner, word joiner) sit inside a word.
_JOINERS = "\u00ad\u200c\u200d\u2060"
# A closing parenthesis before the local part ends an RFC 5322 comment, an opening one after the
# domain starts one: "(comment)test@iana.org" is not the address "test@iana.org" in prose.
_GLUE_BEFORE = frozenset("@\\)" + _JOINERS)
_GLUE_AFTER = frozenset("@\\_(" + _JOINERS)
# One space or one line break (not a layout run) between a word and a local part.
_ONE_SPACE = re.compile(r"(?<=\S)(?:[ \u00a0]|\r?\n)$")
_MAX_WORD = 40
_WORD_INNER = "-'’"
# A dot (or a full-width one) closing the domain and followed, on the same line, by a lower-case
# word: no sentence ends there, so the dot belongs to the run ("x@iom.int. or call"): no address.
_GLUED_FINAL_DOT = re.compile(r"[.\uff0e][ \t\u00a0]+([^\W\d_])")
# URL-encoded "mailto:" left in front of an address by a scraper.
_ENCODED_MAILTO = "mailto%3a"
_MAX_LABEL = 63
# How far back a URL's "://" can be from an "@" in its user part.
_URL_WINDOW = 200


@dataclass(frozen=True)
class EmailSettings:
    """What the finder needs to know; comes from ``models/emails.json`` through the config."""

    max_local_length: int = 64
    max_domain_length: int = 253
    debris_prefixes: tuple[str, ...] = ("mailto:",)
    split_local_stopwords: frozenset[str] = field(default_factory=frozenset)
    # Lower-case words of running text that may stand one space before an address ("contact",
    # "courriel", "correo"): any other lower-case word there may be the first half of a local part
    # written with a space ("john doe@iom.int"), and the address is refused.
    prose_words: frozenset[str] = field(default_factory=frozenset)
    # Words announcing an address ("contact", "email", "courriel", "correo"), any case, ":" allowed.
    address_cues: frozenset[str] = field(default_factory=frozenset)
    # Words written for "@" and "." in brackets: "[at]", "(arroba)", "(arobase)"; "[dot]", "(punto)".
    at_words: tuple[str, ...] = ("at",)
    dot_words: tuple[str, ...] = ("dot",)

    @property
    def obfuscation(self) -> _Obfuscation:
        return obfuscation(self.at_words, self.dot_words)


@dataclass(frozen=True)
class EmailHit:
    """One mention of an address: where it is, what was written, what it means."""

    start: int
    end: int
    raw: str
    address: str
    debris: bool
    # The rule that read it (:data:`iom_nlp.sources.EMAIL_SOURCES`).
    source: str = "email:syntax"


def find_emails(text: str, settings: EmailSettings | None = None) -> list[EmailHit]:
    """Every address mentioned in ``text``, with HTML ``mailto:`` debris folded away.

    An address written both inside markup (``"mailto:a@b.org"``) and as visible text keeps
    only its visible mentions; one that appears only in markup keeps the markup mention.
    ``text[hit.start:hit.end]`` is always the address as written, nothing glued to it.
    """
    settings = settings or EmailSettings()
    hits = [hit for match in _at_signs(text, settings.obfuscation.at) if (hit := _hit_at(text, match, settings))]
    hits = keep_longest(hits, _bounds)
    visible = {hit.address for hit in hits if not hit.debris}
    return [hit for hit in hits if not hit.debris or hit.address not in visible]


def _at_signs(text: str, at_forms: re.Pattern[str] = _AT) -> Iterator[re.Match[str]]:
    """The matches of ``at_forms.finditer(text)`` (default ``_AT``), trying it only near an anchor.

    ``_AT`` can start on any space, so a plain scan tries every character of the text; its
    matches start within ``_AT_LEAD`` characters before an anchor, found by a fast scan.
    """
    position = 0
    for anchor in _AT_ANCHOR.finditer(text):
        for start in range(max(position, anchor.start() - _AT_LEAD), anchor.start() + 1):
            match = at_forms.match(text, start)
            if match:
                yield match
                position = match.end()
                break
        else:
            position = max(position, anchor.start() + 1)


def _hit_at(text: str, at: re.Match[str], settings: EmailSettings) -> EmailHit | None:
    local = _local_start(text, at.start(), settings)
    end = _domain_end(text, at.end(), settings) if local is not None else None
    if local is None or end is None:
        # Refused as plain text: maybe RFC 5322 comments or quoted words touch the address.
        return _rfc_hit(text, at, settings) if at.group() == "@" else None
    local_start, debris = local
    if _in_url_authority(text, local_start):
        return None
    address = normalise_address(text[local_start : at.start()], text[at.end() : end], settings)
    if address is None:
        return None
    debris = debris or _is_debris(text, local_start, settings)
    obfuscated = at.group() != "@" or settings.obfuscation.dot.search(text, local_start, end) is not None
    return EmailHit(local_start, end, text[local_start:end], address, debris, _source(obfuscated, debris))


def is_label_char(char: str) -> bool:
    """A letter, digit or combining mark of any script: what domain labels are made of."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _is_local_char(char: str) -> bool:
    return char in _LOCAL_PUNCTUATION or is_label_char(char)


def _is_c1_control(char: str) -> bool:
    """C1 controls (U+0080-U+009F) inside a word are the remains of a mis-decoded character."""
    return "\x80" <= char <= "\x9f"


def _local_start(text: str, at: int, settings: EmailSettings) -> tuple[int, bool] | None:
    """Where the local part before ``at`` starts, and whether it carried encoded debris.

    None when the run of local-part characters is too long, glued to a preceding "@" or
    backslash, or starts with a dot: the address it belongs to is not the one we would cut out.
    """
    limit = max(0, at - settings.max_local_length - len(_ENCODED_MAILTO) - 1)
    start = at
    while start > limit and _is_local_char(text[start - 1]):
        start -= 1
    if start == limit and start > 0 and _is_local_char(text[start - 1]):
        return None  # the run goes on past any possible local part
    if start > 0 and (text[start - 1] in _GLUE_BEFORE or _is_c1_control(text[start - 1])):
        return None
    if _closes_a_quoted_word(text, start):
        return None
    debris = False
    if text[start : start + len(_ENCODED_MAILTO)].lower() == _ENCODED_MAILTO:
        start += len(_ENCODED_MAILTO)
        debris = True
    while start < at and text[start] in _QUOTE_MARKS:
        start += 1
    if start == at or at - start > settings.max_local_length:
        return None
    if _FREE_DOT_BEFORE.search(text, max(0, start - 8), start):
        return None  # "test . test@iana.org": the local part holds spaces, no address
    # A local part split at its dot by a stray space ("senator. bartlett@", "j .brett@") is one
    # address when the word before the space is no ordinary word ("to .test@" is not).
    split = _SPLIT_BEFORE_DOT if text[start] == "." else _SPLIT_HEAD
    head = split.search(text, max(0, start - 40), start)
    if head and head.group(1) not in settings.split_local_stopwords:
        start = head.start(1)
    elif text[start] == ".":
        return None
    if _half_of_a_spaced_local_part(text, start, settings):
        return None
    return start, debris


def _half_of_a_spaced_local_part(text: str, start: int, settings: EmailSettings) -> bool:
    """'contact john doe@iom.int': whether the local part at ``start`` is the second half of one written with a space.

    A local part holds no space, so "doe@iom.int" there would be a confident piece of what was
    meant ("john.doe"? "johndoe"?): no address. That is read when one space separates the run
    (or one line break) from a lower-case word that is no word of running text (``prose_words``,
    ``split_local_stopwords``, ``address_cues``), and that word itself opens its line or follows
    a word announcing an address ("contact", "Email:", "courriel", "correo"). Elsewhere a
    lower-case word before an address is prose ("Schreiben Sie an müller@...", "plus tag
    jane+press@..."), and a capitalised word, digits, punctuation or a run of spaces (layout)
    never join the local part.
    """
    separator = _ONE_SPACE.search(text, max(0, start - 3), start)
    if separator is None:
        return False
    pieces = text[max(0, separator.start() - _MAX_WORD) : separator.start()].split()
    if not pieces:
        return False
    label, colon, word = pieces[-1].rpartition(":")
    if not _is_lower_word(word) or _is_prose(word, settings):
        return False
    if colon:
        return label.lower() in settings.address_cues  # "Email:john doe@iom.int"
    word_start = separator.start() - len(word)
    before = text[max(0, word_start - _MAX_WORD) : word_start].rstrip(" \t\u00a0")
    if not before or before.endswith(("\n", "\r")):
        return True  # the word opens its line
    cue = before.split()[-1].rstrip(":").lower()
    return cue in settings.address_cues


def _is_lower_word(word: str) -> bool:
    """A lower-case word of letters, with inner hyphens or apostrophes ("e-mail")."""
    return (
        bool(word)
        and word.islower()
        and word[0].isalpha()
        and word[-1].isalpha()
        and all(char.isalpha() or char in _WORD_INNER for char in word)
    )


def _is_prose(word: str, settings: EmailSettings) -> bool:
    return word in settings.prose_words or word in settings.split_local_stopwords or word in settings.address_cues


def _closes_a_quoted_word(text: str, start: int) -> bool:
    """ '"test"test@iana.org': a quote mark glued to a word before the run closes a quoted part.

    An opening quote mark before an address in prose ('write to "jdoe@iom.int"') is fine.
    """
    return start >= 2 and text[start - 1] in "\"“”" and (text[start - 2].isalnum() or text[start - 2] in "\"“”")


def _domain_end(text: str, start: int, settings: EmailSettings) -> int | None:
    """End of the domain that starts at ``start``: labels joined by dots (plain or obfuscated).

    None when the domain runs on into characters that would make it a piece of a longer
    string ("example.org-", "iom.int_x", "iom.int@x"), or past the longest possible domain.
    """
    position = _domain_run(text, start, settings)
    if position is None:
        return None
    if position < len(text) and (text[position] in _GLUE_AFTER or _is_c1_control(text[position])):
        return None
    if _ends_in_a_glued_dot(text, position):
        return None
    return position


def _ends_in_a_glued_dot(text: str, end: int) -> bool:
    """'x@iom.int. or call': a dot after the domain that no sentence end explains is part of it."""
    match = _GLUED_FINAL_DOT.match(text, end)
    return match is not None and match.group(1).islower()


def _domain_run(text: str, start: int, settings: EmailSettings) -> int | None:
    """End of the labels and dots from ``start``, whatever follows them (None: no domain)."""
    limit = min(len(text), start + settings.max_domain_length + 1)
    position = start
    while True:
        label_end = position
        while label_end < limit and (is_label_char(text[label_end]) or text[label_end] == "-"):
            label_end += 1
        if label_end == position or label_end - position > _MAX_LABEL:
            return None
        position = label_end
        separator = _separator_end(text, position, limit, settings.obfuscation.dot)
        if separator is None:
            break
        position = separator
    if position - start > settings.max_domain_length:
        return None
    return position


def _separator_end(text: str, position: int, limit: int, obfuscated_dot: re.Pattern[str] = _OBFUSCATED_DOT) -> int | None:
    """End of a dot (".", " [dot] ", " DOT ") at ``position`` that another label follows."""
    if position < limit and text[position] == ".":
        end = position + 1
    else:
        dot = obfuscated_dot.match(text, position, limit)
        if dot is None:
            return None
        end = dot.end()
    if end < limit and is_label_char(text[end]):
        return end
    return None


# RFC 5322 comments and quoted words: bounded, one line, printable.
MAX_COMMENT = 80
_QUOTE = '"'
# What may not stand just before a local part read with RFC syntax: it would glue on more.
_GLUE_BEFORE_RFC = frozenset('()"\\@')
# What an unquoted local part reads as: atoms joined by single dots.
_DOT_ATOM = re.compile(r"[^.]+(?:\.[^.]+)*")


def _rfc_hit(text: str, at: re.Match[str], settings: EmailSettings) -> EmailHit | None:
    """The address around ``at`` read with RFC 5322 comments and quoted words, or None.

    Only an address that needs that syntax is read here: one the plain reading refused for a
    comment or a quoted word touching it. The mention runs from the first word of the local part
    to the end of the domain (a comment inside is part of what was written; one before or after
    is not); the address has the comments dropped and the quoted words unquoted.
    """
    local = _rfc_local(text, at.start(), settings)
    if local is None:
        return None
    start, local_part, used = local
    domain_start = at.end()
    if domain_start < len(text) and text[domain_start] == "(":
        after_comment = _comment_forward(text, domain_start)
        if after_comment is None:
            return None
        domain_start, used = after_comment, True
    end = _domain_run(text, domain_start, settings)
    if end is None:
        return None
    if end < len(text) and text[end] == "(":
        after_comment = _comment_forward(text, end)
        if after_comment is None or (after_comment < len(text) and _glues_after(text[after_comment])):
            return None
        used = True
    elif (end < len(text) and _glues_after(text[end])) or _ends_in_a_glued_dot(text, end):
        return None
    if not used or _in_url_authority(text, start):
        return None
    address = normalise_address(local_part, text[domain_start:end], settings)
    if address is None:
        return None
    debris = _is_debris(text, start, settings)
    return EmailHit(start, end, text[start:end], address, debris, "email:mailto" if debris else "email:rfc5322")


def _source(obfuscated: bool, debris: bool) -> str:
    """The source name of an address read by the plain reading (:data:`iom_nlp.sources.EMAIL_SOURCES`)."""
    if debris:
        return "email:mailto"
    return "email:deobfuscated" if obfuscated else "email:syntax"


def _glues_after(char: str) -> bool:
    return char in _GLUE_AFTER or char == ")" or char == _QUOTE or _is_c1_control(char)


def _rfc_local(text: str, at: int, settings: EmailSettings) -> tuple[int, str, bool] | None:
    """(start, local part, whether RFC syntax was needed) of the local part ending at ``at``.

    Read right to left: words (atoms or quoted words) joined by dots, a comment allowed after the
    last word ("jdoe(desk)@"), after a dot and before the first word. Anything glued before it (a
    letter, a quote mark, a backslash, another comment) gives None. A quoted word that cannot be
    unquoted ('"j..doe"') is the whole local part, quotes kept, or nothing.
    """
    limit = max(0, at - settings.max_local_length - 2 * MAX_COMMENT)
    position = at
    words: list[str] = []
    used = False
    kept_quotes = False
    if position > 0 and text[position - 1] == ")":
        comment = _comment_backward(text, position - 1, limit)
        if comment is None:
            return None
        position, used = comment, True  # "jdoe(desk)@": a comment closing the local part
    while True:
        if position > limit and text[position - 1] == _QUOTE:
            quoted = _quoted_backward(text, position - 1, limit)
            if quoted is None:
                return None
            position, word, needs_quotes = quoted
            kept_quotes = kept_quotes or needs_quotes
            used = True
        else:
            word_start = position
            while word_start > limit and text[word_start - 1] != "." and _is_local_char(text[word_start - 1]):
                word_start -= 1
            if word_start == position:
                return None
            word, position = text[word_start:position], word_start
        words.append(word)
        first = position
        if position > 0 and text[position - 1] == ")":
            comment = _comment_backward(text, position - 1, limit)
            if comment is None:
                return None
            position, used = comment, True
            if position > 0 and text[position - 1] == ".":
                position -= 1
                continue  # "test.(comment)test": a comment after a dot
            break  # "(comment)test": a comment before the local part
        if position > 0 and text[position - 1] == ".":
            position -= 1
            continue
        break
    if position > 0 and (_is_local_char(text[position - 1]) or text[position - 1] in _GLUE_BEFORE_RFC):
        return None
    if kept_quotes and len(words) > 1:
        return None  # '"j..d".oe@': only a whole local part may keep its quotes
    if _half_of_a_spaced_local_part(text, position, settings):
        return None
    local = ".".join(reversed(words))
    if len(local) > settings.max_local_length:
        return None
    return first if first < at else position, local, used


def _quoted_backward(text: str, close: int, limit: int) -> tuple[int, str, bool] | None:
    """(start, word, whether it keeps its quotes) of the quoted word whose closing mark is at ``close``.

    A word that reads as a plain local part once unquoted is unquoted: '"jdoe"' is jdoe,
    '"j\\doe"' is jdoe. One that does not ('"j..doe"', '"desk@geneva"', '"a\\"b"') keeps its
    quotes, as written. A space, a control character or an escape of anything but a visible ASCII
    character gives None: '"j doe"' is no address.
    """
    if _escaped(text, close):
        return None
    position = close - 1
    while position >= max(limit, close - MAX_COMMENT):
        if text[position] == _QUOTE and not _escaped(text, position):
            break
        position -= 1
    else:
        return None
    raw = text[position + 1 : close]
    if not raw or not _plain_quoted_text(raw):
        return None
    word = re.sub(r"\\(.)", r"\1", raw)
    if all(_is_local_char(char) for char in word) and _DOT_ATOM.fullmatch(word):
        return position, word, False
    return position, f"{_QUOTE}{raw}{_QUOTE}", True


def _plain_quoted_text(raw: str) -> bool:
    """Quoted text with no space or control character, escapes only of visible ASCII characters."""
    escaped = False
    for char in raw:
        if escaped:
            if not "!" <= char <= "~":
                return False
            escaped = False
        elif char == "\\":
            escaped = True
        elif char.isspace() or not char.isprintable() or char == _QUOTE or (char > "~" and not is_label_char(char)):
            return False  # a space, a control or a symbol outside ASCII (C1 controls are not printable)
    return not escaped


def _escaped(text: str, position: int) -> bool:
    """Whether the character at ``position`` follows an odd number of backslashes."""
    count = 0
    while position - count - 1 >= 0 and text[position - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _comment_backward(text: str, close: int, limit: int) -> int | None:
    """Start of the balanced comment whose ")" is at ``close`` (nested comments allowed)."""
    depth = 0
    position = close
    while position >= max(limit, close - MAX_COMMENT):
        char = text[position]
        if not _comment_char(char):
            return None
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return position
        position -= 1
    return None


def _comment_forward(text: str, open_: int) -> int | None:
    """End (after the ")") of the balanced comment whose "(" is at ``open_``."""
    depth = 0
    for position in range(open_, min(len(text), open_ + MAX_COMMENT)):
        char = text[position]
        if not _comment_char(char):
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
    return None


def _comment_char(char: str) -> bool:
    """Comment text: printable, on one line, no backslash (an escaped ")" leaves it open), no "@"."""
    return char.isprintable() and char not in "\\@" and not _is_c1_control(char)


def _is_debris(text: str, start: int, settings: EmailSettings) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return any(before.endswith(prefix) for prefix in settings.debris_prefixes)


def normalise_address(local: str, domain: str, settings: EmailSettings | None = None) -> str | None:
    """De-obfuscate, validate (syntax only, never DNS) and lower-case an address.

    The address keeps the form it was written in: a punycode domain stays punycode and an
    accented one stays accented, so the address is always a string the text holds.
    """
    quoted = local.startswith(_QUOTE)
    if not quoted:
        local = re.sub(r"\s+", "", local)
    domain = (settings or EmailSettings()).obfuscation.dot_or_obfuscated.sub(".", domain)
    domain = re.sub(r"\s+", "", domain)
    address = f"{local}@{domain}"
    if not _plausible_tld(domain.rsplit(".", 1)[-1]):
        return None
    try:
        validated = validate_email(address, check_deliverability=False, allow_quoted_local=quoted)
    except EmailNotValidError:
        return None
    if quoted:
        address = f"{validated.local_part}@{domain}"
    return unicodedata.normalize("NFC", address.lower())


def _plausible_tld(label: str) -> bool:
    """Top-level domains are letters (any script) or punycode: "org.2020" or "c0m" ends no address."""
    if label.lower().startswith("xn--"):
        return True
    return len(label) >= 2 and all(is_label_char(char) and not char.isdigit() for char in label)


def _in_url_authority(text: str, start: int) -> bool:
    """Whether ``start`` lies in the user part of a URL ("https://user:pw@host"): not an address."""
    before = text[max(0, start - _URL_WINDOW) : start]
    scheme = before.rfind("://")
    if scheme < 0:
        return False
    between = before[scheme + 3 :]
    return not any(char.isspace() or char in "/?#" for char in between)


def _bounds(hit: EmailHit) -> tuple[int, int]:
    return hit.start, hit.end
