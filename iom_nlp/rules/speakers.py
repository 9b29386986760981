"""Who said each quote, in what role.

Pure functions over the prepared text and the quote spans from :mod:`iom_nlp.quotes`:
1. an attribution right after the quote ("…,” said Richard E. Scott, IOM Regional
   Representative…", "…,” Senator Bartlett said", "…” – Jane Doe, IOM") or right before it
   ("The New York Times reports: “…", "According to Jane Doe, “…");
2. a quote without one continues the previous speaker when it follows closely (a quote split
   by "she added", a run of quoted paragraphs);
3. pronouns, bare surnames and role references ("she", "Ms Ley", "the Minister") are carried
   to the full name given elsewhere in the release, letterheads in capitals included
   ("THE HON SUSSAN LEY MP" gives "Sussan Ley");
4. a title before the name ("IOM Director General António Vitorino") or after it
   (", IOM Regional Representative for North America and the Caribbean") is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .quotes import QuoteSpan

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"[{_UPPER}][\w’'\-]*"
_INITIAL = rf"(?:[{_UPPER}]\.){{1,3}}"
_PARTICLE = r"(?:de|da|van|von|der|del|la|le|bin|al|di|du|dos|das|ten|ter|y)"
_NAME_BODY = rf"(?:{_INITIAL}|{_WORD})(?:[ \t]+(?:{_INITIAL}|{_WORD}|{_PARTICLE}(?=[ \t]+[{_UPPER}]))){{0,6}}"
_SPACES = r"[ \t\u00a0]+"


@dataclass(frozen=True)
class SpeakerSettings:
    """Lexicons from ``models/quotes.json``; the regexes are compiled once here."""

    cues: tuple[str, ...]
    pronouns: tuple[str, ...]
    honorifics: tuple[str, ...]
    role_words: frozenset[str]
    lower_roles: tuple[str, ...] = ()
    not_name_words: frozenset[str] = frozenset()
    max_attribution_chars: int = 200
    after_inverted: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_role_then_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_normal: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_dash: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_normal: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_according: re.Pattern[str] = field(init=False, repr=False, compare=False)
    honorific_prefix: re.Pattern[str] = field(init=False, repr=False, compare=False)
    honorific_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    role_then_name: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cue = "|".join(re.escape(cue).replace(r"\ ", _SPACES) for cue in sorted(self.cues, key=len, reverse=True))
        pronoun = "|".join(re.escape(word) for word in self.pronouns)
        honorific = "|".join(re.escape(word) for word in sorted(self.honorifics, key=len, reverse=True))
        name = rf"(?:(?:{honorific})\.?{_SPACES})*{_NAME_BODY}"
        lower_role = "|".join(re.escape(word) for word in self.lower_roles) or "(?!x)x"
        lead_roles = {word for word in self.role_words if word[:1].isupper() and word not in {"The", "Mr", "Mrs", "Ms", "Dr"}}
        lead_role = "|".join(re.escape(word) for word in sorted(lead_roles, key=len, reverse=True)) or "(?!x)x"
        # "Nationals leader Warren Truss": an organisation, a lower-case role, then the name.
        role_prefix = rf"(?:{_NAME_BODY}{_SPACES}(?:{lower_role}){_SPACES})?"
        subject = rf"(?P<name>(?:{pronoun})\b|(?:[Tt]he{_SPACES})?{role_prefix}{name})"
        title = r"(?:\s*,\s*(?P<title>[^,“”\"\n]{3,150}?)\s*,)?"
        adverb = rf"(?:{_SPACES}\w+ly)?"
        object.__setattr__(self, "after_inverted", re.compile(
            rf"^[ \t]*[,.]?{_SPACES}?(?P<cue>{cue}){_SPACES}(?P<name>{name})(?P<after>\s*,\s*(?P<title>[^.;“”\"\n]{{3,150}}))?"
        ))
        # "…,” said the Minister for Pacific Affairs, Sam Sample.
        object.__setattr__(self, "after_role_then_name", re.compile(
            rf"^[ \t]*[,.]?{_SPACES}?(?P<cue>{cue}){_SPACES}(?:the{_SPACES})?"
            rf"(?P<title>(?:{lead_role})\b[^,.;“”\"\n]{{0,80}}?),{_SPACES}(?P<name>{name})\b"
        ))
        object.__setattr__(self, "after_normal", re.compile(
            rf"^[ \t]*[,.]?{_SPACES}?{subject}{title}{adverb}{_SPACES}(?P<cue>{cue})\b"
        ))
        object.__setattr__(self, "after_dash", re.compile(
            rf"^[ \t]*[-–—―‒]+[ \t]*(?P<name>{name})(?:\s*,\s*(?P<title>[^.;“”\"\n]{{3,150}}))?"
        ))
        object.__setattr__(self, "before_normal", re.compile(
            rf"{subject}{title}{adverb}{_SPACES}(?P<cue>{cue})(?:{_SPACES}[\w’']+){{0,5}}?[ \t]*(?:that)?[ \t]*[:,]?[ \t]*$"
        ))
        object.__setattr__(self, "before_according", re.compile(
            rf"(?P<cue>[Aa]ccording{_SPACES}to){_SPACES}(?P<name>{name})(?:\s*,\s*(?P<title>[^,“”\"\n]{{3,150}}?))?\s*,?[ \t]*$"
        ))
        object.__setattr__(self, "honorific_prefix", re.compile(rf"^(?:(?:{honorific})\.?{_SPACES})+"))
        # A capitalised word, then a name; the word is checked against the honorifics afterwards
        # (one set lookup is much cheaper than a long alternation tried at every position).
        object.__setattr__(
            self, "honorific_name", re.compile(rf"\b(?P<honorific>[A-Z][A-Za-z]*)\.?(?={_SPACES}(?P<name>{_NAME_BODY}))")
        )
        roles = "|".join(re.escape(word) for word in sorted({*self.honorifics, "Minister", "Director", "Secretary"}, key=len, reverse=True))
        full_name = rf"[{_UPPER}][\w’'\-]+(?:[ \t]+(?:[{_UPPER}]\.|[{_UPPER}][\w’'\-]+)){{1,3}}"
        object.__setattr__(self, "role_then_name", re.compile(rf"\b(?:{roles})\b[^,.\n“”\"]{{0,80}},[ \t]+(?P<name>{full_name})[ \t]*,"))


@dataclass(frozen=True)
class Attribution:
    """The speaker of one quote: the name as the release gives it in full, and where."""

    name: str | None
    title: str | None
    cue: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Person:
    """A person mentioned in the release (from the statistical NER or from name patterns)."""

    start: int
    end: int
    name: str


def attribute_quotes(
    text: str,
    quotes: Sequence[QuoteSpan],
    people: Sequence[Person] | Callable[[], Sequence[Person]],
    settings: SpeakerSettings,
    fallback: Callable[[QuoteSpan], Attribution | None] | None = None,
) -> list[Attribution]:
    """The speaker of each quote, in order (``name`` None when the release does not say).

    ``fallback`` is asked when no attribution pattern matches (the component passes one that
    reads the dependency parse, when the base model has a parser).
    """
    resolver = NameResolver(text, people, settings)
    results: list[Attribution] = []
    previous: Attribution | None = None
    previous_quote: QuoteSpan | None = None
    for index, quote in enumerate(quotes):
        following = quotes[index + 1].open_at if index + 1 < len(quotes) else len(text)
        found = _explicit(text, quote, following, settings)
        if found is None and fallback is not None:
            found = fallback(quote)
        if found is not None:
            found = resolver.resolve(found, quote.open_at, previous)
        elif previous is not None and previous_quote is not None and _close_enough(text, previous_quote, quote):
            found = Attribution(previous.name, previous.title, None, None, None)
        results.append(found or Attribution(None, None, None, None, None))
        if found is not None and found.name:
            previous, previous_quote = found, quote
        elif found is None:
            previous_quote = quote if previous is not None else None
    return _inherit_backwards(text, quotes, results)


def _inherit_backwards(text: str, quotes: Sequence[QuoteSpan], results: list[Attribution]) -> list[Attribution]:
    """An unattributed quote that opens a run (a headline quote) belongs to the next speaker close after it."""
    for index in range(len(results) - 2, -1, -1):
        current, following = results[index], results[index + 1]
        if current.name is None and current.cue is None and following.name and _close_enough(text, quotes[index], quotes[index + 1]):
            results[index] = Attribution(following.name, following.title, None, None, None)
    return results


def _explicit(text: str, quote: QuoteSpan, following: int, settings: SpeakerSettings) -> Attribution | None:
    after_start = quote.close_at + 1 if quote.closed else quote.end
    while after_start < len(text) and text[after_start] == "'":
        after_start += 1
    after_end = min(following, after_start + settings.max_attribution_chars, _line_end(text, after_start))
    after = text[after_start:after_end]
    for pattern in (settings.after_role_then_name, settings.after_inverted, settings.after_normal, settings.after_dash):
        match = pattern.search(after)
        if match:
            return _attribution(match, after_start)
    before_start = max(_line_start(text, quote.open_at), quote.open_at - settings.max_attribution_chars)
    before = text[before_start : quote.open_at]
    for pattern in (settings.before_according, settings.before_normal):
        match = pattern.search(before)
        if match:
            return _attribution(match, before_start)
    return None


def _attribution(match: re.Match[str], offset: int) -> Attribution:
    groups = match.groupdict()
    title = (groups.get("title") or "").strip() or None
    return Attribution(
        name=match.group("name").strip(),
        title=title,
        cue=re.sub(r"\s+", " ", match.group("cue")) if groups.get("cue") else None,
        start=offset + match.start("name"),
        end=offset + match.end("name"),
    )


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _close_enough(text: str, previous: QuoteSpan, current: QuoteSpan) -> bool:
    """A quote continues the previous speaker when at most one short paragraph separates them."""
    gap = text[previous.end : current.open_at]
    return gap.count("\n") <= 4 and len(gap) < 400


class NameResolver:
    """Carries pronouns, surnames and role references to the full names in the release."""

    def __init__(self, text: str, people: Sequence[Person] | Callable[[], Sequence[Person]], settings: SpeakerSettings) -> None:
        self.text = text
        self.settings = settings
        self._people = people
        self.pronouns = set(settings.pronouns)

    @cached_property
    def people(self) -> list[Person]:
        """People named in the release, found only when a name has to be completed."""
        people = self._people() if callable(self._people) else self._people
        return sorted(people, key=lambda person: person.start)

    def resolve(self, found: Attribution, position: int, previous: Attribution | None) -> Attribution:
        raw = found.name or ""
        if raw in self.pronouns or raw.lower() in {word.lower() for word in self.pronouns}:
            return self._pronoun(found, position, previous)
        title, name = self.split_title(raw)
        title = found.title or title
        if not name and found.title:
            # "said Shadow Minister for Immigration, Senator Chris Ellison": the name ends the title part.
            role_title, name = self.split_title(found.title)
            title = f"{raw}, {role_title}" if role_title else raw
        if not name:
            return self._role(found, raw, position, previous)
        if len(name.split()) == 1:
            name = self.full_name(name) or name
        return Attribution(name, title, found.cue, found.start, found.end)

    def split_title(self, raw: str) -> tuple[str | None, str]:
        """"IOM Director General António Vitorino" -> ("IOM Director General", "António Vitorino")."""
        words = self.settings.honorific_prefix.sub("", raw).split()
        words = [word for word in words if word not in {"MP", "AO", "AM", "QC", "SC", "MLA", "MLC"}]
        lowered_roles = set(self.settings.lower_roles)
        if any(word in lowered_roles for word in words):
            last_role = max(index for index, word in enumerate(words) if word in lowered_roles)
            words = words[last_role + 1 :]
        while words and self._is_role(words[-1]):
            words.pop()
        cut = len(words)
        while cut > 0 and not self._is_role(words[cut - 1]):
            cut -= 1
        name_words = words[cut:]
        joined = " ".join(name_words)
        prefix = raw[: raw.find(name_words[0])].strip() if name_words and name_words[0] in raw else raw
        title = prefix if prefix and prefix != raw else None
        if title and self.settings.honorific_prefix.fullmatch(title + " "):
            title = None
        return title, joined

    def _is_role(self, word: str) -> bool:
        return word in self.settings.role_words or (word.isupper() and len(word) > 1 and "." not in word)

    def full_name(self, surname: str) -> str | None:
        """The first full name in the release that ends with ``surname`` (any case)."""
        return find_full_name(self.text, surname, self.people, self._could_be_first_name)

    def _could_be_first_name(self, word: str) -> bool:
        bare = word.strip(".")
        if bare in self.settings.honorifics or word in self.settings.role_words or bare in self.settings.not_name_words:
            return False
        return word[0].isupper()

    def _pronoun(self, found: Attribution, position: int, previous: Attribution | None) -> Attribution:
        if previous is not None and previous.name:
            return Attribution(previous.name, previous.title, found.cue, None, None)
        person = self._last_person_before(position)
        if person is None:
            return Attribution(None, None, found.cue, None, None)
        return Attribution(self._complete(person.name), None, found.cue, person.start, person.end)

    def _role(self, found: Attribution, raw: str, position: int, previous: Attribution | None) -> Attribution:
        """"the Minister said": the person named with that role in the release, else the last speaker."""
        role_words = [word for word in raw.split() if word[0].isupper() and word.lower() != "the"]
        for person in self.people:
            window = self.text[max(0, person.start - 80) : person.end + 80]
            if role_words and all(word in window for word in role_words):
                return Attribution(self._complete(person.name), raw, found.cue, found.start, found.end)
        if previous is not None and previous.name:
            return Attribution(previous.name, previous.title, found.cue, None, None)
        return Attribution(None, raw, found.cue, found.start, found.end)

    def _last_person_before(self, position: int) -> Person | None:
        before = [person for person in self.people if person.end <= position]
        return before[-1] if before else None

    def _complete(self, name: str) -> str:
        _, bare = self.split_title(name)
        bare = bare or name
        if len(bare.split()) == 1:
            return self.full_name(bare) or bare
        return _title_case_if_caps(bare)


def find_full_name(
    text: str, surname: str, people: Sequence[Person], could_be_first_name: Callable[[str], bool]
) -> str | None:
    """Complete a bare surname ("Bartlett") from the release: a known person, else "<First> <Surname>"
    anywhere in the text, capitals included ("SENATOR ANDREW BARTLETT" gives "Andrew Bartlett")."""
    for person in people:
        words = person.name.split()
        if len(words) >= 2 and words[-1].lower() == surname.lower():
            return _title_case_if_caps(person.name)
    pattern = re.compile(rf"\b((?:[{_UPPER}][\w’'\-]+[ \t]+)(?:[{_UPPER}]\.[ \t]+)?{re.escape(surname)})\b", re.IGNORECASE)
    for match in pattern.finditer(text):
        candidate = _title_case_if_caps(re.sub(r"[ \t]+", " ", match.group(1)))
        if could_be_first_name(candidate.split()[0]):
            return candidate
    return None


def _title_case_if_caps(name: str) -> str:
    return name.title() if name.isupper() else name


def people_from_patterns(text: str, settings: SpeakerSettings) -> list[Person]:
    """Names the text introduces as people, for rules-only mode.

    "Senator Andrew Bartlett" (an honorific), "The Minister for Immigration, Philip Ruddock,"
    (a name set off after a role) and "Jane Roe, the director," (a lower-case appositive).
    """
    people = []
    honorifics = set(settings.honorifics)
    for match in settings.honorific_name.finditer(text):
        if match.group("honorific") in honorifics:
            people.append(Person(match.start("name"), match.end("name"), match.group("name")))
    for pattern in (settings.role_then_name, _NAME_THEN_ROLE):
        for match in pattern.finditer(text):
            people.append(Person(match.start("name"), match.end("name"), match.group("name")))
    return people


_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w’'])(?P<name>[{_UPPER}][a-zà-ÿ’'\-]+(?:[ \t]+(?:[{_UPPER}]\.[ \t]+)?[{_UPPER}][a-zà-ÿ’'\-]+){{1,2}}),"
    r"[ \t]+(?:the|a|an|who|its|their|his|her)[ \t]+[a-z]"
)


def merge_people(*groups: Iterable[Person]) -> list[Person]:
    merged: dict[tuple[int, int], Person] = {}
    for group in groups:
        for person in group:
            merged.setdefault((person.start, person.end), person)
    return sorted(merged.values(), key=lambda person: person.start)
