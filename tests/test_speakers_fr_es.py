"""French and Spanish quotes and speakers (rules/speakers_fr_es.py), in invented texts."""

from __future__ import annotations

import pytest
from spacy.language import Language

import iom_nlp
from iom_nlp.components.quotes import FR_ES_FILE
from iom_nlp.data import load_json, settings_from_json
from iom_nlp.rules.quotes import find_quote_spans
from iom_nlp.rules.speakers import Attribution
from iom_nlp.rules.speakers_fr_es import RomanceSpeakerSettings, read_attributions, resolve

SETTINGS, _ = settings_from_json(load_json(FR_ES_FILE), RomanceSpeakerSettings, FR_ES_FILE)
NOBODY = Attribution(None, None, None, None, None)


def _speakers(text: str) -> list[str | None]:
    quotes = find_quote_spans(text)
    written = read_attributions(text, quotes, SETTINGS)
    return [found.name for found in resolve(text, quotes, written, [NOBODY] * len(quotes), SETTINGS)]


def _titles(text: str) -> list[str | None]:
    quotes = find_quote_spans(text)
    written = read_attributions(text, quotes, SETTINGS)
    return [found.title for found in resolve(text, quotes, written, [NOBODY] * len(quotes), SETTINGS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Nous restons ici », a déclaré Odile Ferrand-Sow, Chef de mission de l'OIM au Niger.", ["Odile Ferrand-Sow"]),
        ("«\u202fLes routes sont coupées\u202f», a souligné Paul Meunier-Kaba.", ["Paul Meunier-Kaba"]),
        ("“Los albergues están llenos”, dijo Marta Quispe Lindahl, jefa de Misión de la OIM en Bolivia.", ["Marta Quispe Lindahl"]),
        ("«Nadie debería cruzar solo», afirmó hoy la viceministra de Trabajo, Luisa Arrieta Koenig.", ["Luisa Arrieta Koenig"]),
        ("« Il faut agir vite », a déclaré aujourd'hui le Directeur général de l'OIM, Marc Tessier-Ba, à Genève.", ["Marc Tessier-Ba"]),
        ("« Le camp déborde », a expliqué Nadia Roux. « Il faut d'autres abris. »", ["Nadia Roux", "Nadia Roux"]),
        ("« Nous ne partirons pas », déclare le Directeur général de l'OIM, Paul Renaud-Sy.", ["Paul Renaud-Sy"]),
        ("“La selva no perdona”, sostiene Carla Ibáñez Holt, jefa de Misión de la OIM en Panamá.", ["Carla Ibáñez Holt"]),
        ("« Les pluies arrivent », prévient Jean Sarr, coordinateur de l'OIM à Mopti.", ["Jean Sarr"]),
        ("«A b c d», dijo el ministro de Relaciones Exteriores.", [None]),
        ("“A b c d”, comentó a Efe la portavoz del INM, Alicia Mora Lind.", ["Alicia Mora Lind"]),
        ("« A b c d », a déclaré à l'AFP le gouverneur de la région, Ali Sani-Berg.", ["Ali Sani-Berg"]),
    ],
)
def test_verb_then_speaker_after_the_quote(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Awa, 19 ans, vend du thé à Gao. « Je veux rentrer chez moi », a-t-elle confié.", ["Awa"]),
        ("Yeferson, de 22 años, llegó en marzo. “Caminamos seis días”, contó.", ["Yeferson"]),
        ("Kofi, un pêcheur de Nouadhibou, attend. « La mer est dure », dit-il.", ["Kofi"]),
        ("« A b c d », a déclaré Ana Ruiz-Oyo. « E f g h », a-t-elle ajouté.", ["Ana Ruiz-Oyo", "Ana Ruiz-Oyo"]),
        ("“A b c d”, dijo Eva Soto-Lind. “E f g h”, añadió.", ["Eva Soto-Lind", "Eva Soto-Lind"]),
    ],
)
def test_pronoun_or_no_subject_goes_to_the_person_the_sentence_opens_with(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeanne Dabo, directrice de la santé, a déclaré : « Les cliniques sont prêtes. »", ["Jeanne Dabo"]),
        ("Lors de la visite, Omar Keita-Lund, préfet de Kayes, a déclaré : « Nous comptons sur vous. »", ["Omar Keita-Lund"]),
        ("El director del INM, Raúl Cota Berg, señaló que “el registro sigue abierto”.", ["Raúl Cota Berg"]),
        ("Selon le maire de Zinder, Idi Garba Holm, « la ville manque d'eau ».", ["Idi Garba Holm"]),
        ("Según Rosa Peña Aalto, oficial de la OIM, «nadie quedó atrás».", ["Rosa Peña Aalto"]),
        ("Mariela, de 30 años, vende pan. Relató que “la frontera estaba cerrada”.", ["Mariela"]),
        ("« A b c d », a déclaré Inès Kane. Elle a ajouté que « les familles attendent ».", ["Inès Kane", "Inès Kane"]),
        ("Sofía Marín-Voss a déclaré :\n\n« Nous ouvrons trois centres. »", ["Sofía Marín-Voss"]),
        ("Pour Awa Diallo-Berg, cheffe de mission de l'OIM au Mali, « la situation reste critique ».", ["Awa Diallo-Berg"]),
        ("Para la viceministra Ana Solís, “cada retorno cuenta”.", ["Ana Solís"]),
        ("Luis Ruiz-Tan, director regional de la OIM, expresó que les preocupa “el riesgo en la ruta”.", ["Luis Ruiz-Tan"]),
        ("Pour les familles, « rien ne sera plus comme avant ».", [None]),
    ],
)
def test_lead_in_before_the_quote(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« A b c d », ont déclaré les chefs des deux agences.", [None]),
        ("“A b c d”, declararon los jefes de ambas agencias.", [None]),
        ("« A b c d », a raconté Wendy, 34 ans, à son arrivée.", ["Wendy"]),
    ],
)
def test_unnamed_roles_are_no_speaker(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


def test_a_place_the_release_names_is_no_speaker() -> None:
    text = "« A b c d », a déclaré Niamey, lundi."
    quotes = find_quote_spans(text)
    written = read_attributions(text, quotes, SETTINGS)
    found = resolve(text, quotes, written, [NOBODY], SETTINGS, lambda name: name == "Niamey")
    assert [attribution.name for attribution in found] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« A b c d », a déclaré Odile Ferrand, Chef de mission de l'OIM au Niger.", ["Chef de mission de l'OIM au Niger"]),
        ("“A b c d”, dijo Luis Mora, jefe de Misión de la OIM en Chile, durante la visita.", ["jefe de Misión de la OIM en Chile"]),
        ("« A b c d », a raconté Wendy, 34 ans, à son arrivée.", [None]),
        ("“A b c d”, dijo Ramón, un albañil de 40 años.", [None]),
    ],
)
def test_the_role_is_the_title_an_age_is_not(text: str, expected: list[str | None]) -> None:
    assert _titles(text) == expected


def test_a_surname_alone_is_completed_from_the_release() -> None:
    text = "« A b c d », a déclaré Hélène Marchand-Diouf. Plus tard : « E f g h », a ajouté Mme Marchand-Diouf."
    assert _speakers(text) == ["Hélène Marchand-Diouf", "Hélène Marchand-Diouf"]


@pytest.mark.parametrize(
    "text",
    [
        "“We will stay,” said Jane Doe, IOM Chief of Mission.",
        "The report, called “Roads North”, was published on Monday.",
        "Officials said the camp was “full beyond capacity” last week.",
    ],
)
def test_english_attributions_are_not_read(text: str) -> None:
    quotes = find_quote_spans(text)
    assert read_attributions(text, quotes, SETTINGS) == [None] * len(quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«\u202fNous restons\u202f», a-t-il dit.", ["Nous restons"]),
        ("«\u00a0Nous restons\u00a0», a-t-il dit.", ["Nous restons"]),
        ("« Nous restons », a-t-il dit.", ["Nous restons"]),
        ("&laquo;&nbsp;Nous restons ici&nbsp;&raquo;, a-t-il dit.", ["Nous restons ici"]),
        ("&ldquo;Seguimos aquí&rdquo;, dijo.", ["Seguimos aquí"]),
        ("« Premier paragraphe.\n\nSecond paragraphe », a déclaré X.", ["Premier paragraphe.\n\nSecond paragraphe"]),
        ("« Un titre sans fin\n\nUn paragraphe « cité » ici.", ["Un titre sans fin", "cité"]),
        ("“Keep spaces inside ” as written.", ["Keep spaces inside "]),
    ],
)
def test_quote_text_without_the_spaces_inside_guillemets(text: str, expected: list[str]) -> None:
    assert [text[span.start : span.end] for span in find_quote_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Niamey – L'OIM a aidé 300 migrants cette semaine.\n\n« Nous ne pouvons pas laisser ces jeunes seuls dans le désert »,"
            " a déclaré Odile Ferrand-Sow, Chef de mission de l'OIM au Niger.\n",
            "Odile Ferrand-Sow",
        ),
        (
            "Lima – La OIM apoya a 500 familias en el norte del país.\n\n“Las familias necesitan agua y techo antes de la lluvia”,"
            " dijo Marta Quispe Lindahl, jefa de Misión de la OIM en el Perú.\n",
            "Marta Quispe Lindahl",
        ),
    ],
)
def test_end_to_end_fr_es_speakers(rules_nlp: Language, text: str, speaker: str) -> None:
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert [quote.speaker.name if quote.speaker else None for quote in release.quotes] == [speaker]
    assert release.quotes[0].speaker is not None and release.quotes[0].speaker.organization is not None


def test_report_titles_in_guillemets_are_not_quotes(rules_nlp: Language) -> None:
    text = "Genève – L'OIM a publié un rapport intitulé « Quand les puits tarissent : migrations et climat », qui montre que.\n"
    assert not iom_nlp.extract(text, nlp=rules_nlp).quotes


def test_an_english_page_quoting_a_french_statement_names_both_speakers(rules_nlp: Language) -> None:
    text = (
        "Geneva – IOM delivered shelter kits to 3,000 families in the region this week, with local partners.\n\n"
        "“Families need roofs before the rains come back,” said Jane Doe, IOM Chief of Mission in Niger.\n\n"
        "The regional governor welcomed the help. « Nous comptons sur nos partenaires », a déclaré Paul Sarr-Diallo,"
        " gouverneur de Tahoua.\n"
    )
    release = iom_nlp.extract(text, nlp=rules_nlp)
    assert [quote.speaker.name if quote.speaker else None for quote in release.quotes] == ["Jane Doe", "Paul Sarr-Diallo"]
