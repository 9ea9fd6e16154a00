"""The organiser sets how many people may come: a raised maximum fills the freed places at once."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events.models import Event

from ..exceptions import RegistrationError
from ..models import EventPlaces, Registration
from . import places as places_row
from .waiting_list import offer_free_places


@transaction.atomic
def set_capacity(
    *,
    event: Event,
    capacity_max: int | None,
    capacity_min: int | None = None,
    actor=None,
    now: dt.datetime | None = None,
) -> list[Registration]:
    """Set the event's maximum and minimum number of participants; places freed by a raise go to the waiting list at once.

    A lowered maximum takes no place back from anyone: nobody more gets one until people
    holding places leave. Returns the registrations offered a place.
    """
    if capacity_max is not None and capacity_max < 1:
        raise RegistrationError(
            _("Le maximum de places est d'au moins 1, ou vide pour sans limite."), field="capacity_max"
        )
    if capacity_min is not None and capacity_max is not None and capacity_min > capacity_max:
        raise RegistrationError(_("Le minimum ne peut pas dépasser le maximum de places."), field="capacity_min")
    places = places_row.lock(event.id)
    if (places.capacity_max, places.capacity_min) != (capacity_max, capacity_min):
        places.capacity_max, places.capacity_min = capacity_max, capacity_min
        places.save(update_fields=["capacity_max", "capacity_min"])
    return offer_free_places(places, now=now or timezone.now(), actor=actor)


@transaction.atomic
def copy_capacity(*, from_event: Event, to_event: Event) -> EventPlaces:
    """Give a new event (a duplicate) the capacity of another; its counts start from its own registrations."""
    source = EventPlaces.objects.filter(event=from_event).first()
    places = places_row.lock(to_event.id)
    if source is not None:
        places.capacity_max, places.capacity_min = source.capacity_max, source.capacity_min
        places.save(update_fields=["capacity_max", "capacity_min"])
    return places
