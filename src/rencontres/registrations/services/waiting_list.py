"""The waiting list: free places offered in queue order, offers confirmed or lapsing."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events.enums import EventStatus
from rencontres.events.models import Event

from .. import availability
from ..enums import RegistrationState
from ..exceptions import RegistrationError
from ..models import EventPlaces, Registration
from . import places as places_row
from .queueing import queue_email


def offer_free_places(places: EventPlaces, *, now: dt.datetime, actor=None) -> list[Registration]:
    """Offer each free place to the first person waiting; call only while holding the places lock."""
    current = availability.of_places(places, now=now)
    if not current.has_free_place or current.waiting == 0:
        return []
    waiting = Registration.objects.filter(event_id=places.event_id, state=RegistrationState.WAITING).order_by(
        "queue_number", "id"
    )
    offered = list(waiting if current.places_left is None else waiting[: current.places_left])
    expires_at = now + dt.timedelta(hours=places_row.settings_of(places.event).offer_hours)
    for registration in offered:
        registration.offer_expires_at = expires_at
        places_row.set_state(
            places,
            registration,
            RegistrationState.OFFERED,
            actor=actor,
            note=_("place libérée proposée"),
            fields=["offer_expires_at"],
        )
        queue_email("place_offered", registration.id)
    return offered


@transaction.atomic
def fill_free_places(*, event: Event, actor=None, now: dt.datetime | None = None) -> list[Registration]:
    """Offer every free place (after a cancellation or a raised capacity) to the waiting list, in its order."""
    places = places_row.lock(event.id)
    return offer_free_places(places, now=now or timezone.now(), actor=actor)


def locked_registration(registration: Registration) -> tuple[EventPlaces, Registration]:
    """Lock the event's places, then read the registration afresh: its state may have changed meanwhile."""
    places = places_row.lock(registration.event_id)
    return places, Registration.objects.get(pk=registration.pk)


@transaction.atomic
def promote(*, registration: Registration, actor=None, now: dt.datetime | None = None) -> Registration:
    """Offer a free place to one chosen person on the waiting list (the organiser's choice, journaled)."""
    now = now or timezone.now()
    places, registration = locked_registration(registration)
    if registration.state != RegistrationState.WAITING:
        raise RegistrationError(_("Seule une personne sur liste d'attente peut recevoir une place."))
    if not availability.of_places(places, now=now).has_free_place:
        raise RegistrationError(
            _("Aucune place n'est libre : augmentez le nombre de places ou attendez un désistement.")
        )
    registration.offer_expires_at = now + dt.timedelta(hours=places_row.settings_of(places.event).offer_hours)
    places_row.set_state(
        places,
        registration,
        RegistrationState.OFFERED,
        actor=actor,
        note=_("place proposée par l'organisateur"),
        fields=["offer_expires_at"],
    )
    queue_email("place_offered", registration.id)
    return registration


@transaction.atomic
def confirm_offer(*, registration: Registration, now: dt.datetime | None = None) -> Registration:
    """The person takes the place offered to them, before the deadline."""
    now = now or timezone.now()
    places, registration = locked_registration(registration)
    if registration.state == RegistrationState.CONFIRMED:
        return registration
    if registration.state != RegistrationState.OFFERED:
        raise RegistrationError(_("Aucune place ne vous est proposée pour cet événement."))
    if registration.offer_expires_at and now >= registration.offer_expires_at:
        raise RegistrationError(
            _("Le délai pour confirmer cette place est dépassé ; elle a été proposée à la personne suivante.")
        )
    registration.offer_expires_at = None
    places_row.set_state(
        places,
        registration,
        RegistrationState.CONFIRMED,
        note=_("place confirmée par la personne"),
        fields=["offer_expires_at"],
    )
    queue_email("acknowledgement", registration.id)
    return registration


def expire_offers(*, now: dt.datetime | None = None) -> int:
    """Offers not confirmed by their deadline lapse, and the place goes to the next person waiting."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(state=RegistrationState.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    # A raised capacity also frees places: fill those of every event with a waiting list.
    waiting = Registration.objects.filter(state=RegistrationState.WAITING).exclude(
        event__ends_on__lt=timezone.localdate(now)
    )
    event_ids |= set(waiting.values_list("event_id", flat=True))
    expired = 0
    for event_id in sorted(event_ids):
        with transaction.atomic():
            places = places_row.lock(event_id)
            lapsed = Registration.objects.filter(
                event_id=event_id, state=RegistrationState.OFFERED, offer_expires_at__lte=now
            )
            for registration in lapsed:
                places_row.set_state(
                    places, registration, RegistrationState.EXPIRED, note=_("délai de confirmation dépassé")
                )
                queue_email("offer_expired", registration.id)
                expired += 1
            if places.event.status == EventStatus.PUBLISHED:
                offer_free_places(places, now=now)
    return expired
