"""The emails of registrations, in French, each a subject/text/HTML triple of templates.

Each email has one function; the services queue them by name with the change
(`services.queue_email`) and the task `tasks.send_registration_email` sends them. The
acknowledgement of a new registration goes through `tasks.acknowledge_registration`,
queued before the event lock and sent once.
"""

from django.urls import reverse

from rencontres.core.emails import absolute_url, send_templated_email
from rencontres.events.models import Day, Event

from . import availability, selectors
from .models import Registration


def _send(template: str, to: list[str], context: dict, *, reply_to: str = "") -> None:
    context = {"my_space_url": absolute_url(reverse("site:my_space")), **context}
    send_templated_email(f"registrations/emails/{template}", to=to, context=context, reply_to=reply_to)


def _registration_context(registration: Registration) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "organization": event.organization,
        "event_url": absolute_url(event.get_absolute_url()),
        "waiting_position": selectors.waiting_position(registration),
    }


def _contact(event: Event) -> str:
    return event.contact_email or event.organization.contact_email


def acknowledgement(registration: Registration) -> None:
    """To the participant: registered (place, waiting list with position, or application to examine)."""
    _send(
        "acknowledgement",
        [registration.email],
        _registration_context(registration),
        reply_to=_contact(registration.event),
    )


def payer_acknowledgement(registration: Registration) -> None:
    """To the payer's contact (employer, OPCO): who registered, at which price."""
    _send(
        "payer_acknowledgement",
        [registration.payer_contact_email],
        _registration_context(registration),
        reply_to=_contact(registration.event),
    )


def place_offered(registration: Registration) -> None:
    """To the first person waiting: a place is free, confirm it before the deadline."""
    _send("place_offered", [registration.email], _registration_context(registration))


def offer_expired(registration: Registration) -> None:
    _send("offer_expired", [registration.email], _registration_context(registration))


def application_decision(registration: Registration) -> None:
    """Application accepted (with a place or on the waiting list) or refused."""
    _send(
        "application_decision",
        [registration.email],
        _registration_context(registration),
        reply_to=_contact(registration.event),
    )


def registration_cancelled(registration: Registration) -> None:
    _send("registration_cancelled", [registration.email], _registration_context(registration))


def event_cancelled(registration: Registration, reason: str = "") -> None:
    _send(
        "event_cancelled",
        [registration.email],
        {**_registration_context(registration), "reason": reason},
        reply_to=_contact(registration.event),
    )


def event_confirmed(registration: Registration) -> None:
    """The minimum number is reached (or the organiser maintains the event): it takes place."""
    _send("event_confirmed", [registration.email], _registration_context(registration))


def reminder(registration: Registration, day_id: int) -> None:
    """The day before: date, times, places with access, and the online links of the day's sessions."""
    day = Day.objects.get(pk=day_id)
    sessions = list(day.sessions.select_related("venue").order_by("start_time", "id"))
    venues = {s.venue for s in sessions if s.venue} or ({registration.event.venue} - {None})
    context = {
        **_registration_context(registration),
        "day": day,
        "sessions": sessions,
        "venues": sorted(venues, key=lambda v: v.name),
    }
    _send("reminder", [registration.email], context, reply_to=_contact(registration.event))


def organiser_message(registration: Registration, subject: str, body: str) -> None:
    """A message the organiser writes to everyone registered."""
    _send(
        "organiser_message",
        [registration.email],
        {**_registration_context(registration), "subject": subject, "body": body},
        reply_to=_contact(registration.event),
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
    ]
}


def send_registration_email(email_name: str, registration_id: int, **params) -> None:
    registration = Registration.objects.select_related("event__organization", "event__venue").get(pk=registration_id)
    if registration.anonymised_at is not None:
        return  # queued before the person's data was removed: there is nobody left to write to
    REGISTRATION_EMAILS[email_name](registration, **params)


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
