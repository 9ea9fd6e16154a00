"""Sending one email from its subject/text/HTML triple of templates, in the site's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(prefix: str, to: list[str], context: dict) -> None:
    """Renders `<prefix>/subject.txt`, `body.txt` and `body.html` and sends them as one message."""
    context = {"site_title": settings.SITE_TITLE, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{prefix}/subject.txt", context).split())
        text = render_to_string(f"{prefix}/body.txt", context)
        html = render_to_string(f"{prefix}/body.html", context)
    message = EmailMultiAlternatives(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    message.send()
