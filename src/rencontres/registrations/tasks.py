"""Background work, through the Django Tasks API (run at once by the default ImmediateBackend)."""

from django_tasks import task


@task()
def send_registration_email(email_name: str, registration_id: int, params: dict) -> None:
    """Send one of the emails of `emails.REGISTRATION_EMAILS` about one registration."""
    from . import emails

    emails.send_registration_email(email_name, registration_id, **params)


@task()
def send_minimum_report(event_id: int) -> None:
    from . import emails

    emails.send_minimum_report(event_id)
