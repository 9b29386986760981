#!/usr/bin/env python3
"""Build ``models/countries.jsonl``, the country gazetteer of the ``iom_countries`` component.

Sources (public domain or written for this project only):
- pycountry: ISO 3166-1 names, official and common names; ISO 3166-3 historic countries;
- the DataHub country-codes table (ODC-PDDL): UN terminology short/formal names, CLDR
  display names and capitals (``--datahub``, default ``../shared/data/...``);
- ``models/curated/country_aliases.tsv`` and ``models/curated/demonyms.tsv``, written by hand;
  ``models/curated/country_exclusions.txt`` lists forms left out (regions more than countries);
  ``models/curated/country_names.tsv`` gives the short name shown to users where ISO's is
  inverted or not the one people write ("Congo" -> "Republic of the Congo").

Every name gets its usual variants (Saint/St./St, "&" for "and", accents folded, curly
apostrophes, hyphen or space, table abbreviations "Rep."/"Is.", the UTF-8-read-as-Windows-1252
damage "CÃ´te d'Ivoire"); "<Demonym> Republic" ("Yemeni Republic") is added; both it and the
"Is." abbreviation match in exact case only (``exact_case``); and ISO's inverted form is kept as written ("Korea, Republic
of") because tables and lists use it. Every demonym gets its plural ("Syrians", "Filipinos")
unless it is an adjective only or invariable ("Chinese", "Swiss", "French"). When two
countries claim one form, the curated files decide; otherwise a current country beats a
historic one ("Viet-Nam" is Viet Nam, not the historic North Viet-Nam), and remaining clashes
are dropped.

    python scripts/build_gazetteer.py [--datahub PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
DEFAULT_DATAHUB = ROOT.parent / "shared" / "data" / "datahub-country-codes" / "country-codes.csv"
# Curated beats current ISO names, which beat DataHub names, which beat historic names.
PRIORITY = {"curated": 0, "iso": 1, "datahub": 2, "historic": 3}


def read_tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, value = line.split("\t")
        rows.append((code.strip(), value.strip()))
    return rows


def reorder_comma_name(name: str) -> list[str]:
    """"Korea, Republic of" -> ["Republic of Korea", "Korea", "Korea, Republic of"]; plain names as they are.

    The inverted form itself is kept for tables and lists that copy ISO ("Congo, Republic of"
    must not fall back to the ambiguous "Congo"); the component guards it against running into
    the next name ("Congo, Republic of Korea").
    """
    if "," not in name:
        return [name]
    head, tail = (part.strip() for part in name.split(",", 1))
    forms = [head]
    if tail.lower().endswith((" of", " of the")) or tail.lower() in {"republic of"}:
        forms.insert(0, f"{tail} {head}")
        forms += [name, f"{head} ({tail})"]  # ISO's inverted form, and the UN's "Congo (Republic of the)"
    elif " " not in tail:
        # A one-word qualifier ("Virgin Islands, British", "Virgin Islands, U.S.") is written
        # before the name or in brackets after it; the bare comma form is left out because in
        # prose the word after the comma usually starts the next phrase.
        forms += [f"{tail} {head}", f"{head} ({tail})"]
    return forms


def short_name(name: str, historic: bool = False) -> str:
    """The name as people write it: "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo".

    A historic name keeps its head ("Zaire, Republic of" -> "Zaire"); a name whose tail is not
    an "of" phrase keeps ISO's form ("Bonaire, Sint Eustatius and Saba").
    """
    if "," not in name:
        return name
    head, tail = (part.strip() for part in name.split(",", 1))
    if historic:
        return head
    if tail.lower().endswith((" of", " of the")):
        return strip_article(f"{tail} {head}")
    return name


# Demonyms that take no plural: adjectives only, or the same word in the plural.
NO_PLURAL_ENDINGS = ("ese", "ss", "sh", "ch", "sy", "z", "ic", "o", "a", "ois")
NO_PLURAL = frozenset({"Afghani", "Philippine", "Myanmar", "Lao", "Burkinabe", "Burkinabè", "I-Kiribati", "Ni-Vanuatu"})
IRREGULAR_PLURALS = {"Czech": "Czechs", "Filipino": "Filipinos", "Filipina": "Filipinas"}
# Frenchman, Irishwoman, Scotsman, Dutchman (not German, Omani): -man after "s" or "h".
PERSON_NOUN = re.compile(r"(?<=[sh])(wo)?man$")


def plural(demonym: str) -> str | None:
    """"Syrian" -> "Syrians", "Sri Lankan" -> "Sri Lankans", "Frenchwoman" -> "Frenchwomen"; None for "Chinese"."""
    last = demonym.split()[-1]
    if demonym in NO_PLURAL:
        return None
    if last in IRREGULAR_PLURALS:
        return demonym[: -len(last)] + IRREGULAR_PLURALS[last]
    if PERSON_NOUN.search(demonym):
        return demonym[:-2] + "en"
    if demonym.endswith(NO_PLURAL_ENDINGS) or demonym.endswith("s"):
        return None
    return demonym + "s"


def claim_key(form: str) -> str:
    """Forms that differ only in case, accents, hyphens or apostrophes are one claim."""
    return fold_accents(form).lower().replace("-", " ").replace("’", "'")


def strip_article(name: str) -> str:
    return re.sub(r"^(the|The)\s+", "", name)


def strip_parenthetical(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def fold_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Whole words that tables abbreviate (only in names of two words or more).
ABBREVIATIONS = (("Islands", "Isds"), ("Islands", "Isl."), ("Islands", "Is."), ("Island", "Isl."),
                 ("Republic", "Rep."), ("Democratic", "Dem."),
                 ("British", "Br."), ("Territory", "Terr."), ("Territories", "Terr."), ("Occupied", "Occ."), ("Northern", "N."),
                 ("Netherlands", "Neth."))


# The "Is." of "Cook Is.": it must match in its own case, so that "... what Christmas is." is no island.
IS_ABBREVIATION = re.compile(r" Is\.(?: |$)")


def variants(name: str, keep_brackets: bool = False) -> set[str]:
    """The ways a release writes ``name``.

    ``keep_brackets`` keeps a bracketed qualifier that is the whole point of a curated form
    ("Saint Martin (Dutch)" must not become "Saint Martin", which is the French part).
    """
    forms = {name, strip_article(name)} | (set() if keep_brackets else {strip_parenthetical(name)})
    for form in list(forms):
        forms.add(fold_accents(form))
        forms.add(form.replace("'", "’"))
        forms.add(form.replace("d'", "d "))  # "Cote d Ivoire": the apostrophe lost in a data export
        forms.add(form.replace("-", " "))
        if " and " in form:
            forms.add(form.replace(" and ", " & "))
    for form in list(forms):
        for saint, short in (("Saint ", "St. "), ("Saint ", "St "), ("Sainte ", "Ste. ")):
            if saint in form:
                forms.add(form.replace(saint, short))
    if " " in name:  # table abbreviations of a multi-word name: "Solomon Isds", "Czech Rep.", "Br. Virgin Isds"
        for form in list(forms):
            shortened = form
            for word, short in ABBREVIATIONS:
                if word in form.split():
                    forms.add(form.replace(word, short))
                    shortened = shortened.replace(word, short)
            forms.add(shortened)
    forms |= {form.replace("People's", "Peoples").replace("People’s", "Peoples") for form in forms}
    forms |= {unicodedata.normalize("NFD", form) for form in forms}  # accents typed as combining marks
    forms |= {garbled for form in forms if (garbled := mojibake(form))}
    # A leading article is context, not name: "the Netherlands" must not hide "Netherlands Antilles".
    cleaned = {re.sub(r"\s+", " ", strip_article(form)).strip() for form in forms}
    return {form for form in cleaned if form}


def mojibake(form: str) -> str | None:
    """"Côte d'Ivoire" as a UTF-8 page read as Windows-1252 shows it ("CÃ´te d'Ivoire"); None for ASCII.

    Scraped releases and spreadsheets carry this damage; the garbled form never spells an
    English word, so matching it costs no precision. Offsets stay on the text as written.
    """
    if form.isascii() or unicodedata.normalize("NFC", form) != form:
        return None
    try:
        return form.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return form.encode("utf-8").decode("latin-1")


# "Yemeni Republic", "Tunisian Republic", "Gabonese Republic": an official long form made of the
# demonym and "Republic". Matched only as written (capital R, exact case) so that "the Russian
# republic of Dagestan" stays a demonym, and never before "of" ("Turkish Republic of Northern
# Cyprus", "Serbian Republic of Bosnia" are other polities; the component checks that).
DEMONYM_REPUBLIC = "Republic"


def demonym_republics(demonyms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(code, "<Demonym> Republic") for adjectives that belong to one current country only.

    Historic codes (four letters) are left out ("Soviet Republic" is rarely the USSR itself),
    and so are person nouns ("Frenchman") and adjectives two countries share ("Congolese");
    one-word adjectives only ("Christmas Islander Republic" is no name).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for code, demonym in demonyms:
        owners[demonym].add(code)
    return [
        (code, f"{demonym} {DEMONYM_REPUBLIC}")
        for demonym, codes in sorted(owners.items())
        if len(codes) == 1 and len(code := next(iter(codes))) == 2 and not PERSON_NOUN.search(demonym)
        and demonym[:1].isupper() and " " not in demonym
    ]


def iso_names() -> list[tuple[str, str, str]]:
    """(code, name, source) for current and historic ISO 3166 countries."""
    rows = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                rows += [(country.alpha_2, form, "iso") for form in reorder_comma_name(value)]
    for historic in pycountry.historic_countries:
        rows += [(historic.alpha_4, form, "historic") for form in reorder_comma_name(historic.name)]
    return rows


def datahub_rows(path: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    names, capitals = [], []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["ISO3166-1-Alpha-2"]
            if not code:
                continue
            for column in ("UNTERM English Short", "UNTERM English Formal", "CLDR display name", "official_name_en"):
                value = row.get(column) or ""
                value = value.replace(" (the)", "").strip()
                if value:
                    names += [(code, form, "datahub") for form in reorder_comma_name(value)]
            if row.get("Capital"):
                capitals.append((code, row["Capital"].strip()))
    return names, capitals


def display_names() -> dict[str, str]:
    """Code -> the short name people write (curated, else ISO's common name, else ISO's name uninverted)."""
    names = {country.alpha_2: getattr(country, "common_name", None) or short_name(country.name) for country in pycountry.countries}
    names.update({historic.alpha_4: short_name(historic.name, historic=True) for historic in pycountry.historic_countries})
    names["XK"] = "Kosovo"
    names.update({code: short for code, short, _ in curated_names()})
    return names


def curated_names() -> list[tuple[str, str, str]]:
    """(code, short name, official name or "") from ``models/curated/country_names.tsv``."""
    rows = []
    for line in (MODELS / "curated" / "country_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, short, *official = (part.strip() for part in line.split("\t"))
            rows.append((code, short, official[0] if official else ""))
    return rows


def official_names(datahub: Path) -> dict[str, str]:
    """Code -> the official name (ISO's, else the UN's formal name, else the short name).

    Footnote marks ("Holy See *") and leading articles are dropped; a historic country's
    official name is the part of ISO 3166-3's name that is not its short name.
    """
    names = display_names()
    for historic in pycountry.historic_countries:
        head, _, tail = historic.name.partition(", ")
        names[historic.alpha_4] = (reorder_comma_name(historic.name)[0] if tail.endswith((" of", " of the")) else tail) or head
    if datahub.exists():
        with datahub.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                formal = (row.get("UNTERM English Formal") or "").strip()
                if row["ISO3166-1-Alpha-2"] and formal:
                    names[row["ISO3166-1-Alpha-2"]] = formal
    names.update({country.alpha_2: country.official_name for country in pycountry.countries if getattr(country, "official_name", None)})
    names["XK"] = "Republic of Kosovo"
    names.update({code: official for code, _, official in curated_names() if official})
    return {code: strip_article(name.rstrip("* ").strip()) for code, name in names.items()}


def choose(claims: dict[str, dict[str, int]]) -> dict[str, str]:
    """Give each lower-cased form to the country with the best claim; drop ties.

    A claim counts for every spelling of the form (``claim_key``), so ISO 3166-3's "Viet-Nam"
    (North Viet-Nam) loses to the current "Viet Nam".
    """
    grouped: dict[str, dict[str, int]] = defaultdict(dict)
    for form, by_code in claims.items():
        for code, priority in by_code.items():
            group = grouped[claim_key(form)]
            group[code] = min(group.get(code, 99), priority)
    chosen = {}
    for form in claims:
        by_code = grouped[claim_key(form)]
        best = min(by_code.values())
        winners = [code for code, priority in by_code.items() if priority == best]
        if len(winners) == 1:
            chosen[form] = winners[0]
        else:
            print(f"dropped ambiguous form {form!r}: {sorted(winners)}", file=sys.stderr)
    return chosen


def build(datahub: Path) -> list[dict[str, str]]:
    sources = iso_names()
    capitals: list[tuple[str, str]] = []
    if datahub.exists():
        dh_names, capitals = datahub_rows(datahub)
        sources += dh_names
    else:
        print(f"DataHub table not found at {datahub}; building from pycountry only", file=sys.stderr)
    sources += [(code, alias, "curated") for code, alias in read_tsv(MODELS / "curated" / "country_aliases.tsv")]

    excluded = {
        line.strip().lower()
        for line in (MODELS / "curated" / "country_exclusions.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    surface: dict[str, str] = {}
    claims: dict[str, dict[str, int]] = defaultdict(dict)
    for code, name, source in sources:
        for form in variants(name, keep_brackets=source == "curated"):
            key = form.lower()
            if key in excluded:
                continue
            surface.setdefault(key, form)
            previous = claims[key].get(code, 99)
            claims[key][code] = min(previous, PRIORITY[source])

    names = display_names()
    official = official_names(datahub)

    def entry(code: str, kind: str, pattern: str) -> dict[str, str]:
        return {"code": code, "name": names.get(code, code), "official_name": official.get(code, names.get(code, code)),
                "kind": kind, "pattern": pattern}

    entries = [entry(code, "name", surface[key]) for key, code in sorted(choose(claims).items())]
    for item in entries:  # "Cook Is." as a table writes it, never "... what Christmas is."
        if IS_ABBREVIATION.search(item["pattern"]):
            item["exact_case"] = "true"
    name_keys = set(claims)
    demonyms: dict[str, str] = {}
    for code, demonym in read_tsv(MODELS / "curated" / "demonyms.tsv"):
        many = plural(demonym)
        for form in variants(demonym) | (variants(many) if many else set()):
            demonyms.setdefault(form, code)
    entries += [entry(code, "demonym", form) for form, code in demonyms.items()]
    for code, republic in demonym_republics(read_tsv(MODELS / "curated" / "demonyms.tsv")):
        for form in variants(republic):
            if form.lower() not in name_keys and form.lower() not in excluded:
                entries.append({**entry(code, "name", form), "exact_case": "true"})
    for code, capital in capitals:
        for form in variants(capital):
            if form.lower() not in name_keys:
                entries.append(entry(code, "capital", form))
    return entries


# --- French and Spanish ---------------------------------------------------------------------
# Names from pycountry's own French and Spanish translations of ISO 3166 (its gettext files),
# plus ``models/curated/country_aliases_<lang>.tsv``; demonyms from
# ``models/curated/demonyms_<lang>.tsv`` in every gender and number. Written to
# ``models/countries_fr_es.jsonl``, each entry with its "lang"; the component matches them only
# in releases of that language, so no English release can be touched by a French or Spanish word.
FOREIGN_LANGUAGES = ("fr", "es")
# Forms that name no country: they hide the country inside them ("Colombie-Britannique").
NO_COUNTRY = "-"
# Demonyms two countries share: resolved like the English "Congolese" (rule "Congo").
FOREIGN_AMBIGUOUS_DEMONYMS = {"fr": ("congolais", "Congo"), "es": ("congoleño", "Congo")}
# Names two places share: resolved like the English name (rule "Georgia": the country or the US state).
FOREIGN_AMBIGUOUS_NAMES = {"fr": {"georgie": "Georgia"}, "es": {"georgia": "Georgia"}}  # keys without accents


def translated_names(language: str) -> list[tuple[str, str]]:
    """(code, name) for pycountry's translations of each ISO 3166-1 name into ``language``.

    ISO's inverted forms ("Iran, République islamique d'") give their head ("Iran") and, where
    the tail ends in a preposition, the uninverted form ("République démocratique du Congo").
    """
    import gettext

    locales = Path(pycountry.__file__).parent / "locales"
    translation = gettext.translation("iso3166-1", str(locales), languages=[language])
    rows = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            translated = translation.gettext(value)
            if translated == value and language != "en" and attr != "name":
                continue  # untranslated official forms are English
            if "," in translated:
                head, tail = (part.strip() for part in translated.split(",", 1))
                rows.append((country.alpha_2, head))
                if re.search(r"(?:\b(?:de|du|del|des|de la)|d['’])$", tail):
                    joiner = "" if tail.endswith(("'", "’")) else " "
                    rows.append((country.alpha_2, f"{tail[:1].upper()}{tail[1:]}{joiner}{head}"))
            else:
                rows.append((country.alpha_2, translated))
    return rows


def inflect_fr(word: str) -> list[str]:
    """A French demonym in both genders and numbers: "malien" -> malien, malienne, maliens, maliennes."""
    if word.endswith(("ien", "éen", "en")):
        return [word, word + "ne", word + "s", word + "nes"]
    if word.endswith("e"):
        return [word, word + "s"]
    if word.endswith(("s", "x")):
        return [word, word + "e", word + "es"]
    return [word, word + "e", word + "s", word + "es"]


def inflect_es(word: str) -> list[str]:
    """A Spanish demonym in both genders and numbers: "venezolano" -> venezolano, venezolana, venezolanos, venezolanas."""
    if word.endswith("o"):
        return [word, word[:-1] + "a", word + "s", word[:-1] + "as"]
    if word.endswith(("e", "a")):
        return [word, word + "s"]
    if word.endswith(("és", "án", "ín", "ón")):
        stem = fold_accents(word[-2]) + word[-1]
        base = word[:-2] + stem
        return [word, base + "a", base + "es", base + "as"]
    if word.endswith(("í", "ú")):
        return [word, word + "es", word + "s"]
    return [word, word + "a", word + "es", word + "as"]


def demonym_forms(language: str, written: str) -> list[str]:
    if "|" in written:
        return [form.strip() for form in written.split("|") if form.strip()]
    return inflect_fr(written) if language == "fr" else inflect_es(written)


def foreign_variants(form: str) -> set[str]:
    """Accents folded, typographic apostrophes, hyphen or space: the ways a release writes ``form``."""
    forms = {form, fold_accents(form), form.replace("'", "’")}
    forms |= {variant.replace("-", " ") for variant in forms if "-" in variant}
    forms |= {unicodedata.normalize("NFD", variant) for variant in forms}
    return {re.sub(r"\s+", " ", variant).strip() for variant in forms if variant.strip()}


def build_foreign(language: str) -> list[dict[str, str]]:
    """The French or Spanish entries: names (ISO translations, curated aliases) and demonyms."""
    excluded = {
        line.strip().lower()
        for line in (MODELS / "curated" / "country_exclusions_fr_es.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    names = display_names()
    official = official_names(DEFAULT_DATAHUB)
    claims: dict[str, dict[str, int]] = defaultdict(dict)
    surface: dict[str, str] = {}
    # curated first: its spelling of a form ("Guinée équatoriale") is the one whose capitals count
    sources = [(code, name, "curated") for code, name in read_tsv(MODELS / "curated" / f"country_aliases_{language}.tsv")]
    sources += [(code, name, "iso") for code, name in translated_names(language)]
    for code, name, source in sources:
        for form in sorted(foreign_variants(name)):
            key = form.lower()
            if key in excluded or fold_accents(key) in excluded:
                continue
            surface.setdefault(key, form)
            claims[key][code] = min(claims[key].get(code, 99), PRIORITY[source])

    def entry(code: str, kind: str, pattern: str) -> dict[str, str]:
        return {"code": code, "name": names.get(code, code), "official_name": official.get(code, names.get(code, code)),
                "kind": kind, "pattern": pattern, "lang": language}

    entries = [entry(code, "name", surface[key]) for key, code in sorted(choose(claims).items())]
    for item in entries:
        rule = FOREIGN_AMBIGUOUS_NAMES[language].get(fold_accents(item["pattern"]).lower())
        if rule:
            item.update({"code": "?", "name": rule, "official_name": rule, "rule": rule})
    demonyms: dict[str, set[str]] = defaultdict(set)
    for code, written in read_tsv(MODELS / "curated" / f"demonyms_{language}.tsv"):
        for form in demonym_forms(language, written):
            for variant in sorted(foreign_variants(form)):
                demonyms[variant.lower()].add(code)
    for form, codes in sorted(demonyms.items()):
        if len(codes) == 1:
            entries.append(entry(next(iter(codes)), "demonym", form))
        else:
            print(f"dropped ambiguous {language} demonym {form!r}: {sorted(codes)}", file=sys.stderr)
    stem, rule = FOREIGN_AMBIGUOUS_DEMONYMS[language]
    for form in demonym_forms(language, stem):
        for variant in sorted(foreign_variants(form)):
            entries.append({"code": "?", "name": rule, "official_name": rule, "kind": "demonym", "pattern": variant.lower(),
                            "lang": language, "rule": rule})
    return entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datahub", type=Path, default=DEFAULT_DATAHUB)
    parser.add_argument("--output", type=Path, default=MODELS / "countries.jsonl")
    parser.add_argument("--foreign-output", type=Path, default=MODELS / "countries_fr_es.jsonl")
    args = parser.parse_args()
    entries = build(args.datahub)
    with args.output.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"wrote {len(entries)} patterns to {args.output}", file=sys.stderr)
    foreign = [entry for language in FOREIGN_LANGUAGES for entry in build_foreign(language)]
    with args.foreign_output.open("w", encoding="utf-8") as handle:
        for entry in foreign:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"wrote {len(foreign)} French and Spanish patterns to {args.foreign_output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
