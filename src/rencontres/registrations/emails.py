"""The emails of registrations, in French, each a subject/text/HTML triple of templates.

Each email has one function; the services queue them by name with the change
(`services.queue_email`) and the task `tasks.send_registration_email` sends them. The
acknowledgement of a new registration goes through `tasks.acknowledge_registration`,
queued before the event lock and sent once.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from rencontres.core.emails import absolute_url, send_templated_email
from rencontres.events import ical
from rencontres.events import selectors as event_selectors
from rencontres.events.models import Day, Event
from rencontres.events.selectors import EventProgramme

from . import availability, links, selectors
from .enums import LIVE_STATES
from .models import Invitation, Registration


def _send(template: str, to: list[str], context: dict, *, attachments=()) -> None:
    """Every email of an event answers to its contact (Event.reply_to_address), whoever it goes to."""
    context = {"my_space_url": absolute_url(reverse("site:my_space")), **context}
    send_templated_email(
        f"registrations/emails/{template}",
        to=to,
        context=context,
        reply_to=context["event"].reply_to_address,
        attachments=attachments,
    )


def _registration_context(registration: Registration) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "organization": event.organization,
        "event_url": absolute_url(event.get_absolute_url()),
        "waiting_position": selectors.waiting_position(registration),
        # Opened on their phone, it lets a confirmed person sign the attendance sheet without a code.
        "attendance_url": absolute_url(links.attendance_path(registration)) if registration.is_confirmed else "",
        "cancel_url": absolute_url(links.cancel_path(registration)) if registration.is_live else "",
        # The pieces received, named in the acknowledgement whether or not the file is examined (seed 004).
        "application_file_labels": [piece.label for piece in registration.application_files.all()],
    }


@dataclass(frozen=True)
class DayTimes:
    """A day of the programme as an email gives it: the date, from the first session's start to the last's end."""

    day: Day
    start: dt.time | None
    end: dt.time | None


def _days_with_times(programme: EventProgramme) -> list[DayTimes]:
    days = []
    for day, sessions in programme.days:
        starts = [s.start_time for s in sessions if s.start_time]
        ends = [s.end_time or s.start_time for s in sessions if s.start_time]
        days.append(DayTimes(day, min(starts, default=None), max(ends, default=None)))
    return days


def acknowledgement(registration: Registration) -> None:
    """To the participant: registered (place, waiting list with position, or application to examine).

    With what they need to come: each day with its times, the places with their access, the
    contact, their own webinar links once the place is confirmed, and the event's calendar file.
    """
    event = registration.event
    programme = event_selectors.programme_of(event)
    online = [s for s in programme.sessions if s.online_url] if registration.is_confirmed else []
    join_links = links.online_links(registration, online)
    context = {
        **_registration_context(registration),
        "days": _days_with_times(programme),
        "venues": programme.venues,
        "online_links": [(link.session, absolute_url(link.path)) for link in join_links],
    }
    _send("acknowledgement", [registration.email], context, attachments=_calendar_attachment(programme))


def _calendar_attachment(programme: EventProgramme) -> list[tuple[str, bytes, str]]:
    """The event's .ics, as its page gives it; none before it has dates (the file would be empty)."""
    event = programme.event
    if not event.starts_on:
        return []
    content = ical.event_calendar(programme, site_url=absolute_url(""))
    return [(f"{event.slug}.ics", content, "text/calendar")]


def _schedule_context(programme: EventProgramme, changes: list[dict]) -> dict:
    return {
        "changes": changes,
        "days": _days_with_times(programme),
        "venues": programme.venues,
    }


def schedule_changed(registration: Registration, changes: list[dict]) -> None:
    """To a person registered: what moved (old → new), the schedule as it is now, the new calendar file."""
    event = registration.event
    programme = event_selectors.programme_of(event)
    context = {**_registration_context(registration), **_schedule_context(programme, changes)}
    _send("schedule_changed", [registration.email], context, attachments=_calendar_attachment(programme))


def payer_schedule_changed(event_id: int, email: str, registration_ids: list[int], changes: list[dict]) -> None:
    """To a payer's contact: the same news, naming the people they pay for who are still registered."""
    event = Event.objects.select_related("organization", "venue").get(pk=event_id)
    people = list(
        Registration.objects.filter(
            id__in=registration_ids, state__in=LIVE_STATES, anonymised_at__isnull=True
        ).order_by("last_name", "first_name")
    )
    if not people:
        return
    programme = event_selectors.programme_of(event)
    context = {
        "event": event,
        "organization": event.organization,
        "event_url": absolute_url(event.get_absolute_url()),
        "people": people,
        **_schedule_context(programme, changes),
    }
    _send("payer_schedule_changed", [email], context, attachments=_calendar_attachment(programme))


def payer_acknowledgement(registration: Registration) -> None:
    """To the payer's contact (employer, OPCO): who registered, at which price."""
    _send("payer_acknowledgement", [registration.payer_contact_email], _registration_context(registration))


def place_offered(registration: Registration) -> None:
    """To the first person waiting: a place is free, confirm it before the deadline."""
    _send("place_offered", [registration.email], _registration_context(registration))


def offer_expired(registration: Registration) -> None:
    _send("offer_expired", [registration.email], _registration_context(registration))


def application_decision(registration: Registration) -> None:
    """Application accepted (with a place or on the waiting list) or refused."""
    _send("application_decision", [registration.email], _registration_context(registration))


def registration_cancelled(registration: Registration) -> None:
    """To the person, and to whoever pays for them: the place is given up (the payer is not invoiced for nothing)."""
    context = _registration_context(registration)
    _send("registration_cancelled", [registration.email], context)
    if registration.payer_contact_email and registration.payer_contact_email != registration.email:
        _send("payer_cancellation", [registration.payer_contact_email], context)


def event_cancelled(registration: Registration, reason: str = "") -> None:
    _send("event_cancelled", [registration.email], {**_registration_context(registration), "reason": reason})


def event_confirmed(registration: Registration) -> None:
    """The minimum number is reached (or the organiser maintains the event): it takes place."""
    _send("event_confirmed", [registration.email], _registration_context(registration))


def reminder(registration: Registration, day_id: int) -> None:
    """The day before: date, times, places with access, and the person's own links to the day's webinars.

    A webinar link goes through the site (links.online_links), which records when the person joined:
    evidence of presence online for the hours.
    """
    day = Day.objects.get(pk=day_id)
    sessions = list(day.sessions.select_related("venue").order_by("start_time", "id"))
    venues = {s.venue for s in sessions if s.venue} or ({registration.event.venue} - {None})
    join_paths = {link.session.id: link.path for link in links.online_links(registration, sessions)}
    context = {
        **_registration_context(registration),
        "day": day,
        "sessions": [
            (session, absolute_url(join_paths[session.id]) if session.online_url else "") for session in sessions
        ],
        "venues": sorted(venues, key=lambda v: v.name),
    }
    _send("reminder", [registration.email], context)


def organiser_message(registration: Registration, subject: str, body: str) -> None:
    """A message the organiser writes to everyone registered."""
    _send(
        "organiser_message",
        [registration.email],
        {**_registration_context(registration), "subject": subject, "body": body},
    )


REGISTRATION_EMAILS = {
    f.__name__: f
    for f in [
        acknowledgement,
        payer_acknowledgement,
        place_offered,
        offer_expired,
        application_decision,
        registration_cancelled,
        event_cancelled,
        event_confirmed,
        reminder,
        organiser_message,
        schedule_changed,
    ]
}


def send_registration_email(email_name: str, registration_id: int, **params) -> None:
    registration = Registration.objects.select_related("event__organization", "event__venue").get(pk=registration_id)
    if registration.anonymised_at is not None:
        return  # queued before the person's data was removed: there is nobody left to write to
    REGISTRATION_EMAILS[email_name](registration, **params)


def send_invitation(invitation_id: int) -> None:
    """To an invited address: the event, what they need to come, and their own link to register.

    An invitation withdrawn before its turn is not sent.
    """
    invitation = (
        Invitation.objects.select_related("event__organization", "event__venue").filter(pk=invitation_id).first()
    )
    if invitation is None:
        return
    event = invitation.event
    programme = event_selectors.programme_of(event)
    context = {
        "invitation": invitation,
        "event": event,
        "organization": event.organization,
        "event_url": absolute_url(event.get_absolute_url()),
        "register_url": absolute_url(links.invitation_path(invitation)),
        "days": _days_with_times(programme),
        "venues": programme.venues,
    }
    _send("invitation", [invitation.email], context)


def send_minimum_report(event_id: int) -> None:
    """To the organisers at the decision date: is the minimum number reached? Maintain or cancel."""
    event = Event.objects.select_related("organization").get(pk=event_id)
    recipients = selectors.organiser_addresses(event)
    if not recipients:
        return
    current = availability.event_availability(event)
    context = {
        "event": event,
        "availability": current,
        "minimum_reached": current.minimum_reached,
        "manage_url": absolute_url(reverse("backoffice:registrations", args=[event.id])),
    }
    _send("minimum_report", recipients, context)
