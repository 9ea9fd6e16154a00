"""The shared tablet's own address: the slot it signs and who opened it, signed, with no session.

The tablet goes round the room: it should not carry the trainer's back office, and the room
signing at once should not read a session, a user and their memberships for each signature
(bench/attendance.py). The address opens the names still to sign for this slot and their
signing pads, nothing else, for KIOSK_HOURS; a counter-signed slot refuses signatures anyway.
"""

from dataclasses import dataclass

from django.core import signing

SALT = "rencontres.attendance.kiosk"
KIOSK_HOURS = 12


@dataclass(frozen=True)
class Kiosk:
    slot_id: int
    opened_by_id: int


def kiosk_token(slot, opened_by) -> str:
    """The tablet's address token for `slot`, opened by `opened_by` (a member of its organisation)."""
    return signing.dumps([slot.pk, opened_by.pk], salt=SALT)


def kiosk_of(token: str) -> Kiosk | None:
    """What the token opens, or None if it was forged, altered or is older than KIOSK_HOURS."""
    try:
        slot_id, opened_by_id = signing.loads(token, salt=SALT, max_age=KIOSK_HOURS * 3600)
        return Kiosk(int(slot_id), int(opened_by_id))
    except (signing.BadSignature, ValueError, TypeError):
        return None
