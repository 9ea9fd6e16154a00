"""Personal signed links to a workshop: they identify a registered person without an account."""

from django.core import signing

from rencontres.core import qr as core_qr
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .models import Workshop

SALT = "workshops.participant"


def participant_token(workshop: Workshop, registration: Registration) -> str:
    return signing.dumps({"w": workshop.id, "r": registration.id}, salt=SALT, compress=True)


def participant_from_token(token: str) -> tuple[Workshop, Registration] | None:
    """The workshop and the confirmed registration the link was made for, or None if forged or no longer valid."""
    try:
        data = signing.loads(token, salt=SALT)
        workshop_id, registration_id = int(data["w"]), int(data["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    workshop = Workshop.objects.select_related("session", "event").filter(id=workshop_id).first()
    registration = Registration.objects.filter(
        id=registration_id, state=RegistrationState.CONFIRMED, event_id=workshop.event_id if workshop else None
    ).first()
    if workshop is None or registration is None:
        return None
    return workshop, registration


def qr_svg(url: str) -> str:
    """An SVG QR code for a link, to project in the room or print."""
    return core_qr.qr_svg(url)
