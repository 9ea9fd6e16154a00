"""Reads of events for the public site, the back-office and the API."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from .enums import EventStatus, SessionMode
from .models import Day, Document, Event, PriceTier, Session, SessionSpeaker, Speaker, Theme, Venue
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
        Session.objects.filter(event_id__in=ids, mode__in=[SessionMode.ONLINE, SessionMode.HYBRID]).values_list(
            "event_id", flat=True
        )
    )
    paid = set(PriceTier.objects.filter(event_id__in=ids, amount_cents__gt=0).values_list("event_id", flat=True))
    for event in events:
        event.has_online = event.id in online
        event.has_paid_tier = event.id in paid
    return events


CARD_FIELDS = (
    "slug",
    "title",
    "subtitle",
    "format",
    "status",
    "starts_on",
    "ends_on",
    "dates_are_months",
    "department_code",
    "commune",
    "venue__city",
    "organization__name",
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


def _sql(model, where_and_order: str, alias: str = "t") -> str:
    """`SELECT alias.* FROM <model's table> alias <where_and_order>`, for `Model.objects.raw`."""
    return f"SELECT {alias}.* FROM {model._meta.db_table} {alias} {where_and_order}"


ORDER = connection.ops.quote_name("order")
DAYS_SQL = _sql(Day, "WHERE t.event_id = %s ORDER BY t.date, t.id")
SESSIONS_SQL = _sql(Session, "WHERE t.event_id = %s")
SPEAKERS_SQL = _sql(Speaker, f"WHERE t.event_id = %s ORDER BY t.{ORDER}, t.id")
# Joined on the speaker's event, so that every link's speaker is one of the event's speakers.
LINKS_SQL = _sql(
    SessionSpeaker, f"JOIN {Speaker._meta.db_table} sp ON sp.id = t.speaker_id WHERE sp.event_id = %s ORDER BY t.id"
)
THEMES_SQL = _sql(
    Theme, f"JOIN {Event.themes.through._meta.db_table} et ON et.theme_id = t.id WHERE et.event_id = %s ORDER BY t.name"
)
PRICE_TIERS_SQL = _sql(PriceTier, f"WHERE t.event_id = %s ORDER BY t.{ORDER}, t.id")
DOCUMENTS_SQL = _sql(
    Document, f"LEFT JOIN {Day._meta.db_table} d ON d.id = t.day_id WHERE t.event_id = %s ORDER BY d.date, t.id"
)
VENUES_SQL = "SELECT * FROM {table} WHERE id IN ({ids})"


def event_page(slug: str) -> EventPage:
    """The event page's reads: one plain query per kind of row, put together here.

    The most visited page. Plain SQL through `Model.objects.raw` (models and their
    conversions as usual): the ORM took 0.5 to 1 ms of CPU to build each of these small
    queries against 0.2 ms for a raw one (bench/pages.py, PostgreSQL), which made the
    PostgreSQL event page miss its latency target. The event itself keeps the ORM.
    """
    event = Event.objects.select_related("organization", "series", "venue").get(slug=slug)
    days = list(Day.objects.raw(DAYS_SQL, [event.id]))
    day_by_id = {day.id: day for day in days}
    speakers = list(Speaker.objects.raw(SPEAKERS_SQL, [event.id]))
    speaker_by_id = {speaker.id: speaker for speaker in speakers}
    links_by_session = defaultdict(list)
    for link in SessionSpeaker.objects.raw(LINKS_SQL, [event.id]):
        link.speaker = speaker_by_id[link.speaker_id]
        links_by_session[link.session_id].append(link)
    sessions = [s for s in Session.objects.raw(SESSIONS_SQL, [event.id]) if s.day_id in day_by_id]
    _attach_session_venues(event, sessions)
    sessions_by_day = defaultdict(list)
    for session in sessions:
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
        themes=list(Theme.objects.raw(THEMES_SQL, [event.id])),
        price_tiers=list(PriceTier.objects.raw(PRICE_TIERS_SQL, [event.id])),
        documents=list(Document.objects.raw(DOCUMENTS_SQL, [event.id])),
    )


def _attach_session_venues(event: Event, sessions: list[Session]) -> None:
    """Set each session's venue: the event's own without a query, the others in one query if there are any."""
    known = {event.venue_id: event.venue} if event.venue_id else {}
    missing = sorted({s.venue_id for s in sessions if s.venue_id and s.venue_id not in known})
    if missing:
        sql = VENUES_SQL.format(table=Venue._meta.db_table, ids=", ".join(["%s"] * len(missing)))
        known.update((venue.id, venue) for venue in Venue.objects.raw(sql, missing))
    for session in sessions:
        if session.venue_id:
            session.venue = known[session.venue_id]


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
