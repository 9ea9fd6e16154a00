"""The Nomenclature des spécialités de formation (NSF), third level: the 93 groups of 3-digit codes.

The BPF (Cerfa 10443, frame F-4) asks a training body its five main specialities by these
codes. The list is the one approved by décret n° 94-522 of 26 June 1994 and kept in the
Code de l'éducation, article D311-4 (its groups of specialities); INSEE keeps it. It is
shipped as data (`data/nsf.csv`) so that an update is a one-line change of a file.
"""

import csv
from functools import cache
from pathlib import Path

NSF_FILE = Path(__file__).with_name("data") / "nsf.csv"


@cache
def specialities() -> dict[str, str]:
    """Code → label, in the order of the nomenclature."""
    with NSF_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["label"] for row in csv.DictReader(handle)}


def choices() -> list[tuple[str, str]]:
    return [(code, f"{code} — {label}") for code, label in specialities().items()]


def label_of(code: str) -> str:
    return specialities().get(code, "")
