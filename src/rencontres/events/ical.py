"""iCalendar files (RFC 5545): one event's programme, and subscription feeds of many events.

An event's file has one VEVENT per timed session, in Europe/Paris time; a day without a
timed session is one all-day VEVENT, and a month-only module one transparent VEVENT over
its month ("dates précises à venir"), so that no file of a dated event is ever empty.
A feed has one all-day VEVENT per dated event, from its first to its last day.
"""

import calendar as month_calendar
import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.utils.translation import gettext as _

from .enums import SessionMode
from .models import Event
from .selectors import EventProgramme


def _session_bounds(session) -> tuple[dt.datetime, dt.datetime] | None:
    """A session's start and end; without an end, it is given one hour so calendars show it."""
    start = session.starts_at()
    if start is None:
        return None
    end = session.ends_at() or start + dt.timedelta(hours=1)
    return start, end


def event_location(event: Event, venue=None) -> str:
    """Where it happens, for a calendar: the venue with its address, else the commune the event gives."""
    venue = venue or event.venue
    if venue is not None:
        return f"{venue.name}, {venue.address_line}".strip(", ")
    return event.commune


def _new_calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Rencontres//rencontres//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _entry(*, uid: str, stamp, summary: str, page_url: str, event: Event, description: str = "") -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", uid)
    entry.add("dtstamp", stamp)
    entry.add("summary", summary)
    entry.add("description", "\n\n".join(part for part in (description, page_url) if part))
    entry.add("url", page_url)
    if event.is_cancelled:
        entry.add("status", "CANCELLED")
    return entry


def _all_day(entry: icalendar.Event, first: dt.date, last: dt.date) -> None:
    entry.add("dtstart", first)
    entry.add("dtend", last + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive


def event_calendar(programme: EventProgramme, *, site_url: str) -> bytes:
    """The event's file, for the page's button and the acknowledgement email; `site_url` as "https://host"."""
    event = programme.event
    calendar = _new_calendar(event.title)
    page_url = site_url + event.get_absolute_url()
    host = urlsplit(site_url).netloc
    for day, sessions in programme.days:
        timed = [(session, _session_bounds(session)) for session in sessions]
        timed = [(session, bounds) for session, bounds in timed if bounds is not None]
        for session, (start, end) in timed:
            entry = _entry(
                uid=f"session-{session.id}@{host}",
                stamp=event.updated_at,
                summary=f"{session.title} – {event.title}",
                page_url=page_url,
                event=event,
                description=session.description,
            )
            entry.add("dtstart", start)
            entry.add("dtend", end)
            if session.mode == SessionMode.ONLINE:
                entry.add("location", _("En ligne"))
            elif location := event_location(event, session.venue):
                entry.add("location", location)
            calendar.add_component(entry)
        if timed:
            continue
        summary = f"{day.title} – {event.title}" if day.title else event.title
        entry = _entry(
            uid=f"day-{day.id}@{host}", stamp=event.updated_at, summary=summary, page_url=page_url, event=event
        )
        if day.is_month_only:
            entry["summary"] = _("%(summary)s (dates précises à venir)") % {"summary": summary}
            last = month_calendar.monthrange(day.date.year, day.date.month)[1]
            _all_day(entry, day.date.replace(day=1), day.date.replace(day=last))
            entry.add("transp", "TRANSPARENT")  # a month is when it happens, not a month of busy days
        else:
            _all_day(entry, day.date, day.date)
        if location := event_location(event):
            entry.add("location", location)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_calendar(events, *, name: str, site_url: str) -> bytes:
    """A subscription feed: each dated event as one all-day VEVENT linking to its page (venue read with it)."""
    calendar = _new_calendar(name)
    host = urlsplit(site_url).netloc
    for event in events:
        if event.starts_on is None:  # announced for a period: left out until dated
            continue
        entry = _entry(
            uid=f"event-{event.id}@{host}",
            stamp=event.updated_at,
            summary=event.title,
            page_url=site_url + event.get_absolute_url(),
            event=event,
            description=event.subtitle,
        )
        _all_day(entry, event.starts_on, event.ends_on or event.starts_on)
        if location := event_location(event):
            entry.add("location", location)
        calendar.add_component(entry)
    return calendar.to_ical()
