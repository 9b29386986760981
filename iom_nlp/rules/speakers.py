"""Who said each quote, in what role.

Pure functions over the prepared text and the quote spans from :mod:`iom_nlp.rules.quotes`:
1. an attribution right after the quote ("…,” said Richard E. Scott, IOM Regional
   Representative…", "…,” Senator Bartlett said", "…” – Jane Doe, IOM"), with the role first
   ("…,” IOM Yemen Health Programme Coordinator Ali Omar explained", "…,” the Greens’
   spokesperson, Sen. Jane Doe, said", "…” said Greens’ spokesperson Senator Jane Doe"), on the
   next lines of a pull quote, or right before it ("IOM Director General Amy Pope said:",
   "According to Jane Doe, “…", "… is attributable to IOM Director General Amy Pope:"). Each
   way of writing it is one named strategy of :data:`STRATEGIES`, tried in that order; the
   first that reads an attribution wins and its name is the attribution's ``source`` (the
   quote's source in the output), so a wrong speaker points at the strategy to fix;
2. a quote without one continues the previous speaker when it follows closely (a quote split
   by "she added", a run of quoted paragraphs; source ``continues_previous``), or an opening
   quote takes the next speaker (``inherits_next``); an unnamed speaker ("the heads of the two
   agencies said", "a 27-year-old worker told reporters") stops that;
3. pronouns go to the person a sentence since the last quote opens with ("Ousmane, 24, …
   “…,” he said"), else to the last speaker; bare surnames and role references ("Ms Ley",
   "the Minister") to the full name given elsewhere in the release, letterheads in capitals
   included ("THE HON SUSSAN LEY MP" gives "Sussan Ley");
4. quotes nobody is named for, in a release under one person's letterhead, are that person's
   (``letterhead``); a quote nothing attributes is ``unattributed``;
5. a name that is a place, body, party or demonym of the release is never a speaker (better no
   speaker than a wrong one); names are repaired for output (mojibake, non-breaking spaces,
   hyphens of every kind), offsets stay on the text;
6. a title before the name or after it is kept as written.
Everything that needs the whole release is computed once and looked up per quote, and every
window is bounded: the cost per quote does not grow with the length of the release.

The lexicons (cues, pronouns, honorifics, role words) come from ``models/quotes.json``; the
strategies' own word lists and limits (title joiners, role-reference openers, windows, the
continuation distance) from ``models/speakers.json`` (:class:`SpeakerRules`); both are read
through the component's ``data_path`` and validated on load. Only ``names.json`` (particles,
courtesy titles, post-nominals) is still read once at import: the name patterns are compiled from it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..data import load_json, models_dir, parse_json_object, settings_from_json
from .lines import in_lines, title_case_lines
from .mojibake import repair_person_name
from .patterns import NOTHING, alternation
from .quotes import QuoteSpan

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# Inside a name: letters, apostrophes, hyphens of every kind, and the debris a doubly decoded
# hyphen leaves ("HansonÃ¢Â\x80Â\x90Young": C1 controls, "¢", "€"); names are repaired on output.
NAME_WORDS_FILE = "names.json"
RULES_FILE = "speakers.json"
_NAME_CHARS = "\\w’'\\-\u2010\u2011\u0080-\u009f¢€"
_WORD = rf"[{_UPPER}][{_NAME_CHARS}]*"
_INITIAL = rf"(?:[{_UPPER}]\.){{1,3}}"


@dataclass(frozen=True)
class NameWords:
    """Closed word lists of personal names, from ``models/names.json``.

    Read once at import: the name patterns below are compiled from them at import time.
    ``particles`` are the lower-case words inside a name ("de la Fontaine", "van den Berg",
    "bin Rashid"); ``courtesy_titles`` never belong to a name or a role ("Dr", "Sen");
    ``postnominals`` follow a name ("MP", "AO"); ``role_acronyms`` are roles, not names ("CEO").
    """

    particles: tuple[str, ...]
    courtesy_titles: frozenset[str]
    postnominals: frozenset[str]
    role_acronyms: frozenset[str]


NAME_WORDS, _ = settings_from_json(load_json(NAME_WORDS_FILE), NameWords, NAME_WORDS_FILE)
_PARTICLE = rf"(?:{'|'.join(map(re.escape, NAME_WORDS.particles))})"
_GAP = r"[ \t\u00a0]+"
# A particle ("de", "van") stays in a name when a capital follows, perhaps after a second one ("de la Fontaine").
_NAME_NEXT = rf"(?:{_GAP}(?:{_INITIAL}|{_WORD}|{_PARTICLE}(?={_GAP}(?:{_PARTICLE}{_GAP})?[{_UPPER}])))"
_NAME_BODY = rf"(?:{_INITIAL}|{_WORD}){_NAME_NEXT}{{0,6}}"
# Two words at least ("Jane Doe", "J. Doe").
_NAME_BODY_MULTI = rf"(?:{_INITIAL}|{_WORD}){_NAME_NEXT}{{1,6}}"
_SPACES = r"[ \t\u00a0]+"


def _factored_alternation(words: Iterable[str], *, space: str | None = None, longest_first: bool = True) -> str:
    """:func:`alternation` with the words that open with the same letter under that letter.

    ``said|says|stated`` becomes ``s(?:aid|ays|tated)``: the regex engine checks a position's
    letter once instead of once per word (160 speech cues, 67 honorifics). The words keep their
    order within a letter, and words that open with different letters never match at the same
    place, so every match is the same as the plain alternation's. Words that open with anything
    but a letter or digit stay as they are.
    """
    unique = list(dict.fromkeys(words))
    ordered = sorted(unique, key=len, reverse=True) if longest_first else unique
    if not ordered or "" in ordered:
        return alternation(ordered, space=space, longest_first=False)

    def escape(part: str) -> str:
        escaped = re.escape(part)
        return escaped if space is None else escaped.replace(r"\ ", space)

    groups: dict[str, list[str]] = {}
    for word in ordered:
        key = word[0] if word[0].isalnum() else word  # a word of its own: not grouped
        groups.setdefault(key, []).append(escape(word[1:]) if word[0].isalnum() else escape(word))
    return "|".join(
        f"{escape(key)}(?:{'|'.join(rests)})" if key[0].isalnum() else rests[0] for key, rests in groups.items()
    )


def _opening_alternation(words: Iterable[str]) -> str:
    r"""``\b(?:a|b|c)``, longest first, written so that a scan can skip ahead to candidates.

    Words are grouped by their first character, which leads its group, with the boundary checked
    right after it (``(?<!\w.)``: no word character before it): ``M(?<!\w.)(?:inister|rs|r)``.
    Python's regex engine then jumps from one candidate first letter to the next in C and tries
    only that letter's words, where a leading ``\b`` makes it try every word at every word
    boundary. Worth it when the first letters are rare (capitals); before lower-case words a
    leading lookbehind, failing at once inside words, is cheaper.
    """
    groups: dict[str, list[str]] = {}
    plain = []
    for word in sorted(dict.fromkeys(word for word in words if word), key=len, reverse=True):
        if re.match(r"\w", word) is None:
            plain.append(rf"\b{re.escape(word)}")  # \b before a non-word character: kept as it is
        else:
            groups.setdefault(word[0], []).append(re.escape(word[1:]))
    led = [rf"{re.escape(first)}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in groups.items()]
    return "|".join(led + plain) or NOTHING

@dataclass(frozen=True)
class SpeakerRules:
    """The word lists and limits the speaker strategies decide by, from ``models/speakers.json``.

    Kept apart from the lexicons of ``quotes.json`` (cues, honorifics, role words) because these
    are the strategies' own judgement calls: which words join a title, open a role reference or
    announce an unnamed subject, and how far each strategy looks. A maintainer tunes them in the
    file, and a component given another ``data_path`` reads that folder's copy.
    """

    # "the Chief of Mission said": the words that open a role standing for a person, and the
    # lower-case words allowed between its role words; longer phrases are no reference.
    role_reference_openers: frozenset[str]
    role_reference_joiners: frozenset[str]
    max_role_reference_words: int
    # "the Federal Relief Commission's logistics chief told": an unnamed speaker's opening word;
    # after an indefinite article ("a 27-year-old worker") lower-case words are enough.
    unnamed_role_openers: frozenset[str]
    indefinite_articles: frozenset[str]
    # Words that carry a title on ("Secretary of State for Security and Nonproliferation") ...
    title_joiners: frozenset[str]
    # ... and, with those, the words after which a capitalised word still belongs to the title (a
    # place, a body: "Ambassador to Chad Ana Kahn"); at a person's mention "the" joins too.
    place_joiners: frozenset[str]
    mention_title_joiners: frozenset[str]
    # Role words that are courtesy words ("The", "Mr"): they open no role after a cue; "Hon" is
    # also no role of its own when a role word is looked up.
    courtesy_role_words: frozenset[str]
    honorific_role_words: frozenset[str]
    # Capitalised roles that, like honorifics, introduce a name set off by commas ("Minister ..., Jo Roe,").
    set_off_role_words: frozenset[str]
    # Words of a role reference ignored when it is matched to the last speaker's title.
    role_fit_skip_words: frozenset[str]
    # "Ortiz and Chen said": the verbs after which a second name joined by "and" is a co-speaker.
    joint_speaker_cues: tuple[str, ...]
    # "A 27-year-old domestic worker ... said": an unnamed subject, so a following "she said" is nobody's.
    unnamed_subject_openers: tuple[str, ...]
    unnamed_subject_cues: tuple[str, ...]
    # Limits, in characters, lines, clauses or people: every window stays bounded.
    role_to_comma_chars: int
    max_set_off_clauses: int
    continuation_max_lines: int
    continuation_max_chars: int
    max_subject_chars: int
    max_subject_people: int
    max_headline_people: int
    title_reach_chars: int
    letterhead_lines: int
    letterhead_chars: int
    joint_speaker_window: int
    title_or_place_joiners: frozenset[str] = field(init=False, repr=False, compare=False)
    mention_joiners: frozenset[str] = field(init=False, repr=False, compare=False)
    joined_after: re.Pattern[str] = field(init=False, repr=False, compare=False)
    unnamed_subject: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title_or_place_joiners", self.title_joiners | self.place_joiners)
        object.__setattr__(self, "mention_joiners", self.title_joiners | self.mention_title_joiners)
        cues = "|".join(map(re.escape, self.joint_speaker_cues))
        # "replied Ortiz and Chen.", "Ortiz and Chen said": a second person joined to the speaker
        # by "and"/"&", then the sentence or the attribution ends.
        object.__setattr__(self, "joined_after", re.compile(
            r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+(?P<name>[A-Z][\w'’\-]+(?:[ \t\u00a0]+[A-Z][\w'’\-]+){0,2})"
            rf"(?=\s*(?:[.,;:!?)]|$|\s+(?:{cues})\b))"
        ))
        openers = "|".join(map(re.escape, self.unnamed_subject_openers))
        verbs = "|".join(map(re.escape, self.unnamed_subject_cues))
        object.__setattr__(self, "unnamed_subject", re.compile(
            rf"(?:^|[.!?][\"”’)]*[ \t\u00a0]+|\n[ \t\u00a0]*|>[ \t\u00a0]*)(?:{openers})[ \t\u00a0]+[^.!?\n“”\"]{{0,120}}?"
            rf"(?:,[ \t\u00a0]+|[ \t\u00a0]+)(?:{verbs})\b"
        ))


def read_speaker_rules(text: str, source: str = RULES_FILE) -> SpeakerRules:
    """``speakers.json``'s text as :class:`SpeakerRules`, validated: an unknown, missing or
    mistyped entry is a :class:`~iom_nlp.data.SettingsError` naming the entry and ``source``."""
    rules, _ = settings_from_json(parse_json_object(text, source), SpeakerRules, source)
    return rules


def packaged_speaker_rules() -> SpeakerRules:
    """The packaged ``models/speakers.json``, read anew (no module cache: a component reads its own
    ``data_path`` and passes its rules; this default serves direct calls of the rule functions)."""
    return read_speaker_rules((models_dir() / RULES_FILE).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SpeakerSettings:
    """Lexicons from ``models/quotes.json``; the regexes are compiled once here."""

    cues: tuple[str, ...]
    pronouns: tuple[str, ...]
    honorifics: tuple[str, ...]
    role_words: frozenset[str]
    lower_roles: tuple[str, ...] = ()
    not_name_words: frozenset[str] = frozenset()
    # Words that end a body's or a document's name, never a person's ("the Final Report said",
    # "Reconciliation Commission"): unlike not_name_words, checked on the last word.
    not_name_heads: frozenset[str] = frozenset()
    max_attribution_chars: int = 200
    role_connectors: frozenset[str] = frozenset({"for", "of", "and", "on", "in", "the", "to", "at", "&"})
    max_role_words: int = 14
    # Nouns for groups of people ("Returnees", "Officials", "Volunteers"): capitalised before a cue
    # they are still common nouns, never a speaker's name.
    people_nouns: frozenset[str] = frozenset()
    # The strategies' word lists and limits (``speakers.json``); the component passes the copy in its data_path.
    rules: SpeakerRules = field(default_factory=packaged_speaker_rules)
    cue_search: re.Pattern[str] = field(init=False, repr=False, compare=False)
    letterhead_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    role_words_lower: frozenset[str] = field(init=False, repr=False, compare=False)
    after_inverted: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_role_then_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_cue_article: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_normal: re.Pattern[str] = field(init=False, repr=False, compare=False)
    after_dash: re.Pattern[str] = field(init=False, repr=False, compare=False)
    inside_tail: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_normal: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_according: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_cue_reversed: re.Pattern[str] = field(init=False, repr=False, compare=False)
    lead_cue_reversed: re.Pattern[str] = field(init=False, repr=False, compare=False)
    honorific_prefix: re.Pattern[str] = field(init=False, repr=False, compare=False)
    honorific_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    role_then_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    role_then_name_reach: int = field(init=False, repr=False, compare=False)
    role_word_then_name: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cue = _factored_alternation(self.cues, space=_SPACES)
        pronoun = _factored_alternation(self.pronouns, longest_first=False)
        honorific = _factored_alternation(self.honorifics)
        name = rf"(?:(?:{honorific})\.?{_SPACES})*{_NAME_BODY}"
        # A name set off after a role: an honorific and a name, or two name words at least (a single
        # word there is as often a place: "said the IOM spokesperson, Geneva").
        full_name = rf"(?:(?:{honorific})\.?{_SPACES})+{_NAME_BODY}|{_NAME_BODY_MULTI}"
        lower_role = _factored_alternation(self.lower_roles, longest_first=False)
        lead_roles = {word for word in self.role_words if word[:1].isupper() and word not in self.rules.courtesy_role_words}
        lead_role = _factored_alternation(lead_roles)
        # "Nationals leader Warren Truss": an organisation, a lower-case role, then the name.
        role_prefix = rf"(?:{_NAME_BODY}{_SPACES}(?:{lower_role}){_SPACES})?"
        subject = rf"(?P<name>(?:{pronoun})\b|(?:[Tt]he{_SPACES})?{role_prefix}{name})"
        title = r"(?:\s*,\s*(?P<title>[^,“”\"\n]{3,150}?)\s*,)?"
        adverb = rf"(?:{_SPACES}\w+ly)?"
        object.__setattr__(self, "after_inverted", re.compile(
            rf"^\s*[,.]?\s*(?P<cue>{cue})\s+(?P<name>{name})(?P<after>\s*,\s*(?P<title>[^.;“”\"\n]{{3,150}}))?"
        ))
        # "…,” said the Greens spokesperson Jane Doe.": the cue, then "the" and a role (a capital, or
        # a lower-case role: "said the head of IOM’s office in Gaziantep, Jane Doe").
        object.__setattr__(self, "after_cue_article", re.compile(
            rf"\s*[,.]?\s*(?P<cue>{cue}){_SPACES}the{_SPACES}(?=[{_UPPER}]|(?:{lower_role})\b)"
        ))
        # "…,” said the Minister for Pacific Affairs, Sam Sample.
        object.__setattr__(self, "after_role_then_name", re.compile(
            rf"^\s*[,.]?\s*(?P<cue>{cue}){_SPACES}(?:the{_SPACES})?"
            rf"(?P<title>(?:{lead_role})\b[^,.;“”\"\n]{{0,80}}?),{_SPACES}(?P<name>{full_name})\b"
        ))
        object.__setattr__(self, "after_normal", re.compile(
            rf"^\s*[,.]?\s*{subject}(?:{_SPACES}\([^()\n]{{1,15}}\))?{title}{adverb}{_SPACES}(?P<cue>{cue})\b"
        ))
        # An open quote whose attribution ended up inside it ("… require it, Senator Jane Doe concluded.").
        object.__setattr__(self, "inside_tail", re.compile(
            rf",{_SPACES}(?P<name>(?:{honorific})\.?{_SPACES}{_NAME_BODY}|{_NAME_BODY}){_SPACES}(?P<cue>{cue})[.!]?[ \t\u00a0]*$"
        ))
        object.__setattr__(self, "after_dash", re.compile(
            rf"^\s*[-–—―‒]+[ \t]*(?P<name>{name})(?:\s*,\s*(?P<title>[^.;“”\"\n]{{3,150}}))?"
        ))
        object.__setattr__(self, "before_normal", re.compile(
            rf"{subject}{title}{adverb}{_SPACES}(?P<cue>{cue})(?:{_SPACES}[\w’']+){{0,5}}?[ \t]*(?:that)?[ \t]*[:,;]?[ \t]*$"
        ))
        # The end of before_normal (a cue, at most five words, "that", a colon) read backwards:
        # matched at the start of the reversed text it tells in one try whether before_normal,
        # tried at every position, can match at all.
        reversed_cue = _factored_alternation((cue[::-1] for cue in self.cues), space=_SPACES)
        object.__setattr__(self, "before_cue_reversed", re.compile(
            rf"[ \t]*[:,;]?[ \t]*(?:taht)?[ \t]*(?:[\w’']+{_SPACES}){{0,5}}(?:{reversed_cue}){_SPACES}"
        ))
        # The same for a cue and _BEFORE_TAIL (see _before_lead).
        object.__setattr__(self, "lead_cue_reversed", re.compile(
            rf"[ \t\u00a0]*[:,;]?[ \t\u00a0]*(?:taht)?[ \t\u00a0]*(?:[\w’'-]+[ \t\u00a0]+){{0,8}}(?:{reversed_cue})"
        ))
        object.__setattr__(self, "before_according", re.compile(
            rf"(?P<cue>[Aa]ccording{_SPACES}to){_SPACES}(?P<name>{name})(?:\s*,\s*(?P<title>[^,“”\"\n]{{3,150}}?))?\s*,?[ \t]*$"
        ))
        both_cases = {*self.honorifics, *(word.upper() for word in self.honorifics)}
        caps_honorific = _factored_alternation(both_cases)
        object.__setattr__(self, "letterhead_name", re.compile(
            rf"(?<![\w’'])(?:(?P<honorific>(?:{caps_honorific}))\.?{_SPACES})?(?P<name>[{_UPPER}][{_NAME_CHARS}]+(?:{_GAP}(?:[{_UPPER}]\.|[{_UPPER}][{_NAME_CHARS}]+)){{1,3}}?)"
            rf"(?=(?P<role>{_GAP}(?:MP|MHR|MLA|MLC)\b|(?:[ \t\u00a0]*[|,\n]\s*|[ \t\u00a0]{{2,}})(?:{lead_role})\b)"
            rf"|[ \t\u00a0]*(?:\||,|\n|$|[ \t\u00a0]{{2}}))"
        ))
        object.__setattr__(self, "cue_search", re.compile(rf"(?<![\w’'-])(?P<cue>{cue})(?![\w’'-])"))
        not_roles = self.rules.courtesy_role_words | self.rules.honorific_role_words
        role_lexicon = {word for word in self.role_words if word[:1].isupper()} - not_roles
        object.__setattr__(self, "role_words_lower", frozenset(word.lower() for word in role_lexicon | set(self.lower_roles)))
        object.__setattr__(self, "honorific_prefix", re.compile(rf"^(?:(?:{honorific})\.?{_SPACES})+"))
        # An honorific (a whole word: no letter after it), then a name ("Senator Jane Doe").
        one_word = [word for word in self.honorifics if re.fullmatch(r"[A-Z][A-Za-z]*", word)]
        object.__setattr__(self, "honorific_name", re.compile(
            rf"(?P<honorific>{_opening_alternation(one_word)})(?![A-Za-z])\.?(?={_SPACES}(?P<name>{_NAME_BODY}))"
        ))
        # A role that names a person (an honorific, or a lower-case role capitalised: "Chief of
        # Mission in Yemen, Matt Huber,", "Spokesperson, Jo Roe,").
        set_off_roles = {*self.honorifics, *self.rules.set_off_role_words, *(role.capitalize() for role in self.lower_roles)}
        roles = _opening_alternation(set_off_roles)
        full_name = rf"[{_UPPER}][\w’'\-]+(?:[ \t]+(?:[{_UPPER}]\.|[{_UPPER}][\w’'\-]+)){{1,3}}"
        object.__setattr__(self, "role_then_name", re.compile(
            rf"(?:{roles})\b[^,.\n“”\"]{{0,{self.rules.role_to_comma_chars}}},[ \t]+(?P<name>{full_name})[ \t]*,"
        ))
        # "Chief of Mission Maria Moita visited", "spokesperson Joe Millman told": see names_after_role_words.
        role_openers = {word for word in self.role_words if word[:1].isupper() and word not in not_roles}
        object.__setattr__(self, "role_word_then_name", re.compile(
            rf"(?:{_opening_alternation({*role_openers, *self.lower_roles})})(?![\w’'-])[ \t]+"
            rf"(?P<name>{_NAME_BODY_MULTI})(?=[ \t]*(?:[,.;:()]|[ \t]+[a-z]|$))"
        ))
        # How far before its first comma a role_then_name match can start (see names_after_roles).
        longest_role = max((len(word) for word in set_off_roles), default=0)
        object.__setattr__(self, "role_then_name_reach", longest_role + self.rules.role_to_comma_chars)


@dataclass(frozen=True)
class Attribution:
    """The speaker of one quote: the name as the release gives it in full, and where."""

    name: str | None
    title: str | None
    cue: str | None
    start: int | None
    end: int | None
    # The strategy that read it (a name of STRATEGIES, or how it was carried from another quote).
    source: str | None = None


@dataclass(frozen=True)
class Person:
    """A person mentioned in the release (from the statistical NER or from name patterns)."""

    start: int
    end: int
    name: str


class WrittenAttributions:
    """Reads the attribution written next to each quote (or found by ``fallback``), unresolved.

    The component reads twice: all quotes, to tell speech from scare quotes, then the quotes it
    keeps. What is written next to a quote depends only on the quote and on where the next quote
    opens, so a kept quote whose next quote did not change is not read again.
    """

    def __init__(
        self, text: str, settings: SpeakerSettings, fallback: Callable[[QuoteSpan], Attribution | None] | None = None
    ) -> None:
        self.text = text
        self.settings = settings
        self.fallback = fallback
        self.wrapped = _BLANK_LINE.search(text) is not None
        self._read: dict[tuple[QuoteSpan, int], Attribution | None] = {}

    def __call__(self, quotes: Sequence[QuoteSpan]) -> list[Attribution | None]:
        """One attribution (or None) per quote, in order."""
        found: list[Attribution | None] = []
        for index, quote in enumerate(quotes):
            following = quotes[index + 1].open_at if index + 1 < len(quotes) else len(self.text)
            key = (quote, following)
            if key not in self._read:
                self._read[key] = self._read_one(quote, following)
            found.append(self._read[key])
        return found

    def _read_one(self, quote: QuoteSpan, following: int) -> Attribution | None:
        found = read_written(self.text, quote, following, self.settings, self.wrapped)
        if found is None and self.fallback is not None:
            found = self.fallback(quote)
            if found is not None:
                found = with_source(found, PARSE_SOURCE)
        return found


def attribute_quotes(
    text: str,
    quotes: Sequence[QuoteSpan],
    people: Sequence[Person] | Callable[[], Sequence[Person]],
    settings: SpeakerSettings,
    fallback: Callable[[QuoteSpan], Attribution | None] | None = None,
    not_a_person: Callable[[str], bool] | None = None,
    written: Sequence[Attribution | None] | None = None,
    named_at: Callable[[int], tuple[int, int] | None] | None = None,
) -> list[Attribution]:
    """The speaker of each quote, in order (``name`` None when the release does not say).

    ``fallback`` is asked when no attribution pattern matches (the component passes one that
    reads the dependency parse, when the base model has a parser). ``not_a_person`` names that
    are places, bodies or demonyms in this release ("Jordan", "Greens"): such a speaker is
    dropped, because no speaker is better than a wrong one. ``written``: what
    :class:`WrittenAttributions` read for these quotes, when the caller has it already.
    ``named_at``: the span of the place, country or body the release names at an offset, if any;
    a speaker's name that opens with one ("… in South Sudan Jane Doe said") starts after it.
    """
    if written is None:
        written = WrittenAttributions(text, settings, fallback)(quotes)
    resolver = NameResolver(text, people, settings, not_a_person, named_at)
    results: list[Attribution] = []
    previous: Attribution | None = None
    previous_quote: QuoteSpan | None = None
    for quote, found in zip(quotes, written, strict=True):
        if found is not None:
            since = previous_quote.close_at if previous_quote is not None else 0
            found = with_source(resolver.resolve(found, quote.open_at, previous, since), found.source)
        elif previous is not None and previous_quote is not None and _close_enough(text, previous_quote, quote, settings.rules):
            found = Attribution(previous.name, previous.title, None, None, None, CONTINUES_PREVIOUS)
        results.append(found or Attribution(None, None, None, None, None, UNATTRIBUTED))
        if found is not None and found.name:
            previous, previous_quote = found, quote
        elif found is None:
            previous_quote = quote if previous is not None else None
    results = _inherit_backwards(text, quotes, results, settings.rules)
    results = _carry_titles(results, resolver)
    return _letterhead_speaker(text, results, resolver)


def _carry_titles(results: list[Attribution], resolver: NameResolver) -> list[Attribution]:
    """A later quote by the same person ("…,” Loprete added") carries the title given at the first
    mention: the title of the person's first titled quote, else the role written at the person's
    first mention in the release ("IOM Libya Chief of Mission Federico Loprete visited …")."""
    titles: dict[str, str | None] = {}
    carried = []
    for result in results:
        if result.name:
            key = result.name.lower()
            if result.title and key not in titles:
                titles[key] = result.title
            elif not result.title:
                if key not in titles:
                    titles[key] = resolver.title_at_first_mention(result.name)
                if titles[key]:
                    result = replace(result, title=titles[key])
        carried.append(result)
    return carried


def _letterhead_speaker(text: str, results: list[Attribution], resolver: NameResolver) -> list[Attribution]:
    """Quotes nobody is named for, in a release under one person's letterhead, are that person's.

    ("Senator Jane Doe | Greens spokesperson for ..." above first-person paragraphs in quotes.)
    """
    if all(result.name for result in results):
        return results
    person = resolver.letterhead
    if person is None:
        return results
    return [
        result if result.name else Attribution(person.name, result.title, result.cue, person.start, person.end, LETTERHEAD)
        for result in results
    ]


def _inherit_backwards(text: str, quotes: Sequence[QuoteSpan], results: list[Attribution], rules: SpeakerRules) -> list[Attribution]:
    """An unattributed quote that opens a run (a headline quote) belongs to the next speaker close after it."""
    for index in range(len(results) - 2, -1, -1):
        current, following = results[index], results[index + 1]
        if current.name is None and current.cue is None and following.name and _close_enough(text, quotes[index], quotes[index + 1], rules):
            results[index] = Attribution(following.name, following.title, None, None, None, INHERITS_NEXT)
    return results


@dataclass(frozen=True)
class Strategy:
    """One way releases write who said a quote: its ``name`` (the quote's ``source`` in the output),
    an ``example`` of the writing it reads, and the pure function that reads it."""

    name: str
    example: str
    read: Callable[[QuoteWindow], Attribution | None]


class QuoteWindow:
    """The text around one quote that the strategies read: the attribution window after it (its
    line or, in hard-wrapped text, its paragraph, up to the next quote) and the lead-in window
    before it. The window after, which the first strategy reads, is computed at once; the rest on
    first use, shared by the strategies that read it, so trying the strategies in turn costs
    about what the single cascade it replaces did."""

    def __init__(self, text: str, quote: QuoteSpan, following: int, settings: SpeakerSettings, wrapped: bool) -> None:
        self.text = text
        self.quote = quote
        self.settings = settings
        # Where the attribution after the quote may start (the next paragraph for a quote ending with a comma).
        after_start = quote.close_at + 1 if quote.closed else quote.end
        while after_start < len(text) and text[after_start] == "'":
            after_start += 1
        if quote.closed:
            after_start = _attribution_paragraph(text, quote, after_start)
        self.after_start = after_start
        self.line_end = _line_end(text, after_start)
        # The window ends at the next quote, max_attribution_chars on, and its line (wrapped: the text
        # separates paragraphs by blank lines, so a single line end is a hard wrap: its paragraph).
        limit = _wrapped_end(text, after_start) if wrapped else self.line_end
        self.after_end = min(following, after_start + settings.max_attribution_chars, limit)
        # Markup blanked (same length, so offsets hold).
        self.after = _TAG.sub(_blank, text[after_start : self.after_end])
        # "…,” said Jane Doe …": a cue, then a name, right after the quote.
        self.inverted = settings.after_inverted.search(self.after)

    @cached_property
    def cue_after(self) -> re.Match[str] | None:
        """The first speech cue in the window after the quote."""
        return self.settings.cue_search.search(self.text, self.after_start, self.after_end)

    @cached_property
    def before_end(self) -> int:
        return _lead_in_end(self.text, self.quote.open_at)

    @cached_property
    def before_start(self) -> int:
        """The lead-in window opens at its line (and the line before, when a paragraph introduces
        the quote), at most ``max_attribution_chars`` before it."""
        end, reach = self.before_end, self.settings.max_attribution_chars
        if end != self.quote.open_at:
            return _lead_in_start(self.text, end, end - reach)
        return max(_line_start(self.text, end), end - reach)

    @cached_property
    def before(self) -> str:
        """The lead-in window, markup blanked."""
        return _TAG.sub(_blank, self.text[self.before_start : self.before_end])


def _cue_then_role_name(window: QuoteWindow) -> Attribution | None:
    inverted = window.inverted
    if inverted is None:
        return None
    start = window.after_start + inverted.start("name")
    return _inverted_role_name(window.text, start, window.after_end, window.settings, inverted.group("cue"))


def _cue_the_role_name(window: QuoteWindow) -> Attribution | None:
    if window.inverted is not None:
        return None  # a name right after the cue: the name patterns read it
    article = window.settings.after_cue_article.match(window.after)
    if article is None:
        return None
    start = window.after_start + article.end()
    return _inverted_role_name(window.text, start, window.after_end, window.settings, article.group("cue"))


def _role_name_then_cue(window: QuoteWindow) -> Attribution | None:
    cue = window.cue_after if window.inverted is None else None
    if cue is None:
        return None
    return lead_attribution(window.text, window.after_start, cue.start(), window.settings, cue.group("cue"))


def _unnamed_role_then_cue(window: QuoteWindow) -> Attribution | None:
    cue = window.cue_after if window.inverted is None else None
    if cue is None:
        return None
    return _role_only(window.text, window.after_start, cue.start(), window.settings, cue.group("cue"))


def _role_reference_then_cue(window: QuoteWindow) -> Attribution | None:
    cue = window.cue_after if window.inverted is None else None
    if cue is None:
        return None
    return role_reference(window.text, window.after_start, cue.start(), window.settings, cue.group("cue"))


def _after_pattern(pattern: Callable[[SpeakerSettings], re.Pattern[str]]) -> Callable[[QuoteWindow], Attribution | None]:
    """A strategy that is one of the settings' regexes searched in the window after the quote."""

    def read(window: QuoteWindow) -> Attribution | None:
        match = pattern(window.settings).search(window.after)
        return _attribution(match, window.after_start) if match else None

    return read


def _cue_then_name(window: QuoteWindow) -> Attribution | None:
    match = window.inverted
    return _attribution(match, window.after_start) if match else None


def _pull_quote_lines(window: QuoteWindow) -> Attribution | None:
    if window.text[window.after_start : window.line_end].strip():
        return None  # the quote's line goes on: no pull quote
    return _name_on_next_line(window.text, window.line_end, window.settings)


def _lead_in_role_name(window: QuoteWindow) -> Attribution | None:
    return _before_lead(window.text, window.before_start, window.before_end, window.settings)


def _according_to(window: QuoteWindow) -> Attribution | None:
    if "ccording" not in window.before:
        return None
    match = window.settings.before_according.search(window.before)
    return _attribution(match, window.before_start) if match else None


def _according_to_role_name(window: QuoteWindow) -> Attribution | None:
    if "ccording" not in window.before:
        return None
    return _according_to_role(window.text, window.before_start, window.before_end, window.settings)


def _lead_in_name(window: QuoteWindow) -> Attribution | None:
    before, settings = window.before, window.settings
    if settings.before_cue_reversed.match(before[::-1]) is None:
        return None  # no cue then a short tail at the end: one try on the window read backwards
    match = settings.before_normal.search(before)
    if match is None:
        return None
    if window.before_end != window.quote.open_at and (
        not _opens_lead_in(before, match.start("name")) or match.group("name") in settings.pronouns
    ):
        # a paragraph of its own ("... in the area of Human Resource Development suggested the
        # following:"): its subject must open it, not be the last capitalised words before the cue;
        # and a pronoun there ("He told a press conference:") is too far from its antecedent
        return None
    return _attribution(match, window.before_start)


def _colon_lead_in(window: QuoteWindow) -> Attribution | None:
    return _after_colon(window.text, window.quote.open_at, window.settings)


def _tail_inside_quote(window: QuoteWindow) -> Attribution | None:
    quote = window.quote
    if quote.closed:
        return None
    tail_start = max(quote.start, quote.end - window.settings.max_attribution_chars)
    match = window.settings.inside_tail.search(window.text, tail_start, quote.end)
    return _attribution(match, 0) if match else None


# The ways an attribution is written next to a quote, tried in this order; the first that reads
# one wins, and its name is the quote's source. After the quote first (on its line or paragraph),
# then before it. The order is the decision: a role-then-name reading beats the plain name
# patterns, which would take the role's last capitalised words for a name.
STRATEGIES: tuple[Strategy, ...] = (
    Strategy("cue_then_role_name", "“…,” said Greens’ spokesperson for immigration Senator Jane Doe.", _cue_then_role_name),
    Strategy("cue_the_role_name", "“…,” said the Greens spokesperson Jane Doe.", _cue_the_role_name),
    Strategy("role_name_then_cue", "“…,” IOM Director General Amy Pope said.", _role_name_then_cue),
    Strategy("unnamed_role_then_cue", "“…,” the Federal Relief Commission’s logistics chief told reporters.", _unnamed_role_then_cue),
    Strategy("role_reference_then_cue", "“…,” the Chief of Mission said.", _role_reference_then_cue),
    Strategy("cue_then_role_comma_name", "“…,” said the Minister for Pacific Affairs, Sam Sample.",
             _after_pattern(lambda settings: settings.after_role_then_name)),
    Strategy("cue_then_name", "“…,” said Jane Doe, IOM spokesperson.", _cue_then_name),
    Strategy("name_then_cue", "“…,” Jane Doe said. / “…,” she said.", _after_pattern(lambda settings: settings.after_normal)),
    Strategy("dash_name", "“…” – Jane Doe, IOM", _after_pattern(lambda settings: settings.after_dash)),
    Strategy("pull_quote_lines", "“…” / Jane Doe / IOM Regional Director for East Africa", _pull_quote_lines),
    Strategy("lead_in_role_name", "IOM Director General Amy Pope said: “…”", _lead_in_role_name),
    Strategy("according_to", "According to Jane Doe, “…”", _according_to),
    Strategy("according_to_role_name", "According to IOM Niger’s Chief of Mission Jane Doe, “…”", _according_to_role_name),
    Strategy("lead_in_name", "Jane Doe said: “…”", _lead_in_name),
    Strategy("colon_lead_in", "… is attributable to IOM Director General Jane Doe: “…”", _colon_lead_in),
    Strategy("tail_inside_quote", "“… require it, Senator Jane Doe concluded.", _tail_inside_quote),
)
# The component's reading of the dependency parse, asked when no strategy reads an attribution.
PARSE_SOURCE = "dependency_parse"
# Sources of speakers no written attribution gives (see attribute_quotes), and of a quote with none.
CONTINUES_PREVIOUS = "continues_previous"
INHERITS_NEXT = "inherits_next"
LETTERHEAD = "letterhead"
UNATTRIBUTED = "unattributed"
# What each source that is no written strategy means, for explanations (``--explain``).
CARRIED_SOURCES: dict[str, str] = {
    PARSE_SOURCE: "the subject of a speech verb in the base model's dependency parse of the quote's sentence",
    CONTINUES_PREVIOUS: "no attribution of its own: continues the speaker of the quote just before it",
    INHERITS_NEXT: "no attribution of its own: an opening quote, given to the speaker of the quote right after it",
    LETTERHEAD: "no attribution: the one person the release's letterhead names",
    UNATTRIBUTED: "nothing in the release says who said it",
}


def read_written(
    text: str, quote: QuoteSpan, following: int, settings: SpeakerSettings, wrapped: bool = False
) -> Attribution | None:
    """The attribution written next to the quote, by the first of :data:`STRATEGIES` that reads
    one, carrying that strategy's name as its ``source``; None when none does."""
    window = QuoteWindow(text, quote, following, settings, wrapped)
    for strategy in STRATEGIES:
        found = strategy.read(window)
        if found is not None:
            return with_source(found, strategy.name)
    return None


def with_source(found: Attribution, source: str | None) -> Attribution:
    """``found`` carrying ``source`` (``dataclasses.replace`` without its field-by-field introspection)."""
    return Attribution(found.name, found.title, found.cue, found.start, found.end, source)
def _opens_lead_in(before: str, start: int) -> bool:
    """Nothing but a sentence end stands before ``start`` in the lead-in window ``before`` (at most
    ``max_attribution_chars`` long)."""
    head = before[:start].rstrip(" \t\u00a0")
    if head.endswith("\n"):  # the name opens its line: a sentence, unless the line before runs on into it
        previous = head.rstrip()
        return not previous or not (previous[-1].islower() or previous[-1] == ",")
    return head == "" or head[-1] in ".!?" or (head[-1] in "\"”’)" and head[-2:-1] in (".", "!", "?"))


def _lead_in_end(text: str, open_at: int) -> int:
    """Where the words that introduce a quote end: right before it, or, for a quote opening its own
    paragraph after one that ends with a colon ("Jane Doe said in Geneva on Tuesday:"), after that colon."""
    colon = _COLON_BEFORE.search(text, max(0, open_at - 12), open_at)
    if colon is not None and "\n" in text[colon.start() : open_at]:
        return colon.start() + 1
    return open_at


def _lead_in_start(text: str, end: int, limit: int) -> int:
    """Where the lead-in window before ``end`` starts: its line, and the line before it when that one
    does not end a sentence (double-spaced text: "... Opposition / Leader Jane Doe remarked:")."""
    limit = max(0, limit)
    start = _line_start(text, end)
    head = text[max(limit, start - 200) : start]
    stripped = head.rstrip()
    if stripped and stripped[-1] not in ".!?:;\"”’)":
        start = _line_start(text, start - (len(head) - len(stripped)))
    return max(start, limit)


_ACCORDING_TO = re.compile(r"[Aa]ccording[ \t\u00a0]+to[ \t\u00a0]+")


def _according_to_role(text: str, start: int, end: int, settings: SpeakerSettings) -> Attribution | None:
    """"According to IOM Niger’s Chief of Mission Jane Doe, “…": a role, then the name, right before the quote."""
    last = None
    for match in _ACCORDING_TO.finditer(text, start, end):
        last = match
    if last is None:
        return None
    found = lead_attribution(text, last.end(), end, settings, last.group().strip())
    if found is None or text[found.end : end].strip(" \t\u00a0") not in {",", ":", ""}:
        return None  # the name must close the phrase that introduces the quote
    return found


_NEXT_PARAGRAPH = re.compile(r"[ \t\u00a0]*\n\s{0,12}(?=[\w])")


def _attribution_paragraph(text: str, quote: QuoteSpan, after_start: int) -> int:
    """Where the attribution of a quote starts: a quote ending with a comma ("… relations,”) whose
    line ends there has its attribution at the start of the next paragraph ("The Minister, Jane
    Doe, said today."), as text extracted from a PDF often breaks it."""
    if not text[quote.start : quote.end].rstrip().endswith(","):
        return after_start
    following = _NEXT_PARAGRAPH.match(text, after_start)
    return following.end() if following is not None else after_start


def _wrapped_end(text: str, start: int) -> int:
    """The end of the paragraph around ``start`` in hard-wrapped text: the next blank line, or a
    line that opens with a quote mark (the next quote's own paragraph)."""
    position = start
    while True:
        newline = text.find("\n", position)
        if newline < 0:
            return len(text)
        following = text[newline + 1 : newline + 4].lstrip(" \t\u00a0")
        if not following or following[0] in "\n“\"«„‘":
            return newline
        position = newline + 1
        if position - start > 400:
            return newline


def _role_only(text: str, start: int, end: int, settings: SpeakerSettings, cue: str) -> Attribution | None:
    """"the Federal Relief Commission's logistics chief told reporters": a speaker with a role and
    no name. The quote is theirs (so it is not handed to the last named speaker), unnamed."""
    words = text[start:end].strip(_EDGE_PUNCTUATION + " \t\n\u00a0").split()
    if not 3 <= len(words) <= settings.max_role_words or words[0].lower() not in settings.rules.unnamed_role_openers:
        return None  # "the Minister", "the spokesman": left to the resolver, which looks for them by role
    if any(mark in word for word in words for mark in "“”\"().;:!?"):
        return None
    if words[0].lower() in settings.rules.indefinite_articles and all(not word[:1].isupper() for word in words[1:]):
        return Attribution(None, " ".join(words[1:]), re.sub(r"\s+", " ", cue), None, None)  # "a 27-year-old worker"
    roles = set(settings.lower_roles)
    if not any(word.strip(",") in roles or word.strip(",")[:-1] in roles for word in words[1:]):
        return None
    if any(_is_name_word(word, settings) and word[:1].isupper() for word in words[-2:]):
        return None  # a name at the end: left to the name patterns
    return Attribution(None, " ".join(words[1:]), re.sub(r"\s+", " ", cue), None, None)


def role_reference(text: str, start: int, end: int, settings: SpeakerSettings, cue: str) -> Attribution | None:
    """"…,” the Chief of Mission said", "…,” the IOM spokesperson added": a role alone, in words
    that are all role words (and their joiners), standing for a person the release names with
    that role. Returned as a name-less reference ("the Chief of Mission") for the resolver."""
    words = text[start:end].strip(_EDGE_PUNCTUATION + " \t\n\u00a0").split()
    if len(words) > settings.rules.max_role_reference_words or not is_role_reference(" ".join(words), settings):
        return None
    reference = " ".join(words)
    return Attribution(reference, None, re.sub(r"\s+", " ", cue), None, None)


def is_role_reference(raw: str, settings: SpeakerSettings) -> bool:
    """"the Chief of Mission", "the IOM spokesperson": a role standing for a person, no name."""
    words = raw.split()
    if len(words) < 2 or words[0].lower() not in settings.rules.role_reference_openers:
        return False
    rest = [word for word in words[1:] if word.upper() != word or word.lower() in settings.role_words_lower]
    return bool(rest) and rest[-1].lower() in settings.role_words_lower and all(
        word.lower() in settings.role_words_lower or word.lower() in settings.rules.role_reference_joiners for word in rest
    )


_CLAUSE_END = re.compile(r"[,;.!?]")


def _inverted_role_name(text: str, start: int, end: int, settings: SpeakerSettings, cue: str) -> Attribution | None:
    """"said Greens’ spokesperson for immigration Senator Jane Doe.": a role, then the name, after the cue.

    The role may be set off by commas ("said Japan’s Ambassador to Sudan, Hiroshi Tanaka, in ..."):
    the name is then the clause after it, or the name that ends a later clause of the title.
    """
    stop = _clause_stop(text, start, end, _CLAUSE_END)
    tokens = [(match.group(), match.start()) for match in _LEAD_TOKEN.finditer(text, start, stop)]
    split = _role_then_trailing_name(tokens, settings)
    if split is None and text.startswith(",", stop):
        split = _name_after_set_off_role(text, tokens, stop, end, settings)
    if split is None:
        return None
    title_tokens, name_tokens = split
    title_end = title_tokens[-1][1] + len(title_tokens[-1][0])  # a courtesy title before the name left out
    title = re.sub(r"\s+", " ", text[title_tokens[0][1] : title_end]).strip(" ,")
    title = re.sub(r"^[Tt]he ", "", title)
    name_start, name_end = name_tokens[0][1], name_tokens[-1][1] + len(name_tokens[-1][0])
    return Attribution(re.sub(r"\s+", " ", text[name_start:name_end]), title or None, re.sub(r"\s+", " ", cue), name_start, name_end)


def _clause_stop(text: str, start: int, end: int, pattern: re.Pattern[str]) -> int:
    """Where the first clause mark of ``pattern`` after ``start`` is; a period after an abbreviation counts not."""
    for match in pattern.finditer(text, start, end):
        if match.group() == "." and _ABBREVIATION.search(text, max(0, match.start() - 8), match.start() + 1):
            continue
        return match.start()
    return end


def _role_then_trailing_name(tokens: list[tuple[str, int]], settings: SpeakerSettings) -> _Split | None:
    """The role words, then the name that ends where lower-case words begin ("... Senator Jane Doe in Adelaide today")."""
    for cut in range(3, min(len(tokens), settings.max_role_words) + 1):
        if cut < len(tokens) and (not tokens[cut][0][:1].islower() or tokens[cut][0] in settings.rules.title_joiners):
            continue  # "... for International Security and Nonproliferation Eliot Kang": not yet the name
        if cut + 1 < len(tokens) and tokens[cut][0] in _PARTICLES and (
            tokens[cut + 1][0][:1].isupper() or tokens[cut + 1][0] in _PARTICLES
        ):
            continue  # "... Peter van der Berg": a particle inside the name
        head = tokens[:cut]
        while head and head[-1][0] == ",":
            head = head[:-1]  # "..., Jane Doe, on Monday": the name before the comma
        split = _trailing_name(head, settings) if _plausible_subject(head, settings) else None
        if split is not None:
            return split
    return None


_SENTENCE_CLAUSE_END = re.compile(r"[;.!?]")


def _name_after_set_off_role(
    text: str, role: list[tuple[str, int]], comma: int, end: int, settings: SpeakerSettings
) -> _Split | None:
    """"Japan’s Ambassador to Sudan, Hiroshi Tanaka": a role (no name in it) set off by a comma, then
    the name; or a title with commas in it whose last clause ends with the name ("Assistant Secretary
    for Population, Refugees, and Migration Julieta Valls Noyes"). At most three clauses, one sentence."""
    if not role or not _has_role(role, settings) or _name_segment(role, settings) is not None:
        return None
    stop = _clause_stop(text, comma, end, _SENTENCE_CLAUSE_END)
    more = [(match.group(), match.start()) for match in _LEAD_TOKEN.finditer(text, comma, stop)]
    commas = [index for index, (word, _) in enumerate(more) if word == ","]
    if len(commas) > settings.rules.max_set_off_clauses:
        more = more[: commas[settings.rules.max_set_off_clauses]]
    split = _role_then_trailing_name(role + more, settings)
    if split is None or split[1][0][1] <= comma or len(split[1]) < 2:
        return None  # the name must be a clause after the role, and a full name
    return split


# The name line, then the role line; a blank line may stand before each (paragraphs of a web page).
_NEXT_LINE = re.compile(
    r"\n(?:[ \t\u00a0]*\n){0,2}[ \t\u00a0]*([^\s][^\n]{0,59})\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*([^\s][^\n]{1,119})"
)


_SENTENCE_INSIDE = re.compile(r"\w[.!?][ \t\u00a0]+[A-Z]")


def _name_on_next_line(text: str, line_end: int, settings: SpeakerSettings) -> Attribution | None:
    """A pull quote: the quote alone on its line, the speaker's name on the next, the role after
    ("Jane Doe" / "IOM Regional Director for East Africa"). Both lines must look the part."""
    match = _NEXT_LINE.match(text, line_end)
    if match is None:
        return None
    name_line, role_line = match.group(1).strip(" ,–—-"), match.group(2).strip()
    tokens = [(word, 0) for word in name_line.split()]
    name_tokens = _name_segment(tokens, settings)
    role_tokens = [(word, 0) for word in role_line.split()]
    if name_tokens is None or len(name_tokens) < 2 or role_line.endswith((".", "!", "?")) or not _has_role(role_tokens, settings):
        return None
    if len(role_tokens) > settings.max_role_words or _SENTENCE_INSIDE.search(role_line):
        return None  # a paragraph of body text after a heading, not a role
    name = " ".join(word for word, _ in name_tokens)
    start = text.find(name, match.start(1), match.end(1))
    if start < 0:
        return None
    return Attribution(name, role_line, None, start, start + len(name))


def sentence_bounds(text: str, open_at: int, close_at: int, reach: int = 300) -> tuple[int, int]:
    """Where a quote's own sentence begins before ``open_at`` and ends after ``close_at``.

    A period after an abbreviation ("Rep.", "Mr.", an initial) ends no sentence. A quote whose
    own text ends a sentence ("… appalling.”) ends its sentence at its closing mark, unless a
    lower-case word follows ("… appalling.” she said"): otherwise the next paragraph would be read
    as the quote's attribution. Bounded to ``reach`` characters on each side.
    """
    low = max(0, open_at - reach)
    for match in _SENTENCE_BOUNDARY_END.finditer(text, low, open_at):
        if not _ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            low = match.end()
    if _ENDS_SENTENCE_INSIDE.search(text, max(0, close_at - 3), close_at) and not _LOWER_NEXT.match(text, close_at + 1):
        return low, min(len(text), close_at + 1)
    high = min(len(text), close_at + reach)
    for match in _SENTENCE_BOUNDARY_END.finditer(text, close_at + 1, high):
        if not _ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            return low, match.end()
    return low, high


_SENTENCE_BOUNDARY_END = re.compile(r"[.!?][\"”’)]*\s")
# The quote's text ends with a sentence end (perhaps before a closing bracket or inner mark) ...
_ENDS_SENTENCE_INSIDE = re.compile(r"[.!?][’')]?$")
# ... unless its sentence runs on after the closing mark: "… appalling.” she said".
_LOWER_NEXT = re.compile(r"[ \t\u00a0]*[a-z]")


# Markup left in the text ("said <strong>Jane Doe</strong>,"): blanked, same length, before matching.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,60}>")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


_COLON_BEFORE = re.compile(r":[ \t\u00a0]*(?:\n[ \t\u00a0]*){0,3}$")


def _after_colon(text: str, open_at: int, settings: SpeakerSettings) -> Attribution | None:
    """A quote after a colon whose sentence ends with a name: "... is attributable to IOM Director
    General Jane Doe:" then the quote, on the same line or in the next paragraph."""
    colon = _COLON_BEFORE.search(text, max(0, open_at - 12), open_at)
    if colon is None:
        return None
    end = colon.start()
    start = max(_line_start(text, end), end - settings.max_attribution_chars)
    for boundary in _SENTENCE_BOUNDARY.finditer(text, start, end):
        if not _ABBREVIATION.search(text, max(start, boundary.start() - 6), boundary.start() + 1):
            start = boundary.end()
    tokens = [(match.group(), match.start()) for match in _LEAD_TOKEN.finditer(text, start, end)]
    if not tokens or tokens[-1][0] == ",":
        return None
    split = _trailing_name(tokens, settings)
    if split is None:
        return None
    title_tokens, name_tokens = split
    title_start = title_tokens[0][1]
    for index in range(len(title_tokens) - 1, -1, -1):
        word = title_tokens[index][0]
        if not (word[:1].isupper() or word in settings.role_connectors or word.lower() in settings.role_words_lower):
            title_start = title_tokens[index + 1][1] if index + 1 < len(title_tokens) else name_tokens[0][1]
            break
    name_start, name_end = name_tokens[0][1], name_tokens[-1][1] + len(name_tokens[-1][0])
    title = re.sub(r"\s+", " ", text[title_start:name_start]).strip(" ,") or None
    return Attribution(re.sub(r"\s+", " ", text[name_start:name_end]), title, None, name_start, name_end)


_BEFORE_TAIL = re.compile(r"(?:[ \t\u00a0]+[\w’'-]+){0,8}?[ \t\u00a0]*(?:that)?[ \t\u00a0]*[:,;]?[ \t\u00a0]*")
_SENTENCE_BOUNDARY = re.compile(r"[.!?][\"”’)]*[ \t\u00a0]+|[“”\"\n]")
# A period that ends no sentence: an initial, an initialism or a title's abbreviation ("Sen.", "Mr.", "E.", "U.S.").
_ABBREVIATION = re.compile(
    r"(?:^|[ \t\u00a0(])(?:(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|Sen|Gen|Jr|Sr|St|Prof|Rep|Gov|Hon|Capt|Col|Lt|Sgt|Rev|Mt|Ft|Messrs)\.$"
)
# The same without initialisms: a title before a name ("Dr.", "Gen."), see _opens_sentence.
_TITLE_ABBREVIATION = re.compile(
    r"(?:^|[ \t\u00a0(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Gen|Jr|Sr|St|Prof|Rep|Gov|Hon|Capt|Col|Lt|Sgt|Rev|Mt|Ft|Messrs)\.$"
)


def _before_lead(text: str, start: int, end: int, settings: SpeakerSettings) -> Attribution | None:
    """"IOM Director General Amy Pope said:" before the quote: the last cue followed only by a short tail."""
    if settings.lead_cue_reversed.match(text[start:end][::-1]) is None:
        return None  # no cue then a short tail at the end: one try on the window read backwards
    cue = None
    for match in settings.cue_search.finditer(text, start, end):
        if _BEFORE_TAIL.fullmatch(text, match.end(), end):
            cue = match
    if cue is None:
        return None
    lead_start = start
    for boundary in _SENTENCE_BOUNDARY.finditer(text, start, cue.start()):
        if not _ABBREVIATION.search(text, max(start, boundary.start() - 6), boundary.start() + 1):
            lead_start = boundary.end()
    return lead_attribution(text, lead_start, cue.start(), settings, cue.group("cue"))


_LEAD_TOKEN = re.compile(r"[^\s,]+|,")
# Role tokens and name tokens of a split "role, then name" phrase; each token is (word, offset).
_Split = tuple[list[tuple[str, int]], list[tuple[str, int]]]
# "Rep. Jane Roe (D-Md.)": a party or state tag after a name is neither name nor title.
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_TAG_IN_PARENTHESES = re.compile(r"\([^()\s]{1,12}\)")
_EDGE_PUNCTUATION = ",.;:–—-”“\"'’"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_NAME_TOKEN = re.compile(rf"(?:{_INITIAL}|[{_UPPER}][{_NAME_CHARS}]*)")


def lead_attribution(text: str, start: int, end: int, settings: SpeakerSettings, cue: str) -> Attribution | None:
    """A role phrase and a name right before a speech cue, the role first.

    "IOM's Tom Brown", "Shadow Minister for Health Catherine King", "IOM Yemen Health Programme
    Coordinator Ali Omar", "the Greens’ immigration spokesperson, Senator Jane Doe,". Returns None
    unless a role stands before the name (names alone are left to the other patterns), and when
    the words between quote and cue are not a subject (a clause, a sentence end).
    """
    tokens = [(match.group(), match.start()) for match in _LEAD_TOKEN.finditer(text, start, end)]
    tokens = [token for token in tokens if _TAG_IN_PARENTHESES.fullmatch(token[0]) is None]
    while tokens and tokens[0][0].strip(_EDGE_PUNCTUATION) == "":
        tokens.pop(0)
    while tokens and tokens[-1][0] == ",":
        tokens.pop()
    if len(tokens) < 2 or len(tokens) > settings.max_role_words or not _plausible_subject(tokens, settings):
        return None
    segments: list[list[tuple[str, int]]] = [[]]
    for token in tokens:
        if token[0] == ",":
            segments.append([])
        else:
            segments[-1].append(token)
    segments = [segment for segment in segments if segment]
    if len(segments) > 3:
        return None
    if len(segments) >= 2:
        title_tokens = [token for segment in segments[:-1] for token in segment]
        name_tokens = _name_segment(segments[-1], settings)
        if name_tokens is None or not _has_role(title_tokens, settings):
            return None
    else:
        split = _trailing_name(segments[0], settings)
        if split is None:
            return None
        title_tokens, name_tokens = split
    title = text[title_tokens[0][1] : title_tokens[-1][1] + len(title_tokens[-1][0])].strip(" ,")
    title = re.sub(r"^[Tt]he[ \t\u00a0]+", "", re.sub(r"\s+", " ", title))
    name_start, name_end = name_tokens[0][1], name_tokens[-1][1] + len(name_tokens[-1][0])
    return Attribution(re.sub(r"\s+", " ", text[name_start:name_end]), title or None, re.sub(r"\s+", " ", cue), name_start, name_end)


def _plausible_subject(tokens: list[tuple[str, int]], settings: SpeakerSettings) -> bool:
    """Capitalised words, a few lower-case role or topic words and connectors; no sentence end."""
    loose = 0
    for word, _ in tokens[:-1]:
        if word.endswith((".", "!", "?", ":", ";")) and not _ABBREVIATION.search(" " + word):
            return False
    for word, _ in tokens:
        bare = word.strip(".")
        if word == "," or word[0].isupper() or bare in settings.role_connectors:
            continue
        if any(mark in word for mark in "“”\"()[]:;"):
            return False
        if bare.lower() not in settings.role_words_lower:
            loose += 1
    return loose <= 2


def _has_role(tokens: list[tuple[str, int]], settings: SpeakerSettings) -> bool:
    return any(
        word.strip(".,").lower() in settings.role_words_lower or _POSSESSIVE.search(word) is not None for word, _ in tokens
    )


def _is_name_word(word: str, settings: SpeakerSettings) -> bool:
    bare = word.rstrip(",")
    return (
        _NAME_TOKEN.fullmatch(bare) is not None
        and bare.lower() not in settings.role_words_lower
        and bare not in settings.not_name_words
        and _POSSESSIVE.search(bare) is None
        and not (bare.isupper() and len(bare) > 1 and "." not in bare)
    )


def _name_segment(segment: list[tuple[str, int]], settings: SpeakerSettings) -> list[tuple[str, int]] | None:
    """"Sen. Sarah Hanson-Young": the honorifics dropped, then one to four name words."""
    index = 0
    honorifics = set(settings.honorifics)
    while index < len(segment) and (
        segment[index][0].rstrip(".") in honorifics
        or (segment[index][0].lower() == "the" and index + 1 < len(segment) and segment[index + 1][0].rstrip(".") in honorifics)
    ):
        index += 1  # "Sen.", "the Hon."
    end = len(segment)
    while end > index + 1 and segment[end - 1][0] in _POSTNOMINALS:
        end -= 1  # "Jane Doe AO MP"
    words = segment[index:end]
    if not 1 <= len(words) <= 4 or not all(_is_name_word(word, settings) for word, _ in words):
        return None
    return words


def _trailing_name(segment: list[tuple[str, int]], settings: SpeakerSettings) -> _Split | None:
    """"IOM Yemen Health Programme Coordinator Ali Omar": the name is the run of name words at the end.

    A lower-case particle between name words stays in the name ("Peter van der Berg"); a run is
    counted in units, a particle joining the words around it into one.
    """
    cut = len(segment)
    while cut > 0 and segment[cut - 1][0].rstrip(".") not in _COURTESY and (
        _is_name_word(segment[cut - 1][0], settings) or _joins_name(segment, cut - 1, settings)
    ):
        cut -= 1  # back to the first name word; a courtesy title ("Dr", "Senator") is no part of the name
    while cut < len(segment) and segment[cut][0] in _PARTICLES:
        cut += 1  # a particle never opens the name
    run = segment[cut:]
    if not run or cut == 0:
        return None
    before = segment[cut - 1][0]
    units = _name_units(run)
    if before.lower() == "the" and len(units) <= 2:
        return None  # "... of the Red Cross", "... of the United Kingdom": a body or a place, not a person
    if len(units) == 1 and not _may_precede_surname(before, settings) and len(run) == 1:
        return None  # "... in Adelaide", "... of Health", "... from IOM Nairobi": a place or a body, not a name
    if len(units) <= 2 and before in {"and", "&"} and cut >= 2 and segment[cut - 2][0][:1].isupper():
        return None  # "... for West and Central Africa": the second half of a pair of names in the title
    in_title = before in settings.rules.title_or_place_joiners or before.lower() == "the"
    if len(units) >= 3 and in_title and not _INITIAL_ONLY.fullmatch(run[units[1]][0]):
        # "... Security and Nonproliferation Ana Kahn", "Ambassador to Chad Ana Kahn", "Chief of
        # Mission in Yemen Ana Kahn": the first word still belongs to the title
        cut += units[1]
        units = [unit - units[1] for unit in units[1:]]
        run = segment[cut:]
    if len(units) > 3:
        keep = 3 if _INITIAL_ONLY.fullmatch(run[units[-2]][0]) else 2
        drop = units[len(units) - keep]
        cut += drop
        run = run[drop:]
    title = segment[:cut]
    while title and (title[-1][0].rstrip(".") in _COURTESY or title[-1][0].lower() == "the"):
        title = title[:-1]  # "…, Senator the Hon. Jane Doe": the courtesy titles are no part of the role
    if not title or not _has_role(title, settings):
        return None
    return title, run


_PARTICLES = frozenset(NAME_WORDS.particles)


def _joins_name(segment: list[tuple[str, int]], index: int, settings: SpeakerSettings) -> bool:
    """A particle between two name words ("van der" in "Peter van der Berg"), read from the end."""
    if segment[index][0] not in _PARTICLES or index == 0 or index + 1 >= len(segment):
        return False
    after = segment[index + 1][0]
    previous = segment[index - 1][0]
    return (after in _PARTICLES or _is_name_word(after, settings)) and (
        previous in _PARTICLES or _is_name_word(previous, settings)
    )


def _name_units(run: list[tuple[str, int]]) -> list[int]:
    """Where each unit of a name run starts: a word, or words joined by particles ("van der Berg")."""
    return [
        index
        for index, (word, _) in enumerate(run)
        if word not in _PARTICLES and not (index > 0 and run[index - 1][0] in _PARTICLES)
    ]


def _may_precede_surname(word: str, settings: SpeakerSettings) -> bool:
    """A role, an honorific, a possessive or a first name the patterns cannot read may stand right
    before a lone surname ("spokesperson Doe", "Senator Doe", "IOM Rome’s Doe"); a preposition, a
    body's acronym or a word that is never a name ("United Kingdom") may not."""
    bare = word.strip(".,")
    if bare.lower() in settings.role_words_lower or bare in settings.honorifics:
        return not _is_body_acronym(bare)  # "Minister Doe", "Senator Doe"; not "IOM Nairobi"
    if bare in settings.role_connectors or _is_body_acronym(bare) or bare in settings.not_name_words:
        return False
    return bare[:1].isupper()


_INITIAL_ONLY = re.compile(rf"{_INITIAL}")
# A body's acronym ("IOM", "UNHCR"): a single capitalised word after it is an office's place.
_ACRONYM = re.compile(r"[A-Z]{2,6}")


_ROLE_ACRONYMS = NAME_WORDS.role_acronyms


def _is_body_acronym(word: str) -> bool:
    """"IOM", "UNHCR": a body, unlike a role or a post-nominal ("CEO", "MP") that a surname may follow."""
    return _ACRONYM.fullmatch(word) is not None and word not in _POSTNOMINALS and word not in _ROLE_ACRONYMS


_COURTESY = NAME_WORDS.courtesy_titles


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


def _close_enough(text: str, previous: QuoteSpan, current: QuoteSpan, rules: SpeakerRules) -> bool:
    """A quote continues the previous speaker when at most one short paragraph separates them."""
    gap = text[previous.end : current.open_at]
    return gap.count("\n") <= rules.continuation_max_lines and len(gap) < rules.continuation_max_chars


class NameResolver:
    """Carries pronouns, surnames and role references to the full names in the release.

    Everything that needs the whole release (its people, its "First Surname" pairs, the
    letterhead) is computed once, on first use, and looked up per quote by bisection or by key:
    the cost per quote does not grow with the length of the release.
    """

    def __init__(
        self,
        text: str,
        people: Sequence[Person] | Callable[[], Sequence[Person]],
        settings: SpeakerSettings,
        not_a_person: Callable[[str], bool] | None = None,
        named_at: Callable[[int], tuple[int, int] | None] | None = None,
    ) -> None:
        self.text = text
        self._named_at = named_at
        self.settings = settings
        self._people = people
        self.pronouns = set(settings.pronouns)
        self._pronouns_lower = {word.lower() for word in settings.pronouns}
        self._not_a_person = not_a_person
        self._full_names: dict[str, str | None] = {}
        self._roles: dict[tuple[str, ...], Person | None] = {}

    @cached_property
    def people(self) -> list[Person]:
        """People named in the release, found only when a name has to be completed.

        A "person" read in a headline ("Mariam Returns Home", "Migrants Rescued Off Libyan Coast":
        every word capitalised) counts only when the release writes that name again elsewhere, or
        when it is two name words the release never writes in lower case (a letterhead's name)."""
        people = self._people() if callable(self._people) else self._people
        headlines = title_case_lines(self.text)
        if headlines:
            checked = 0
            kept = []
            for person in people:
                if in_lines(headlines, person.start):
                    checked += 1
                    if checked > self.settings.rules.max_headline_people or not self._headline_person(person):
                        continue
                kept.append(person)
            people = kept
        return sorted(people, key=lambda person: person.start)

    @cached_property
    def _people_ends(self) -> list[int]:
        return [person.end for person in self.people]

    @cached_property
    def _pairs(self) -> dict[str, list[tuple[int, str]]]:
        return name_pairs(self.text)

    @cached_property
    def letterhead(self) -> Person | None:
        """The one person the release's heading names, if exactly one."""
        return letterhead_person(self.text, self.settings)

    def resolve(self, found: Attribution, position: int, previous: Attribution | None, since: int = 0) -> Attribution:
        if found.name is None:
            return found  # a role and no name ("the heads of the two agencies said"): nobody to look for
        raw = found.name
        if raw in self.pronouns or raw.lower() in self._pronouns_lower:
            return self._checked(self._pronoun(found, position, previous, since))
        if found.title is None and is_role_reference(raw, self.settings):
            return self._checked(self._role(found, raw, position, previous))
        title, name = self.split_title(raw)
        title = found.title or title
        if title is not None and not any(char.isalpha() for char in title):
            title = None  # "said Farid Noori, 52": an age, not a title
        if found.title and (not name or raw[:4].lower() == "the "):
            # "said Shadow Minister for Immigration, Senator Chris Ellison", "The Magistrate, Mr Jo
            # Roe, said": the name ends the part set off by commas; "the ..." is a role, not a name.
            role_title, set_off = self.split_title(found.title)
            if not name or len(set_off.split()) >= 2:
                name = set_off
                title = f"{raw}, {role_title}" if role_title else raw
                found = self._set_off_at(found, name)
        if not name:
            return self._checked(self._role(found, raw, position, previous))
        if len(name.split()) == 1:
            completed = self.full_name(name)
            if completed is None and self._common_noun(name):
                # "…,” Returnees said": a common noun, capitalised, is nobody's name
                return Attribution(None, found.title, found.cue, None, None)
            name = completed or name
        elif name.split()[0].lower() in _PARTICLES:
            name = self._longer_name(name) or name  # "Van der Auweraert" -> "Peter Van der Auweraert"
        return self._checked(Attribution(name, title, found.cue, found.start, found.end))

    def _headline_person(self, person: Person) -> bool:
        if self.text.find(person.name, person.end) >= 0 or self.text.find(person.name, 0, person.start) >= 0:
            return True
        name = person.name
        if sum(word.isupper() and len(word) > 1 for word in name.split()) >= 2:  # a letterhead in capitals
            name = " ".join(word if word in _POSTNOMINALS else _title_case_if_caps(word) for word in name.split())
        words = self.split_title(name)[1].lower().split()  # roles run into it aside
        return 1 <= len(words) <= 2 and not any(word in self._lower_case_words for word in words)

    def _common_noun(self, word: str) -> bool:
        """A single capitalised word that is a noun for people or that the release also writes in
        lower case ("Residents said" in a release about "many residents")."""
        lower = clean_name(word).lower()
        return lower in self.settings.people_nouns or lower in self._lower_case_words

    @cached_property
    def _lower_case_words(self) -> frozenset[str]:
        """Every word the release writes in lower case: one pass, on first use."""
        return frozenset(_LOWER_CASE_WORD.findall(self.text))

    def _longer_name(self, name: str) -> str | None:
        """The release's fuller form of a name that opens with a particle ("Van der Auweraert")."""
        person = self._people_by_surname.get(name.split()[-1].lower())
        if person is None:
            return None
        full = _title_case_if_caps(self.split_title(person.name)[1] or person.name)
        return full if full.endswith(name) and len(full) > len(name) else None

    def title_at_first_mention(self, name: str) -> str | None:
        """The role written with the first mention of ``name`` in the release, if any."""
        words = name.split()
        person = self._people_by_surname.get(words[-1].lower()) if words else None
        if person is None or not person.name.endswith(words[-1]):
            return None
        return self._title_of(person)

    def _title_of(self, person: Person) -> str | None:
        """The role written at a person's mention: the capitalised role words right before the name
        ("IOM Afghanistan Chief of Mission Maria Moita", "IOM's Chief of Mission in Yemen, Matt
        Huber"), else a role set off right after it ("Jane Doe, IOM Chief of Mission in Libya,")."""
        reach = self.settings.rules.title_reach_chars
        line_start = self.text.rfind("\n", max(0, person.start - reach), person.start) + 1
        before = self.text[max(line_start, person.start - reach) : person.start]
        words = before.rstrip(" \t\u00a0").removesuffix(",").split()
        kept: list[str] = []
        for word in reversed(words):
            bare = word.strip("()")
            if bare != word or not bare:
                break
            lower = bare.lower()
            joiner = lower in self.settings.rules.mention_joiners
            capitalised = bare[:1].isupper() and bare[-1:].isalpha()
            if joiner or lower in self.settings.role_words_lower or capitalised or _POSSESSIVE.search(bare):
                kept.append(bare)
            else:
                break
        kept.reverse()
        while kept and kept[0].lower() in self.settings.rules.mention_joiners:
            kept.pop(0)
        if self._holds_role(kept):
            return " ".join(kept)
        after = _SET_OFF_TITLE.match(self.text, person.end, min(len(self.text), person.end + reach))
        if after is not None and self._holds_role(after.group("title").split()):
            return re.sub(r"\s+", " ", after.group("title")).strip()
        return None

    def _holds_role(self, words: list[str]) -> bool:
        return any(word.strip(",.").lower() in self.settings.role_words_lower for word in words)

    def _set_off_at(self, found: Attribution, name: str) -> Attribution:
        """The attribution with its offsets moved from the role to the name set off after it."""
        if found.end is None or not name:
            return found
        start = self.text.find(name, found.end, found.end + self.settings.max_attribution_chars)
        if start < 0:
            return Attribution(found.name, found.title, found.cue, None, None)
        return Attribution(found.name, found.title, found.cue, start, start + len(name))

    def _checked(self, found: Attribution) -> Attribution:
        """The name cleaned for output; a name that is not a person's (a place, a party) dropped."""
        if not found.name:
            return found
        name = clean_name(found.name)
        start = found.start
        words = name.split()
        while len(words) > 1 and (words[0] in self.settings.not_name_words or _POSSESSIVE.search(words[0])):
            # "As Steven Roe, a tax lawyer, put it", "IOM’s Jane Doe": the name starts after "As", "IOM’s"
            words = words[1:]
            if start is not None and found.end is not None:
                found_at = self.text.find(words[0], start, found.end)
                start = found_at if found_at >= 0 else start
        name = " ".join(words)
        if self._named_at is not None and start is not None and found.end is not None and len(words) >= 3:
            start, name = self._after_place(start, found.end, name)
        if not self.is_person_name(name) or self._ends_a_longer_name(found, name):
            return Attribution(None, found.title, found.cue, None, None)
        return Attribution(name, found.title, found.cue, start, found.end)

    def _after_place(self, start: int, end: int, name: str) -> tuple[int, str]:
        """"Sudan Jane Doe" (from "Ambassador to South Sudan Jane Doe"): the name starts after the
        place, country or body the release names where it opens, when two words or more are left."""
        assert self._named_at is not None
        span = self._named_at(start)
        if span is None or span[1] >= end:
            return start, name
        rest = span[1]
        while rest < end and self.text[rest] in " \t\u00a0":
            rest += 1
        words = self.text[rest:end].split()
        if len(words) < 2 or not words[0][:1].isupper():
            return start, name
        return rest, clean_name(" ".join(words))

    def _ends_a_longer_name(self, found: Attribution, name: str) -> bool:
        """A single word closing a longer capitalised name ("Survivors of Torture and Trauma states")."""
        if found.start is None or len(name.split()) > 1:
            return False
        return _JOINED_NAME_BEFORE.search(self.text, max(0, found.start - 40), found.start) is not None

    def is_person_name(self, name: str) -> bool:
        """Not a place, body, demonym or party: the release's own gazetteer hits and the lexicon decide."""
        words = name.split()
        if not words or any(_POSSESSIVE.search(word) for word in words[-1:]):
            return False
        if all(word.strip(".") in self.settings.not_name_words or word.strip(".") in self.settings.honorifics for word in words):
            return False
        if words[0] in self.settings.not_name_words:
            return False  # "And Craig", "The Greens"
        if words[-1].strip(".") in self.settings.not_name_heads:
            return False  # "Final Report", "Reconciliation Commission", "South Australia"
        if not words[-1][:1].isupper() or _CONTRACTION.search(words[-1]):
            return False  # "Abbott the", "We’d"
        if self._not_a_person is not None and (self._not_a_person(name) or (len(words) == 1 and self._not_a_person(words[0]))):
            return False
        return not (len(words) == 1 and name.isupper() and len(name) > 1)

    def split_title(self, raw: str) -> tuple[str | None, str]:
        """"IOM Director General António Vitorino" -> ("IOM Director General", "António Vitorino")."""
        words = self.settings.honorific_prefix.sub("", raw).split()
        words = [word for word in words if word not in _POSTNOMINALS]
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
        """The first full name in the release that ends with ``surname`` (any case); cached per surname."""
        key = surname.lower()
        if key not in self._full_names:
            self._full_names[key] = self._find_full_name(surname)
        return self._full_names[key]

    @cached_property
    def _people_by_surname(self) -> dict[str, Person]:
        """The first person of two or more words for each surname (lower case)."""
        index: dict[str, Person] = {}
        for person in self.people:
            words = person.name.split()
            if len(words) >= 2:
                index.setdefault(words[-1].lower(), person)
        return index

    def _find_full_name(self, surname: str) -> str | None:
        person = self._people_by_surname.get(surname.lower())
        if person is not None:
            # a heading line may run a role or a second person into the name: keep the name's own words
            return _title_case_if_caps(self.split_title(_title_case_if_caps(person.name))[1] or person.name)
        for _, candidate in self._pairs.get(surname.lower(), ()):
            candidate = _title_case_if_caps(candidate)
            if self._could_be_first_name(candidate.split()[0]):
                return candidate
        return None

    def _could_be_first_name(self, word: str) -> bool:
        bare = word.strip(".")
        if bare in self.settings.honorifics or word in self.settings.role_words or bare in self.settings.not_name_words:
            return False
        return word[0].isupper()

    def _pronoun(self, found: Attribution, position: int, previous: Attribution | None, since: int) -> Attribution:
        """"he said": the person a sentence since the last quote is about, else the last speaker.

        (`"...," said Jane Doe. Ousmane, 24, was robbed. "...," he said.` gives Ousmane.)
        """
        subject = self._subject_between(since, position)
        if subject is not None and (previous is None or previous.name is None or not _same_person(subject.name, previous.name)):
            return Attribution(self._complete(subject.name), None, found.cue, subject.start, subject.end)
        if subject is None and self._unnamed_subject_between(since, position):
            return Attribution(None, None, found.cue, None, None)
        if previous is not None and previous.name:
            return Attribution(previous.name, previous.title, found.cue, None, None)
        person = self._last_person_before(position)
        if person is None:
            return Attribution(None, None, found.cue, None, None)
        return Attribution(self._complete(person.name), None, found.cue, person.start, person.end)

    def _unnamed_subject_between(self, since: int, position: int) -> bool:
        """A sentence since the last quote opens with an unnamed person ("A 27-year-old domestic
        worker from Kandy ... said"): a following "she said" is hers, and she has no name."""
        start = max(since, position - self.settings.rules.max_subject_chars)
        return self.settings.rules.unnamed_subject.search(self.text, start, position) is not None

    def _subject_between(self, since: int, position: int) -> Person | None:
        """The last person after ``since`` and before ``position`` who opens a sentence.

        Looked for in a bounded stretch before the quote (at most ``max_subject_people`` people,
        ``max_subject_chars`` characters of ``speakers.json``), so a long release without speakers stays linear.
        """
        since = max(since, position - self.settings.rules.max_subject_chars)
        index = bisect_right(self._people_ends, position)
        lowest = max(0, index - self.settings.rules.max_subject_people)
        while index > lowest:
            index -= 1
            person = self.people[index]
            if person.start < since:
                return None
            if _POSSESSIVE.search(person.name) is None and _opens_sentence(self.text, person.start):
                return person
        return None

    def _role(self, found: Attribution, raw: str, position: int, previous: Attribution | None) -> Attribution:
        """"the Minister said": the person named with that role in the release, else the last speaker."""
        role_words = tuple(word for word in raw.split() if word[0].isupper() and word.lower() != "the")
        if not role_words and is_role_reference(raw, self.settings):
            # "the spokesperson", "the chief of mission": the role words in any case
            role_words = tuple(
                word.lower() for word in raw.split()[1:] if word.lower() in self.settings.role_words_lower
            )
        person = self._person_with_role(role_words) if role_words else None
        if person is not None:
            return Attribution(self._complete(person.name), self._title_of(person) or raw, found.cue, found.start, found.end)
        if previous is not None and previous.name and _role_fits(raw, previous.title, self.settings.rules):
            return Attribution(previous.name, previous.title, found.cue, None, None)
        return Attribution(None, raw, found.cue, found.start, found.end)

    def _person_with_role(self, role_words: tuple[str, ...]) -> Person | None:
        if role_words not in self._roles:
            self._roles[role_words] = next(
                (
                    person
                    for person in self.people
                    if _mentions_all(self._line_around(person), role_words)
                ),
                None,
            )
        return self._roles[role_words]

    def _line_around(self, person: Person) -> str:
        """The person's own line, at most 80 characters each side: where a role is written with the name."""
        start = self.text.rfind("\n", max(0, person.start - 80), person.start) + 1 or max(0, person.start - 80)
        end = self.text.find("\n", person.end, person.end + 80)
        return self.text[max(start, person.start - 80) : end if end >= 0 else person.end + 80]

    def _last_person_before(self, position: int) -> Person | None:
        index = bisect_right(self._people_ends, position)
        return self.people[index - 1] if index else None

    def _complete(self, name: str) -> str:
        words = name.split()
        if sum(word.isupper() and len(word) > 1 for word in words) >= 2:
            # a heading in capitals ("SUSSAN LEY MP Federal Member"): capitals are not acronyms here
            name = " ".join(word if word in _POSTNOMINALS else _title_case_if_caps(word) for word in words)
        _, bare = self.split_title(name)
        bare = bare or name
        if len(bare.split()) == 1:
            return self.full_name(bare) or bare
        return _title_case_if_caps(bare)


_PARTICLES = frozenset(word.lower() for word in NAME_WORDS.particles)
_LOWER_CASE_WORD = re.compile(r"(?<![\w’'-])[a-zß-öø-ÿ][\w’'-]*")
# ", IOM Chief of Mission in Libya," after a name: a role set off by commas (or ended by a full stop).
_SET_OFF_TITLE = re.compile(r",[ \t\u00a0]+(?P<title>[^,.;:“”\"()\n]{3,100}?)[ \t\u00a0]*(?:[,;]|\.(?:\s|$))")


def _mentions_all(window: str, role_words: tuple[str, ...]) -> bool:
    """Every role word in the window: as written when capitalised, in any case when lower case."""
    lowered = window.lower() if any(word.islower() for word in role_words) else window
    return all((word in lowered) if word.islower() else (word in window) for word in role_words)


def _role_fits(role: str, title: str | None, rules: SpeakerRules) -> bool:
    """"the spokesman said" continues the last speaker only when that speaker's title has the role."""
    words = [word for word in re.findall(r"[\w’'-]+", role) if word.lower() not in rules.role_fit_skip_words]
    return bool(title) and bool(words) and words[-1].lower() in (title or "").lower()


_JOINED_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t\u00a0]+(?:of|and|for|&)[ \t\u00a0]+$")
_CONTRACTION = re.compile(r"(?:['’](?:d|ll|re|ve|m|s)|n['’]t)$")
_POSTNOMINALS = NAME_WORDS.postnominals
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’)]*[ \t\u00a0]+|\n[ \t\u00a0]*|>[ \t\u00a0]*)(?:[A-Z][\w’'.-]*[ \t\u00a0]+){0,3}$")


def _opens_sentence(text: str, start: int) -> bool:
    """The name opens its sentence, perhaps after a title ("Dr", "IOM's Chief"): it is the subject.

    The title is at most three words after a sentence end; the period of an initialism ("U.S.")
    counts as one here, so "Retired U.S. Air Force Gen. Jane Doe" opens its sentence too.
    """
    if start == 0:
        return True
    match = _SENTENCE_OPENING.search(text, max(0, start - 60), start)
    if match is None:
        return False
    # "the voice of Mr. Tribe": a period after an abbreviation ends no sentence.
    period = match.start()
    return text[period] != "." or _TITLE_ABBREVIATION.search(text, max(0, period - 6), period + 1) is None


def _same_person(first: str, second: str) -> bool:
    return first.split()[-1].lower() == second.split()[-1].lower()


# Case-sensitive on purpose: only capitalised words open a name, so the pass looks at name-like
# pairs, not at every pair of words (ten times fewer matches on an ordinary release). The first
# capital is consumed and leads (the scan skips to capitals in C; the boundary before it is
# checked right after it), the rest is a lookahead, so overlapping pairs are all found.
_PAIR = re.compile(
    rf"[{_UPPER}](?<![\w’'-].)(?=[\w’'\-]+[ \t]+(?:[{_UPPER}]\.[ \t]+)?(?P<surname>[{_UPPER}][\w’'\-]+)(?![\w’'-]))"
)


def name_pairs(text: str) -> dict[str, list[tuple[int, str]]]:
    """Every "First [I.] Surname" pair of words in the text, by surname (lower case), in text order.

    One pass over the text, so completing any number of bare surnames costs one lookup each.
    """
    pairs: dict[str, list[tuple[int, str]]] = {}
    for match in _PAIR.finditer(text):
        start, end = match.start(), match.end("surname")
        name = text[start:end]
        if "  " in name or "\t" in name:  # most pairs are written with one space: no regex call for them
            name = _BLANKS.sub(" ", name)
        pairs.setdefault(match.group("surname").lower(), []).append((start, name))
    return pairs


_BLANKS = re.compile(r"[ \t]+")


_BODY_LINE = re.compile(r"[“”\"«»]|\w[.!?][ \t\u00a0]*$")


def letterhead_person(text: str, settings: SpeakerSettings) -> Person | None:
    """The single person a release's heading names with an honorific ("Senator Jane Doe | Greens ...",
    "THE HON JANE DOE MP"), or None when the heading names nobody or several people."""
    heading_end = min(len(text), settings.rules.letterhead_chars)
    lines = 0
    position = 0
    while position < heading_end and lines < settings.rules.letterhead_lines:
        line_end = text.find("\n", position, heading_end)
        line_end = heading_end if line_end < 0 else line_end
        line = text[position:line_end]
        if line_end - position > 160 or _BODY_LINE.search(line):
            heading_end = position  # the body starts: a long line, a quote, a sentence
            break
        if text[position:line_end].strip():
            lines += 1
        position = line_end + 1
    found: dict[str, Person] = {}
    for match in settings.letterhead_name.finditer(text, 0, min(heading_end, position)):
        name = _title_case_if_caps(re.sub(r"\s+", " ", match.group("name")))
        honorific = match.group("honorific")
        if honorific is not None and honorific.rstrip(".").title() not in {word.title() for word in settings.honorifics}:
            continue
        if honorific is None and match.group("role") is None:
            continue
        words = name.split()
        if len(words) < 2 or any(word in settings.not_name_words for word in words):
            continue
        found.setdefault(words[-1].lower(), Person(match.start("name"), match.end("name"), clean_name(name)))
    return next(iter(found.values())) if len(found) == 1 else None


def clean_name(name: str) -> str:
    """A name fit for output: mojibake repaired, spaces folded, hyphens of every kind written "-".

    One repairer for the whole library (:mod:`iom_nlp.rules.mojibake`, ftfy underneath).
    """
    return repair_person_name(name.strip(" ,;:\u00a0"))



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
    people.extend(names_after_roles(text, settings))
    people.extend(names_after_role_words(text, settings))
    people.extend(names_before_appositives(text))
    people.extend(introduced_people(text, settings))
    return people


def names_after_role_words(text: str, settings: SpeakerSettings) -> list[Person]:
    """A name written right after a role, with no comma ("IOM Afghanistan Chief of Mission Maria
    Moita visited", "IOM spokesperson Joe Millman told"): two to four name words, then a lower-case
    word or punctuation. Role words caught at the name's start are left out ("General Amy Pope")."""
    people = []
    for match in settings.role_word_then_name.finditer(text):
        words = match.group("name").split()
        skipped = 0
        while words and (words[0].lower() in settings.role_words_lower or words[0] in settings.not_name_words):
            skipped += len(words[0]) + 1
            words.pop(0)
        if len(words) < 2 or any(word in settings.not_name_words or word.lower() in settings.role_words_lower for word in words):
            continue
        start = match.start("name") + skipped
        start = text.find(words[0], start, match.end("name"))
        people.append(Person(start, match.end("name"), text[start : match.end("name")]))
    return people


# The comma that sets off a name (", Philip Ruddock,"): every role_then_name match has one.
_SET_OFF_NAME = re.compile(rf",[ \t]+[{_UPPER}]")


def names_after_roles(text: str, settings: SpeakerSettings) -> list[Person]:
    """The matches of ``settings.role_then_name`` ("The Minister for Immigration, Philip Ruddock,").

    The same matches as ``finditer`` over the whole text, found without scanning all of it: a
    match runs from its role, through at most ``_ROLE_TO_COMMA`` characters without a comma, to
    its first comma, and a name, to the next comma. So it starts at most ``role_then_name_reach``
    characters before a comma followed by a capital, and ends at the comma after that one; only
    that window is searched, for each such comma in turn (linear: windows have a fixed size).
    """
    people = []
    resume = 0
    for anchor in _SET_OFF_NAME.finditer(text):
        comma = anchor.start()
        if comma < resume:
            continue  # inside the last match
        close = text.find(",", comma + 1)
        if close < 0:
            break  # no comma after: no name can be set off any more
        match = settings.role_then_name.search(text, max(resume, comma - settings.role_then_name_reach), close + 1)
        if match is not None:
            people.append(Person(match.start("name"), match.end("name"), match.group("name")))
            resume = match.end()
    return people


_FIRST = rf"[{_UPPER}][a-zà-ÿ’']+(?:-[{_UPPER}]?[a-zà-ÿ’']+)*"
# A sentence opening (a line start, a sentence end and a space, or a tag's ">"), then a name
# introduced by an age, an appositive or a verb. The opening character leads, so the scan skips
# to candidates; the text is searched with a "\n" put before it, so its first line opens too.
_INTRODUCED = re.compile(
    rf"[\n.!?>](?:(?<=[.!?])[\"”’)]?[ \t\u00a0]+|(?<=[\n>]))(?P<name>{_FIRST}(?:[ \t\u00a0]+{_FIRST}){{0,2}})"
    r"(?:,[ \t\u00a0]+(?:\d{1,3},|an?[ \t\u00a0]|who[ \t\u00a0]|whose[ \t\u00a0]|aged[ \t\u00a0])|[ \t\u00a0]+(?P<verb>[a-z]+)\b)"
)
# The whole words that open with one lower-case letter, by letter: no letter, digit, apostrophe
# or hyphen before the word (checked right after its first letter, which leads the scan).
_LOWER_WORD_BY_LETTER = {
    letter: re.compile(rf"{letter}(?<![\w’'-].)[\w’'-]*")
    for letter in (*map(chr, range(ord("a"), ord("z") + 1)), *map(chr, range(ord("à"), ord("ÿ") + 1)))
}


def introduced_people(text: str, settings: SpeakerSettings) -> list[Person]:
    """People a sentence opens with and introduces ("Ousmane, 24, from ...", "Luz Marina, a
    Colombian who ...", "Mwangi spoke to reporters ..."): the migrants and speakers IOM releases
    quote by first name. A single word counts only when the release never writes it in lower case
    (so "Officials said" is no one), and never when it is a known non-name word."""
    cues = {cue for cue in settings.cues if " " not in cue}
    found: list[tuple[str, int, int, bool]] = []
    for match in _INTRODUCED.finditer("\n" + text):
        name = match.group("name")
        verb = match.group("verb")
        if verb is not None and verb not in cues:
            continue
        words = name.split()
        if any(word in settings.not_name_words or word in settings.honorifics or word in settings.role_words for word in words):
            continue
        if len(words) == 1 and name.endswith("ly"):
            continue  # "Conversely, ...": an adverb opening the sentence
        found.append((name, match.start("name") - 1, match.end("name") - 1, len(words) == 1))
    lower = _written_in_lower_case(text, {name.lower() for name, _, _, single in found if single})
    return [Person(start, end, name) for name, start, end, single in found if not (single and name.lower() in lower)]


def _written_in_lower_case(text: str, words: set[str]) -> set[str]:
    """Which of ``words`` (lower case) the text writes as a whole word.

    Only the text's words that open with the same letters are read: one scan per letter asked
    (a few), each skipping in C to that letter, instead of collecting every word of the text.
    """
    found: set[str] = set()
    for letter in {word[0] for word in words}:
        pattern = _LOWER_WORD_BY_LETTER.get(letter)
        if pattern is not None:
            found.update(words.intersection(pattern.findall(text)))
    return found


_APPOSITIVE_TAIL = r",[ \t]+(?:the|a|an|who|its|their|his|her)[ \t]+[a-z]"
# The end of every _NAME_THEN_ROLE match (", the ...", ", who ..."): looked for first, cheaply.
_APPOSITIVE = re.compile(_APPOSITIVE_TAIL)
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w’'])(?P<name>[{_UPPER}][a-zà-ÿ’'\-]+(?:[ \t]+(?:[{_UPPER}]\.[ \t]+)?[{_UPPER}][a-zà-ÿ’'\-]+){{1,2}})"
    + _APPOSITIVE_TAIL
)
# Every character a _NAME_THEN_ROLE name can hold (letters, apostrophes, hyphens, initials' periods, gaps).
_NAME_LETTER_RANGES = (("A", "Z"), ("À", "Ö"), ("Ø", "Þ"), ("Ā", "Ž"), ("a", "z"), ("à", "ÿ"))  # _UPPER and lower case
_APPOSED_NAME_CHARS = frozenset(
    "".join(chr(code) for low, high in _NAME_LETTER_RANGES for code in range(ord(low), ord(high) + 1)) + "’'-. \t"
)


def names_before_appositives(text: str) -> list[Person]:
    """The matches of ``_NAME_THEN_ROLE`` ("Jane Roe, the director,"), found from their appositives.

    The same matches as ``finditer`` over the whole text: each one ends with an appositive (", the
    d"), and its name runs back from that comma over name characters only. So only the run of name
    characters before each appositive's comma is searched; a run stops at any comma, so the runs
    of different appositives never overlap (linear). Most releases have no appositive at all.
    """
    people = []
    resume = 0
    for appositive in _APPOSITIVE.finditer(text):
        start = appositive.start()
        while start > resume and text[start - 1] in _APPOSED_NAME_CHARS:
            start -= 1
        match = _NAME_THEN_ROLE.search(text, start, appositive.end())
        if match is not None:
            people.append(Person(match.start("name"), match.end("name"), match.group("name")))
            resume = match.end()
    return people


def merge_people(*groups: Iterable[Person]) -> list[Person]:
    merged: dict[tuple[int, int], Person] = {}
    for group in groups:
        for person in group:
            merged.setdefault((person.start, person.end), person)
    return sorted(merged.values(), key=lambda person: person.start)


# "Ortiz and Chen said": a first person joined to the speaker by "and"/"&" (the other way: SpeakerRules.joined_after).
_JOINED_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<name>[A-Z][\w'’\-]+(?:[ \t\u00a0]+[A-Z][\w'’\-]+){0,2})[ \t\u00a0]+(?:and|&)[ \t\u00a0]+$"
)


def joint_speakers(text: str, start: int, end: int, settings: SpeakerSettings) -> list[tuple[str, int, int]]:
    """People named together with the speaker at ``text[start:end]``: (name, start, end) each.

    Only a capitalised name that is no role, body or pronoun counts, so "said Ortiz and the
    minister" or "said Ortiz and Other Officials" add nobody.
    """
    found: list[tuple[str, int, int]] = []
    window = settings.rules.joint_speaker_window
    after = settings.rules.joined_after.match(text, end, min(len(text), end + window))
    if after:
        found.append((after.group("name"), after.start("name"), after.end("name")))
    low = max(0, start - window)
    before = _JOINED_BEFORE.search(text[low:start])
    if before:
        found.insert(0, (before.group("name"), low + before.start("name"), low + before.end("name")))
    return [item for item in found if _is_plain_name(item[0], settings)]


def _is_plain_name(name: str, settings: SpeakerSettings) -> bool:
    words = name.replace("\u00a0", " ").split()
    blocked = settings.not_name_words | settings.role_words
    lowered = {word.casefold() for word in settings.pronouns}
    return bool(words) and not any(word in blocked or word.casefold() in lowered for word in words)
