"""French and Spanish dates for datelines: "DAKAR, le 12 mars 2019 –", "Lima, 5 de mayo de 2021 –".

Regular-expression pieces and month names, composed with the English date in
:mod:`iom_nlp.rules.structure` (which reads them only in French and Spanish releases, so the
English date search is unchanged). Group names: ``d4``/``m4``/``y4`` French, ``d5``/``m5``/``y5``
Spanish.
"""

from __future__ import annotations

from typing import Final

FRENCH_MONTHS: Final = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
SPANISH_MONTHS: Final = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_FR_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+)?"
_ES_WEEKDAY = r"(?:(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo),?\s+)?"
# "le 12 mars 2019", "mardi 1er juin 2021": the article is part of the date as written.
FRENCH_DATE: Final = (
    rf"(?:le\s+)?{_FR_WEEKDAY}(?P<d4>\d{{1,2}})(?:er)?\s+(?P<m4>{'|'.join(FRENCH_MONTHS)})\s+(?P<y4>(?:19|20)\d\d)"
)
# "5 de mayo de 2021", "lunes 5 de mayo del 2021", "5 de mayo, 2021".
SPANISH_DATE: Final = (
    rf"{_ES_WEEKDAY}(?P<d5>\d{{1,2}})\s+de\s+(?P<m5>{'|'.join(SPANISH_MONTHS)})(?:\s+del?|,)?\s+(?P<y5>(?:19|20)\d\d)"
)
FR_ES_DATE: Final = rf"{FRENCH_DATE}|{SPANISH_DATE}"


def month_number(groups: dict[str, str | None]) -> tuple[int, int, int] | None:
    """(year, month, day) of a French or Spanish date match's groups, or None when it is neither."""
    for day, month, year, months in (("d4", "m4", "y4", FRENCH_MONTHS), ("d5", "m5", "y5", SPANISH_MONTHS)):
        if groups.get(day) and groups.get(month) and groups.get(year):
            number = months.get(str(groups[month]).lower())
            return (int(str(groups[year])), number, int(str(groups[day]))) if number else None
    return None
