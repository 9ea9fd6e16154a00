"""Recording what happened before: registrations to an event that is over, taken elsewhere or on paper.

`register` serves people registering now, through the site's window (opening, closing,
external form) and with its emails. An organiser who keeps the record of an event already
run (the demo's five seeds, an export of the external form, a paper list) records each
registration here instead: the same payer, invitation and place rules under the same lock,
in the order of arrival, with the date it was taken; nobody is emailed about the past.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rencontres.events.enums import EventStatus
from rencontres.events.models import Event

from .. import availability
from ..enums import RegistrationState
from ..exceptions import RegistrationError
from ..models import Invitation, Registration
from . import places as places_row
from .registering import (
    Applicant,
    Payer,
    _check_applicant_and_payer,
    _live_registration,
    _new_registration,
    checked_application_files,
    normalize_email,
    store_application_files,
)
from .waiting_list import locked_registration


def _check_event_is_over(event: Event, now: dt.datetime) -> None:
    if event.status != EventStatus.PUBLISHED:
        raise RegistrationError(_("Seules les inscriptions d'un événement publié peuvent être enregistrées."))
    if event.ends_on is None or event.ends_on >= timezone.localdate(now):
        raise RegistrationError(
            _("Cet événement n'est pas encore terminé : les inscriptions passent par le formulaire d'inscription.")
        )


def _check_moment(event: Event, moment: dt.datetime, now: dt.datetime, *, field: str) -> None:
    """A past moment, at the latest on the event's last day."""
    if timezone.is_naive(moment):
        raise RegistrationError(_("Indiquez la date et l'heure avec leur fuseau horaire."), field=field)
    if moment > now or timezone.localdate(moment) > event.ends_on:
        raise RegistrationError(
            _("La date doit précéder la fin de l'événement (%(day)s).") % {"day": date_format(event.ends_on)},
            field=field,
        )


@transaction.atomic
def record_past_registration(
    *,
    event: Event,
    applicant: Applicant,
    payer: Payer | None = None,
    registered_at: dt.datetime,
    application_files=(),
    actor=None,
    now: dt.datetime | None = None,
) -> Registration:
    """Record a registration of an event that is over, taken at `registered_at`: a place if one was free, else the waiting list.

    Call it in the order people registered: as with `register`, the order of the ids is the
    order of arrival. Idempotent per address (the live registration is returned, with
    `just_created = False`). Applications are not re-examined: what is recorded got its answer.
    No email and no task: the people were told at the time. `application_files`, (label,
    file) pairs, are the pieces the person sent, type-checked as at registration.
    """
    now = now or timezone.now()
    payer = payer or Payer()
    files = checked_application_files(application_files)
    email = normalize_email(applicant.email)
    _check_applicant_and_payer(event, applicant, payer)
    places = places_row.lock(event.id)
    event = places.event
    _check_event_is_over(event, now)
    _check_moment(event, registered_at, now, field="registered_at")
    if event.is_invitation_only and not Invitation.objects.filter(event=event, email__iexact=email).exists():
        raise RegistrationError(
            _("Cet événement était sur invitation : l'adresse %(email)s n'a pas été invitée.") % {"email": email},
            field="email",
        )
    if (existing := _live_registration(event, email)) is not None:
        return existing
    registration = _new_registration(event, email, applicant, payer)
    if availability.of_places(places, now=now).gives_a_place_at_once:
        registration.state = RegistrationState.CONFIRMED
        changed = places.count_change("", registration.state)
    else:
        registration.state = RegistrationState.WAITING
        registration.queue_number = places.last_queue_number = places.last_queue_number + 1
        changed = [*places.count_change("", registration.state), "last_queue_number"]
    registration.save(force_insert=True)
    # `created_at` is set on insert (auto_now_add); the registration dates from when it was taken.
    Registration.objects.filter(id=registration.id).update(created_at=registered_at)
    registration.created_at = registered_at
    places.save(update_fields=changed)
    store_application_files(registration, files)
    places_row.log(
        registration,
        "",
        registration.state,
        actor=actor,
        note=_("inscription du %(day)s, enregistrée après l'événement")
        % {"day": date_format(timezone.localdate(registered_at))},
    )
    registration.just_created = True
    return registration


@transaction.atomic
def record_past_cancellation(
    *, registration: Registration, cancelled_at: dt.datetime, actor=None, now: dt.datetime | None = None
) -> Registration:
    """Record that a person cancelled, at `cancelled_at`, a registration of an event that is over; twice changes nothing.

    The waiting list does not move: what the freed place became is recorded by the
    registrations that follow. No email: the person was answered at the time.
    """
    now = now or timezone.now()
    places, registration = locked_registration(registration)
    _check_event_is_over(places.event, now)
    if not registration.is_live:
        return registration
    _check_moment(places.event, cancelled_at, now, field="cancelled_at")
    if cancelled_at < registration.created_at:
        raise RegistrationError(_("Une annulation ne peut pas précéder l'inscription."), field="cancelled_at")
    registration.offer_expires_at = None
    places_row.set_state(
        places,
        registration,
        RegistrationState.CANCELLED,
        actor=actor,
        note=_("annulation du %(day)s, enregistrée après l'événement")
        % {"day": date_format(timezone.localdate(cancelled_at))},
        fields=["offer_expires_at"],
    )
    return registration
