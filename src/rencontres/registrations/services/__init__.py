"""The only code that changes registrations, one module per feature.

Every change that can take or free a place runs under `places.lock`, a row lock on the
event's places row, so concurrent requests on one event serialise there (STYLE.md: lock,
count, write, journal; emails after the commit). Places are counted by `availability`.
"""

from .anonymising import anonymise, anonymous_email
from .cancelling import cancel, cancel_event, confirm_event_takes_place, registrations_to_tell
from .capacity import copy_capacity, set_capacity
from .data_access import record_data_access
from .decisions import accept, record_commitment, refuse
from .history import record_past_cancellation, record_past_registration
from .places import settings_of
from .public_sessions import (
    Visitor,
    anonymise_public_seats,
    give_up_public_seat,
    record_past_public_seats,
    take_public_seat,
    tell_public_seats_session_removed,
)
from .queueing import enqueue_with_the_change, queue_email
from .registering import (
    Applicant,
    Payer,
    claim_acknowledgement,
    mark_acknowledged,
    normalize_email,
    register,
    registration_problems,
)
from .schedule import notify_schedule_change
from .training_profile import set_training_profile
from .waiting_list import confirm_offer, expire_offers, fill_free_places, promote

__all__ = [
    "Applicant",
    "Payer",
    "Visitor",
    "accept",
    "anonymise",
    "anonymise_public_seats",
    "anonymous_email",
    "cancel",
    "cancel_event",
    "claim_acknowledgement",
    "mark_acknowledged",
    "confirm_event_takes_place",
    "confirm_offer",
    "copy_capacity",
    "enqueue_with_the_change",
    "expire_offers",
    "fill_free_places",
    "give_up_public_seat",
    "normalize_email",
    "notify_schedule_change",
    "promote",
    "queue_email",
    "record_commitment",
    "record_data_access",
    "record_past_cancellation",
    "record_past_public_seats",
    "record_past_registration",
    "refuse",
    "register",
    "registration_problems",
    "registrations_to_tell",
    "set_capacity",
    "set_training_profile",
    "settings_of",
    "take_public_seat",
    "tell_public_seats_session_removed",
]
