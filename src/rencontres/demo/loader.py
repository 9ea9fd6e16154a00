"""Load the demo: the five seed events with their real dates, shown as run.

The events and their places come first (registrations.demo, events.demo); then the people
who registered (cast.py), through the registrations service that records registrations of
an event that is over, in the order they came; then the days as they ran (days.py). All of it
in one transaction, through the services and the rules they enforce, and without one email:
nobody in the demo is real.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rencontres.accounts.models import User
from rencontres.certificates.demo import issue_seed_000_certificates
from rencontres.events import services as event_services
from rencontres.events.demo_data import DEMO_EVENTS, DEMO_ORGANISER_EMAIL
from rencontres.events.enums import BpfObjective, PayerKind, TrainerStatus, TrainingNature
from rencontres.events.models import PARIS, Event, PriceTier
from rencontres.invoicing.demo import invoice_seed_000
from rencontres.registrations import configuration as registration_configuration
from rencontres.registrations import services as registration_services
from rencontres.registrations.demo import load_demo as load_events_and_places
from rencontres.registrations.enums import PayerCategory, RegistrationState, TraineeType
from rencontres.registrations.models import Registration
from rencontres.reporting.demo import type_seed_000_figures

from . import cnam, commons, days, public_lecture
from .cast import CASTS, Cast, Person
from .papers import text_pdf
from .upcoming import open_next_editions

# Registrations come in during office hours, one after the other.
REGISTERED_AT = dt.time(10, 15)
CANCELLED_AFTER = dt.timedelta(days=3, hours=4)
COMMITMENT_AFTER = dt.timedelta(days=10)


def load_demo(*, stdout=None) -> list[Event]:
    """The five demo events with their registrations, attendance, workshops and surveys, into a database with no event.

    Also opens the next editions of seeds 000 and 004, dated from today (`upcoming`), so that a
    newcomer can register to something. Returns the five seed events, or an empty list when the
    database already had events (nothing is loaded).
    """
    with transaction.atomic():
        events = load_events_and_places(stdout=stdout)
        if not events:
            return []
        organiser = User.objects.get(email=DEMO_ORGANISER_EMAIL)
        by_seed = {data.seed[:3]: event for data, event in zip(DEMO_EVENTS, events, strict=True)}
        confirmed = {cast.seed: register_cast(by_seed[cast.seed], cast, actor=organiser) for cast in CASTS}
        days.run_cluny(by_seed["000"], confirmed["000"], organiser=organiser)
        certify_cluny(by_seed["000"], confirmed["000"], actor=organiser)
        days.run_saint_germain(by_seed["002"], confirmed["002"], organiser=organiser)
        days.run_seine_saint_denis(by_seed["003"], confirmed["003"], organiser=organiser)
        days.run_cnam(by_seed["004"], confirmed["004"], organiser=organiser)
        cnam.close_cnam(by_seed["004"], confirmed["004"], organiser=organiser)
        commons.load_commons(by_seed, organiser=organiser)
        public_lecture.record_lecture_audience(by_seed["000"])
        upcoming = open_next_editions(by_seed)
    if stdout is not None:
        stdout.write(
            _("Prochaines éditions ouvertes aux inscriptions : %(events)s.")
            % {"events": " ; ".join(f"{e.title} (/evenements/{e.slug}/)" for e in upcoming)}
        )
    return events


def _payer(tiers: dict[str, PriceTier], person: Person) -> registration_services.Payer:
    """The tier the person chose: the employer's when they have one, else their own; none for a free event."""
    if not tiers:
        return registration_services.Payer()
    if person.employer is not None and PayerKind.EMPLOYER in tiers:
        return registration_services.Payer(
            price_tier=tiers[PayerKind.EMPLOYER], contact_email=f"formation@{person.employer.domain}"
        )
    return registration_services.Payer(price_tier=tiers[PayerKind.INDIVIDUAL])


def _applicant(person: Person) -> registration_services.Applicant:
    employer = person.employer
    return registration_services.Applicant(
        email=person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        job_title=person.job_title,
        employer_name=employer.name if employer else "",
        employer_address=employer.address if employer else "",
    )


def register_cast(event: Event, cast: Cast, *, actor) -> list[Registration]:
    """Record the cast's registrations and cancellations in the order they happened; returns the confirmed ones.

    An invitation-only event first gets its invitations, as its organiser sent them; a paying
    registration has its written commitment back before the event.
    """
    people = cast.persons()
    if event.is_invitation_only:
        emails = [person.email for person in people] + list(cast.invited_without_registering)
        registration_configuration.add_invitations(event=event, emails=emails, send=False)
    tiers = {tier.payer_kind: tier for tier in event.price_tiers.all()}
    pieces = registration_services.settings_of(event).application_file_labels
    timeline = []
    for position, person in enumerate(people):
        registered_at = dt.datetime.combine(cast.registered_on(position), REGISTERED_AT, tzinfo=PARIS)
        timeline.append((registered_at, position, person, "register"))
        if position in cast.cancelled:
            timeline.append((registered_at + CANCELLED_AFTER, position, person, "cancel"))
    registrations = {}
    for moment, position, person, what in sorted(timeline, key=lambda step: (step[0], step[1])):
        if what == "register":
            registrations[position] = registration_services.record_past_registration(
                event=event,
                applicant=_applicant(person),
                payer=_payer(tiers, person),
                registered_at=moment,
                application_files=[(label, _application_piece(person, label)) for label in pieces],
                actor=actor,
            )
        else:
            registration_services.record_past_cancellation(
                registration=registrations[position], cancelled_at=moment, actor=actor
            )
    confirmed = list(Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED).order_by("id"))
    for registration in confirmed:
        if registration.amount_cents:  # the signed quote or agreement came back before the event
            received_on = min(
                timezone.localdate(registration.created_at) + COMMITMENT_AFTER, event.starts_on - dt.timedelta(days=1)
            )
            registration_services.record_commitment(registration=registration, actor=actor, received_on=received_on)
    return confirmed


def _application_piece(person: Person, label: str):
    """A stand-in for a piece of the person's application file (seed 004: CV, letter, form)."""
    lines = [f"{label} — {person.first_name} {person.last_name}", person.job_title]
    if person.employer:
        lines.append(f"{person.employer.name}, {person.employer.address}")
    return text_pdf(lines, name=f"{slugify(label)}-{slugify(person.last_name)}.pdf")


# Employers of the public sector in the cast: their staff are public agents, invoiced to a public body.
PUBLIC_EMPLOYERS = ("CCAS", "Ville", "Métropole", "Conseil", "DDCS", "Département", "Communauté")


def certify_cluny(event: Event, confirmed: list[Registration], *, actor) -> None:
    """Cluny's seminar as its training body closed it: what the papers need, then the certificates.

    A professional training in social work (NSF 332), each trainee typed as the BPF counts them
    from their employer, and a certificat de réalisation and an attestation for each person
    with validated hours, then one invoice per employer (issued without email: nobody in the demo is real).
    Its trainers for the BPF's frame E: the coordinator, of the Collège (his introduction and the
    closing review), and the sociologist of Université Jean-Monnet at the round table, from outside
    (the seed names no one for it: our reading of « des chercheurs et des acteurs de terrain »);
    the evening lecture, open to the public, is not training time. Then the organiser's frame D
    for 2021.
    """
    event_services.update_event(
        event=event, training_nature=TrainingNature.TRAINING, bpf_objective=BpfObjective.OTHER, nsf_code="332"
    )
    speakers = {speaker.name: speaker for speaker in event.speakers.all()}
    event_services.set_trainer_status(speaker=speakers["Boris Chevrot"], trainer_status=TrainerStatus.INTERNAL)
    sociologist = event_services.set_trainer_status(
        speaker=speakers["Claire Autant-Dorier"], trainer_status=TrainerStatus.EXTERNAL
    )
    round_table = event.sessions.get(title__startswith="Table ronde")
    event_services.set_session_speakers(session=round_table, speakers=[*round_table.speakers.all(), sociologist])
    for registration in confirmed:
        public = registration.employer_name.startswith(PUBLIC_EMPLOYERS)
        registration_services.set_training_profile(
            registration=registration,
            trainee_type=TraineeType.PUBLIC_AGENT if public else TraineeType.PRIVATE_EMPLOYEE,
            payer_category=PayerCategory.PUBLIC_BODY if public else PayerCategory.COMPANY,
            actor=actor,
        )
    issue_seed_000_certificates(event)
    invoice_seed_000(event)
    type_seed_000_figures(event.organization)
