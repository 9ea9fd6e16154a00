"""Reads of events for the public site, the back-office and the API."""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from rencontres.organizations.models import Organization

from .enums import EventStatus, SessionMode
from .models import Day, Document, Event, PriceTier, Session, SessionSpeaker, Speaker, Theme, Venue


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
    "period_label",
    "period_ends_on",
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


FEED_PAST_DAYS = 365
FEED_SIZE = 1000


def calendar_feed_events(*, organization=None, theme=None, today: dt.date | None = None) -> QuerySet:
    """What a calendar subscription shows: dated public events of the last year and to come, venue read with them."""
    since = (today or timezone.localdate()) - dt.timedelta(days=FEED_PAST_DAYS)
    events = public_events().filter(starts_on__isnull=False, ends_on__gte=since)
    if organization is not None:
        events = events.filter(organization=organization)
    if theme is not None:
        events = events.filter(themes=theme)
    return events.select_related("venue").order_by("starts_on", "id")[:FEED_SIZE]


def recently_published(limit: int = 50) -> QuerySet:
    """The newest announcements first, for the Atom feed."""
    return (
        public_events()
        .filter(published_at__isnull=False)
        .select_related("organization", "venue")
        .order_by("-published_at", "-id")[:limit]
    )


@dataclass(frozen=True)
class CatalogueQuery:
    when: str = ""  # "", "upcoming" or "past"
    department: str = ""
    format: str = ""
    online: bool = False
    free: bool = False
    theme: str = ""
    text: str = ""
    # The ids of the events whose text matches `text`, from rencontres.search (the faces ask it;
    # this app sits below search): a list of ids or a queryset of `event_id` values, or None for
    # no text filter.
    matching_ids: object = None


def catalogue_events(query: CatalogueQuery, *, today: dt.date | None = None) -> tuple[QuerySet, QuerySet]:
    """Upcoming events (soonest first) and past ones (latest first) matching the filters.

    An event is upcoming until its last day is over. One announced for a period, without any
    day yet, is upcoming until its period ends (for good when it gives no end), after the dated
    ones, soonest period end first; once its period is over it is listed after the dated past ones.
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
    if query.matching_ids is not None:
        events = events.filter(id__in=query.matching_ids)
    undated = Q(ends_on__isnull=True)
    period_not_over = Q(period_ends_on__isnull=True) | Q(period_ends_on__gte=today)
    upcoming = events.filter(Q(ends_on__gte=today) | (undated & period_not_over)).order_by(
        F("starts_on").asc(nulls_last=True), F("period_ends_on").asc(nulls_last=True), "title"
    )
    past = events.filter(Q(ends_on__lt=today) | (undated & Q(period_ends_on__lt=today))).order_by(
        F("starts_on").desc(nulls_last=True), F("period_ends_on").desc(nulls_last=True), "title"
    )
    if query.when == "upcoming":
        past = past.none()
    elif query.when == "past":
        upcoming = upcoming.none()
    return upcoming, past


def catalogue_version() -> str:
    """A token that changes with anything an event card shows, but a deletion.

    Every change of an event, its programme, prices, themes or venue moves the event's
    `updated_at` (services.after_programme_change, touch_event, touch_events_of_venue and
    touch_events_with_theme); the organisation's name has its own `updated_at`. The latest of
    each is read from an index: a count of the events cost 13 ms on PostgreSQL at 10,000
    events. Events are deleted only in the admin: the caller's key also follows the search
    index, whose entry of the event goes with it.
    """
    event = Event.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    organization = Organization.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    return ":".join(str(value.timestamp()) if value else "-" for value in (event, organization))


def split_by_period(events) -> tuple[list[Event], list[tuple[str, list[Event]]]]:
    """A cycle's events: the dated ones in their order, and those announced for a period, grouped by it.

    The periods come in the order of their first event (the caller sorts by period end, then title).
    """
    dated, periods = [], {}
    for event in events:
        if event.is_dated:
            dated.append(event)
        else:
            periods.setdefault(event.period_label, []).append(event)
    return dated, list(periods.items())


EVENT_PAGE_RELATED = ("organization", "series", "venue")


def _programme_prefetches() -> tuple:
    """The programme's rows, each kind in one query, in the order they are shown."""
    links = SessionSpeaker.objects.select_related("speaker").order_by("id")
    sessions = (
        Session.objects.select_related("venue")
        .prefetch_related(Prefetch("session_speakers", queryset=links))
        .order_by(F("start_time").asc(nulls_last=True), "id")
    )
    return (
        "themes",
        "speakers",
        "price_tiers",
        Prefetch("days", queryset=Day.objects.order_by("date", "id").prefetch_related(Prefetch("sessions", sessions))),
        Prefetch("documents", queryset=Document.objects.select_related("day")),
    )


@dataclass(frozen=True)
class EventProgramme:
    """An event with its programme and everything it announces, read by `event_programme`.

    What the event page, the API, the calendar file, the printable programme and the
    JSON-LD show. Each session comes with its venue and its speaker links in order
    (`session.session_speakers.all()`, each with its speaker), already loaded.
    """

    event: Event
    days: list[tuple[Day, list[Session]]]  # sessions in time order, those without a time last
    speakers: list[Speaker]
    themes: list[Theme]
    price_tiers: list[PriceTier]
    documents: list[Document]

    @property
    def sessions(self) -> list[Session]:
        return [session for _day, sessions in self.days for session in sessions]

    @property
    def has_online_sessions(self) -> bool:
        return any(session.is_online for session in self.sessions)

    @property
    def has_paid_tier(self) -> bool:
        return any(not tier.is_free for tier in self.price_tiers)

    @property
    def venues(self) -> list[Venue]:
        """The main venue first, then the other places sessions happen in, once each."""
        return _distinct_venues([self.event.venue] + [session.venue for session in self.sessions])

    def documents_visible_to(self, *, is_registered_or_member: bool) -> list[Document]:
        """Private documents only for registered people and the organisation's members."""
        return [d for d in self.documents if d.is_public or is_registered_or_member]


def event_for_page(slug: str) -> Event:
    """The event of a page, with what every page shows around it (organisation, cycle, main venue); one query."""
    return Event.objects.select_related(*EVENT_PAGE_RELATED).get(slug=slug)


def event_programme(slug: str) -> EventProgramme:
    """The one reader of an event with its programme: eight queries whatever its size."""
    return programme_of(event_for_page(slug))


def programme_of(event: Event) -> EventProgramme:
    """The programme of an event already read by `event_for_page` (the page reads it on a cache miss only)."""
    prefetch_related_objects([event], *_programme_prefetches())
    return EventProgramme(
        event=event,
        days=[(day, list(day.sessions.all())) for day in event.days.all()],
        speakers=list(event.speakers.all()),
        themes=list(event.themes.all()),
        price_tiers=list(event.price_tiers.all()),
        documents=list(event.documents.all()),
    )


def _distinct_venues(candidates) -> list:
    seen, venues = set(), []
    for venue in candidates:
        if venue is not None and venue.id not in seen:
            seen.add(venue.id)
            venues.append(venue)
    return venues


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day when that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def past_retention(*, today: dt.date) -> QuerySet:
    """Events that ended more than their organisation's retention period ago (strictly: on that day, not yet).

    One condition per distinct retention period: organisations mostly keep the default.
    """
    periods = Organization.objects.order_by().values_list("retention_months", flat=True).distinct()
    condition = Q(pk__in=[])
    for months in periods:
        condition |= Q(organization__retention_months=months, ends_on__lt=months_before(today, months))
    return Event.objects.filter(condition)
