"""Datelines of French and Spanish releases (invented lines): place, date as written, ISO date."""

from __future__ import annotations

import pytest
from spacy.language import Language

from iom_nlp.data import load_json
from iom_nlp.rules.structure import StructureSettings, analyse

SETTINGS = StructureSettings.from_dict(load_json("structure.json"))
FR_BODY = " L'OIM a aidé les familles qui sont rentrées dans leurs villages avec les équipes."
ES_BODY = " La OIM apoyó a las familias que volvieron a sus comunidades con los equipos."


@pytest.mark.parametrize(
    ("text", "language", "place", "date_text", "iso"),
    [
        ("Titre du communiqué\n\nDAKAR, le 12 mars 2019 –" + FR_BODY, "fr", "Dakar", "le 12 mars 2019", "2019-03-12"),
        ("Titre du communiqué\n\nN'Djamena, le 1er août 2021 –" + FR_BODY, "fr", "N'Djamena", "le 1er août 2021", "2021-08-01"),
        ("Titre del comunicado\n\nLima, 5 de mayo de 2021 –" + ES_BODY, "es", "Lima", "5 de mayo de 2021", "2021-05-05"),
        ("Titre del comunicado\n\nCIUDAD DE GUATEMALA, 14 de julio del 2020 –" + ES_BODY, "es", "Ciudad de Guatemala",
         "14 de julio del 2020", "2020-07-14"),
        ("Titre del comunicado\n\nmartes, 3 de septiembre de 2019\n\nQuito –" + ES_BODY, "es", "Quito",
         "martes, 3 de septiembre de 2019", "2019-09-03"),
    ],
)
def test_french_and_spanish_datelines(text: str, language: str, place: str, date_text: str, iso: str) -> None:
    dateline = analyse(text, SETTINGS, language).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date_text, dateline.date) == (place, date_text, iso)


@pytest.mark.parametrize(
    "text",
    [
        "Title of the release\n\nDAKAR, le 12 mars 2019 – IOM helped the families who returned to their villages.",
        "Title of the release\n\nLima, 5 de mayo de 2021 – IOM helped the families who returned to their villages.",
    ],
)
def test_english_releases_keep_the_english_dates_only(text: str) -> None:
    dateline = analyse(text, SETTINGS).dateline
    assert dateline is None or dateline.date is None


@pytest.mark.parametrize(
    "text",
    [
        "Titre du communiqué\n\nDAKAR, le 31 février 2019 –" + FR_BODY,
        "Titre del comunicado\n\nLima, 5 de brumario de 2021 –" + ES_BODY,
    ],
)
def test_an_impossible_or_unknown_date_gives_no_iso_date(text: str) -> None:
    dateline = analyse(text, SETTINGS, "fr").dateline
    assert dateline is None or dateline.date is None


def test_the_pipeline_reads_the_dateline_in_the_releases_language(rules_nlp: Language) -> None:
    doc = rules_nlp("Le Niger et les migrants\n\nNIAMEY, le 4 juin 2019 – Les familles sont rentrées avec l'aide de l'OIM.")
    assert doc._.iom_structure["dateline"]["date"] == "2019-06-04"
