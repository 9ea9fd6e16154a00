"""Sending one of our emails: a subject/text/HTML triple of templates, in the site's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    """An address people can open from their mailbox (RENCONTRES_SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + path


def send_templated_email(
    template_prefix: str, *, to: list[str], context: dict, reply_to: str = "", attachments=()
) -> None:
    """Render `<prefix>/subject.txt`, `body.txt` and `body.html` and send them as one message.

    `attachments`: (filename, bytes, MIME type) triples, such as the PDF of a certificate.
    """
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_title": settings.SITE_TITLE, **context}
        subject = " ".join(render_to_string(f"{template_prefix}/subject.txt", context).split())
        text = render_to_string(f"{template_prefix}/body.txt", context)
        html = render_to_string(f"{template_prefix}/body.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        to=to,
        reply_to=[reply_to] if reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
