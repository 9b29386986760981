"""Finding e-mail addresses in messy release text.

Pure functions, no spaCy: the ``iom_emails`` component calls :func:`find_emails`.
Every scan is anchored on an "@" (or an obfuscated "[at]") and looks at a bounded window on
each side, so the cost stays linear even on adversarial input such as a 70,000-character
local part or runs of "@" signs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

_AT = re.compile(r"@|\s{0,3}[\[\(\{<]\s{0,3}(?i:at)\s{0,3}[\]\)\}>]\s{0,3}|\s{1,3}AT\s{1,3}")
_DOT = r"(?:\.|\s{0,3}[\[\(\{<]\s{0,3}(?i:dot)\s{0,3}[\]\)\}>]\s{0,3}|\s{1,3}DOT\s{1,3})"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"{_LABEL}(?:{_DOT}{_LABEL})+")
_LOCAL_TAIL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-](?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*[A-Za-z0-9!#$%&'*+/=?^_`{|}~-])?$")
_SPLIT_HEAD = re.compile(r"(?:^|(?<=[\s\"'(<>:;,]))([a-z0-9_-]{1,30})\. $")
_DOT_NORMALISE = re.compile(_DOT)


@dataclass(frozen=True)
class EmailSettings:
    """What the finder needs to know; comes from ``models/emails.json`` through the config."""

    max_local_length: int = 64
    max_domain_length: int = 253
    debris_prefixes: tuple[str, ...] = ("mailto:",)
    split_local_stopwords: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class EmailHit:
    """One mention of an address: where it is, what was written, what it means."""

    start: int
    end: int
    raw: str
    address: str
    debris: bool


def find_emails(text: str, settings: EmailSettings | None = None) -> list[EmailHit]:
    """Every address mentioned in ``text``, with HTML ``mailto:`` debris folded away.

    An address written both inside markup (``"mailto:a@b.org"``) and as visible text keeps
    only its visible mentions; one that appears only in markup keeps the markup mention.
    """
    settings = settings or EmailSettings()
    hits = [hit for match in _AT.finditer(text) if (hit := _hit_at(text, match, settings))]
    hits = _drop_overlaps(hits)
    visible = {hit.address for hit in hits if not hit.debris}
    return [hit for hit in hits if not hit.debris or hit.address not in visible]


def _hit_at(text: str, at: re.Match[str], settings: EmailSettings) -> EmailHit | None:
    local_start = _local_start(text, at.start(), settings)
    if local_start is None:
        return None
    window_end = min(len(text), at.end() + settings.max_domain_length)
    domain = _DOMAIN.match(text, at.end(), window_end)
    if domain is None:
        return None
    end = _trim_domain(text, at.end(), domain.end())
    if end is None:
        return None
    raw = text[local_start:end]
    address = normalise_address(text[local_start : at.start()], text[at.end() : end])
    if address is None:
        return None
    return EmailHit(local_start, end, raw, address, _is_debris(text, local_start, settings))


def _local_start(text: str, at: int, settings: EmailSettings) -> int | None:
    window_start = max(0, at - settings.max_local_length - 40)
    window = text[window_start:at]
    tail = _LOCAL_TAIL.search(window, max(0, len(window) - settings.max_local_length))
    if tail is None:
        return None
    start = window_start + tail.start()
    # The local part runs on into more local-part characters: longer than allowed.
    if start > 0 and re.match(r"[A-Za-z0-9_.+-]", text[start - 1]) and tail.start() == max(
        0, len(window) - settings.max_local_length
    ):
        return None
    head = _SPLIT_HEAD.search(window, 0, tail.start())
    if head and head.group(1) not in settings.split_local_stopwords:
        return window_start + head.start(1)
    return start


def _trim_domain(text: str, start: int, end: int) -> int | None:
    """Cut a domain back to its last label that looks like a top-level domain."""
    domain = text[start:end]
    while True:
        pieces = _DOT_NORMALISE.split(domain)
        if len(pieces) < 2:
            return None
        tld = pieces[-1]
        if tld.isalpha() and 2 <= len(tld) <= 24:
            return start + len(domain)
        last_dot = list(_DOT_NORMALISE.finditer(domain))[-1]
        domain = domain[: last_dot.start()]


def _is_debris(text: str, start: int, settings: EmailSettings) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return any(before.endswith(prefix) for prefix in settings.debris_prefixes)


def normalise_address(local: str, domain: str) -> str | None:
    """De-obfuscate, validate (syntax only, never DNS) and lower-case an address."""
    local = re.sub(r"\s+", "", local)
    domain = _DOT_NORMALISE.sub(".", domain)
    domain = re.sub(r"\s+", "", domain)
    try:
        valid = validate_email(f"{local}@{domain}", check_deliverability=False)
    except EmailNotValidError:
        return None
    return valid.normalized.lower()


def _drop_overlaps(hits: list[EmailHit]) -> list[EmailHit]:
    kept: list[EmailHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
