"""Attendance of an event, for the organisation's own tools (token): slots, and each person's presence and hours."""

import datetime as dt

from ninja import Router, Schema

from rencontres.api.auth import OrganizationToken, own_event_or_404
from rencontres.api.events import ErrorOut
from rencontres.attendance import selectors
from rencontres.attendance.hours import attended_minutes
from rencontres.attendance.models import Attendance

router = Router(tags=["émargement"])


class SlotOut(Schema):
    id: int
    date: dt.date
    half: str
    start: dt.time
    end: dt.time
    planned_hours: float
    validated: bool


class PresenceOut(Schema):
    slot: int
    status: str
    minutes: int
    validated: bool


class PersonOut(Schema):
    registration: int
    name: str
    slots: list[PresenceOut]
    hours: float


class AttendanceOut(Schema):
    slots: list[SlotOut]
    people: list[PersonOut]


@router.get(
    "/{slug}/attendance",
    response={200: AttendanceOut, 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="L'émargement d'un événement de votre organisme",
    operation_id="event_attendance",
)
def event_attendance(request, slug: str):
    """Les demi-journées et, pour chaque personne confirmée, sa présence à chacune.

    `minutes` : minutes suivies sur la demi-journée (durée prévue moins les minutes manquées) ;
    `hours` : la somme des demi-journées contresignées seulement, en heures.
    """
    event = own_event_or_404(request.auth, slug)
    slots = selectors.slots_of(event)
    by_id = {slot.id: slot for slot in slots}
    table = selectors.event_hours(event)
    presences: dict[int, list[dict]] = {}
    for attendance in Attendance.objects.filter(slot__event=event, registration__isnull=False).order_by("slot_id"):
        slot = by_id[attendance.slot_id]
        presences.setdefault(attendance.registration_id, []).append(
            {
                "slot": slot.id,
                "status": attendance.status,
                "minutes": attended_minutes(
                    status=attendance.status,
                    minutes_missed=attendance.minutes_missed,
                    planned_minutes=slot.planned_minutes,
                ),
                "validated": slot.is_validated,
            }
        )
    return {
        "slots": [
            {
                "id": slot.id,
                "date": slot.day.date,
                "half": slot.half,
                "start": slot.start_time,
                "end": slot.end_time,
                "planned_hours": round(slot.planned_minutes / 60, 2),
                "validated": slot.is_validated,
            }
            for slot in slots
        ],
        "people": [
            {
                "registration": person.registration_id,
                "name": person.name,
                "slots": presences.get(person.registration_id, []),
                "hours": person.hours,
            }
            for person in table.people
        ],
    }
