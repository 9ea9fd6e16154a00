"""What changed in an event's schedule: its dates, times, places and modes, old and new, in French.

The people registered must hear of such a change (issue 11, point 13): the back-office reads
the schedule before and after an edit (`watch_schedule`), and gives the differences to the
registrations app, which writes to them. Computed here, on plain text, because events sits
below registrations and must not know who is registered. Titles, descriptions, speakers and
prices are not part of it: they change nobody's agenda.
"""

import contextlib
from dataclasses import dataclass, field

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
    where: str
    mode: str
    is_public: bool


@dataclass(frozen=True)
class Schedule:
    """An event's schedule as its people see it: each day, the main place, each session's slot."""

    days: tuple[str, ...]
    place: str
    sessions: dict[int, _SessionSlot]


def session_when(session) -> str:
    """A session's day and times as its emails write them: « jeudi 14 mars 2030, 20 h – 21 h 30 »."""
    day = format_day(session.day.date, month_only=session.day.is_month_only)
    times = format_time_range(session.start_time, session.end_time)
    return f"{day}, {times}" if times else day


def schedule_of(event: Event) -> Schedule:
    """The schedule read now from the database (a few queries), to compare with another reading."""
    event = Event.objects.select_related("venue").get(pk=event.pk)
    days = list(event.days.order_by("date", "id"))
    sessions = event.sessions.select_related("day", "venue").order_by("day__date", "start_time", "id")
    slots = {}
    for session in sessions:
        times = format_time_range(session.start_time, session.end_time)
        place = event_location(event, session.venue) if session.venue_id else ""
        slots[session.id] = _SessionSlot(
            title=session.title,
            day_id=session.day_id,
            times=times,
            when=session_when(session),
            place=place,
            where=place or event_location(event),
            mode=session.get_mode_display(),
            is_public=session.is_open_to_public,
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


def public_session_changes(before: Schedule, after: Schedule) -> dict[int, list[ScheduleChange]]:
    """For each session open to the public, what its seat holders must be told: its own date and
    times, where it takes place (its room, or the event's place), its mode.

    A person with a seat came for this one session: a day moved is told as the session's new
    date, not as the event's list of dates.
    """
    changes: dict[int, list[ScheduleChange]] = {}
    for session_id, old in before.sessions.items():
        new = after.sessions.get(session_id)
        if new is None or not new.is_public:
            continue
        told = []
        if old.when != new.when:
            told.append(ScheduleChange(_("Date et horaires"), old.when, new.when))
        if old.where != new.where:
            told.append(ScheduleChange(_("Lieu"), old.where or _("non précisé"), new.where or _("non précisé")))
        if old.mode != new.mode:
            told.append(ScheduleChange(_("Modalité"), old.mode, new.mode))
        if told:
            changes[session_id] = told
    return changes


@dataclass
class ScheduleDiff:
    """What an edit changed: for the people registered to the event, and for each public session's seat holders."""

    for_registered: list[ScheduleChange] = field(default_factory=list)
    for_public_seats: dict[int, list[ScheduleChange]] = field(default_factory=dict)


def _join(days: tuple[str, ...]) -> str:
    return " ; ".join(days) if days else _("dates à venir")


@contextlib.contextmanager
def watch_schedule(event: Event):
    """Yield a ScheduleDiff that holds, once the block is done, what the block changed in the event's schedule."""
    before = schedule_of(event)
    diff = ScheduleDiff()
    yield diff
    after = schedule_of(event)
    diff.for_registered.extend(schedule_changes(before, after))
    diff.for_public_seats.update(public_session_changes(before, after))
