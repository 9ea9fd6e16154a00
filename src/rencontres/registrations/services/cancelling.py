"""Cancelling: one registration (its place goes to the waiting list), or the whole event at its decision date."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events import services as event_services
from rencontres.events.models import Event

from ..enums import LIVE_STATES, MinimumDecision, RegistrationState
from ..models import EventRegistrationSettings, Registration
from . import places as places_row
from .public_sessions import tell_public_seats_event_cancelled
from .queueing import queue_email
from .waiting_list import locked_registration, offer_free_places


def _set_cancelled(places, registration: Registration, *, actor, note: str) -> None:
    registration.offer_expires_at = None  # an offer cancelled with it lapses
    places_row.set_state(
        places, registration, RegistrationState.CANCELLED, actor=actor, note=note, fields=["offer_expires_at"]
    )


@transaction.atomic
def cancel(*, registration: Registration, actor=None, note: str = "", now: dt.datetime | None = None) -> Registration:
    """Cancel a live registration; a place it held goes to the first person waiting. Cancelling twice changes nothing."""
    now = now or timezone.now()
    places, registration = locked_registration(registration)
    if not registration.is_live:
        return registration
    held_place = registration.holds_place
    _set_cancelled(places, registration, actor=actor, note=note or _("annulation"))
    queue_email("registration_cancelled", registration.id)
    if held_place:
        offer_free_places(places, now=now, actor=actor)
    return registration


def registrations_to_tell(event: Event):
    return Registration.objects.filter(event=event, state__in=LIVE_STATES)


def _record_decision(event: Event, decision: str) -> None:
    reg_settings, _created = EventRegistrationSettings.objects.get_or_create(event=event)
    reg_settings.minimum_decision = decision
    reg_settings.save(update_fields=["minimum_decision"])


@transaction.atomic
def confirm_event_takes_place(*, event: Event, actor) -> None:
    """The organiser maintains the event at the decision date; everyone registered is told."""
    places_row.lock(event.id)
    _record_decision(event, MinimumDecision.CONFIRMED)
    for registration in registrations_to_tell(event):
        places_row.log(registration, registration.state, registration.state, actor=actor, note=_("événement maintenu"))
        queue_email("event_confirmed", registration.id)


@transaction.atomic
def cancel_event(*, event: Event, actor, reason: str = "") -> int:
    """Cancel the event (through the events app) and every live registration; everyone registered is told. Returns how many."""
    places = places_row.lock(event.id)
    event_services.cancel_event(event=places.event)
    _record_decision(event, MinimumDecision.CANCELLED)
    count = 0
    for registration in registrations_to_tell(event):
        _set_cancelled(places, registration, actor=actor, note=_("événement annulé"))
        queue_email("event_cancelled", registration.id, reason=reason)
        count += 1
    tell_public_seats_event_cancelled(event=event, reason=reason)
    return count
