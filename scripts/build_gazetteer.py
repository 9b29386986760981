#!/usr/bin/env python3
"""Build ``models/countries.jsonl``, the country gazetteer of the ``iom_countries`` component.

Sources (public domain or written for this project only):
- pycountry: ISO 3166-1 names, official and common names; ISO 3166-3 historic countries;
- the DataHub country-codes table (ODC-PDDL): UN terminology short/formal names, CLDR
  display names and capitals (``--datahub``, default ``../shared/data/...``);
- ``models/curated/country_aliases.tsv`` and ``models/curated/demonyms.tsv``, written by hand;
  ``models/curated/country_exclusions.txt`` lists forms left out (regions more than countries).

Every name gets its usual variants (Saint/St./St, "&" for "and", accents folded, curly
apostrophes, hyphen or space). When two countries claim one form, the curated files decide;
otherwise a current country beats a historic one, and remaining clashes are dropped.

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
    """"Korea, Republic of" -> ["Republic of Korea", "Korea"]; keeps plain names as they are."""
    if "," not in name:
        return [name]
    head, tail = (part.strip() for part in name.split(",", 1))
    forms = [head]
    if tail.lower().endswith((" of", " of the")) or tail.lower() in {"republic of"}:
        forms.insert(0, f"{tail} {head}")
    return forms


def strip_article(name: str) -> str:
    return re.sub(r"^(the|The)\s+", "", name)


def strip_parenthetical(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def fold_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def variants(name: str) -> set[str]:
    """The ways a release writes ``name``."""
    forms = {name, strip_article(name), strip_parenthetical(name)}
    for form in list(forms):
        forms.add(fold_accents(form))
        forms.add(form.replace("'", "’"))
        forms.add(form.replace("-", " "))
        if " and " in form:
            forms.add(form.replace(" and ", " & "))
    for form in list(forms):
        for saint, short in (("Saint ", "St. "), ("Saint ", "St "), ("Sainte ", "Ste. ")):
            if saint in form:
                forms.add(form.replace(saint, short))
    # A leading article is context, not name: "the Netherlands" must not hide "Netherlands Antilles".
    cleaned = {re.sub(r"\s+", " ", strip_article(form)).strip() for form in forms}
    return {form for form in cleaned if form}


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
    names = {country.alpha_2: country.name for country in pycountry.countries}
    names.update({historic.alpha_4: historic.name for historic in pycountry.historic_countries})
    names["XK"] = "Kosovo"
    return names


def choose(claims: dict[str, dict[str, int]]) -> dict[str, str]:
    """Give each lower-cased form to the country with the best claim; drop ties."""
    chosen = {}
    for form, by_code in claims.items():
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
        for form in variants(name):
            key = form.lower()
            if key in excluded:
                continue
            surface.setdefault(key, form)
            previous = claims[key].get(code, 99)
            claims[key][code] = min(previous, PRIORITY[source])

    entries = []
    names = display_names()
    for key, code in sorted(choose(claims).items()):
        entries.append({"code": code, "name": names.get(code, code), "kind": "name", "pattern": surface[key]})
    name_keys = set(claims)
    for code, demonym in read_tsv(MODELS / "curated" / "demonyms.tsv"):
        for form in variants(demonym):
            entries.append({"code": code, "name": names.get(code, code), "kind": "demonym", "pattern": form})
    for code, capital in capitals:
        for form in variants(capital):
            if form.lower() not in name_keys:
                entries.append({"code": code, "name": names.get(code, code), "kind": "capital", "pattern": form})
    return entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datahub", type=Path, default=DEFAULT_DATAHUB)
    parser.add_argument("--output", type=Path, default=MODELS / "countries.jsonl")
    args = parser.parse_args()
    entries = build(args.datahub)
    with args.output.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"wrote {len(entries)} patterns to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
