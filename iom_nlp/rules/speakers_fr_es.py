"""Who said each quote in a French or Spanish release.

Pure functions over the prepared text and the quote spans of :mod:`iom_nlp.rules.quotes`, with
the word lists of ``models/speakers_fr_es.json``. The attributions IOM's French and Spanish
releases write:

- after the quote, the verb first: ``« … », a déclaré Jane Doe, Chef de mission de l'OIM au
  Niger.``, ``“…”, dijo Jane Doe, jefa de Misión de la OIM en Guatemala.``, ``« … », a déclaré
  aujourd'hui la Directrice générale de l'OIM, Jane Doe.``, ``«…», afirmó la viceministra, Ana
  Roe, durante …``; a role with no name (``ont déclaré les chefs des deux agences``) is an
  unnamed speaker;
- after the quote, a pronoun or no subject at all: ``a-t-il déclaré``, ``dit-elle``, ``contó.``,
  ``añadió.``: the person a sentence since the last quote opens with ("Khady, 27 ans, …",
  "Yeferson, de 19 años, …"), else the last speaker;
- before the quote: ``Jane Doe, directrice …, a déclaré : « …``, ``El director del IGM, Juan
  Roe, señaló que “…``, ``Elle a ajouté que « …``, ``Relató que "…``, ``Selon le préfet de Liwa,
  Juan Roe, « …``, ``Según ella, …``; a lead-in that ends its own paragraph with a colon counts;
- a quote with no attribution continues the speaker of the quote just before it.

A surname alone ("a ajouté Mme Doe") is completed from the release ("Jane Doe"). A name that the
release names as a place or a body is no speaker. Every window is bounded (at most
``max_attribution_chars`` around a quote, 1,500 characters back for a pronoun): linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .patterns import NOTHING, alternation
from .quotes import QuoteSpan
from .speakers import CONTINUES_PREVIOUS, Attribution, clean_name

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_SPACE = "[ \t\u00a0\u202f]"
# A name word: a capital, then letters, hyphens or an apostrophe inside ("N'Diaye"); never an
# elided article or preposition ("L'OIM", "D'après").
_WORD = rf"(?![LDld]['’])[{_UPPER}](?:[\w\-]|['’](?=\w))*"
_CLOSING_ENTITY = re.compile(r"&(?:raquo|rdquo|quot|#187|#8221);")
_OPENING_SPACE = re.compile(r"(?:[ \t\u00a0\u202f]|&nbsp;|&#160;|&#8239;)+$")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,60}>")


@dataclass(frozen=True)
class RomanceSpeakerSettings:
    """Word lists from ``models/speakers_fr_es.json``; the regexes are compiled once here."""

    participles: tuple[str, ...]  # after "a", "ont", "a-t-il": "déclaré", "expliqué"
    verbs: tuple[str, ...]  # written alone: "dijo", "señaló", "déclare", "dit"
    according: tuple[str, ...]  # "Selon", "Según"
    pronouns: tuple[str, ...]
    honorifics: tuple[str, ...]  # "M.", "Mme", "Sra.", "Doña": never part of the name
    articles: tuple[str, ...]
    time_words: tuple[str, ...]  # between the verb and the speaker: "aujourd'hui", "hoy"
    role_words: frozenset[str]  # the lower-case head of a role: "chef", "jefa", "ministre"
    not_name_words: frozenset[str]  # capitalised words that never open a person's name
    # whom the words were said to, between the verb and the speaker: "dijo a Efe la portavoz …"
    # Lower-case words inside a name ("Ana de la Fuente"), tried in this order.
    particles: tuple[str, ...]
    # Words that open a clause after the verb or in a title: no speaker there ("dijo durante ...").
    clause_openers: tuple[str, ...]
    # A name never closes a role right after these ("de Relaciones Exteriores").
    connecting_words: frozenset[str]
    # Abbreviations whose period ends no sentence ("Mme.", "Sra."), besides single capitals.
    abbreviations: tuple[str, ...]
    # How far back a pronoun's subject is looked for; how close a quote must follow the last one
    # (lines, characters between them) to continue its speaker.
    max_subject_chars: int
    continuation_max_lines: int
    continuation_max_chars: int
    addressees: tuple[str, ...] = ()
    max_attribution_chars: int = 400
    name: str = field(init=False, repr=False, compare=False)
    cue: str = field(init=False, repr=False, compare=False)
    after: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_cue: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_according: re.Pattern[str] = field(init=False, repr=False, compare=False)
    name_only: re.Pattern[str] = field(init=False, repr=False, compare=False)
    article_role_name: re.Pattern[str] = field(init=False, repr=False, compare=False)
    opening_person: re.Pattern[str] = field(init=False, repr=False, compare=False)
    honorific_prefix: re.Pattern[str] = field(init=False, repr=False, compare=False)
    initial_before: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        honorific = alternation(self.honorifics)
        particle = "|".join(map(re.escape, self.particles)) or NOTHING
        name = rf"(?:(?:{honorific}){_SPACE}+)?{_WORD}(?:{_SPACE}+(?:(?:{particle}){_SPACE}+)?{_WORD}){{0,4}}"
        inverted = r"-t-(?:il|elle|on)|-(?:ils|elles|il|elle)"
        time = alternation(self.time_words, space=f"{_SPACE}+")
        cue = (
            rf"(?:(?:a|ont|avait|avaient)(?P<inverted>{inverted})?{_SPACE}+(?:(?:{time}){_SPACE}+)?"
            rf"(?:{alternation(self.participles, space=f'{_SPACE}+')})"
            rf"|(?:{alternation((*self.verbs, *(verb.capitalize() for verb in self.verbs)))})(?P<inverted2>{inverted})?)(?![\w-])"
        )
        article = alternation(self.articles)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "cue", cue)
        # Right after the closing mark: a comma, a dash or nothing, then the verb (then, in
        # group "rest", what names the speaker).
        object.__setattr__(self, "after", re.compile(
            rf"[ \t\u00a0\u202f]*[,.]?[ \t\u00a0\u202f]*(?:[-–—][ \t\u00a0]*)?(?P<cue>{cue})"
            rf"(?:{_SPACE}+(?:{time}))*"
            rf"(?:{_SPACE}+(?:a|à|al|au|aux){_SPACE}+(?:(?:la|le|les|los|las){_SPACE}+|l['’])?"
            rf"(?:{alternation(self.addressees, space=f'{_SPACE}+')})(?![\w-]),?)?"
        ))
        # The end of a lead-in: the verb, perhaps "que", a colon or a comma.
        # (a few words may stand between the verb and the quote: "expresó que les preocupa “…")
        object.__setattr__(self, "before_cue", re.compile(
            rf"(?:^|(?<=[\s,]))(?P<cue>{cue})(?:{_SPACE}+[\w'’-]+){{0,5}}?(?:{_SPACE}+(?:que|qu['’]))?[\s,:]*$"
        ))
        object.__setattr__(self, "before_according", re.compile(
            rf"(?:^|(?<=[\s(]))(?P<cue>{alternation(self.according)}){_SPACE}+(?P<rest>[^«»“”\"]+?)[\s,:]*$"
        ))
        object.__setattr__(self, "name_only", re.compile(rf"(?P<name>{name})"))
        # "la Directrice générale de l'OIM, Jane Doe": an article, a role to the comma, then the name.
        object.__setattr__(self, "article_role_name", re.compile(
            rf"(?P<article>{article})(?:(?<=['’])|{_SPACE}+)(?P<role>[^,.;:\n«»“”\"]{{2,140}}?)"
            rf"(?:,{_SPACE}+(?P<name>{name}))?(?={_SPACE}*(?:[,.;:\n]|$))"
        ))
        # A sentence that opens with a person: "Khady, 27 ans, …", "Yeferson, de 19 años, …".
        object.__setattr__(self, "opening_person", re.compile(
            rf"(?:^|(?<=[.!?»”\"][ \t\u00a0])|(?<=\n)|(?<=>))(?P<name>{name}),{_SPACE}+(?:\d|de{_SPACE}+\d|[a-zà-ÿ])"
        ))
        object.__setattr__(self, "honorific_prefix", re.compile(rf"^(?:(?:{honorific}){_SPACE}+)+"))
        # An initial or abbreviation right before a period: that period ends no sentence.
        abbreviations = "|".join(map(re.escape, self.abbreviations))
        object.__setattr__(self, "initial_before", re.compile(rf"(?:^|[\s(])(?:[{_UPPER}]|{abbreviations or NOTHING})$"))


@dataclass(frozen=True)
class Said:
    """What is written next to one quote: a speaker (perhaps only a role), or a pronoun to resolve."""

    attribution: Attribution
    pronoun: bool = False


@dataclass(frozen=True)
class RomanceWindow:
    """One quote and the bounds of what may attribute it: the next quote's opening and the last one's end."""

    text: str
    quote: QuoteSpan
    following: int
    previous: int
    settings: RomanceSpeakerSettings


@dataclass(frozen=True)
class RomanceStrategy:
    """One way French and Spanish releases write who said a quote: its ``name`` (the quote's
    ``source`` in the output), an ``example``, and the pure function that reads it."""

    name: str
    example: str
    read: Callable[[RomanceWindow], Said | None]


def _verb_after_quote(window: RomanceWindow) -> Said | None:
    return _after(window.text, window.quote, window.following, window.settings)


def _lead_in_before_quote(window: RomanceWindow) -> Said | None:
    return _before(window.text, window.quote, window.previous, window.settings)


# Tried in this order; the first that reads an attribution wins and names the quote's source.
ROMANCE_STRATEGIES: tuple[RomanceStrategy, ...] = (
    RomanceStrategy("fr_es_verb_after_quote", "« … », a déclaré Jane Doe, Chef de mission de l'OIM. / “…”, dijo. / « … », a-t-elle ajouté.",
                    _verb_after_quote),
    RomanceStrategy("fr_es_lead_in", "Jane Doe, directrice …, a déclaré : « … » / Selon le préfet, Juan Roe, « … »", _lead_in_before_quote),
)


def read_attributions(
    text: str, quotes: Sequence[QuoteSpan], settings: RomanceSpeakerSettings, only: Sequence[bool] | None = None
) -> list[Said | None]:
    """The French or Spanish attribution written next to each quote (None where there is none),
    read by the first of :data:`ROMANCE_STRATEGIES` that reads one and carrying its name as
    ``source``; with ``only``, just the quotes it marks True are read."""
    found: list[Said | None] = []
    for index, quote in enumerate(quotes):
        if only is not None and not only[index]:
            found.append(None)
            continue
        following = quotes[index + 1].open_at if index + 1 < len(quotes) else len(text)
        previous = quotes[index - 1].close_at + 1 if index else 0
        window = RomanceWindow(text, quote, following, previous, settings)
        said = None
        for strategy in ROMANCE_STRATEGIES:
            said = strategy.read(window)
            if said is not None:
                said = Said(replace(said.attribution, source=strategy.name), said.pronoun)
                break
        found.append(said)
    return found


def resolve(
    text: str,
    quotes: Sequence[QuoteSpan],
    written: Sequence[Said | None],
    others: Sequence[Attribution],
    settings: RomanceSpeakerSettings,
    not_a_person: Callable[[str], bool] | None = None,
) -> list[Attribution]:
    """The speaker of each quote: ``written`` resolved (pronouns, surnames); where nothing French or
    Spanish is written, the attribution in ``others`` when it has a cue, else the last speaker when
    the quote follows closely, else ``others``."""
    results: list[Attribution] = []
    previous: Attribution | None = None
    previous_quote: QuoteSpan | None = None
    for quote, said, other in zip(quotes, written, others, strict=True):
        since = previous_quote.close_at if previous_quote is not None else max(0, quote.open_at - settings.max_subject_chars)
        if said is None:
            if other.cue is not None and other.name:
                result = other
            elif previous is not None and previous_quote is not None and _close_enough(text, previous_quote, quote, settings):
                result = Attribution(previous.name, previous.title, None, None, None, CONTINUES_PREVIOUS)
            else:
                result = other
        elif said.pronoun:
            result = _pronoun(text, quote, since, previous, said.attribution, settings, not_a_person)
            result = replace(result, source=said.attribution.source)
        else:
            result = replace(_checked(text, said.attribution, settings, not_a_person), source=said.attribution.source)
        results.append(result)
        previous = result if (said is not None or result.name) else previous
        previous_quote = quote
    return results


def _pronoun(
    text: str,
    quote: QuoteSpan,
    since: int,
    previous: Attribution | None,
    said: Attribution,
    settings: RomanceSpeakerSettings,
    not_a_person: Callable[[str], bool] | None,
) -> Attribution:
    """"a-t-elle expliqué", "contó": the last person a sentence since the last quote opens with, else the last speaker."""
    low = max(since, quote.open_at - settings.max_subject_chars)
    subject = None
    for match in settings.opening_person.finditer(text, low, quote.open_at):
        candidate = _person(match.group("name"), match.start("name"), settings, not_a_person)
        if candidate is not None:
            subject = candidate
    if subject is not None:
        name, start, end = subject
        return Attribution(_complete(text, name, settings), None, said.cue, start, end)
    if previous is not None and previous.name:
        return Attribution(previous.name, previous.title, said.cue, None, None)
    return Attribution(None, None, said.cue, None, None)


def _checked(
    text: str, found: Attribution, settings: RomanceSpeakerSettings, not_a_person: Callable[[str], bool] | None
) -> Attribution:
    if not found.name or found.start is None:
        return found
    person = _person(found.name, found.start, settings, not_a_person)
    if person is None:
        return Attribution(None, found.title, found.cue, None, None)
    name, start, end = person
    return Attribution(_complete(text, name, settings), found.title, found.cue, start, end)


def _person(
    raw: str, start: int, settings: RomanceSpeakerSettings, not_a_person: Callable[[str], bool] | None
) -> tuple[str, int, int] | None:
    """The name without honorifics, with its offsets; None when it is no person's name."""
    prefix = settings.honorific_prefix.match(raw)
    if prefix is not None:
        raw, start = raw[prefix.end() :], start + prefix.end()
    words = raw.split()
    if not words or words[0] in settings.not_name_words or words[0].lower() in settings.role_words:
        return None
    if any(word.lower() in settings.role_words for word in words):
        return None  # "Chef Adjoint": a role, not a name
    if len(words) == 1 and raw.isupper() and len(raw) > 1:
        return None  # an acronym
    if not_a_person is not None and not_a_person(raw):
        return None
    return clean_name(raw), start, start + len(raw)


def _complete(text: str, name: str, settings: RomanceSpeakerSettings) -> str:
    """A surname alone completed from the release ("Marchand-Diouf" -> "Hélène Marchand-Diouf")."""
    if len(name.split()) != 1:
        return name
    for match in re.finditer(rf"((?:{_WORD}[ \t\u00a0]+){{1,3}}){re.escape(name)}(?![\w-])", text):
        words = match.group(1).split()
        while words and not _could_be_first_name(words[0], settings):
            words = words[1:]  # "Directeur William Lacy Swing": from the first name on
        if words and all(_could_be_first_name(word, settings) for word in words):
            return clean_name(" ".join([*words, name]))
    return name


def _could_be_first_name(word: str, settings: RomanceSpeakerSettings) -> bool:
    """A capitalised word that is no honorific, role or sentence opener ("Mme Doe" completes nothing)."""
    bare = word.rstrip(".")
    return (
        word[:1].isupper()
        and word not in settings.not_name_words
        and word.lower() not in settings.role_words
        and word not in settings.honorifics
        and bare not in settings.honorifics
    )


def _after(text: str, quote: QuoteSpan, following: int, settings: RomanceSpeakerSettings) -> Said | None:
    start = quote.close_at if quote.closed else quote.end
    if quote.closed:
        entity = _CLOSING_ENTITY.match(text, start)
        start = entity.end() if entity is not None else start + 1
    end = min(following, start + settings.max_attribution_chars, len(text))
    window = _TAG.sub(_blank, text[start:end])
    cue = settings.after.match(window)
    if cue is None:
        return None
    verb = re.sub(r"\s+", " ", cue.group("cue"))
    if cue.group("inverted") or cue.group("inverted2"):
        return Said(Attribution(None, None, verb, None, None), pronoun=True)
    rest_at = cue.end()
    rest = window[rest_at:]
    stripped = rest.lstrip(" \t\u00a0\u202f")
    offset = start + rest_at + (len(rest) - len(stripped))
    if not stripped or stripped[0] in ".;!?\n—–-" or _opens_clause(stripped, settings):
        return Said(Attribution(None, None, verb, None, None), pronoun=True)  # "contó.", "dijo durante ..."
    if not rest[:1].isspace() and rest[:1] != "\u00a0":
        return None
    found = _speaker_phrase(stripped, offset, settings, after_quote=True)
    if found is None:
        return None
    name, title, name_start, name_end = found
    return Said(Attribution(name, title, verb, name_start, name_end))


def _opens_clause(rest: str, settings: RomanceSpeakerSettings) -> bool:
    return rest.startswith(",") or any(
        rest.startswith(opener) and not rest[len(opener) : len(opener) + 1].isalpha() for opener in settings.clause_openers
    )


def _speaker_phrase(
    phrase: str, offset: int, settings: RomanceSpeakerSettings, *, after_quote: bool
) -> tuple[str | None, str | None, int | None, int | None] | None:
    """Who a phrase names: (name, title, start, end). "la Directrice générale de l'OIM, Jane Doe",
    "Jane Doe, Chef de mission de l'OIM au Niger", "les chefs des deux agences" (a role, no name)."""
    role = settings.article_role_name.match(phrase)
    if role is not None and _is_role(role.group("role"), settings):
        role_title = re.sub(r"\s+", " ", role.group("role")).strip()
        if role.group("name"):
            return role.group("name"), role_title, offset + role.start("name"), offset + role.end("name")
        trailing = _trailing_name(role.group("role"), settings)
        if trailing is not None:  # "la viceministra Ana Solís": the name closes the role, no comma
            cut, name = trailing
            start = offset + role.start("role") + cut
            return name, role_title[: cut].strip() or None, start, start + len(name)
        if after_quote or len(phrase[role.end() :].strip(" ,:")) == 0:
            return None, role_title, None, None
        return None
    named = settings.name_only.match(phrase)
    if named is None:
        return None
    after = phrase[named.end() :]
    if after_quote:
        if after.strip() and not re.match(r"[ \t\u00a0\u202f]*(?:[,.;!?)\n]|$)|[ \t\u00a0\u202f]+[a-zà-ÿ]", after):
            return None
    elif after.strip(" \t\u00a0\u202f,:"):
        title_part = after.strip(" \t\u00a0\u202f").lstrip(",").strip()
        if not after.lstrip(" \t\u00a0\u202f").startswith(","):
            return None
        return named.group("name"), _title(title_part, settings), offset + named.start("name"), offset + named.end("name")
    title: str | None = None
    comma = re.match(r"[ \t\u00a0\u202f]*,[ \t\u00a0\u202f]*", after)
    if comma is not None:
        title = _title(_title_text(after[comma.end() :], settings), settings)
    return named.group("name"), title, offset + named.start("name"), offset + named.end("name")


_TRAILING_NAME = re.compile(rf"(?<=[ \t\u00a0])(?:{_WORD})(?:[ \t\u00a0]+{_WORD}){{0,3}}$")


def _trailing_name(role: str, settings: RomanceSpeakerSettings) -> tuple[int, str] | None:
    """"viceministra Ana Solís" -> (12, "Ana Solís"): up to four capitalised words closing a role,
    after a role word ("l'Ambassadeur Swing": one is enough there) or, two at least, after an
    acronym; never after a connector ("de Relaciones Exteriores"), never an acronym."""
    match = _TRAILING_NAME.search(role.rstrip())
    if match is None:
        return None
    before = role[: match.start()].split()
    if not before or before[-1].lower() in settings.connecting_words or before[-1].lower().endswith(("'", "’")):
        return None
    last = re.sub(r"^[lLdD]['’]", "", before[-1])
    if not (last.lower() in settings.role_words or (last.isupper() and len(last) > 1)):
        return None
    words = match.group().split()
    if any(word in settings.not_name_words or word.lower() in settings.role_words or word.isupper() for word in words):
        return None
    if len(words) == 1 and last.lower() not in settings.role_words:
        return None
    return match.start(), match.group()


def _title_text(text: str, settings: RomanceSpeakerSettings) -> str:
    """The role after a name: up to the sentence's end, or a clause that is no part of it."""
    match = re.match(r"[^;\n«»“”\"]*?(?=\.(?:\s|$|<)|[;\n«»“”\"]|$)", text)
    title = match.group() if match is not None else text
    for position in [index for index, char in enumerate(title) if char == ","]:
        if _opens_clause(title[position + 1 :].lstrip(), settings):
            return title[:position]
    return title


def _title(text: str, settings: RomanceSpeakerSettings) -> str | None:
    """A role ("Chef de mission de l'OIM au Niger"), not an age or a description ("34 ans", "un joven")."""
    title = re.sub(r"\s+", " ", text).strip(" ,.")
    return title if title and _is_role(title, settings) else None


def _is_role(phrase: str, settings: RomanceSpeakerSettings) -> bool:
    words = phrase.split()
    return bool(words) and any(word.lower().strip(",.") in settings.role_words for word in words[:3])


_SENTENCE_START = re.compile(r"[.!?][»”\"’)]*[ \t\u00a0\u202f]+(?=[«“\"]?[" + _UPPER + r"])|\n|>")


def _before(text: str, quote: QuoteSpan, previous: int, settings: RomanceSpeakerSettings) -> Said | None:
    end = quote.open_at
    space = _OPENING_SPACE.search(text, max(0, end - 20), end)
    if space is not None:
        end = space.start()
    found = _lead_in(text, max(previous, end - settings.max_attribution_chars), end, settings)
    if found is None and text[max(0, end - 1) : end] in ("", "\n") and not text[_line_start(text, end) : end].strip():
        colon = text.rfind(":", max(previous, end - 12), end)
        if colon >= 0 and not text[colon + 1 : end].strip():
            found = _lead_in(text, max(previous, colon - settings.max_attribution_chars), colon + 1, settings)
    return found


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _lead_in(text: str, low: int, end: int, settings: RomanceSpeakerSettings) -> Said | None:
    """The sentence before ``end`` introduces the quote: "X, role, a déclaré :", "Según X,", "Relató que"."""
    start = -1
    for match in _SENTENCE_START.finditer(text, low, end):
        if match.group() in ("\n", ">") or not settings.initial_before.search(text, max(0, match.start() - 5), match.start()):
            start = match.end()
    if start < 0:
        if low > 0 and not text[low - 1].isspace() and text[low - 1] not in "»”\"":
            return None  # the sentence opens before the window: too long a lead-in to read
        start = low
    window = _TAG.sub(_blank, text[start:end])
    if not window.strip():
        return None
    cue = settings.before_cue.search(window)
    if cue is not None:
        verb = re.sub(r"\s+", " ", cue.group("cue"))
        subject = window[: cue.start()]
        return _subject(subject, start, verb, settings)
    according = settings.before_according.search(window)
    if according is not None and not window[: according.start()].strip(" \t\u00a0,"):
        rest_at = according.start("rest")
        return _subject(window[rest_at : according.end("rest")], start + rest_at, according.group("cue"), settings)
    return None


def _subject(phrase: str, offset: int, verb: str, settings: RomanceSpeakerSettings) -> Said | None:
    stripped = phrase.strip(" \t\u00a0\u202f,")
    if not stripped or stripped in settings.pronouns:
        return Said(Attribution(None, None, verb, None, None), pronoun=True)  # "Relató que", "Elle a ajouté que"
    lead = len(phrase) - len(phrase.lstrip(" \t\u00a0\u202f,"))
    found = _speaker_phrase(stripped, offset + lead, settings, after_quote=False)
    comma = stripped.find(",")
    if found is None and comma > 0 and stripped.split()[0] in settings.not_name_words:
        # "Lors de la cérémonie, Jane Doe, …, a déclaré :": a circumstance, then the subject
        return _subject(phrase[lead + comma + 1 :], offset + lead + comma + 1, verb, settings)
    if found is None:
        return None
    name, title, start, end = found
    return Said(Attribution(name, title, verb, start, end))


def _close_enough(text: str, previous: QuoteSpan, current: QuoteSpan, settings: RomanceSpeakerSettings) -> bool:
    """The quote follows the last one with at most a short attribution between them."""
    gap = text[previous.end : current.open_at]
    return gap.count("\n") <= settings.continuation_max_lines and len(gap) < settings.continuation_max_chars


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())
