"""The survey emails: the invitation to answer and its one reminder (subject/text/HTML templates)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from rencontres.registrations.models import Registration

from . import links
from .models import Survey


def answer_url(survey: Survey, registration: Registration) -> str:
    path = reverse("site:survey_answer", args=[links.answer_token(survey, registration)])
    return settings.SITE_URL.rstrip("/") + path


def _send(template: str, survey: Survey, registration: Registration) -> None:
    context = {
        "survey": survey,
        "event": survey.event,
        "registration": registration,
        "url": answer_url(survey, registration),
        "site_title": settings.SITE_TITLE,
    }
    with translation.override(settings.LANGUAGE_CODE):
        prefix = f"surveys/emails/{template}"
        subject = " ".join(render_to_string(f"{prefix}/subject.txt", context).split())
        text = render_to_string(f"{prefix}/body.txt", context)
        html = render_to_string(f"{prefix}/body.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=[registration.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()


def invitation(survey: Survey, registration: Registration) -> None:
    """To a confirmed participant: the personal link to answer the survey."""
    _send("invitation", survey, registration)


def reminder(survey: Survey, registration: Registration) -> None:
    """To a confirmed participant who has not answered yet, once."""
    _send("reminder", survey, registration)
