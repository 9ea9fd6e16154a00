"""A registered person's own links, sent in their emails and shown in their space: no account needed.

The token names the registration and nothing else; it is signed with the site's key, so it
cannot be forged, and it stays valid as long as the registration does (the attendance and
webinar views check the registration's state each time).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core import signing
from django.urls import reverse

from rencontres.events.models import Session

from .models import Registration

PERSONAL_LINK_SALT = "attendance.personal-link"
# Another salt: the link that gives up a place is not the one shown on a phone in the room.
CANCEL_LINK_SALT = "registrations.cancel-link"
# And another: an invitation names an event and an address, not a registration (there is none yet).
INVITATION_LINK_SALT = "registrations.invitation-link"
# And another: a seat in a session open to the public is not a registration.
SEAT_CANCEL_LINK_SALT = "registrations.public-seat-cancel-link"


def personal_token(registration: Registration) -> str:
    return signing.dumps(registration.id, salt=PERSONAL_LINK_SALT)


def registration_id_from_token(token: str, *, salt: str = PERSONAL_LINK_SALT) -> int | None:
    try:
        return int(signing.loads(token, salt=salt))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def cancel_path(registration: Registration) -> str:
    """In the person's emails: « je ne peux plus venir », a page that asks them to confirm."""
    return reverse("site:cancel_by_link", args=[signing.dumps(registration.id, salt=CANCEL_LINK_SALT)])


def registration_id_from_cancel_token(token: str) -> int | None:
    return registration_id_from_token(token, salt=CANCEL_LINK_SALT)


def seat_cancel_path(seat) -> str:
    """In the acknowledgement of a seat in a public session: « je ne peux plus venir », a page that asks first."""
    return reverse("site:public_seat_cancel", args=[signing.dumps(seat.id, salt=SEAT_CANCEL_LINK_SALT)])


def seat_id_from_cancel_token(token: str) -> int | None:
    return registration_id_from_token(token, salt=SEAT_CANCEL_LINK_SALT)


def invitation_path(invitation) -> str:
    """In the invitation email: the event's registration form, with the invited address filled in."""
    token = signing.dumps({"event": invitation.event_id, "email": invitation.email}, salt=INVITATION_LINK_SALT)
    return reverse("site:register", args=[invitation.event.slug]) + "?" + urlencode({"invitation": token})


def invited_email_from_token(token: str, *, event_id: int) -> str | None:
    """The address an invitation link was sent to, if it is ours and for this event; None otherwise.

    Whether that address is still invited is the registration's own check (`register`).
    """
    try:
        data = signing.loads(token, salt=INVITATION_LINK_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("event") != event_id or not isinstance(data.get("email"), str):
        return None
    return data["email"]


def attendance_path(registration: Registration) -> str:
    """Opened on the person's phone, it lets them sign the attendance sheet when the QR code is shown."""
    return reverse("site:attendance_me", args=[personal_token(registration)])


@dataclass(frozen=True)
class OnlineLink:
    """A webinar session and the person's own way in: a redirect that records when they joined."""

    session: Session
    path: str


def online_links(registration: Registration, sessions: list[Session]) -> list[OnlineLink]:
    token = personal_token(registration)
    return [OnlineLink(session, reverse("site:online_join", args=[token, session.id])) for session in sessions]
