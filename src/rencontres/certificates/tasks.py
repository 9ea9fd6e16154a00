"""Background work of certificates, through the Django Tasks API."""

from django_tasks import task


@task()
def send_certificates(certificate_ids: list[int]) -> None:
    """Email a person's new certificates (PDFs attached) to them and to their payer's contact."""
    from . import emails, services

    services.mark_emailed(emails.certificates_issued(certificate_ids))
