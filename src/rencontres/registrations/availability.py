"""The one capacity calculator: how many places are left and in which state registration is.

Pages, the API and the services all ask here (pretix's QuotaAvailability is the model);
nobody counts registrations elsewhere. The services call it while holding the event lock,
so the figures they act on cannot change under them.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count
from django.utils import timezone

from rencontres.events.enums import EventStatus
from rencontres.events.models import Event, Session

from .enums import LIVE_STATES, AvailabilityState, RegistrationState
from .models import Registration, SessionChoice

# The event's fields the rules below read: what registering reads afresh under the event lock.
EVENT_FIELDS = (
    "status",
    "registration_url",
    "registration_opens_at",
    "registration_closes_at",
    "ends_on",
    "capacity_max",
    "is_invitation_only",
)


@dataclass(frozen=True)
class Availability:
    capacity: int | None
    confirmed: int
    offered: int
    waiting: int
    pending: int
    state: str
    is_invitation_only: bool = False

    @property
    def held(self) -> int:
        """Places taken: confirmed registrations and places offered to someone from the waiting list."""
        return self.confirmed + self.offered

    @property
    def places_left(self) -> int | None:
        """Free places, or None when the event has no maximum."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.held, 0)

    @property
    def has_free_place(self) -> bool:
        return self.capacity is None or self.held < self.capacity

    @property
    def accepts_registrations(self) -> bool:
        return self.state in {AvailabilityState.OPEN, AvailabilityState.FULL}


def _window_state(event: Event, now: dt.datetime) -> str | None:
    """The state the event's status and dates impose, whatever the count."""
    if event.status != EventStatus.PUBLISHED:
        return AvailabilityState.CLOSED
    if event.registration_url:
        return AvailabilityState.EXTERNAL
    if event.registration_opens_at and now < event.registration_opens_at:
        return AvailabilityState.NOT_YET_OPEN
    if event.registration_closes_at and now >= event.registration_closes_at:
        return AvailabilityState.CLOSED
    if event.ends_on and timezone.localdate(now) > event.ends_on:
        return AvailabilityState.CLOSED
    return None


def _build(event: Event, counts: dict[str, int], now: dt.datetime) -> Availability:
    confirmed = counts.get(RegistrationState.CONFIRMED, 0)
    offered = counts.get(RegistrationState.OFFERED, 0)
    state = _window_state(event, now)
    if state is None:
        full = event.capacity_max is not None and confirmed + offered >= event.capacity_max
        state = AvailabilityState.FULL if full else AvailabilityState.OPEN
    return Availability(
        capacity=event.capacity_max,
        confirmed=confirmed,
        offered=offered,
        waiting=counts.get(RegistrationState.WAITING, 0),
        pending=counts.get(RegistrationState.PENDING, 0),
        state=state,
        is_invitation_only=event.is_invitation_only,
    )


def _counts_by_event(event_ids) -> dict[int, dict[str, int]]:
    rows = (
        Registration.objects.filter(event_id__in=event_ids, state__in=LIVE_STATES)
        .values("event_id", "state")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[row["event_id"]][row["state"]] = row["n"]
    return counts


def _state_counts_sql() -> str:
    return ", ".join(["COUNT(CASE WHEN state = %s THEN 1 END)"] * len(LIVE_STATES))


EVENT_COUNTS_SQL = f"SELECT {_state_counts_sql()} FROM {Registration._meta.db_table} WHERE event_id = %s"


def event_availability(event: Event, *, now: dt.datetime | None = None) -> Availability:
    """Places and registration state of one event (one query).

    Plain SQL like `registering`: every event page asks, and the ORM's grouped count cost
    three times the CPU of this one pass.
    """
    now = now or timezone.now()
    live = [state.value for state in LIVE_STATES]
    with connection.cursor() as cursor:
        cursor.execute(EVENT_COUNTS_SQL, [*live, event.id])
        counts = cursor.fetchone()
    return _build(event, dict(zip(live, counts, strict=True)), now)


@dataclass(frozen=True)
class Registering:
    """What registering one person reads under the event lock."""

    availability: Availability
    live_registration_id: int | None  # the person's live registration to this event, if any
    last_queue_number: int  # 0 when nobody ever waited


def _registering_sql() -> str:
    live = ", ".join(["%s"] * len(LIVE_STATES))
    return (
        f"SELECT {_state_counts_sql()}, MAX(CASE WHEN email = %s AND state IN ({live}) THEN id END), MAX(queue_number) "
        f"FROM {Registration._meta.db_table} WHERE event_id = %s"
    )


REGISTERING_SQL = _registering_sql()


def registering(event: Event, email: str, *, now: dt.datetime | None = None) -> Registering:
    """The event's availability, the person's live registration and the last queue number, in one query.

    One pass over the event's registrations instead of three queries, in plain SQL (the ORM
    takes ten times longer to build it than the database to run it): registering runs it
    while holding the event lock, so every millisecond here is one the others wait.
    """
    now = now or timezone.now()
    with connection.cursor() as cursor:
        live = [state.value for state in LIVE_STATES]
        cursor.execute(REGISTERING_SQL, [*live, email, *live, event.id])
        *counts, live_registration_id, last_queue_number = cursor.fetchone()
    by_state = {state.value: n for state, n in zip(LIVE_STATES, counts, strict=True)}
    return Registering(_build(event, by_state, now), live_registration_id, last_queue_number or 0)


def availability_by_event_id(events, *, now: dt.datetime | None = None) -> dict[int, Availability]:
    """The same for a list of events, in one query whatever their number."""
    now = now or timezone.now()
    events = list(events)
    counts = _counts_by_event([e.id for e in events])
    return {e.id: _build(e, counts.get(e.id, {}), now) for e in events}


def session_places_taken(sessions) -> dict[int, int]:
    """Places taken in each session with its own capacity, by live registrations (one query)."""
    ids = [s.id for s in sessions]
    rows = (
        SessionChoice.objects.filter(session_id__in=ids, registration__state__in=LIVE_STATES)
        .values("session_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    taken = {row["session_id"]: row["n"] for row in rows}
    return {i: taken.get(i, 0) for i in ids}


def session_places_left(sessions: "list[Session]") -> dict[int, int | None]:
    """Free places per session; None for a session without its own limit."""
    taken = session_places_taken(sessions)
    return {s.id: None if s.capacity is None else max(s.capacity - taken[s.id], 0) for s in sessions}
