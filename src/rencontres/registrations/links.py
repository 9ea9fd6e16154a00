"""A registered person's own links, sent in their emails and shown in their space: no account needed.

The token names the registration and nothing else; it is signed with the site's key, so it
cannot be forged, and it stays valid as long as the registration does (the attendance and
webinar views check the registration's state each time).
"""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from rencontres.events.models import Session

from .models import Registration

PERSONAL_LINK_SALT = "attendance.personal-link"
# Another salt: the link that gives up a place is not the one shown on a phone in the room.
CANCEL_LINK_SALT = "registrations.cancel-link"


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
