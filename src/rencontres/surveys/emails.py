"""The survey emails: the invitation to answer and its one reminder (subject/text/HTML templates)."""

from django.conf import settings
from django.urls import reverse

from rencontres.core.emails import send_templated_email
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
    }
    send_templated_email(
        f"surveys/emails/{template}", to=[registration.email], context=context, reply_to=survey.event.reply_to_address
    )


def invitation(survey: Survey, registration: Registration) -> None:
    """To a confirmed participant: the personal link to answer the survey."""
    _send("invitation", survey, registration)


def reminder(survey: Survey, registration: Registration) -> None:
    """To a confirmed participant who has not answered yet, once."""
    _send("reminder", survey, registration)
