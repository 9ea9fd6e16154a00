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


def personal_token(registration: Registration) -> str:
    return signing.dumps(registration.id, salt=PERSONAL_LINK_SALT)


def registration_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=PERSONAL_LINK_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


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
