"""Background work of attendance, through the Django Tasks API."""

from django_tasks import task


@task()
def send_absence_email(attendance_id: int) -> None:
    """Tell a person recorded absent (without excuse) at a counter-signed half-day."""
    from . import emails

    emails.absence(attendance_id)
