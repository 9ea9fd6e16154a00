"""Reads of registrations for the event page, the personal page, the organiser and the emails."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from rencontres.events import selectors as event_selectors
from rencontres.events.enums import EventStatus, PayerKind
from rencontres.events.models import Event, Session
from rencontres.organizations import access
from rencontres.organizations.models import Membership, Organization

from . import availability, links
from .enums import LIVE_STATES, AvailabilityState, RegistrationState
from .models import DataAccessLogEntry, Registration, SessionSeat


def event_to_register(slug: str) -> Event | None:
    """A public event (published or cancelled) that people may try to register to, by its address.

    With its registration settings and price tiers, which registering reads in any case.
    """
    public = Event.objects.select_related("registration_settings").prefetch_related("price_tiers")
    try:
        return public.get(slug=slug, status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
    except Event.DoesNotExist:
        return None


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person waiting; None when not on the waiting list."""
    if registration.state != RegistrationState.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, state=RegistrationState.WAITING, queue_number__lt=registration.queue_number
    ).count()
    return ahead + 1


def organiser_addresses(event: Event) -> list[str]:
    """Who hears about the event's registrations: its contact, else the organisation's members."""
    if event.contact_email:
        return [event.contact_email]
    return sorted(
        Membership.objects.filter(organization_id=event.organization_id).values_list("user__email", flat=True)
    )


def live_registration_count(event: Event) -> int:
    """People registered (with a place, offered one, waiting or pending): what unpublishing leaves without a page."""
    return Registration.objects.filter(event=event, state__in=LIVE_STATES).count()


def live_registration_of(event: Event, email: str) -> Registration | None:
    return Registration.objects.filter(event=event, email=(email or "").lower(), state__in=LIVE_STATES).first()


def registrations_of_person(email: str) -> QuerySet:
    """Everything a person registered to, newest event first; linked by the address they proved."""
    return (
        Registration.objects.filter(email=(email or "").lower())
        .select_related("event__organization")
        .prefetch_related("session_choices__session")
        .order_by("-event__starts_on", "-id")
    )


def optional_sessions(event: Event) -> list[Session]:
    """Sessions a person chooses when registering: those with their own places (workshops, public lecture)."""
    return list(
        event.sessions.filter(capacity__isnull=False).select_related("day").order_by("day__date", "start_time", "id")
    )


def online_sessions_for(registration: Registration) -> list[Session]:
    return online_sessions_by_event([registration.event_id]).get(registration.event_id, [])


def online_sessions_by_event(event_ids) -> dict[int, list[Session]]:
    """Sessions with a connection link, per event, in programme order (one query)."""
    sessions = defaultdict(list)
    for session in (
        Session.objects.filter(event_id__in=event_ids, online_url__gt="")
        .select_related("day")
        .order_by("day__date", "start_time")
    ):
        sessions[session.event_id].append(session)
    return sessions


def holds_confirmed_place(event: Event, user) -> bool:
    """Whether the signed-in person has a confirmed place at the event (documents for registered people)."""
    if not user.is_authenticated:
        return False
    registration = live_registration_of(event, user.email)
    return registration is not None and registration.state == RegistrationState.CONFIRMED


def event_registration_context(event: Event, request) -> dict:
    """Context for `registrations/_event_box.html` on the event page: places, state, the person's registration."""
    current = availability.event_availability(event)
    registration = None
    if request.user.is_authenticated:
        registration = live_registration_of(event, request.user.email)
    is_confirmed = registration is not None and registration.state == RegistrationState.CONFIRMED
    online = links.online_links(registration, online_sessions_for(registration)) if is_confirmed else []
    return {
        "registration_availability": current,
        "my_registration_is_confirmed": is_confirmed,
        "registration_states": AvailabilityState,
        "my_registration": registration,
        "my_waiting_position": waiting_position(registration) if registration else None,
        "my_online_links": online,
        "registration_form_url": reverse("site:register", args=[event.slug]),
        "registration_is_member": access.can_manage_event(request.user, event),
        "registration_manage_url": reverse("backoffice:registrations", args=[event.id]),
    }


@dataclass(frozen=True)
class ManageFilters:
    state: str = ""
    payer_kind: str = ""
    missing_commitment: bool = False
    text: str = ""


def registrations_for_organiser(event: Event, filters: ManageFilters = ManageFilters()) -> QuerySet:
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("price_tier")
        .prefetch_related("session_choices__session", "application_files", "answers__question", "paperwork")
        .order_by("id")
    )
    if filters.state:
        registrations = registrations.filter(state=filters.state)
    if filters.payer_kind:
        registrations = registrations.filter(payer_kind=filters.payer_kind)
    if filters.missing_commitment:
        registrations = registrations.filter(
            state=RegistrationState.CONFIRMED, amount_cents__gt=0, commitment_received_at__isnull=True
        )
    for word in filters.text.split():
        registrations = registrations.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(employer_name__icontains=word)
        )
    return registrations


def counts_for_organiser(event: Event) -> dict:
    """Counts by state and, for live registrations, by payer, each as (label, n) in the enums' order (two queries)."""
    by_state = dict(Registration.objects.filter(event=event).values_list("state").annotate(n=Count("id")).order_by())
    by_payer = dict(
        Registration.objects.filter(event=event, state__in=LIVE_STATES)
        .values_list("payer_kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    missing = Registration.objects.filter(
        event=event, state=RegistrationState.CONFIRMED, amount_cents__gt=0, commitment_received_at__isnull=True
    ).count()
    return {
        "by_state": [(state.label, by_state[state]) for state in RegistrationState if state in by_state],
        "by_payer": [(kind.label, by_payer[kind]) for kind in PayerKind if kind in by_payer],
        "missing_commitment": missing,
    }


def expired_registration_ids(*, today: dt.date) -> list[int]:
    """Registrations not yet anonymised whose event ended more than its organisation's retention period ago."""
    events = event_selectors.past_retention(today=today)
    return list(
        Registration.objects.filter(event__in=events, anonymised_at__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)
    )


def _stamp(moment) -> str | None:
    return moment.isoformat() if moment else None


def personal_data(registration: Registration) -> dict:
    """Everything a registration holds about its person, as plain JSON values (for their data download)."""
    event = registration.event
    return {
        "id": registration.id,
        "evenement": {
            "titre": event.title,
            "organisme": event.organization.name,
            "debut": _stamp(event.starts_on),
            "fin": _stamp(event.ends_on),
            "adresse": event.get_absolute_url(),
        },
        "etat": registration.get_state_display(),
        "inscrite_le": _stamp(registration.created_at),
        "prenom": registration.first_name,
        "nom": registration.last_name,
        "adresse_electronique": registration.email,
        "fonction": registration.job_title,
        "employeur": {
            "nom": registration.employer_name,
            "adresse": registration.employer_address,
            "siret": registration.employer_siret,
        },
        "paiement": {
            "qui_paie": registration.get_payer_kind_display(),
            "tarif": registration.price_label,
            "montant_centimes": registration.amount_cents,
            "financeur": registration.payer_name,
            "contact_du_financeur": registration.payer_contact_email,
        },
        "engagement_ecrit_recu_le": _stamp(registration.commitment_received_at),
        "seances_choisies": [choice.session.title for choice in registration.session_choices.all()],
        "reponses": [
            {
                "question": answer.question.label,
                "reponse": answer.value,
                "fichier": answer.file.name.rsplit("/", 1)[-1] if answer.file else None,
            }
            for answer in registration.answers.all()
        ],
        "pieces_du_dossier": [
            {"piece": piece.label, "fichier": piece.file.name.rsplit("/", 1)[-1], "taille_octets": piece.size_bytes}
            for piece in registration.application_files.all()
        ],
        "documents": [
            {"type": paper.get_kind_display(), "numero": paper.number, "emis_le": _stamp(paper.issued_at)}
            for paper in registration.paperwork.all()
        ],
        "journal": [
            {"le": _stamp(entry.created_at), "de": entry.from_state, "vers": entry.to_state, "note": entry.note}
            for entry in registration.log_entries.all()
        ],
    }


def registrations_for_download(email: str) -> QuerySet:
    """The person's registrations with everything `personal_data` reads, in a fixed number of queries."""
    return registrations_of_person(email).prefetch_related(
        "answers__question", "application_files", "paperwork", "log_entries"
    )


def data_access_log(organization: Organization) -> QuerySet:
    """The organisation's journal of personal data read in the back-office, newest first."""
    return DataAccessLogEntry.objects.filter(organization=organization).select_related("event", "registration")


def public_seats_for_organiser(event: Event) -> list[tuple[Session, list]]:
    """Each session of the event open to the public, with its live seats in order of arrival (two queries)."""
    sessions = list(
        event.sessions.filter(is_open_to_public=True).select_related("day").order_by("day__date", "start_time", "id")
    )
    seats = defaultdict(list)
    for seat in SessionSeat.objects.filter(session__in=sessions, cancelled_at__isnull=True).order_by("id"):
        seats[seat.session_id].append(seat)
    return [(session, seats[session.id]) for session in sessions]


def live_public_seat_count(session_ids) -> int:
    """How many people hold a seat in these sessions: a deletion's confirmation page says it."""
    return SessionSeat.objects.filter(session_id__in=list(session_ids), cancelled_at__isnull=True).count()


def public_seats_personal_data(email: str) -> list[dict]:
    """Every seat a person took in a session open to the public, as plain JSON values (their data download)."""
    seats = SessionSeat.objects.filter(email=(email or "").lower()).select_related(
        "session__event__organization", "session__day"
    )
    return [
        {
            "seance": seat.session.title,
            "le": _stamp(seat.session.day.date),
            "evenement": seat.session.event.title,
            "organisme": seat.session.event.organization.name,
            "prenom": seat.first_name,
            "nom": seat.last_name,
            "adresse_electronique": seat.email,
            "inscrite_le": _stamp(seat.created_at),
            "annulee_le": _stamp(seat.cancelled_at),
        }
        for seat in seats.order_by("id")
    ]


def upcoming_public_seats_of_person(email: str, *, today: dt.date) -> list[tuple[SessionSeat, str]]:
    """The person's seats in public sessions still to come, each with its link to give it up (one query)."""
    seats = (
        SessionSeat.objects.filter(
            email=(email or "").lower(), cancelled_at__isnull=True, session__day__date__gte=today
        )
        .select_related("session__event", "session__day")
        .order_by("session__day__date", "session__start_time", "id")
    )
    return [(seat, links.seat_cancel_path(seat)) for seat in seats]
