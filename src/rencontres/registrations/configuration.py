"""Services for what the organiser sets up about registering to an event: rules, questions, invitations, messages."""

from django.db import transaction

from rencontres.events.models import Event

from .enums import RegistrationState
from .models import EventRegistrationSettings, Invitation, Question, Registration
from .services.queueing import queue_email


@transaction.atomic
def save_settings(*, event: Event, **fields) -> EventRegistrationSettings:
    """Create or change the event's registration settings (application, offer delay, decision date)."""
    reg_settings, _created = EventRegistrationSettings.objects.get_or_create(event=event)
    for name, value in fields.items():
        setattr(reg_settings, name, value)
    reg_settings.full_clean()
    reg_settings.save(update_fields=list(fields))
    return reg_settings


@transaction.atomic
def add_question(*, event: Event, label: str, kind: str, choices: str = "", is_required: bool = False) -> Question:
    order = event.registration_questions.count()
    return Question.objects.create(
        event=event, label=label, kind=kind, choices=choices, is_required=is_required, order=order
    )


@transaction.atomic
def delete_question(*, question: Question) -> None:
    """Remove a question; answers already given go with it."""
    question.delete()


@transaction.atomic
def add_invitations(*, event: Event, emails: list[str]) -> int:
    """Allow these addresses to register to an invitation-only event; returns how many are new."""
    known = set(Invitation.objects.filter(event=event, email__in=emails).values_list("email", flat=True))
    new = [Invitation(event=event, email=e) for e in emails if e not in known]
    Invitation.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def delete_invitation(*, invitation: Invitation) -> None:
    invitation.delete()


@transaction.atomic
def write_to_registered(*, event: Event, subject: str, body: str, states=(RegistrationState.CONFIRMED,)) -> int:
    """Send the organiser's message to every registration in these states, one email each; returns how many."""
    ids = list(Registration.objects.filter(event=event, state__in=states).values_list("id", flat=True))
    for registration_id in ids:
        queue_email("organiser_message", registration_id, subject=subject, body=body)
    return len(ids)
