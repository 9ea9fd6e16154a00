"""Seats in a session open to the public (seed 000's evening lecture): anyone, free, without registering to the event.

Refuse early, lock the session's row, count its live seats, write; the acknowledgement
leaves after the commit (STYLE.md). The session's row is the lock, as the event's places
row is for registrations: two visitors taking the last seat at once serialise there.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.core.emails import absolute_url
from rencontres.events.changes import session_when
from rencontres.events.models import Session

from .. import availability, tasks
from ..enums import AvailabilityState
from ..exceptions import RegistrationError
from ..models import SessionSeat
from .queueing import enqueue_with_the_change
from .registering import normalize_email


@dataclass(frozen=True, kw_only=True)
class Visitor:
    """Who takes a seat: a name and an address, nothing more (no payer, no price, no questions)."""

    first_name: str
    last_name: str
    email: str


def lock_session(session_id: int) -> Session:
    """Lock the session's row and read it, with its event and day, afresh under the lock.

    Held until the end of the caller's transaction.atomic() block. The tests swap it for a
    plain read to show the lock is what keeps seats exact.
    """
    if not connection.in_atomic_block:
        raise TransactionManagementError("lock_session() holds its lock until the end of a transaction.atomic() block.")
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("event__organization", "day", "venue")
        .get(pk=session_id)
    )


def refusal(state: str) -> str:
    """Why a session in this state takes no seat, in French."""
    messages = {
        AvailabilityState.CLOSED: _(
            "Cette séance ne prend pas d'inscription : elle n'est pas ouverte au public ou l'événement n'est pas publié."
        ),
        AvailabilityState.PAST: _("Cette séance a eu lieu : les inscriptions sont closes."),
        AvailabilityState.FULL: _("Cette séance est complète : il n'y a plus de place pour le public."),
    }
    return messages[state]


@transaction.atomic
def take_public_seat(*, session: Session, visitor: Visitor, now: dt.datetime | None = None) -> tuple[SessionSeat, bool]:
    """A seat for the visitor in a public session, never beyond its places; (seat, created). Idempotent per address.

    The same address a second time gets back its seat, and takes no second place.
    """
    email = normalize_email(visitor.email)
    first_name, last_name = visitor.first_name.strip(), visitor.last_name.strip()
    if not (email and first_name and last_name):
        raise RegistrationError(_("Indiquez votre prénom, votre nom et votre adresse électronique."))
    session = lock_session(session.id)
    existing = SessionSeat.objects.filter(session=session, email=email, cancelled_at__isnull=True).first()
    if existing is not None:
        return existing, False
    current = availability.public_session_availability(session, now=now)
    if not current.accepts_registrations:
        raise RegistrationError(refusal(current.state))
    seat = SessionSeat.objects.create(session=session, first_name=first_name, last_name=last_name, email=email)
    enqueue_with_the_change(tasks.send_public_seat_email, "public_seat_acknowledgement", seat.id, {})
    return seat, True


@transaction.atomic
def give_up_public_seat(*, seat: SessionSeat, now: dt.datetime | None = None) -> SessionSeat:
    """Free the seat (« je ne peux plus venir »); giving it up twice changes nothing."""
    lock_session(seat.session_id)
    seat = SessionSeat.objects.select_related("session__event__organization", "session__day").get(pk=seat.pk)
    if seat.is_live:
        seat.cancelled_at = now or timezone.now()
        seat.save(update_fields=["cancelled_at"])
    return seat


def tell_public_seats_event_cancelled(*, event, reason: str = "") -> int:
    """Everyone holding a seat in one of the event's public sessions hears that it is cancelled; how many.

    Called by `cancelling.cancel_event` in its transaction: the emails leave only if the cancellation commits.
    The seats stay as they were: the organiser still sees who had come forward.
    """
    seat_ids = list(
        SessionSeat.objects.filter(session__event=event, cancelled_at__isnull=True, anonymised_at__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)
    )
    for seat_id in seat_ids:
        enqueue_with_the_change(
            tasks.send_public_seat_email, "public_seat_event_cancelled", seat_id, {"reason": reason}
        )
    return len(seat_ids)


def tell_public_seats_session_removed(*, session_ids) -> int:
    """Before sessions are deleted, queue one email to each person holding a seat in them; how many.

    The seats are deleted with their session, so each email carries what it says (address,
    titles, date) rather than the seat's id. Call it in the deletion's transaction: the
    emails leave only if the deletion commits.
    """
    seats = (
        SessionSeat.objects.filter(
            session_id__in=list(session_ids), cancelled_at__isnull=True, anonymised_at__isnull=True
        )
        .select_related("session__event__organization", "session__day")
        .order_by("id")
    )
    told = 0
    for seat in seats:
        session, event = seat.session, seat.session.event
        removed = {
            "email": seat.email,
            "first_name": seat.first_name,
            "session_title": session.title,
            "when": session_when(session),
            "event_title": event.title,
            "event_url": absolute_url(event.get_absolute_url()),
            "organization_name": event.organization.name,
            "reply_to": event.reply_to_address,
        }
        enqueue_with_the_change(tasks.send_public_seat_removed, removed)
        told += 1
    return told


def anonymous_seat_email(seat_id: int) -> str:
    """A placeholder unique per seat, on a domain that can never receive mail (.invalid, RFC 2606)."""
    return f"anonyme-seance-{seat_id}@anonyme.invalid"


@transaction.atomic
def anonymise_public_seats(*, email: str = "", event_ids=None, now: dt.datetime | None = None) -> int:
    """Remove the names and address from the seats of one person, or of some events; how many.

    A person's seat in a session still to come is freed first (nobody will come under that
    name); the seats of past sessions stay counted, so the organiser's figures do not change.
    """
    now = now or timezone.now()
    seats = SessionSeat.objects.filter(anonymised_at__isnull=True)
    if email:
        seats = seats.filter(email=normalize_email(email))
        seats.filter(cancelled_at__isnull=True, session__day__date__gte=timezone.localdate(now)).update(
            cancelled_at=now
        )
    elif event_ids is not None:
        seats = seats.filter(session__event_id__in=event_ids)
    else:
        return 0
    count = 0
    for seat_id in list(seats.values_list("id", flat=True)):
        count += SessionSeat.objects.filter(id=seat_id, anonymised_at__isnull=True).update(
            first_name="", last_name="", email=anonymous_seat_email(seat_id), anonymised_at=now
        )
    return count


def record_past_public_seats(*, session: Session, people: list[tuple[str, str, str, dt.datetime]]) -> list[SessionSeat]:
    """The demo's record of who came to a past public session, (first name, last name, address, when): no email sent."""
    seats = SessionSeat.objects.bulk_create(
        [SessionSeat(session=session, first_name=f, last_name=n, email=normalize_email(e)) for f, n, e, _at in people]
    )
    for seat, (*_person, registered_at) in zip(seats, people, strict=True):
        seat.created_at = registered_at
    SessionSeat.objects.bulk_update(seats, ["created_at"])
    return seats
