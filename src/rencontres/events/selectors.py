"""Reads of events for the public site, the back-office and the API."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from .enums import EventStatus, SessionMode
from .models import Day, Document, Event, PriceTier, Session, SessionSpeaker, Speaker, Theme
from .services import fold_for_search


def _online_sessions() -> QuerySet:
    return Session.objects.filter(event=OuterRef("pk"), mode__in=[SessionMode.ONLINE, SessionMode.HYBRID])


def _paid_tiers() -> QuerySet:
    return PriceTier.objects.filter(event=OuterRef("pk"), amount_cents__gt=0)


def with_catalogue_flags(events: QuerySet) -> QuerySet:
    """Annotate `has_online` and `has_paid_tier`, for a single event or a short list (a cycle)."""
    return events.annotate(has_online=Exists(_online_sessions()), has_paid_tier=Exists(_paid_tiers()))


def attach_catalogue_flags(events) -> list[Event]:
    """Set `has_online` and `has_paid_tier` on the events of one catalogue page, in two queries.

    Annotating the whole catalogue query instead makes the database compute both subqueries
    for every matching event before sorting and keeping one page: 60 ms at 10,000 events.
    """
    events = list(events)
    ids = [event.id for event in events]
    online = set(
        Session.objects.filter(event_id__in=ids, mode__in=[SessionMode.ONLINE, SessionMode.HYBRID])
        .values_list("event_id", flat=True)
    )
    paid = set(PriceTier.objects.filter(event_id__in=ids, amount_cents__gt=0).values_list("event_id", flat=True))
    for event in events:
        event.has_online = event.id in online
        event.has_paid_tier = event.id in paid
    return events


CARD_FIELDS = (
    "slug", "title", "subtitle", "format", "status", "starts_on", "ends_on", "dates_are_months",
    "department_code", "commune", "venue__city", "organization__name",
)


def for_cards(events: QuerySet) -> QuerySet:
    """Only the columns an event card shows.

    Sorting a page out of thousands of events moves every selected column through the sort;
    the long texts (presentation, search text) made it four times slower.
    """
    return events.select_related(None).prefetch_related(None).select_related("organization", "venue").only(*CARD_FIELDS)


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
    The shown page gets its badges from `attach_catalogue_flags`.
    """
    today = today or timezone.localdate()
    events = public_events().select_related("organization", "series", "venue")
    events = events.prefetch_related("themes")
    if query.department:
        events = events.filter(department_code=query.department)
    if query.format:
        events = events.filter(format=query.format)
    if query.online:
        events = events.filter(Exists(_online_sessions()))
    if query.free:
        events = events.filter(~Exists(_paid_tiers()))
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
    """One event with its programme and everything around it prefetched, in a fixed number of queries.

    For the calendar file, the programme PDF and the API; the HTML page reads `event_page`.
    """
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


# (session, its speaker links in order, each link with its speaker)
ProgrammeSession = tuple[Session, list[SessionSpeaker]]


@dataclass(frozen=True)
class EventPage:
    """Everything the public event page shows."""

    event: Event
    programme: list[tuple[Day, list[ProgrammeSession]]]
    speakers: list[Speaker]
    themes: list[Theme]
    price_tiers: list[PriceTier]
    documents: list[Document]

    @property
    def sessions(self) -> list[Session]:
        return [session for _day, sessions in self.programme for session, _links in sessions]

    @property
    def has_online(self) -> bool:
        return any(session.is_online for session in self.sessions)

    @property
    def venues(self) -> list:
        return _distinct_venues([self.event.venue] + [session.venue for session in self.sessions])

    def documents_visible_to(self, *, is_registered_or_member: bool) -> list[Document]:
        return _visible_documents(self.documents, is_registered_or_member=is_registered_or_member)


def event_page(slug: str) -> EventPage:
    """The event page's reads: one plain query per kind of row, put together here.

    The most visited page: event_for_page's nested prefetching costs more CPU in the ORM than
    these eight small queries do, so the rows are grouped in Python instead.
    """
    event = Event.objects.select_related("organization", "series", "venue").get(slug=slug)
    days = list(Day.objects.filter(event_id=event.id))
    day_by_id = {day.id: day for day in days}
    speakers = list(Speaker.objects.filter(event_id=event.id))
    speaker_by_id = {speaker.id: speaker for speaker in speakers}
    links_by_session = defaultdict(list)
    # Filtered on the speaker's event, so that every link's speaker is one of `speakers`.
    for link in SessionSpeaker.objects.filter(speaker__event_id=event.id):
        link.speaker = speaker_by_id[link.speaker_id]
        links_by_session[link.session_id].append(link)
    sessions_by_day = defaultdict(list)
    for session in Session.objects.filter(event_id=event.id).select_related("venue").order_by():
        if session.day_id in day_by_id:
            session.day = day_by_id[session.day_id]
            sessions_by_day[session.day_id].append(session)
    programme = [
        (day, [(session, links_by_session[session.id]) for session in sorted(sessions_by_day[day.id], key=_time_order)])
        for day in days
    ]
    return EventPage(
        event=event,
        programme=programme,
        speakers=speakers,
        themes=list(Theme.objects.filter(events=event.id)),
        price_tiers=list(PriceTier.objects.filter(event_id=event.id)),
        documents=list(Document.objects.filter(event_id=event.id)),
    )


def _time_order(session: Session) -> tuple:
    """Sessions of a day by start time, those without one last."""
    return (session.start_time is None, session.start_time or dt.time(), session.id)


def programme_by_day(event: Event) -> list[tuple[Day, list[Session]]]:
    """The prefetched programme as (day, sessions in time order)."""
    return [(day, sorted(day.sessions.all(), key=_time_order)) for day in event.days.all()]


def venues_of(event: Event) -> list:
    """The main venue first, then the other places sessions happen in, once each."""
    sessions = [s for _day, day_sessions in programme_by_day(event) for s in day_sessions]
    return _distinct_venues([event.venue] + [s.venue for s in sessions])


def _distinct_venues(candidates) -> list:
    seen, venues = set(), []
    for venue in candidates:
        if venue is not None and venue.id not in seen:
            seen.add(venue.id)
            venues.append(venue)
    return venues


def documents_visible_to(event: Event, *, is_registered_or_member: bool) -> list[Document]:
    return _visible_documents(event.documents.all(), is_registered_or_member=is_registered_or_member)


def _visible_documents(documents, *, is_registered_or_member: bool) -> list[Document]:
    """Private documents only for registered people and the organisation's members."""
    return [d for d in documents if d.is_public or is_registered_or_member]

