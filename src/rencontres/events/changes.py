"""What changed in an event's schedule: its dates, times, places and modes, old and new, in French.

The people registered must hear of such a change (issue 11, point 13): the back-office reads
the schedule before and after an edit (`watch_schedule`), and gives the differences to the
registrations app, which writes to them. Computed here, on plain text, because events sits
below registrations and must not know who is registered. Titles, descriptions, speakers and
prices are not part of it: they change nobody's agenda.
"""

import contextlib
from dataclasses import dataclass

from django.utils.translation import gettext as _

from rencontres.core.formatting import format_day, format_time_range

from .ical import event_location
from .models import Event


@dataclass(frozen=True)
class ScheduleChange:
    """One thing that moved, as an email lists it: « Horaires de « Ouverture » : 9 h – 10 h → 10 h – 11 h »."""

    label: str
    before: str
    after: str

    def as_dict(self) -> dict:
        """As a task carries it (JSON)."""
        return {"label": self.label, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class _SessionSlot:
    title: str
    day_id: int
    times: str
    when: str
    place: str
    mode: str


@dataclass(frozen=True)
class Schedule:
    """An event's schedule as its people see it: each day, the main place, each session's slot."""

    days: tuple[str, ...]
    place: str
    sessions: dict[int, _SessionSlot]


def schedule_of(event: Event) -> Schedule:
    """The schedule read now from the database (a few queries), to compare with another reading."""
    event = Event.objects.select_related("venue").get(pk=event.pk)
    days = list(event.days.order_by("date", "id"))
    sessions = event.sessions.select_related("day", "venue").order_by("day__date", "start_time", "id")
    slots = {}
    for session in sessions:
        day = format_day(session.day.date, month_only=session.day.is_month_only)
        times = format_time_range(session.start_time, session.end_time)
        slots[session.id] = _SessionSlot(
            title=session.title,
            day_id=session.day_id,
            times=times,
            when=f"{day}, {times}" if times else day,
            place=event_location(event, session.venue) if session.venue_id else "",
            mode=session.get_mode_display(),
        )
    return Schedule(
        days=tuple(format_day(day.date, month_only=day.is_month_only) for day in days),
        place=event_location(event),
        sessions=slots,
    )


def schedule_changes(before: Schedule, after: Schedule) -> list[ScheduleChange]:
    """The differences people must be told of; empty when only texts or the programme's contents changed.

    A session added or removed is no change of schedule by itself, unless it moves a date.
    """
    changes = []
    if before.days != after.days:
        changes.append(ScheduleChange(_("Dates"), _join(before.days), _join(after.days)))
    if before.place != after.place:
        changes.append(ScheduleChange(_("Lieu"), before.place or _("non précisé"), after.place or _("non précisé")))
    for session_id, old in before.sessions.items():
        new = after.sessions.get(session_id)
        if new is None:
            continue
        title = {"title": new.title}
        # A day moved is told once, as « Dates »; its sessions keep their times.
        if old.day_id != new.day_id or old.times != new.times:
            changes.append(ScheduleChange(_("Horaires de « %(title)s »") % title, old.when, new.when))
        if old.place != new.place:
            changes.append(
                ScheduleChange(
                    _("Lieu de « %(title)s »") % title,
                    old.place or _("le lieu de l'événement"),
                    new.place or _("le lieu de l'événement"),
                )
            )
        if old.mode != new.mode:
            changes.append(ScheduleChange(_("Modalité de « %(title)s »") % title, old.mode, new.mode))
    return changes


def _join(days: tuple[str, ...]) -> str:
    return " ; ".join(days) if days else _("dates à venir")


@contextlib.contextmanager
def watch_schedule(event: Event):
    """Yield a list that holds, once the block is done, what the block changed in the event's schedule."""
    before = schedule_of(event)
    changes: list[ScheduleChange] = []
    yield changes
    changes.extend(schedule_changes(before, schedule_of(event)))
