"""The email of a seat in a session open to the public, in French, a subject/text/HTML triple of templates.

Built with the registrations' own pieces: the practical part of every acknowledgement
(`_practical`: date, times, place with access, contact), the event's Reply-To, and the
event's calendar file (events.ical) cut down to the one session.
"""

from rencontres.core.emails import absolute_url, send_templated_email
from rencontres.events import ical
from rencontres.events.selectors import EventProgramme

from . import links
from .emails import DayTimes
from .models import SessionSeat


def _session_calendar(seat: SessionSeat) -> list[tuple[str, bytes, str]]:
    """The session alone as an .ics: the event's calendar file for a programme of this one session."""
    session = seat.session
    programme = EventProgramme(
        event=session.event, days=[(session.day, [session])], speakers=[], themes=[], price_tiers=[], documents=[]
    )
    content = ical.event_calendar(programme, site_url=absolute_url(""))
    return [(f"{session.event.slug}-seance-{session.id}.ics", content, "text/calendar")]


def _seat_context(seat: SessionSeat) -> dict:
    session = seat.session
    event = session.event
    venue = session.venue or event.venue
    return {
        "seat": seat,
        "session": session,
        "event": event,
        "organization": event.organization,
        "event_url": absolute_url(event.get_absolute_url()),
        "days": [DayTimes(session.day, session.start_time, session.end_time)],
        "venues": [venue] if venue else [],
        "online_links": [],
    }


def _send(template: str, seat: SessionSeat, context: dict, *, attachments=()) -> None:
    """Every email of a seat answers to the event's contact (Event.reply_to_address)."""
    send_templated_email(
        f"registrations/emails/{template}",
        to=[seat.email],
        context=context,
        reply_to=seat.session.event.reply_to_address,
        attachments=attachments,
    )


def public_seat_acknowledgement(seat: SessionSeat) -> None:
    """To the visitor: their seat, the session's date, time and place, the .ics, and a link to give the seat up."""
    context = {**_seat_context(seat), "cancel_url": absolute_url(links.seat_cancel_path(seat))}
    _send("public_seat_acknowledgement", seat, context, attachments=_session_calendar(seat))


def public_seat_event_cancelled(seat: SessionSeat, reason: str = "") -> None:
    """To the visitor: the organiser cancelled the event, so the session they had a seat in will not take place."""
    _send("public_seat_event_cancelled", seat, {**_seat_context(seat), "reason": reason})


def public_seat_schedule_changed(seat: SessionSeat, changes: list[dict]) -> None:
    """To the visitor: their session moved (date, times, place or mode); the seat is kept, the new .ics joined."""
    context = {
        **_seat_context(seat),
        "changes": changes,
        "cancel_url": absolute_url(links.seat_cancel_path(seat)),
    }
    _send("public_seat_schedule_changed", seat, context, attachments=_session_calendar(seat))


def public_seat_session_removed(removed: dict) -> None:
    """To the visitor: the organiser took the session out of the programme. Sent from what was
    copied before the deletion (`services.public_sessions.tell_public_seats_session_removed`),
    since the seat went with the session."""
    send_templated_email(
        "registrations/emails/public_seat_session_removed",
        to=[removed["email"]],
        context=removed,
        reply_to=removed["reply_to"],
    )


SEAT_EMAILS = {
    f.__name__: f for f in [public_seat_acknowledgement, public_seat_event_cancelled, public_seat_schedule_changed]
}


def send_seat_email(email_name: str, seat_id: int, **params) -> None:
    seat = SessionSeat.objects.select_related(
        "session__event__organization", "session__event__venue", "session__day", "session__venue"
    ).get(pk=seat_id)
    if seat.anonymised_at is not None or not seat.is_live:
        return  # given up or erased before its turn: nothing to say to anybody
    SEAT_EMAILS[email_name](seat, **params)
