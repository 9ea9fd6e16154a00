"""iCalendar export: one VEVENT per timed session, in Europe/Paris time (RFC 5545)."""

import datetime as dt

import icalendar

from .enums import SessionMode
from .selectors import EventProgramme


def _session_bounds(session) -> tuple[dt.datetime, dt.datetime] | None:
    """A session's start and end; without an end, it is given one hour so calendars show it."""
    start = session.starts_at()
    if start is None:
        return None
    end = session.ends_at() or start + dt.timedelta(hours=1)
    return start, end


def event_calendar(programme: EventProgramme, request) -> bytes:
    event = programme.event
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Rencontres//rencontres//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.title)
    page_url = request.build_absolute_uri(event.get_absolute_url())
    stamp = event.updated_at
    for _day, sessions in programme.days:
        for session in sessions:
            bounds = _session_bounds(session)
            if bounds is None:
                continue
            entry = icalendar.Event()
            entry.add("uid", f"session-{session.id}@{request.get_host()}")
            entry.add("dtstamp", stamp)
            entry.add("dtstart", bounds[0])
            entry.add("dtend", bounds[1])
            entry.add("summary", f"{session.title} – {event.title}")
            venue = session.venue or event.venue
            if session.mode == SessionMode.ONLINE:
                entry.add("location", "En ligne")
            elif venue:
                entry.add("location", f"{venue.name}, {venue.address_line}".strip(", "))
            description = [session.description] if session.description else []
            description.append(page_url)
            entry.add("description", "\n\n".join(description))
            entry.add("url", page_url)
            if event.is_cancelled:
                entry.add("status", "CANCELLED")
            calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
