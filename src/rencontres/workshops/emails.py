"""The workshop's email: a participant's personal link (a subject/text/HTML triple of templates)."""

from rencontres.core.emails import send_templated_email
from rencontres.registrations.models import Registration

from .models import Workshop


def personal_link(workshop: Workshop, registration: Registration, url: str) -> None:
    """To a confirmed participant: the personal link that lets them contribute and vote from their phone."""
    context = {"workshop": workshop, "registration": registration, "event": workshop.event, "url": url}
    send_templated_email(
        "workshops/emails/personal_link",
        to=[registration.email],
        context=context,
        reply_to=workshop.event.reply_to_address,
    )
