"""Certificates of the demonstration: called by the demo's loader once seed 000 has its attendance."""

from rencontres.events.models import Event

from .models import Certificate
from .services import issue_for_event


def issue_seed_000_certificates(event: Event) -> list[Certificate]:
    """Cluny's seminar (seed 000), run and counter-signed: each participant's certificates, no email sent."""
    return issue_for_event(event=event, notify=False).issued
