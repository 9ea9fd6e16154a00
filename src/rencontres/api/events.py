"""The events face of the API: the public catalogue and one event with its programme.

Reads go through `selectors` (what the public pages show) and the places through
`registrations.availability`, the one capacity calculator.
"""

import datetime as dt
import re
from typing import Literal

from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from rencontres.events import selectors
from rencontres.events.enums import EventFormat, EventStatus, PayerKind, SessionKind, SessionMode, SpeakerRole
from rencontres.events.models import Event
from rencontres.registrations import availability
from rencontres.search import query as search

router = Router(tags=["Événements"])

MAX_ID = 2**63 - 1  # the largest BigAutoField: larger numbers are refused before they reach the database
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
# Any text but the NUL character, which PostgreSQL refuses in a query.
NO_NUL = r"^[^\x00]*$"


class FieldError(Schema):
    field: str = Field(description="Le champ à corriger (notation pointée pour les champs imbriqués).")
    message: str = Field(description="Ce qui ne va pas, en français.")


class ErrorOut(Schema):
    """The body of every error answer of the API."""

    detail: str = Field(description="Ce qui ne va pas et comment le corriger, en français.")
    errors: list[FieldError] = Field(default=[], description="Une entrée par champ à corriger.")


# ---------------------------------------------------------------------------
# Schemas
# ---------------------------------------------------------------------------


class OrganizationOut(Schema):
    slug: str
    name: str


class ThemeOut(Schema):
    slug: str
    name: str


class AvailabilityOut(Schema):
    state: str = Field(
        description="open, full (liste d'attente), not_yet_open, not_yet_dated (dates à venir), closed, external ou past."
    )
    state_label: str = Field(description="L'état, en français.")
    capacity: int | None = Field(description="Nombre maximum de participants ; null s'il n'y en a pas.")
    places_left: int | None = Field(description="Places libres ; null quand l'événement n'a pas de maximum.")
    is_invitation_only: bool


class EventSummaryOut(Schema):
    id: int
    slug: str
    title: str
    subtitle: str
    format: EventFormat
    format_label: str
    status: EventStatus = Field(description="published, ou cancelled pour un événement annulé.")
    starts_on: dt.date | None = Field(description="Premier jour ; null pour un événement annoncé sans dates.")
    ends_on: dt.date | None
    period_label: str = Field(
        description="La période annoncée tant que les dates ne sont pas connues (« 2e semestre 2027 ») ; vide sinon."
    )
    department_code: str
    commune: str
    organization: OrganizationOut
    themes: list[ThemeOut]
    has_online_sessions: bool
    is_free: bool = Field(description="Aucun tarif payant.")
    url: str = Field(description="La page de l'événement.")
    registration: AvailabilityOut


class EventPageOut(Schema):
    count: int = Field(description="Nombre total d'événements qui répondent aux filtres.")
    limit: int
    offset: int
    items: list[EventSummaryOut]


class VenueOut(Schema):
    name: str
    address: str
    transport_access: str
    accessibility_notes: str


class SpeakerOut(Schema):
    id: int
    name: str
    affiliation: str
    bio: str
    role: SpeakerRole


class SessionOut(Schema):
    id: int
    title: str
    description: str
    kind: SessionKind
    mode: SessionMode
    start_time: dt.time | None
    end_time: dt.time | None
    is_open_to_public: bool
    venue: str | None
    speaker_ids: list[int]
    capacity: int | None = Field(description="Places propres à la séance (atelier, conférence publique).")
    places_left: int | None = Field(description="Places libres dans la séance ; null sans limite propre.")


class DayOut(Schema):
    date: dt.date
    is_month_only: bool = Field(description="Seul le mois est connu (module d'une formation longue).")
    title: str
    sessions: list[SessionOut]


class PriceTierOut(Schema):
    id: int = Field(description="À envoyer comme price_tier pour s'inscrire à ce tarif.")
    label: str
    amount_cents: int
    payer_kind: PayerKind
    includes: str


class DocumentOut(Schema):
    title: str
    kind: str
    file_type: str
    size_bytes: int
    url: str


class EventDetailOut(EventSummaryOut):
    description: str
    audience: str
    objectives: str
    prerequisites: str
    partners: list[str]
    series: str | None
    venue: VenueOut | None
    total_hours: float | None
    capacity_min: int | None
    registration_opens_at: dt.datetime | None
    registration_closes_at: dt.datetime | None
    registration_url: str = Field(description="Lien d'inscription externe, s'il y en a un.")
    contact_name: str
    contact_email: str
    contact_phone: str
    vat_note: str
    prices: list[PriceTierOut]
    speakers: list[SpeakerOut]
    days: list[DayOut]
    documents: list[DocumentOut] = Field(description="Les documents publics.")


class CatalogueFilters(Schema):
    when: Literal["upcoming", "past", "all"] = Field(
        "upcoming", description="upcoming (à venir ou en cours, par défaut), past (passés) ou all."
    )
    department: str = Field(
        "", max_length=3, pattern=r"^[0-9AB]{0,3}$", description="Code du département : 93, 2A, 971…"
    )
    format: EventFormat | None = Field(None, description="Format de l'événement.")
    theme: str = Field("", max_length=80, pattern=r"^[-a-z0-9_]*$", description="Identifiant du thème.")
    online: bool = Field(False, description="Seulement les événements avec des séances en ligne.")
    free: bool = Field(False, description="Seulement les événements gratuits.")
    q: str = Field("", max_length=100, pattern=NO_NUL, description="Mots à chercher (titre, programme, intervenants…).")
    limit: int = Field(20, ge=1, le=100, description="Nombre d'événements par page (100 au plus).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Nombre d'événements à sauter.")


# ---------------------------------------------------------------------------
# Building answers
# ---------------------------------------------------------------------------


def public_event_or_404(slug: str) -> Event:
    """A published or cancelled event, else a 404 (drafts do not exist for the public)."""
    event = None
    if SLUG_RE.match(slug):
        event = selectors.public_events().select_related("organization").filter(slug=slug).first()
    if event is None:
        raise Http404(_("Aucun événement public n'a l'identifiant « %(slug)s ».") % {"slug": slug[:120]})
    return event


def availability_out(current: availability.Availability) -> dict:
    return {
        "state": current.state,
        "state_label": str(availability.AvailabilityState(current.state).label),
        "capacity": current.capacity,
        "places_left": current.places_left,
        "is_invitation_only": current.is_invitation_only,
    }


def summary_out(
    request, event: Event, current: availability.Availability, *, has_online_sessions: bool, has_paid_tier: bool
) -> dict:
    return {
        "id": event.id,
        "slug": event.slug,
        "title": event.title,
        "subtitle": event.subtitle,
        "format": event.format,
        "format_label": str(event.get_format_display()),
        "status": event.status,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "period_label": "" if event.is_dated else event.period_label,
        "department_code": event.department_code,
        "commune": event.commune,
        "organization": {"slug": event.organization.slug, "name": event.organization.name},
        "themes": [{"slug": t.slug, "name": t.name} for t in event.themes.all()],
        "has_online_sessions": has_online_sessions,
        "is_free": not has_paid_tier,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "registration": availability_out(current),
    }


def detail_out(request, programme: selectors.EventProgramme) -> dict:
    event = programme.event
    session_left = availability.session_places_left([s for s in programme.sessions if s.capacity is not None])
    venue = event.venue
    current = availability.event_availability(event)
    return {
        **summary_out(
            request,
            event,
            current,
            has_online_sessions=programme.has_online_sessions,
            has_paid_tier=programme.has_paid_tier,
        ),
        "description": event.description,
        "audience": event.audience,
        "objectives": event.objectives,
        "prerequisites": event.prerequisites,
        "partners": event.partner_list,
        "series": event.series.title if event.series else None,
        "venue": None
        if venue is None
        else {
            "name": venue.name,
            "address": venue.address_line,
            "transport_access": venue.transport_access,
            "accessibility_notes": venue.accessibility_notes,
        },
        "total_hours": float(event.total_hours) if event.total_hours is not None else None,
        "capacity_min": current.capacity_min,
        "registration_opens_at": event.registration_opens_at,
        "registration_closes_at": event.registration_closes_at,
        "registration_url": event.registration_url,
        "contact_name": event.contact_name,
        "contact_email": event.contact_email,
        "contact_phone": event.contact_phone,
        "vat_note": event.organization.vat_note,
        "prices": [
            {
                "id": t.id,
                "label": t.label,
                "amount_cents": t.amount_cents,
                "payer_kind": t.payer_kind,
                "includes": t.includes,
            }
            for t in programme.price_tiers
        ],
        "speakers": [
            {"id": s.id, "name": s.name, "affiliation": s.affiliation, "bio": s.bio, "role": s.role}
            for s in programme.speakers
        ],
        "days": [
            {
                "date": day.date,
                "is_month_only": day.is_month_only,
                "title": day.title,
                "sessions": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "description": s.description,
                        "kind": s.kind,
                        "mode": s.mode,
                        "start_time": s.start_time,
                        "end_time": s.end_time,
                        "is_open_to_public": s.is_open_to_public,
                        "venue": str(s.venue) if s.venue else None,
                        "speaker_ids": [link.speaker_id for link in s.session_speakers.all()],
                        "capacity": s.capacity,
                        "places_left": session_left.get(s.id),
                    }
                    for s in day_sessions
                ],
            }
            for day, day_sessions in programme.days
        ],
        "documents": [
            {
                "title": d.title,
                "kind": d.kind,
                "file_type": d.file_type,
                "size_bytes": d.size_bytes,
                "url": request.build_absolute_uri(reverse("site:document", args=[d.id])),
            }
            for d in programme.documents_visible_to(is_registered_or_member=False)
        ],
    }


# ---------------------------------------------------------------------------
# Endpoints
# ---------------------------------------------------------------------------


@router.get("/", response={200: EventPageOut, 422: ErrorOut}, summary="Événements publiés", operation_id="list_events")
def list_events(request, filters: Query[CatalogueFilters]):
    """Les événements publics (publiés, ou annulés : leur état le dit), filtrés comme le catalogue.

    À venir : du plus proche au plus lointain ; passés : du plus récent au plus ancien.
    """
    query = selectors.CatalogueQuery(
        department=filters.department,
        format=filters.format or "",
        online=filters.online,
        free=filters.free,
        theme=filters.theme,
        text=filters.q,
        matching_ids=search.matching_event_ids(filters.q) if filters.q else None,
    )
    upcoming, past = selectors.catalogue_events(query)
    if filters.when == "upcoming":
        events = upcoming
    elif filters.when == "past":
        events = past
    else:
        events = (upcoming | past).order_by(F("starts_on").asc(nulls_last=True), "title", "id")
    count = events.count()
    page = selectors.attach_catalogue_flags(events[filters.offset : filters.offset + filters.limit])
    places = availability.availability_by_event_id(page)
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [
            summary_out(
                request,
                event,
                places[event.id],
                has_online_sessions=event.has_online,
                has_paid_tier=event.has_paid_tier,
            )
            for event in page
        ],
    }


@router.get(
    "/{slug}",
    response={200: EventDetailOut, 404: ErrorOut},
    summary="Un événement et son programme",
    operation_id="get_event",
)
def get_event(request, slug: str):
    """L'événement, ses journées et séances, ses intervenants, ses tarifs et les places restantes."""
    public_event_or_404(slug)
    return detail_out(request, selectors.event_programme(slug))
