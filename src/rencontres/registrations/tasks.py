"""Background work, through the Django Tasks API (run at once by the default ImmediateBackend)."""

from django_tasks import task


@task()
def send_registration_email(email_name: str, registration_id: int, params: dict) -> None:
    """Send one of the emails of `emails.REGISTRATION_EMAILS` about one registration."""
    from . import emails

    emails.send_registration_email(email_name, registration_id, **params)


@task()
def acknowledge_registration(event_id: int, email: str) -> None:
    """Send the acknowledgement of this person's live registration to the event, once.

    Queued by `services.register` before it takes the event lock, by address since the
    registration has no id yet; a repeated submission queues another one that finds the
    acknowledgement already claimed or sent and sends nothing. Claimed for a lease, marked
    sent after the mail server took it (see `services.claim_acknowledgement`).
    """
    from . import emails, services

    registration_id = services.claim_acknowledgement(event_id=event_id, email=email)
    if registration_id is not None:
        emails.send_registration_email("acknowledgement", registration_id)
        services.mark_acknowledged(registration_id=registration_id)


@task()
def send_invitation(invitation_id: int) -> None:
    """Send an invited address its invitation email with its personal link."""
    from . import emails

    emails.send_invitation(invitation_id)


@task()
def send_payer_schedule_change(event_id: int, email: str, registration_ids: list[int], changes: list[dict]) -> None:
    """Tell a payer's contact that the schedule of the event they pay for changed."""
    from . import emails

    emails.payer_schedule_changed(event_id, email, registration_ids, changes)


@task()
def send_minimum_report(event_id: int) -> None:
    from . import emails

    emails.send_minimum_report(event_id)


@task()
def send_public_seat_email(email_name: str, seat_id: int, params: dict) -> None:
    """Send one of the emails of `public_session_emails` about a seat in a session open to the public."""
    from . import public_session_emails

    public_session_emails.send_seat_email(email_name, seat_id, **params)


@task()
def send_public_seat_removed(removed: dict) -> None:
    """Tell a seat holder that their session was taken out of the programme (the seat is gone with it)."""
    from . import public_session_emails

    public_session_emails.public_seat_session_removed(removed)
