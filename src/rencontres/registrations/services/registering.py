"""Registering a person to an event: refuse early, lock the places, count, write, journal (pretalx's create_signup).

Every face (the web form, the API) builds an `Applicant` and a `Payer` and calls
`register`, which enforces every rule itself, payer rules included.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rencontres.accounts import services as account_services
from rencontres.events.enums import PayerKind
from rencontres.events.models import Event, PriceTier

from .. import availability, tasks
from ..enums import LIVE_STATES, AvailabilityState, RegistrationState
from ..exceptions import RegistrationError
from ..models import Answer, ApplicationFile, Invitation, Registration, SessionChoice
from ..uploads import checked_file_type
from . import places as places_row
from .queueing import enqueue_with_the_change, queue_email
from .waiting_list import offer_free_places

SIRET_MESSAGE = gettext_lazy("Le SIRET compte exactement 14 chiffres (espaces permis), par exemple 123 456 789 00012.")


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


@dataclass(frozen=True, kw_only=True)
class Applicant:
    """The person who registers, as they describe themselves."""

    email: str
    first_name: str
    last_name: str
    job_title: str
    employer_name: str = ""
    employer_address: str = ""
    employer_siret: str = ""


@dataclass(frozen=True, kw_only=True)
class Payer:
    """Who pays: the chosen price tier says which kind of payer; an OPCO's name and a payer's contact when they pay."""

    price_tier: PriceTier | None = None
    name: str = ""  # the OPCO's name
    contact_email: str = ""  # who at the employer or the OPCO receives the acknowledgement


def registration_problems(*, applicant: Applicant, payer: Payer) -> list[tuple[str, str]]:
    """What the applicant and payer rules refuse, as (field, French message), every face showing them all at once.

    An employer paying needs its name, address and a contact; an OPCO, its name and a
    contact; a SIRET, when given, has 14 digits.
    """
    # A free place has nobody paying for it: nothing to ask of an employer or an OPCO.
    paid = payer.price_tier is not None and payer.price_tier.amount_cents > 0
    kind = payer.price_tier.payer_kind if paid else None
    missing = []
    if kind == PayerKind.EMPLOYER:
        missing = [
            (applicant.employer_name, "employer_name", _("Indiquez le nom de l'employeur, qui paie l'inscription.")),
            (
                applicant.employer_address,
                "employer_address",
                _("Indiquez l'adresse de l'employeur : elle figure sur le devis et la convention."),
            ),
            (
                payer.contact_email,
                "payer_contact_email",
                _("Indiquez l'adresse d'un contact chez l'employeur : il reçoit l'accusé de réception."),
            ),
        ]
    elif kind == PayerKind.OPCO:
        missing = [
            (payer.name, "payer_name", _("Indiquez le nom de l'OPCO qui finance l'inscription.")),
            (
                payer.contact_email,
                "payer_contact_email",
                _("Indiquez l'adresse d'un contact à l'OPCO : il reçoit l'accusé de réception."),
            ),
        ]
    problems = [(field, message) for value, field, message in missing if not value.strip()]
    siret = "".join(applicant.employer_siret.split())
    if siret and (len(siret) != 14 or not siret.isdigit()):
        problems.append(("employer_siret", str(SIRET_MESSAGE)))
    return problems


def claim_acknowledgement(*, event_id: int, email: str) -> int | None:
    """The id of the person's live registration whose acknowledgement is to send now, claimed for a lease; else None.

    A conditional UPDATE, so that of two tasks queued for one registration (a repeated
    submission) run by two workers at once only one sends it. The claim is a lease
    (`settings.TASK_LEASE_SECONDS`): a worker killed between its claim and
    `mark_acknowledged` leaves a claim that expires, and the task, put back in the queue by
    `rencontres requeue_stale_tasks`, sends it then. Only a kill after the mail server took
    the message and before the mark can send it twice.
    """
    now = timezone.now()
    pending = Registration.objects.filter(
        event_id=event_id, email=normalize_email(email), state__in=LIVE_STATES, acknowledged_at__isnull=True
    ).filter(
        Q(acknowledgement_claimed_at__isnull=True)
        | Q(acknowledgement_claimed_at__lt=now - dt.timedelta(seconds=settings.TASK_LEASE_SECONDS))
    )
    registration_id = pending.values_list("id", flat=True).first()
    if registration_id is None:
        return None
    claimed = pending.filter(id=registration_id).update(acknowledgement_claimed_at=now)
    return registration_id if claimed == 1 else None


def mark_acknowledged(*, registration_id: int) -> None:
    """Record that the acknowledgement left: no later task sends it again."""
    Registration.objects.filter(id=registration_id).update(acknowledged_at=timezone.now())


def _check_applicant_and_payer(event: Event, applicant: Applicant, payer: Payer) -> None:
    tier = payer.price_tier
    if tier is not None and tier.event_id != event.id:
        raise RegistrationError(_("Ce tarif n'appartient pas à cet événement."), field="price_tier")
    if tier is None and event.price_tiers.exists():
        raise RegistrationError(_("Choisissez qui paie l'inscription."), field="price_tier")
    problems = registration_problems(applicant=applicant, payer=payer)
    if problems:
        raise RegistrationError.for_fields(problems)


def _check_can_register(event: Event, email: str, current: availability.Availability) -> None:
    if current.state == AvailabilityState.EXTERNAL:
        raise RegistrationError(_("Les inscriptions à cet événement se font sur le site indiqué par l'organisateur."))
    if current.state == AvailabilityState.PAST:
        raise RegistrationError(_("Cet événement a eu lieu : les inscriptions sont closes."))
    if current.state == AvailabilityState.NOT_YET_DATED:
        raise RegistrationError(
            _(
                "Les dates de cet événement ne sont pas encore connues : les inscriptions ouvriront quand elles le seront."
            )
        )
    if current.state == AvailabilityState.NOT_YET_OPEN:
        raise RegistrationError(_("Les inscriptions ne sont pas encore ouvertes."))
    if not current.accepts_registrations:
        raise RegistrationError(_("Les inscriptions à cet événement sont closes."))
    if event.is_invitation_only and not Invitation.objects.filter(event=event, email__iexact=email).exists():
        raise RegistrationError(
            _(
                "Cet événement est sur invitation : l'adresse %(email)s n'a pas été invitée. "
                "Utilisez l'adresse à laquelle vous avez reçu l'invitation."
            )
            % {"email": email},
            field="email",
        )


def _check_session_places(sessions) -> None:
    if not sessions:
        return
    left = availability.session_places_left(sessions)
    for session in sessions:
        if left[session.id] == 0:
            raise RegistrationError(
                _("La séance « %(title)s » est complète : décochez-la pour vous inscrire.") % {"title": session.title},
                field="sessions",
            )


def _live_registration(event: Event, email: str) -> Registration | None:
    """The person's live registration to the event, marked as not created by this call; None if there is none."""
    existing = Registration.objects.filter(event=event, email=email, state__in=LIVE_STATES).first()
    if existing is not None:
        existing.just_created = False
    return existing


def _new_registration(event: Event, email: str, applicant: Applicant, payer: Payer) -> Registration:
    tier = payer.price_tier
    return Registration(
        event=event,
        email=email,
        first_name=applicant.first_name.strip(),
        last_name=applicant.last_name.strip(),
        job_title=applicant.job_title.strip(),
        employer_name=applicant.employer_name.strip(),
        employer_address=applicant.employer_address.strip(),
        employer_siret="".join(applicant.employer_siret.split()),
        price_tier=tier,
        payer_kind=tier.payer_kind if tier else PayerKind.FREE,
        amount_cents=tier.amount_cents if tier else 0,
        price_label=tier.label if tier else "",
        payer_name=payer.name.strip(),
        payer_contact_email=normalize_email(payer.contact_email),
    )


def checked_application_files(application_files) -> list[tuple[str, object, str]]:
    """(label, uploaded, type read from the content) for each piece; a RegistrationError saying what to fix."""
    try:
        return [(label, uploaded, checked_file_type(uploaded)) for label, uploaded in application_files]
    except ValidationError as error:
        raise RegistrationError(error.messages[0], field="application_files") from None


def store_application_files(registration: Registration, files: list[tuple[str, object, str]]) -> None:
    for label, uploaded, file_type in files:
        ApplicationFile.objects.create(
            registration=registration, label=label, file=uploaded, file_type=file_type, size_bytes=uploaded.size
        )


@transaction.atomic
def register(
    *,
    event: Event,
    applicant: Applicant,
    payer: Payer = Payer(),
    sessions=(),
    answers: dict | None = None,
    application_files=(),
    actor=None,
    now: dt.datetime | None = None,
) -> Registration:
    """Register a person once per event: a place if one is free, else the waiting list (or a pending application).

    Idempotent: a second call for the same address returns the live registration it
    already has (with `just_created = False`). A new registration also carries its
    `waiting_position`, known under the lock (None when not waiting). `answers` maps Question → str or file;
    `application_files` is a list of (label, uploaded file), type-checked here again.
    """
    now = now or timezone.now()
    email = normalize_email(applicant.email)
    sessions = list(sessions)
    _check_applicant_and_payer(event, applicant, payer)
    if any(s.event_id != event.id for s in sessions):
        raise RegistrationError(_("Cette séance n'appartient pas à cet événement."), field="sessions")
    files = checked_application_files(application_files)

    # What holds no place comes first, so the lock below is held for less time (and a
    # refusal rolls it back with the rest): the account, and the acknowledgement's task.
    account_services.ensure_person(email=email)
    enqueue_with_the_change(tasks.acknowledge_registration, event.id, email)
    # Read before the lock: the settings row is not locked either way.
    requires_application = places_row.settings_of(event).requires_application
    places = places_row.lock(event.id)
    event = places.event  # read afresh under the lock: its status or dates may have just changed
    current = availability.of_places(places, now=now)
    try:
        _check_can_register(event, email, current)
        _check_session_places(sessions)
    except RegistrationError:
        if (existing := _live_registration(event, email)) is not None:
            return existing  # a repeated submission after registrations closed or the workshop filled
        raise

    registration = _new_registration(event, email, applicant, payer)
    if requires_application:
        registration.state = RegistrationState.PENDING
    elif current.gives_a_place_at_once:
        registration.state = RegistrationState.CONFIRMED
    else:
        registration.state = RegistrationState.WAITING
        registration.queue_number = places.last_queue_number + 1
    try:
        # The person's live registration, if any, is found by the unique constraint rather than
        # by a query first: under the lock, one SELECT less on every registration.
        with transaction.atomic():
            registration.save(force_insert=True)
    except IntegrityError:
        if (existing := _live_registration(event, email)) is not None:
            return existing
        raise
    if registration.queue_number:
        places.last_queue_number = registration.queue_number
    changed = places.count_change("", registration.state)
    places.save(update_fields=[*changed, "last_queue_number"] if registration.queue_number else changed)
    if sessions:
        SessionChoice.objects.bulk_create([SessionChoice(registration=registration, session=s) for s in sessions])
    for question, value in (answers or {}).items():
        if hasattr(value, "read"):
            Answer.objects.create(registration=registration, question=question, file=value)
        else:
            Answer.objects.create(registration=registration, question=question, value=str(value))
    store_application_files(registration, files)
    places_row.log(registration, "", registration.state, actor=actor, note=_("inscription"))
    if registration.payer_contact_email and registration.payer_kind in {PayerKind.EMPLOYER, PayerKind.OPCO}:
        queue_email("payer_acknowledgement", registration.id)
    ahead = current.waiting  # every other person waiting has a lower queue number
    if registration.state == RegistrationState.WAITING and current.has_free_place:
        # A place is free while people wait (capacity raised since): it goes to the first of them.
        ahead -= len(offer_free_places(places, now=now, actor=actor))
        registration.refresh_from_db()
    registration.waiting_position = ahead + 1 if registration.state == RegistrationState.WAITING else None
    registration.just_created = True
    return registration
