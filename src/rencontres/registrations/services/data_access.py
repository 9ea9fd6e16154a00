"""The journal of personal data read in the back-office (RGPD art. 5.2 and 32: who read what, when)."""

from ..models import DataAccessLogEntry


def record_data_access(*, actor, kind: str, event=None, registration=None, organization=None, detail: str = "") -> None:
    """One line of the access journal: this member exported or opened people's data of this event or registration."""
    if registration is not None and event is None:
        event = registration.event
    if organization is None:
        organization = event.organization
    DataAccessLogEntry.objects.create(
        organization=organization,
        actor=actor if actor.is_authenticated else None,
        actor_email=actor.email if actor.is_authenticated else "",
        kind=kind,
        event=event,
        registration=registration,
        detail=detail[:250],
    )
