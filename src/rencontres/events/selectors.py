"""Reads of events for the public site, the back-office and the API."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from .enums import EventStatus, SessionMode
from .models import Day, Document, Event, PriceTier, Session, SessionSpeaker
from .services import fold_for_search


def with_catalogue_flags(events: QuerySet) -> QuerySet:
    """Annotate `has_online` and `is_free`, which the catalogue filters and shows."""
    online_sessions = Session.objects.filter(
        event=OuterRef("pk"), mode__in=[SessionMode.ONLINE, SessionMode.HYBRID]
    )
    paid_tiers = PriceTier.objects.filter(event=OuterRef("pk"), amount_cents__gt=0)
    return events.annotate(has_online=Exists(online_sessions), has_paid_tier=Exists(paid_tiers))


def public_events() -> QuerySet:
    return Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])


@dataclass(frozen=True)
class CatalogueQuery:
    when: str = ""  # "", "upcoming" or "past"
    department: str = ""
    format: str = ""
    online: bool = False
    free: bool = False
    theme: str = ""
    text: str = ""


def catalogue_events(query: CatalogueQuery, *, today: dt.date | None = None) -> tuple[QuerySet, QuerySet]:
    """Upcoming events (soonest first) and past ones (latest first) matching the filters.

    An event is upcoming until its last day is over; one without any day yet counts as upcoming.
    """
    today = today or timezone.localdate()
    events = with_catalogue_flags(public_events()).select_related("organization", "series", "venue")
    events = events.prefetch_related("themes")
    if query.department:
        events = events.filter(department_code=query.department)
    if query.format:
        events = events.filter(format=query.format)
    if query.online:
        events = events.filter(has_online=True)
    if query.free:
        events = events.filter(has_paid_tier=False)
    if query.theme:
        events = events.filter(themes__slug=query.theme)
    for word in fold_for_search(query.text).split():
        events = events.filter(search_text__contains=word)
    upcoming = events.filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True)).order_by("starts_on", "title")
    past = events.filter(ends_on__lt=today).order_by("-starts_on", "title")
    if query.when == "upcoming":
        past = past.none()
    elif query.when == "past":
        upcoming = upcoming.none()
    return upcoming, past


def event_for_page(slug: str) -> Event:
    """One event with everything its page shows, in a fixed number of queries."""
    sessions = Session.objects.select_related("venue").prefetch_related(
        Prefetch("session_speakers", queryset=SessionSpeaker.objects.select_related("speaker"))
    )
    return (
        with_catalogue_flags(Event.objects.all())
        .select_related("organization", "series", "venue")
        .prefetch_related(
            "themes",
            "speakers",
            "price_tiers",
            Prefetch("days", queryset=Day.objects.prefetch_related(Prefetch("sessions", queryset=sessions))),
            Prefetch("documents", queryset=Document.objects.select_related("day")),
        )
        .get(slug=slug)
    )


def programme_by_day(event: Event) -> list[tuple[Day, list[Session]]]:
    """The prefetched programme as (day, sessions in time order)."""
    return [(day, sorted(day.sessions.all(), key=lambda s: (s.start_time is None, s.start_time or dt.time(), s.id)))
            for day in event.days.all()]


def venues_of(event: Event) -> list:
    """The main venue first, then the other places sessions happen in, once each."""
    seen, venues = set(), []
    candidates = [event.venue] + [s.venue for day in event.days.all() for s in day.sessions.all()]
    for venue in candidates:
        if venue is not None and venue.id not in seen:
            seen.add(venue.id)
            venues.append(venue)
    return venues


def documents_visible_to(event: Event, *, is_registered_or_member: bool) -> list[Document]:
    return [d for d in event.documents.all() if d.is_public or is_registered_or_member]

