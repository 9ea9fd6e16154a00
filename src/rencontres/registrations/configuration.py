"""Services for what the organiser sets up about registering to an event: rules, questions, invitations, messages."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events.models import Event

from . import tasks
from .enums import RegistrationState
from .exceptions import RegistrationError
from .models import EventRegistrationSettings, Invitation, Question, Registration
from .services.queueing import enqueue_with_the_change, queue_email


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


def invitations_can_leave(event: Event) -> bool:
    """An invitation links to the registration form on this site: a draft has none, an external link is elsewhere."""
    return event.is_published and not event.registration_url


def _queue_invitations(invitations) -> None:
    """Each email leaves after the commit; `sent_at` is written with the change, so it is never queued twice."""
    ids = [invitation.id for invitation in invitations]
    Invitation.objects.filter(id__in=ids).update(sent_at=timezone.now())
    for invitation_id in ids:
        enqueue_with_the_change(tasks.send_invitation, invitation_id)


@transaction.atomic
def add_invitations(*, event: Event, emails: list[str], send: bool = True) -> int:
    """Allow these addresses to register to an invitation-only event; returns how many are new.

    Each new address gets its invitation email with its personal link, once: an address
    already invited is left as it was (resend it with `resend_invitation`). Added to a draft,
    they wait for the publication (`send_pending_invitations`). `send=False` for the demo,
    whose people are not real.
    """
    emails = list(dict.fromkeys(emails))
    known = set(Invitation.objects.filter(event=event, email__in=emails).values_list("email", flat=True))
    new = [e for e in emails if e not in known]
    Invitation.objects.bulk_create([Invitation(event=event, email=e) for e in new])
    if send and new and invitations_can_leave(event):
        _queue_invitations(Invitation.objects.filter(event=event, email__in=new))
    return len(new)


@transaction.atomic
def send_pending_invitations(*, event: Event) -> int:
    """Send the invitations never sent (added while the event was a draft); returns how many leave."""
    if not invitations_can_leave(event):
        return 0
    pending = list(Invitation.objects.select_for_update().filter(event=event, sent_at__isnull=True))
    _queue_invitations(pending)
    return len(pending)


@transaction.atomic
def resend_invitation(*, invitation: Invitation) -> None:
    """Send one invitation again (lost, or gone to spam), with the same personal link."""
    if not invitations_can_leave(invitation.event):
        raise RegistrationError(
            _(
                "L'invitation ne peut pas être envoyée : l'événement doit être publié, "
                "avec les inscriptions sur ce site (sans lien d'inscription externe)."
            )
        )
    _queue_invitations([invitation])


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
