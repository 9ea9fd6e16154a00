"""French territories by their INSEE codes: the départements and régions of the Code officiel géographique.

`data/departements.csv` and `data/regions.csv` keep INSEE's columns (DEP, REG, LIBELLE) of
the COG files « departement_2024.csv » and « region_2024.csv » (insee.fr, Code officiel
géographique au 1er janvier 2024): 101 départements, 18 régions, so that an update is a
change of a file. Communes (5-character INSEE code) and EPCI (9-digit SIREN) are checked by
their form only: their lists (35,000 communes) are not shipped.
"""

import csv
from functools import cache
from pathlib import Path

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).with_name("data")

commune_validator = RegexValidator(
    r"^(\d{5}|2[AB]\d{3})$", _("Le code INSEE d'une commune compte 5 caractères (par exemple 93073 ou 2A004).")
)
epci_validator = RegexValidator(r"^\d{9}$", _("Le numéro SIREN d'un EPCI compte 9 chiffres."))


def _read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def departments() -> dict[str, tuple[str, str]]:
    """Code → (name, region code), in INSEE's order."""
    return {row["DEP"]: (row["LIBELLE"], row["REG"]) for row in _read("departements.csv")}


@cache
def regions() -> dict[str, str]:
    return {row["REG"]: row["LIBELLE"] for row in _read("regions.csv")}


def department_name(code: str) -> str:
    return departments().get(code, ("", ""))[0]


def region_of(department_code: str) -> str:
    return departments().get(department_code, ("", ""))[1]


def region_name(code: str) -> str:
    return regions().get(code, "")


def department_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} — {name}") for code, (name, _region) in departments().items()]
