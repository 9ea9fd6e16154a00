"""The places row of an event: the lock every change of places waits on, and counts kept in step.

Every change that can take or free a place locks the event's `EventPlaces` row first
(`lock`), so concurrent requests on one event serialise there; each change of state then
moves one count of that row (`set_state`), saved in the same transaction with
`update_fields`, so the row always equals the registrations counted by state.
"""

from django.db import connection
from django.db.models import Count, Max, Q
from django.db.transaction import TransactionManagementError

from ..models import COUNT_FIELDS, EventPlaces, EventRegistrationSettings, Registration, RegistrationLogEntry


def counted_from_registrations(event_id: int) -> dict[str, int]:
    """The counts of a places row recomputed from the event's registrations (one query)."""
    counts = Registration.objects.filter(event_id=event_id).aggregate(
        last_queue_number=Max("queue_number"),
        **{name: Count("id", filter=Q(state=state)) for state, name in COUNT_FIELDS.items()},
    )
    counts["last_queue_number"] = counts["last_queue_number"] or 0
    return counts


def lock(event_id: int) -> EventPlaces:
    """Lock the event's places row (created on demand) and read it, and the event, afresh under the lock.

    Held until the end of the caller's transaction.atomic() block. The tests swap it for a
    plain read to show the lock is what keeps places exact.
    """
    if not connection.in_atomic_block:
        raise TransactionManagementError("places.lock() holds its lock until the end of a transaction.atomic() block.")
    locked = EventPlaces.objects.select_for_update(of=("self",)).select_related("event")
    try:
        return locked.get(event_id=event_id)
    except EventPlaces.DoesNotExist:
        EventPlaces.objects.get_or_create(event_id=event_id, defaults=counted_from_registrations(event_id))
        return locked.get(event_id=event_id)


def settings_of(event) -> EventRegistrationSettings:
    """The event's registration settings, or the defaults (unsaved) when it has none."""
    try:
        return event.registration_settings
    except EventRegistrationSettings.DoesNotExist:
        return EventRegistrationSettings(event=event)


def log(registration: Registration, from_state: str, to_state: str, *, actor=None, note: str = "") -> None:
    """Write one line of the journal: who changed what, from which state to which."""
    RegistrationLogEntry.objects.create(
        registration=registration,
        actor=actor if actor is not None and actor.is_authenticated else None,
        from_state=from_state,
        to_state=to_state,
        note=note[:250],
    )


def set_state(
    places: EventPlaces, registration: Registration, to_state: str, *, actor=None, note: str = "", fields=()
) -> None:
    """Change a registration's state, journal it and move the count of the (locked) places row with it."""
    from_state = registration.state
    registration.state = to_state
    registration.save(update_fields=["state", "updated_at", *fields])
    log(registration, from_state, to_state, actor=actor, note=note)
    places.save(update_fields=places.count_change(from_state, to_state))


def next_queue_number(places: EventPlaces) -> int:
    """Take the next number on the waiting list (saved with the count by `set_state`'s caller)."""
    places.last_queue_number += 1
    places.save(update_fields=["last_queue_number"])
    return places.last_queue_number
