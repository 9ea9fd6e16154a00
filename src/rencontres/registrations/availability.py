"""The one capacity calculator: how many places are left and in which state registration is.

Pages, the API and the services all ask here (pretix's QuotaAvailability is the model);
nobody counts registrations elsewhere. It reads the event's places row (`EventPlaces`),
whose counts the services keep in step; they call it on the row they hold locked, so the
figures they act on cannot change under them.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from rencontres.events.enums import EventStatus
from rencontres.events.models import Event, Session

from .enums import LIVE_STATES, AvailabilityState
from .models import EventPlaces, SessionChoice, SessionSeat


@dataclass(frozen=True)
class Availability:
    capacity: int | None
    confirmed: int
    offered: int
    waiting: int
    pending: int
    state: str
    is_invitation_only: bool = False
    capacity_min: int | None = None

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
    def gives_a_place_at_once(self) -> bool:
        """A newcomer gets a place now: one is free and nobody waits for it before them."""
        return self.has_free_place and self.waiting == 0

    @property
    def minimum_reached(self) -> bool | None:
        """Whether enough people confirmed for the event to take place; None when it has no minimum."""
        if self.capacity_min is None:
            return None
        return self.confirmed >= self.capacity_min

    @property
    def accepts_registrations(self) -> bool:
        return self.state in {AvailabilityState.OPEN, AvailabilityState.FULL}


def _window_state(event: Event, now: dt.datetime) -> str | None:
    """The state the event's status and dates impose, whatever the count."""
    if event.status != EventStatus.PUBLISHED:
        return AvailabilityState.CLOSED
    # Announced for a period (« 2e semestre 2011 »): nobody registers, here or elsewhere,
    # for days nobody knows yet.
    if event.starts_on is None:
        # Its period went by without dates (the demo's 2011 seminars): closed, not « à venir ».
        if event.period_ends_on and timezone.localdate(now) > event.period_ends_on:
            return AvailabilityState.CLOSED
        return AvailabilityState.NOT_YET_DATED
    # Before the external link: a past event invites nobody to register, here or elsewhere.
    if event.ends_on and timezone.localdate(now) > event.ends_on:
        return AvailabilityState.PAST
    if event.registration_url:
        return AvailabilityState.EXTERNAL
    if event.registration_opens_at and now < event.registration_opens_at:
        return AvailabilityState.NOT_YET_OPEN
    if event.registration_closes_at and now >= event.registration_closes_at:
        return AvailabilityState.CLOSED
    return None


def _build(event: Event, places: EventPlaces, now: dt.datetime) -> Availability:
    state = _window_state(event, now)
    if state is None:
        full = places.capacity_max is not None and places.held >= places.capacity_max
        state = AvailabilityState.FULL if full else AvailabilityState.OPEN
    return Availability(
        capacity=places.capacity_max,
        confirmed=places.confirmed,
        offered=places.offered,
        waiting=places.waiting,
        pending=places.pending,
        state=state,
        is_invitation_only=event.is_invitation_only,
        capacity_min=places.capacity_min,
    )


def of_places(places: EventPlaces, *, now: dt.datetime | None = None) -> Availability:
    """Places and registration state from a places row already read (the services read it locked)."""
    return _build(places.event, places, now or timezone.now())


def places_of(event: Event) -> EventPlaces:
    """The event's places row, or an empty one (unsaved: no capacity, nobody) when it has none yet."""
    return EventPlaces.objects.filter(event_id=event.id).first() or EventPlaces(event_id=event.id)


def event_availability(event: Event, *, now: dt.datetime | None = None) -> Availability:
    """Places and registration state of one event, read off its places row (one query)."""
    return _build(event, places_of(event), now or timezone.now())


def availability_by_event_id(events, *, now: dt.datetime | None = None) -> dict[int, Availability]:
    """The same for a list of events, in one query whatever their number."""
    now = now or timezone.now()
    events = list(events)
    rows = {places.event_id: places for places in EventPlaces.objects.filter(event_id__in=[e.id for e in events])}
    return {e.id: _build(e, rows.get(e.id) or EventPlaces(event_id=e.id), now) for e in events}


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


@dataclass(frozen=True)
class PublicSessionAvailability:
    """A session open to the public: its own places for people who come to it alone, and whether it takes any."""

    session: Session
    capacity: int | None
    taken: int
    state: str

    @property
    def places_left(self) -> int | None:
        """Free seats, or None when the session has no limit for the public."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.taken, 0)

    @property
    def accepts_registrations(self) -> bool:
        return self.state == AvailabilityState.OPEN


def _public_session_state(session: Session, taken: int, now: dt.datetime) -> str:
    """Open to anyone while the event is published and the session has not begun, until its seats are taken.

    The event's own registration window does not apply: coming to the evening lecture alone
    is not registering to the training.
    """
    if not session.is_open_to_public or session.event.status != EventStatus.PUBLISHED or session.day.is_month_only:
        return AvailabilityState.CLOSED
    starts_at = session.starts_at()
    if (starts_at is not None and now >= starts_at) or timezone.localdate(now) > session.day.date:
        return AvailabilityState.PAST
    if session.public_capacity is not None and taken >= session.public_capacity:
        return AvailabilityState.FULL
    return AvailabilityState.OPEN


def of_public_session(session: Session, *, taken: int, now: dt.datetime | None = None) -> PublicSessionAvailability:
    """Seats and state of a session whose live seats were counted (under its lock, in the services)."""
    state = _public_session_state(session, taken, now or timezone.now())
    return PublicSessionAvailability(session=session, capacity=session.public_capacity, taken=taken, state=state)


def live_public_seats(session_id: int) -> int:
    return SessionSeat.objects.filter(session_id=session_id, cancelled_at__isnull=True).count()


def public_session_availability(session: Session, *, now: dt.datetime | None = None) -> PublicSessionAvailability:
    return of_public_session(session, taken=live_public_seats(session.id), now=now)


def public_sessions_of(event: Event, *, now: dt.datetime | None = None) -> list[PublicSessionAvailability]:
    """The event's sessions open to the public, in programme order, each with its seats (one query)."""
    sessions = (
        Session.objects.filter(event=event, is_open_to_public=True)
        .select_related("day", "venue")
        .annotate(live_seats=Count("public_seats", filter=Q(public_seats__cancelled_at__isnull=True)))
        .order_by("day__date", "start_time", "id")
    )
    now = now or timezone.now()
    results = []
    for session in sessions:
        session.event = event
        results.append(of_public_session(session, taken=session.live_seats, now=now))
    return results
