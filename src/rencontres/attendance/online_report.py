"""Reading a videoconference tool's attendance report (BigBlueButton, Zoom, Teams) and matching it.

Each tool writes its own CSV: comma, semicolon or tab separated, UTF-8 or UTF-16 (Teams),
English or French headers, a duration in minutes or join and leave times. A person who came
back after a cut appears on several lines: their minutes add up.
"""

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .exceptions import AttendanceError

MAX_REPORT_BYTES = 2 * 1000 * 1000
MAX_ROWS = 5_000

HEADERS = {
    "name": ("name", "nom", "full name", "nom complet", "participant", "display name", "nom d'affichage", "user"),
    "email": ("email", "e-mail", "adresse e-mail", "adresse electronique", "user email", "courriel", "mail"),
    "join": ("join time", "heure d'arrivee", "first join", "joined", "arrivee", "heure de connexion", "join"),
    "leave": ("leave time", "heure de depart", "last leave", "left", "depart", "heure de deconnexion", "leave"),
    "duration": ("duration (minutes)", "duree (minutes)", "duration", "duree", "in-meeting duration", "minutes"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


@dataclass
class ReportLine:
    name: str
    email: str
    minutes: int


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _duration_minutes(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        return round(float(value.replace(",", ".")))
    if match := re.fullmatch(r"(\d+):(\d{2})(?::(\d{2}))?", value):
        hours, minutes, seconds = int(match[1]), int(match[2]), int(match[3] or 0)
        return hours * 60 + minutes + round(seconds / 60)
    parts = {unit: int(n) for n, unit in re.findall(r"(\d+)\s*(h|m|min|s)\b", value.lower())}
    if parts:
        return parts.get("h", 0) * 60 + parts.get("m", parts.get("min", 0)) + round(parts.get("s", 0) / 60)
    return None


def _time(value: str) -> dt.datetime | None:
    value = value.strip()
    for pattern in (
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%m/%d/%Y, %I:%M:%S %p",
        "%m/%d/%Y %I:%M:%S %p",
        "%H:%M:%S",
        "%H:%M",
    ):
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def read_report(data: bytes) -> list[ReportLine]:
    """One line per person (by address, else by name), minutes added up; AttendanceError in French if unreadable."""
    if len(data) > MAX_REPORT_BYTES:
        raise AttendanceError(_("Ce rapport est trop volumineux (2 Mo au plus)."), field="report")
    text = _decode(data)
    lines = [line for line in text.splitlines() if line.strip()]
    header_index = next(
        (
            i
            for i, line in enumerate(lines[:30])
            if any(word in _fold(line) for word in ("name", "nom", "email", "mail"))
        ),
        None,
    )
    if header_index is None:
        raise AttendanceError(
            _("Ce fichier n'est pas un rapport de présence : aucune colonne « nom » ou « adresse »."), field="report"
        )
    sample = "\n".join(lines[header_index : header_index + 5])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter))
    columns = {}
    for index, header in enumerate(rows[0]):
        folded = _fold(header)
        bare = re.sub(r"\s*\(.*\)$", "", folded)  # « Name (Original Name) »
        for key, names in HEADERS.items():
            if key not in columns and (folded in names or bare in names):
                columns[key] = index
    if "name" not in columns and "email" not in columns:
        raise AttendanceError(
            _("Ce fichier n'a pas de colonne « nom » ni « adresse » : vérifiez l'export choisi."), field="report"
        )
    if "duration" not in columns and not ("join" in columns and "leave" in columns):
        raise AttendanceError(
            _("Ce fichier n'a pas de colonne de durée, ni d'heures d'arrivée et de départ : vérifiez l'export choisi."),
            field="report",
        )
    people: dict[str, ReportLine] = {}
    for row in rows[1 : MAX_ROWS + 1]:

        def cell(key, row=row):
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        name, email = cell("name"), cell("email").lower()
        if not name and not email:
            continue
        minutes = _duration_minutes(cell("duration")) if "duration" in columns else None
        if minutes is None and "join" in columns and "leave" in columns:
            joined, left = _time(cell("join")), _time(cell("leave"))
            minutes = round((left - joined).total_seconds() / 60) if joined and left and left > joined else None
        if minutes is None:
            continue
        key = email or _fold(name)
        line = people.setdefault(key, ReportLine(name=name, email=email, minutes=0))
        line.minutes += minutes
    if not people:
        raise AttendanceError(_("Aucune ligne de ce rapport ne donne une durée de présence lisible."), field="report")
    return list(people.values())


def match(lines: list[ReportLine], registrations) -> list[tuple[ReportLine, object | None]]:
    """Each line with its registration: same address first, else the same name, accents and case aside."""
    by_email = {r.email.lower(): r for r in registrations}
    by_name = {}
    for r in registrations:
        by_name.setdefault(_fold(f"{r.first_name} {r.last_name}"), r)
        by_name.setdefault(_fold(f"{r.last_name} {r.first_name}"), r)
    return [(line, by_email.get(line.email) or by_name.get(_fold(line.name))) for line in lines]
