"""The organiser's decisions on applications, and the written commitment of a payer."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import availability
from ..enums import RegistrationState
from ..exceptions import RegistrationError
from ..models import Registration
from . import places as places_row
from .queueing import queue_email
from .waiting_list import locked_registration


@transaction.atomic
def accept(*, registration: Registration, actor=None, now: dt.datetime | None = None) -> Registration:
    """Accept an application: it takes a place if one is free, otherwise it joins the waiting list."""
    now = now or timezone.now()
    places, registration = locked_registration(registration)
    if registration.state != RegistrationState.PENDING:
        raise RegistrationError(_("Seule une candidature à examiner peut être acceptée."))
    if availability.of_places(places, now=now).gives_a_place_at_once:
        places_row.set_state(
            places, registration, RegistrationState.CONFIRMED, actor=actor, note=_("candidature acceptée")
        )
    else:
        registration.queue_number = places_row.next_queue_number(places)
        places_row.set_state(
            places,
            registration,
            RegistrationState.WAITING,
            actor=actor,
            note=_("candidature acceptée, plus de place libre"),
            fields=["queue_number"],
        )
    queue_email("application_decision", registration.id)
    return registration


@transaction.atomic
def refuse(*, registration: Registration, actor=None, note: str = "") -> Registration:
    """Refuse an application still to be examined."""
    places, registration = locked_registration(registration)
    if registration.state != RegistrationState.PENDING:
        raise RegistrationError(_("Seule une candidature à examiner peut être refusée."))
    places_row.set_state(
        places, registration, RegistrationState.REFUSED, actor=actor, note=note or _("candidature refusée")
    )
    queue_email("application_decision", registration.id)
    return registration


@transaction.atomic
def record_commitment(*, registration: Registration, actor, received_on: dt.date | None = None) -> Registration:
    """Note that the written commitment (signed quote or agreement) has arrived; it takes or frees no place."""
    received = (
        timezone.now()
        if received_on is None
        else dt.datetime.combine(received_on, dt.time(12), tzinfo=timezone.get_current_timezone())
    )
    registration.commitment_received_at = received
    registration.save(update_fields=["commitment_received_at", "updated_at"])
    places_row.log(registration, registration.state, registration.state, actor=actor, note=_("engagement écrit reçu"))
    return registration
