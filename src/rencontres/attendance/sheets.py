"""Attendance sheets as PDF (typst): names pre-filled, boxes for the trainee's and the trainer's signatures.

What the sheet carries follows what OPCOs check on a feuille d'émargement: the training body's
identity (name, SIRET, NDA), the action's title, the date, the half-day with its times and
duration, the place, each trainee's name and signature, and the trainer's name and signature.
"""

import json
from pathlib import Path

import typst
from django.utils.translation import gettext as _

from rencontres.core import formatting

from . import selectors
from .hours import format_hours
from .models import AttendanceSlot

TEMPLATE = Path(__file__).with_name("typst") / "sheet.typ"


def _organization(event) -> dict:
    organization = event.organization
    identity = " · ".join(
        part
        for part in [
            _("SIRET %(siret)s") % {"siret": organization.siret} if organization.siret else "",
            _("Déclaration d'activité n° %(nda)s") % {"nda": organization.training_body_number}
            if organization.training_body_number
            else "",
        ]
        if part
    )
    return {"name": organization.name, "identity": identity}


def _slot_data(slot: AttendanceSlot) -> dict:
    people = []
    for line in selectors.roster(slot):
        attendance = line.attendance
        status = ""
        if attendance is not None and (slot.is_validated or attendance.status != "present" or attendance.signature):
            status = attendance.get_status_display()
            if attendance.minutes_missed:
                status += f" ({attendance.minutes_missed} min)"
        registration = line.registration
        people.append(
            {
                "name": f"{registration.last_name.upper()} {registration.first_name}",
                "detail": registration.employer_name,
                "status": status,
                "signature": attendance.signature if attendance else "",
            }
        )
    for attendance in selectors.walk_ins_of(slot):
        people.append(
            {
                "name": f"{attendance.walk_in.last_name.upper()} {attendance.walk_in.first_name}",
                "detail": _("venu·e sans inscription"),
                "status": attendance.get_status_display(),
                "signature": attendance.signature,
            }
        )
    return {
        "date": formatting.format_day(slot.day.date),
        "half": slot.get_half_display(),
        "times": formatting.format_time_range(slot.start_time, slot.end_time),
        "planned": format_hours(slot.planned_minutes),
        "people": people,
        "trainer_name": slot.trainer_name,
        "trainer_signature": slot.trainer_signature,
    }


def render_sheets(slots: list[AttendanceSlot]) -> bytes:
    """One page per slot, all of the same event."""
    event = slots[0].event
    venue = event.venue
    data = {
        "title": event.title,
        "organization": _organization(event),
        "place": venue.address_line if venue else event.commune,
        "slots": [_slot_data(slot) for slot in slots],
        "labels": {
            "page": _("page"),
            "sheet": _("Feuille d'émargement"),
            "planned": _("durée :"),
            "place": _("Lieu :"),
            "name": _("Nom et prénom"),
            "status": _("Présence"),
            "signature": _("Signature du stagiaire"),
            "trainer": _("Nom et signature du formateur"),
            "commitment": _(
                "Chaque stagiaire signe pour la demi-journée à laquelle il ou elle a assisté. Le formateur "
                "contresigne la feuille, que l'organisme de formation conserve comme justificatif de la réalisation "
                "de l'action."
            ),
        },
    }
    return typst.compile(TEMPLATE.read_bytes(), sys_inputs={"data": json.dumps(data)})
