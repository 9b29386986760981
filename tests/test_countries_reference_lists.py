"""Countries and demonyms measured on other projects' reference lists, read at test time only.

``../shared/data/mledoze-countries`` (ODbL) and ``../shared/data/coco-country-variants`` (GPL)
are never copied into ``models/``: this test reads them where they are and skips, saying so,
when they are absent. Each name or demonym is put in an invented sentence; the recall floor
sits a little under today's figure so that a regression fails while the lists' own
conventions (coco maps "Zaire" to CD where ANNOTATION.md wants ZRCD; database strings such as
"China excluding Hong Kong") do not have to be matched.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

NAME_FLOOR = 0.97
DEMONYM_FLOOR = 0.90
VARIANT_FLOOR = 0.90
# The variants standing alone (as a table cell or a typed query would hold them, lower case included).
STANDALONE_FLOOR = 0.89
# ISO codes coco still uses where ISO 3166-3 (and ANNOTATION.md) has a four-letter code.
HISTORIC = {"AN": "ANHH"}


def _codes(nlp: Language, sentence: str) -> set[str]:
    doc = nlp(sentence)
    return {span.kb_id_ for span in doc.spans["iom_countries"]}


def _recall(nlp: Language, cases: list[tuple[str, str]]) -> tuple[float, list[tuple[str, str]]]:
    missed = [(sentence, code) for sentence, code in cases if code not in _codes(nlp, sentence)]
    return 1 - len(missed) / len(cases), missed


def _mledoze(shared_file: Callable[[str], Path]) -> list[dict[str, Any]]:
    path = shared_file("data/mledoze-countries/countries-unescaped.json")
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_country_common_names(rules_nlp: Language, shared_file: Callable[[str], Path]) -> None:
    cases = [(f"Officials from {row['name']['common']} attended the meeting.", row["cca2"]) for row in _mledoze(shared_file)]
    recall, missed = _recall(rules_nlp, cases)
    assert recall >= NAME_FLOOR, missed


def test_demonyms_as_adjectives(rules_nlp: Language, shared_file: Callable[[str], Path]) -> None:
    cases = [
        (f"{demonym} migrants arrived in the city.", row["cca2"])
        for row in _mledoze(shared_file)
        if (demonym := row.get("demonyms", {}).get("eng", {}).get("m"))
    ]
    recall, missed = _recall(rules_nlp, cases)
    assert recall >= DEMONYM_FLOOR, missed


def _coco_variants(folder: Path) -> list[tuple[str, str]]:
    """(variant as written, ISO code) from coco's regex test files, historic codes mapped."""
    with (folder / "country_data.tsv").open(encoding="utf-8") as handle:
        codes = {row["name_short"]: row["ISO2"] for row in csv.DictReader(handle, delimiter="\t")}
    variants = []
    for name in ("test_regex_misc.txt", "test_regex_congo_madness.txt", "test_regex_korea.txt"):
        with (folder / name).open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                if len(row) >= 2 and row[0] in codes and len(codes[row[0]]) == 2:
                    variants.append((row[1].strip(chr(34) + " "), HISTORIC.get(codes[row[0]], codes[row[0]])))
    return variants


def test_name_variants_from_coco(rules_nlp: Language, shared_file: Callable[[str], Path]) -> None:
    cases = [
        (f"Officials from {variant} attended the meeting.", code)
        for variant, code in _coco_variants(shared_file("data/coco-country-variants"))
        if variant[:1].isupper()
    ]
    recall, missed = _recall(rules_nlp, cases)
    assert recall >= VARIANT_FLOOR, missed


def test_name_variants_standing_alone(rules_nlp: Language, shared_file: Callable[[str], Path]) -> None:
    """A variant as the whole text ("czechia", "Korea, Dem. People's Rep."): lower case counts here."""
    cases = _coco_variants(shared_file("data/coco-country-variants"))
    recall, missed = _recall(rules_nlp, cases)
    assert recall >= STANDALONE_FLOOR, missed


def test_should_not_match_stays_out(rules_nlp: Language, shared_file: Callable[[str], Path]) -> None:
    """coco's database strings that name no country ("Mexico City", "New Jersey", "Papua").

    Strings that do name a country in running text ("Sweden except Stockholm", "Belgium and
    Luxembourg", the "US" in "Georgia (US state)") are left out: a release naming them names them.
    """
    names_a_country = {"Sweden except Stockholm", "Belgium and Luxembourg", "Georgia (US state)"}
    path = shared_file("data/coco-country-variants/should_not_match.txt")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    cases = [line for line in lines if line and not line.startswith("#") and line not in names_a_country]
    wrong = [(text, codes) for text in cases if (codes := _codes(rules_nlp, f"Officials from {text} attended the meeting."))]
    assert not wrong
