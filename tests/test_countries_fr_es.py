"""Countries and demonyms in French and Spanish releases (invented sentences).

The French and Spanish forms (``models/countries_fr_es.jsonl``, from pycountry's own French and
Spanish translations, curated aliases and demonyms in every gender and number) are matched
only in releases of their language; the rules are in ``iom_nlp/rules/countries_fr_es.py``.
Each sentence carries enough function words for its language to be detected.
"""

from __future__ import annotations

import pytest
from spacy.language import Language


def _found(nlp: Language, text: str, language: str | None = None) -> set[tuple[str, str]]:
    cfg = {"iom_language": {"language": language}} if language else {}
    doc = nlp(text, component_cfg=cfg)
    return {(span.kb_id_, span.label_) for span in doc.spans["iom_countries"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les familles d'Haïti et du Tchad sont arrivées au Mali avec l'aide de l'OIM.", {("HT", "name"), ("TD", "name"), ("ML", "name")}),
        ("Les migrants venus de Côte d’Ivoire et de Guinée-Bissau sont rentrés dans leur pays.", {("CI", "name"), ("GW", "name")}),
        ("Les rapatriés de la République dominicaine et des États-Unis sont accueillis à la frontière.",
         {("DO", "name"), ("US", "name")}),
        ("Des vols sont partis vers la Guinée équatoriale et la RDC pour les familles qui attendaient.", {("GQ", "name"), ("CD", "name")}),
        ("Les rapatriés des îles Turques-et-Caïques et des Comores sont arrivés cette semaine dans le pays.",
         {("TC", "name"), ("KM", "name")}),
        ("<h1>Maroc&nbsp;: les migrants de la Géorgie et du Brésil</h1> sont accueillis par les équipes.",
         {("MA", "name"), ("GE", "name"), ("BR", "name")}),
        ("Les réfugiés du Sud-Soudan et de Côte-d'Ivoire sont arrivés dans les camps avec les équipes.",
         {("SS", "name"), ("CI", "name")}),
        ("TCHAD : LES FAMILLES DÉPLACÉES SONT DANS LES CAMPS DE L'EST ET ELLES ATTENDENT", {("TD", "name")}),
    ],
)
def test_french_names_with_elisions_and_contractions(rules_nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(rules_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los migrantes del Perú y de El Salvador llegaron a los EE. UU. con el apoyo de la OIM.",
         {("PE", "name"), ("SV", "name"), ("US", "name")}),
        ("La República Dominicana y Haití firmaron un acuerdo para los trabajadores que cruzan la frontera por los pasos del norte.",
         {("DO", "name"), ("HT", "name")}),
        ("Los retornados de Costa de Marfil y de Guinea-Bissau llegaron a Malí por la carretera con el apoyo de los equipos.",
         {("CI", "name"), ("GW", "name"), ("ML", "name")}),
        ("Las familias de Trinidad y Tobago y de los Países Bajos recibieron apoyo para su integración.", {("TT", "name"), ("NL", "name")}),
    ],
)
def test_spanish_names_and_abbreviations(rules_nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    assert _found(rules_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les ressortissants maliens, guinéens et camerounais sont rentrés avec les autres migrants.", {"ML", "GN", "CM"}),
        ("Les femmes maliennes et les Sénégalaises sont les plus nombreuses dans les centres.", {"ML", "SN"}),
        ("Plus de 130 000 Burkinabè ont quitté leur village et les réfugiés nigérians sont rentrés.", {"BF", "NG"}),
        ("Les réfugiés sud-soudanais et les migrants nigériens sont dans le camp avec les Ivoiriennes.", {"SS", "NE", "CI"}),
        ("Las migrantes venezolanas y los niños colombianos reciben apoyo de las autoridades mauritanas.", {"VE", "CO", "MR"}),
        ("Los trabajadores haitianos y las familias salvadoreñas llegaron con los senegaleses.", {"HT", "SV", "SN"}),
        ("Las mujeres hondureñas y los jóvenes marroquíes fueron atendidos por los equipos de la OIM.", {"HN", "MA"}),
        ("Los turistas norteamericanos y los trabajadores caboverdianos llegaron con los equipos de la OIM.", {"US", "CV"}),
    ],
)
def test_demonyms_in_every_gender_and_number(rules_nlp: Language, text: str, expected: set[str]) -> None:
    assert {code for code, label in _found(rules_nlp, text) if label == "demonym"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le guide est traduit en espagnol, en anglais et portugais pour les familles qui arrivent.",
        "Les réfugiés, pour la plupart de langue népalaise, sont partis avec les équipes de l'OIM.",
        "Des cours de français sont proposés aux jeunes qui sont arrivés dans les centres.",
        "La guía está traducida al francés y al inglés para las familias que llegan a la frontera.",
        "Las clases de inglés son gratuitas para los niños y las niñas que están en el albergue.",
        "Les familles ont été aidées par la Croix-Rouge malienne et l'Agence suédoise de coopération.",
        "Le projet est financé par le ministère fédéral allemand et par le Gouvernement espagnol.",
        "La Cruz Roja Hondureña y la Agencia Suiza para el Desarrollo apoyan a las familias retornadas.",
        "Les familles latino-américaines et afro-colombiennes sont dans la ville avec leurs enfants.",
    ],
)
def test_languages_bodies_and_compounds_are_no_demonyms(rules_nlp: Language, text: str) -> None:
    assert {code for code, label in _found(rules_nlp, text) if label == "demonym"} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Les familles sinistrées le long du fleuve Niger sont aidées par les équipes de l'OIM.",
        "Les pêcheurs du golfe de Guinée sont aussi touchés par la crise dans la région.",
        "Las familias que viven a orillas del río Níger reciben agua y alimentos de la OIM.",
        "La OIM abrió una oficina en Ciudad de Panamá y otra en Puerto España para las familias.",
        "Salvador Pérez, el coordinador de la OIM, dijo que las familias están en el albergue.",
        "« Les familles sont rentrées », a déclaré Chad Morel, responsable du programme de l'OIM dans la région.",
        "La réunion des partenaires a eu lieu mardi avec les équipes de l'OIM et les autorités.",
        "Les migrants installés à Atlanta, en Géorgie, ont trouvé un travail avec l'aide des partenaires.",
        "Les familles de Colombie-Britannique sont arrivées avec les autres dans les villes du pays.",
    ],
)
def test_rivers_capitals_people_and_words_are_no_countries(rules_nlp: Language, text: str) -> None:
    found = _found(rules_nlp, text)
    assert not {code for code, label in found if label == "name"}


@pytest.mark.parametrize(
    "text",
    [
        "The Maroc office and the Tchad desk were closed on Monday, the agency said.",
        "The families from chile farms and the venezolanos group were met at the border by the staff.",
        "The Guinée desk and the Espagne office were opened by the agency with the partners on Tuesday.",
    ],
)
def test_french_and_spanish_forms_never_match_in_english_releases(rules_nlp: Language, text: str) -> None:
    doc = rules_nlp(text)
    assert doc._.iom_language == "en"
    assert [span.text for span in doc.spans["iom_countries"]] == []


def test_congolese_adjectives_resolve_like_the_english_name(rules_nlp: Language) -> None:
    text = "Les réfugiés congolais sont arrivés de Goma et les familles congolaises attendent au camp."
    assert {code for code, label in _found(rules_nlp, text) if label == "demonym"} == {"CD"}
    text = "Les migrants congolais sont partis de Brazzaville et les familles sont dans la ville."
    assert {code for code, label in _found(rules_nlp, text) if label == "demonym"} == {"CG"}


def test_a_forced_language_switches_the_gazetteer(rules_nlp: Language) -> None:
    text = "Migrants from Tchad and Maroc."
    assert _found(rules_nlp, text) == set()
    assert _found(rules_nlp, text, "fr") == {("TD", "name"), ("MA", "name")}
