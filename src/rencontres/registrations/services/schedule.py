"""Telling the people registered that the event's dates, times, places or modes changed (issue 11, point 13)."""

from django.db import transaction

from rencontres.events.changes import ScheduleDiff
from rencontres.events.models import Event

from .. import tasks
from ..enums import LIVE_STATES
from ..models import Registration, SessionSeat
from .queueing import enqueue_with_the_change, queue_email


@transaction.atomic
def notify_schedule_change(*, event: Event, changes: ScheduleDiff) -> int:
    """One email to each person registered (with a place, offered one, waiting or applying), one to each payer's
    contact, and one to each person holding a seat in a public session that moved, saying what changed with the
    new calendar file; returns how many emails are queued.

    A draft has nobody to tell (and a cancelled event was already announced as such); the
    emails leave after the commit of the change. A payer's contact who pays for several
    people gets one email naming them all; one who is also registered gets only their own.
    """
    if not event.is_published:
        return 0
    return _tell_the_registered(event, changes) + _tell_the_public_seats(changes)


def _tell_the_public_seats(changes: ScheduleDiff) -> int:
    if not changes.for_public_seats:
        return 0  # most edits move no public session: no query
    payloads = {
        session_id: [change.as_dict() for change in told] for session_id, told in changes.for_public_seats.items()
    }
    seats = (
        SessionSeat.objects.filter(session_id__in=list(payloads), cancelled_at__isnull=True, anonymised_at__isnull=True)
        .order_by("id")
        .values_list("id", "session_id")
    )
    told = 0
    for seat_id, session_id in seats:
        enqueue_with_the_change(
            tasks.send_public_seat_email, "public_seat_schedule_changed", seat_id, {"changes": payloads[session_id]}
        )
        told += 1
    return told


def _tell_the_registered(event: Event, changes: ScheduleDiff) -> int:
    if not changes.for_registered:
        return 0
    payload = [change.as_dict() for change in changes.for_registered]
    registrations = list(
        Registration.objects.filter(event=event, state__in=LIVE_STATES, anonymised_at__isnull=True)
        .order_by("id")
        .values_list("id", "email", "payer_contact_email")
    )
    registered = {email for _id, email, _payer in registrations}
    payers: dict[str, list[int]] = {}
    for registration_id, _email, payer_email in registrations:
        queue_email("schedule_changed", registration_id, changes=payload)
        if payer_email and payer_email not in registered:
            payers.setdefault(payer_email, []).append(registration_id)
    for payer_email, registration_ids in payers.items():
        enqueue_with_the_change(tasks.send_payer_schedule_change, event.id, payer_email, registration_ids, payload)
    return len(registrations) + len(payers)
