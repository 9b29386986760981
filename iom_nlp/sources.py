"""What produced each mention: the names of the rules, strategies and models, in one place.

Every mention in a Release carries ``source``, one of the names below (quotes and speakers carry
the name of the speaker strategy of :mod:`iom_nlp.rules.speakers` that attributed them). The
rule that finds a mention writes its name there itself; nothing is guessed afterwards. The
names are stable: a new rule gets a new name, an old one keeps its own. The README's table of
sources and the JSON Schema's descriptions are built from (and tested against) these tables.

Pure data: no spaCy, no pydantic, so the schema and the CLI can import it at no cost.
"""

from __future__ import annotations

from typing import Final

COUNTRY_SOURCES: Final[dict[str, str]] = {
    "gazetteer:name": "a country's name from the gazetteer (models/countries.jsonl), past the country guards",
    "gazetteer:demonym": "a demonym from the gazetteer ('Syrians', 'Filipina'), past the demonym guards",
    "gazetteer:attributive": "a short name used as an adjective, reported as a demonym ('Saudi authorities')",
    "gazetteer:ambiguous": "a form two countries share, resolved by the release ('Congo', 'Georgia', 'Congolese')",
    "gazetteer:capitals": "a form counted in capitals only because the release names the country in full ('CAR', 'US')",
    "gazetteer:compound": "a country inside one token the tokenizer kept whole ('U.S.-led', 'Norway.<br')",
    "gazetteer-fr:name": "a name from the French gazetteer (models/countries_fr_es.jsonl), in a French release",
    "gazetteer-fr:demonym": "a demonym from the French gazetteer ('malien', 'maliennes'), in a French release",
    "gazetteer-es:name": "a name from the Spanish gazetteer, in a Spanish release",
    "gazetteer-es:demonym": "a demonym from the Spanish gazetteer ('venezolanos'), in a Spanish release",
    "gazetteer-fr:ambiguous": "a French form two countries share ('congolais'), resolved by the release",
    "gazetteer-es:ambiguous": "a Spanish form two countries share ('congoleño'), resolved by the release",
    "gazetteer-fr:glued": "a French name glued to markup in one token ('Maroc&nbsp;')",
    "gazetteer-es:glued": "a Spanish name glued to markup in one token",
}

# Capitals are evidence for other components (``doc.spans["iom_places"]``), never countries.
PLACE_SOURCES: Final[dict[str, str]] = {
    "gazetteer:capital": "a capital city from the gazetteer (in doc.spans['iom_places'] only, as region evidence)",
}

ORGANIZATION_SOURCES: Final[dict[str, str]] = {
    "gazetteer": "a known body from models/curated/organizations.tsv",
    "definition": "a long form and its acronym defined in the release ('... (IOM)')",
    "pattern": "a Title Case name built on a head word ('Ministry of ...')",
    "ner": "the base model's ORG entity, past the rules' checks",
    "model": "the trained recogniser (iom_org_model), past the rules' checks",
}

PHONE_SOURCES: Final[dict[str, str]] = {
    "phonenumbers:international": "written with its country code ('+', '00'), read valid by phonenumbers",
    "phonenumbers:office-region": "a national number read valid in the region of the office named just before it",
    "phonenumbers:release-region": "a national number read valid in a region the release points to (places, domains, codes)",
    "phonenumbers:default-region": "a national number in a release pointing to no region, read in a default region",
    "phonenumbers:area-code": "a local number completed with the area code of the city named before it",
    "phonenumbers:office-code": "a number under an office starting with the office country's calling code without '+'",
    "phonenumbers:as-given": "written with its country code but rejected by today's plan (an older plan): kept as written",
    "phonenumbers:unverified": "a full national form no region accepts, kept as written under the office's calling code",
    "phonenumbers:us-repair": "'+202 ...' repaired to +1 202 under a U.S. or Canadian office",
    "phonenumbers:alternate-ending": "another number sharing all but its last digits ('4174/167', '4811-13')",
    "phonenumbers:short-number": "a short national number after a phone cue ('13 14 50')",
}

EMAIL_SOURCES: Final[dict[str, str]] = {
    "email:syntax": "an address read whole around an '@'",
    "email:deobfuscated": "an address written '[at]', '(at)', ' AT ', '(arroba)' or '[dot]'",
    "email:rfc5322": "an address with RFC 5322 comments or quoted words ('(desk)jdoe@iom.int', 'jdoe(desk)@iom.int', '\"d..t\"@iom.int')",
    "email:mailto": "an address only in markup debris ('mailto:...'), not written as visible text",
}

CONTACT_SOURCES: Final[dict[str, str]] = {
    "contact:block": "a name in a contact block after a cue ('For more information, please contact')",
    "contact:line": "a name on the line of a phone or e-mail (or on a signature line just above it)",
    "contact:cut-off": "a name the text ends in after a contact cue, with no phone or e-mail (an excerpt cut short)",
}

DATELINE_SOURCES: Final[dict[str, str]] = {
    "dateline:place-line": "a line opening the body with a place (and a date): 'GENEVA, 12 May 2020 –'",
    "dateline:above-title": "a place and a date alone on a line above the headline",
    "dateline:date-line": "a line holding only a date (or a weekday and a date), no place",
    "dateline:first-date": "no dateline: the first date near the top or at the very end of the release",
}

# Quotes and speakers carry the name of the speaker strategy that attributed them (the named
# table of rules/speakers.py); this one when no strategy name was recorded.
QUOTE_FALLBACK_SOURCE: Final = "quote:pattern"
QUOTE_SOURCES: Final[dict[str, str]] = {
    QUOTE_FALLBACK_SOURCE: "a quotation found by its marks, with no speaker strategy recorded",
}

# Sources that only refused candidates carry (``--explain-rejected``): no mention has them.
REJECTED_ONLY_SOURCES: Final[dict[str, str]] = {
    "phonenumbers:matcher": "a digit run phonenumbers' matcher proposed, refused before any reading",
}

# Field of the Release -> its sources, in the order of the README's table.
SOURCES: Final[dict[str, dict[str, str]]] = {
    "countries": COUNTRY_SOURCES,
    "organizations": ORGANIZATION_SOURCES,
    "phones": PHONE_SOURCES,
    "emails": EMAIL_SOURCES,
    "contacts": CONTACT_SOURCES,
    "dateline": DATELINE_SOURCES,
    "quotes": QUOTE_SOURCES,
}


def describe(table: dict[str, str]) -> str:
    """The names of ``table`` as one sentence for a JSON Schema description."""
    return "; ".join(f'"{name}": {meaning}' for name, meaning in table.items()) + "."
