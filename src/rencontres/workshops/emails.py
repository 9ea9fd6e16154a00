"""The workshop's email: a participant's personal link (a subject/text/HTML triple of templates)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from rencontres.registrations.models import Registration

from .models import Workshop


def personal_link(workshop: Workshop, registration: Registration, url: str) -> None:
    """To a confirmed participant: the personal link that lets them contribute and vote from their phone."""
    context = {
        "workshop": workshop,
        "registration": registration,
        "event": workshop.event,
        "url": url,
        "site_title": settings.SITE_TITLE,
    }
    with translation.override(settings.LANGUAGE_CODE):
        prefix = "workshops/emails/personal_link"
        subject = " ".join(render_to_string(f"{prefix}/subject.txt", context).split())
        text = render_to_string(f"{prefix}/body.txt", context)
        html = render_to_string(f"{prefix}/body.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=[registration.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
