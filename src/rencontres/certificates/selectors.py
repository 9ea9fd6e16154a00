"""Reads of certificates: an event's, a person's, and the one a verification code names."""

from rencontres.events.models import Event
from rencontres.registrations.models import Registration

from .models import Certificate
from .services import normalize_code


def of_event(event: Event) -> list[Certificate]:
    """Every version of every certificate of the event, by person, current and replaced."""
    return list(Certificate.objects.filter(event=event).select_related("registration"))


def of_registration(registration: Registration) -> list[Certificate]:
    return list(Certificate.objects.filter(registration=registration).order_by("kind", "version"))


def current_of_registrations(registration_ids: list[int]) -> dict[int, list[Certificate]]:
    """The certificates in force of these registrations (for « Mon espace »), by registration."""
    found: dict[int, list[Certificate]] = {}
    for certificate in Certificate.objects.filter(
        registration_id__in=registration_ids, replaced_at__isnull=True
    ).order_by("kind"):
        found.setdefault(certificate.registration_id, []).append(certificate)
    return found


def by_code(text: str) -> Certificate | None:
    """The certificate whose code this is (typed in any case, with or without dashes), or None."""
    code = normalize_code(text)
    if not code:
        return None
    return Certificate.objects.select_related("replaced_by").filter(code=code).first()
