"""A person's data across the apps: their download, their erasure, and the retention job.

Each domain app removes the personal data of its own tables through its own service
(registrations, attendance, surveys, workshops, accounts); this app, the one layer above
them all, decides only what to call and in which transaction, so that a registration is
anonymised everywhere or nowhere.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.accounts import services as account_services
from rencontres.attendance import selectors as attendance_selectors
from rencontres.attendance import services as attendance_services
from rencontres.events import selectors as event_selectors
from rencontres.experiences import selectors as experience_selectors
from rencontres.experiences import services as experience_services
from rencontres.organizations import access
from rencontres.registrations import selectors as registration_selectors
from rencontres.registrations import services as registration_services
from rencontres.surveys import selectors as survey_selectors
from rencontres.surveys import services as survey_services
from rencontres.theses import selectors as thesis_selectors
from rencontres.theses import services as thesis_services
from rencontres.workshops import selectors as workshop_selectors
from rencontres.workshops import services as workshop_services

from .exceptions import PrivacyError


def _stamp(moment) -> str | None:
    return moment.isoformat() if moment else None


def person_data(*, user) -> dict:
    """Everything the platform holds about the signed-in person, as JSON values (RGPD art. 15 and 20)."""
    registrations = list(registration_selectors.registrations_for_download(user.email))
    ids = [registration.id for registration in registrations]
    presences = attendance_selectors.personal_data(ids)
    joins = attendance_selectors.online_joins(ids)
    answers = survey_selectors.personal_data(ids)
    contributions = workshop_selectors.personal_data(ids)
    theses = thesis_selectors.personal_data(ids)
    return {
        "genere_le": timezone.now().isoformat(),
        "compte": {
            "adresse_electronique": user.email,
            "cree_le": _stamp(user.date_joined),
            "derniere_connexion": _stamp(user.last_login),
        },
        "inscriptions": [
            {
                **registration_selectors.personal_data(registration),
                "emargement": presences.get(registration.id, []),
                "connexions_en_ligne": joins.get(registration.id, []),
                "questionnaires": answers.get(registration.id, []),
                "contributions_aux_ateliers": contributions.get(registration.id, []),
                **theses.get(registration.id, {}),
            }
            for registration in registrations
        ],
        "places_aux_seances_ouvertes_au_public": registration_selectors.public_seats_personal_data(user.email),
        "presences_sans_inscription": attendance_selectors.walk_ins_of_address(user.email),
        "fiches_experience_proposees": experience_selectors.proposed_by(user),
    }


def anonymise_registration(*, registration_id: int, reason: str, now: dt.datetime | None = None) -> bool:
    """Anonymise one registration in every app, in one transaction; False if it already was (claimed once)."""
    with transaction.atomic():
        registration = registration_services.anonymise(registration_id=registration_id, reason=reason, now=now)
        if registration is None:
            return False
        attendance_services.anonymise_signatures(registration=registration)
        survey_services.anonymise_answers(registration=registration)
        workshop_services.anonymise_contributions(registration=registration)
        thesis_services.anonymise(registration=registration)
    return True


def erase_person(*, user, now: dt.datetime | None = None) -> int:
    """Erase the signed-in person (RGPD art. 17): live registrations to events not yet over are cancelled
    (their places go to the waiting list), then every registration is anonymised, and the account closed.

    Returns how many registrations were anonymised. Refused for a member of an organisation,
    whose account the organisation's work depends on.
    """
    if access.is_organiser(user):
        raise PrivacyError(
            _(
                "Cette adresse est aussi celle d'un membre d'un organisme : demandez d'abord à un "
                "administrateur de l'organisme de vous en retirer, ou écrivez au délégué à la protection des données."
            )
        )
    now = now or timezone.now()
    today = timezone.localdate(now)
    reason = _("données personnelles effacées à la demande de la personne")
    count = 0
    with transaction.atomic():
        for registration in registration_selectors.registrations_of_person(user.email):
            event = registration.event
            if registration.is_live and (event.ends_on is None or event.ends_on >= today):
                registration_services.cancel(
                    registration=registration, actor=user, note=_("annulée : la personne efface ses données"), now=now
                )
            count += anonymise_registration(registration_id=registration.id, reason=reason, now=now)
        attendance_services.anonymise_walk_ins(email=user.email, now=now)
        registration_services.anonymise_public_seats(email=user.email, now=now)
        experience_services.forget_proposer(user=user)
        account_services.close_account(user=user)
    return count


def anonymise_expired(*, now: dt.datetime | None = None) -> int:
    """Anonymise the registrations (and walk-ins) of events that ended more than their organisation's
    retention period ago; how many registrations. Idempotent, and safe to run twice at once: each
    registration is claimed by a conditional UPDATE in its own short transaction."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    reason = _("données personnelles anonymisées : durée de conservation écoulée")
    count = 0
    for registration_id in registration_selectors.expired_registration_ids(today=today):
        count += anonymise_registration(registration_id=registration_id, reason=reason, now=now)
    event_ids = event_selectors.past_retention(today=today).values_list("id", flat=True)
    attendance_services.anonymise_walk_ins(event_ids=event_ids, now=now)
    registration_services.anonymise_public_seats(event_ids=event_ids, now=now)
    return count
