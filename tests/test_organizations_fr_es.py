"""French and Spanish organisations: head words first, acronyms after, IOM's own names, in invented texts."""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.components.organizations import FR_ES_FILE
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.acronyms import find_acronym_definitions
from iom_nlp.rules.organizations_fr_es import FrEsOrganizationRules, find_names, office_of

RULES, _ = settings_from_json(load_json(FR_ES_FILE), FrEsOrganizationRules, FR_ES_FILE)
KNOWN_STARTS = frozenset({"Migración", "Union", "Programme"})


def _names(text: str) -> list[str]:
    return [text[name.start : name.end] for name in find_names(text, RULES, KNOWN_STARTS.__contains__)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Ministère de l'Intérieur a ouvert un centre.", ["Ministère de l'Intérieur"]),
        (
            "avec le ministère des Affaires étrangères et des Maliens de l'extérieur, à Bamako.",
            ["ministère des Affaires étrangères et des Maliens de l'extérieur"],
        ),
        ("La Direction nationale de la protection civile estime que", ["Direction nationale de la protection civile"]),
        ("La Croix-Rouge burkinabè et la Croix-Rouge malienne, avec", ["Croix-Rouge malienne"]),
        ("soutenu par le Gouvernement du Niger. Il faut", ["Gouvernement du Niger"]),
        ("selon le Gouvernement mauritanien, qui", ["Gouvernement mauritanien"]),
        (
            "con el Ministerio de Relaciones Exteriores y Movilidad Humana del Ecuador.",
            ["Ministerio de Relaciones Exteriores y Movilidad Humana del Ecuador"],
        ),
        ("El Ministerio de Inclusión, Seguridad Social y Migraciones paga", ["Ministerio de Inclusión, Seguridad Social y Migraciones"]),
        ("con fondos del Gobierno Federal de Brasil.", ["Gobierno Federal de Brasil"]),
        ("del Gobierno de\nNoruega, que es un texto con líneas cortadas a mano.", []),
        ("arribaron a la Fuerza Aérea Guatemalteca otros vuelos", ["Fuerza Aérea Guatemalteca"]),
        ("por personal de la Dirección de Protección al Migrante Hondureño, que", ["Dirección de Protección al Migrante Hondureño"]),
    ],
)
def test_head_word_first_names(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_a_hard_wrapped_name_runs_over_the_line() -> None:
    text = "La operación cuenta con fondos del Fondo Central y del Gobierno de\nNoruega. También colaboran brigadas."
    assert _names(text) == ["Fondo Central", "Gobierno de\nNoruega"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le Gouvernement a décidé de fermer la frontière", []),
        ("le Gouvernement du Tchad et le HCR ont signé", ["Gouvernement du Tchad"]),
        ("el Gobierno de Colombia y Migración Colombia abrieron", ["Gobierno de Colombia"]),
        ("le Gouvernement du Tchad et en coordination avec", ["Gouvernement du Tchad"]),
        ("le ministère de la Santé a lancé une campagne", ["ministère de la Santé"]),
        ("la Croix-Rouge, et ses volontaires", []),
    ],
)
def test_a_name_stops_before_another_body_a_verb_or_a_clause(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_a_name_before_its_acronym_defines_it() -> None:
    text = "la Commission nationale d'accueil et de réinsertion des réfugiés et des rapatriés (CNARR) enregistre"
    [name] = find_names(text, RULES)
    long_form = "Commission nationale d'accueil et de réinsertion des réfugiés et des rapatriés"
    assert (text[name.start : name.end], name.acronym) == (long_form, "CNARR")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Bureau régional de l'OIM à Dakar", "OIM"),
        ("Oficina de la OIM en La Paz", "OIM"),
        ("Bureau national de gestion des risques", None),
    ],
)
def test_an_office_of_a_body(surface: str, expected: str | None) -> None:
    assert office_of(surface, RULES) == expected


@pytest.mark.parametrize(
    ("text", "long_form"),
    [
        ("L'Office national de la migration (ONM) a aidé.", "Office national de la migration"),
        ("l’Institut du bien-être social et de recherches (IBESR) assure", "Institut du bien-être social et de recherches"),
        ("the Lebanese Red Cross (LRC) said", "Lebanese Red Cross"),
    ],
)
def test_an_elided_article_is_no_part_of_a_long_form(text: str, long_form: str) -> None:
    assert [definition.long_form for definition in find_acronym_definitions(text)] == [long_form]


def _orgs(nlp: Language, text: str) -> dict[str, set[str]]:
    release = iom_nlp.extract(text, nlp=nlp)
    found = {}
    for org in release.organizations:
        for mention in org.mentions:
            assert text[mention.start : mention.end] == mention.text
        found[org.name] = {mention.text for mention in org.mentions}
    return found


FR_RELEASE = (
    "Niamey – L'Organisation internationale pour les migrations (OIM) a aidé 400 migrants à rentrer, avec le "
    "Haut-Commissariat des Nations Unies pour les réfugiés (HCR) et le Programme alimentaire mondial (PAM).\n\n"
    "Le programme est financé par l'Union européenne et par le Gouvernement du Niger. Le Bureau régional de l'OIM "
    "à Dakar coordonne la réponse, et l'IOM Niger publie les données. Le HCR suit les demandeurs d'asile.\n"
)
ES_RELEASE = (
    "Quito – La OIM, la Agencia de la ONU para la Migración, y el ACNUR apoyan al Ministerio de Salud Pública con "
    "brigadas en la frontera. El Gobierno de Ecuador y la Cruz Roja Ecuatoriana participan. La Unión Europea (UE) "
    "financia el proyecto en el departamento de Carchi.\n"
)


@pytest.mark.parametrize("mode", ["rules", "full"])
def test_one_entry_per_body_across_languages(nlp: Language, rules_nlp: Language, mode: str) -> None:
    found = _orgs(rules_nlp if mode == "rules" else nlp, FR_RELEASE)
    iom = found["Organisation internationale pour les migrations"] | found.get("International Organization for Migration", set())
    assert {"OIM", "IOM Niger", "Bureau régional de l'OIM à Dakar"} <= iom
    assert "HCR" in next(mentions for mentions in found.values() if "Haut-Commissariat des Nations Unies pour les réfugiés" in mentions)
    assert any("Gouvernement du Niger" in mentions for mentions in found.values())
    assert any("Union européenne" in mentions for mentions in found.values())
    assert any("PAM" in mentions for mentions in found.values())


@pytest.mark.parametrize("mode", ["rules", "full"])
def test_spanish_release_bodies(nlp: Language, rules_nlp: Language, mode: str) -> None:
    found = _orgs(rules_nlp if mode == "rules" else nlp, ES_RELEASE)
    mentions = set().union(*found.values())
    assert {"OIM", "Agencia de la ONU para la Migración", "ACNUR", "Ministerio de Salud Pública", "Gobierno de Ecuador",
            "Cruz Roja Ecuatoriana", "Unión Europea", "UE"} <= mentions
    assert not any("Carchi" in mention or mention == "ONU" for mention in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Pam Smith, a nurse from Leeds, said the clinic reopened.",
        "The Hcr value and the Oim index were published.",
        "Staff at the Ue campus met on Monday.",
    ],
)
def test_an_acronym_alias_only_as_written(rules_nlp: Language, text: str) -> None:
    assert iom_nlp.extract(text, nlp=rules_nlp).organizations == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le financement vient de la Banque mondiale et des donateurs.", "World Bank"),
        ("Le Comité international de la Croix-Rouge (CICR) visite les centres.", "International Committee of the Red Cross"),
        ("ONU Mujeres y la OIM firmaron un acuerdo.", "UN Women"),
        ("La Organización Internacional del Trabajo publicó un informe.", "International Labour Organization"),
        ("Le Conseil de sécurité de l'ONU se réunit mardi.", "United Nations Security Council"),
        ("La OIM, ONU Migración, abrió una oficina.", "International Organization for Migration"),
    ],
)
def test_gazetteer_knows_french_and_spanish_names(rules_nlp: Language, text: str, name: str) -> None:
    assert name in {org.name for org in iom_nlp.extract(text, nlp=rules_nlp).organizations}
