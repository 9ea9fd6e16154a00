"""Fiches expérience: anyone signed in proposes, the organisation moderates; published ones are public."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rencontres.events.models import Event

from .enums import ExperienceStatus, Public
from .exceptions import ExperienceError
from .models import Experience

FIELDS = {
    "title",
    "summary",
    "commune_code",
    "commune_name",
    "epci_code",
    "epci_name",
    "department_code",
    "stage",
    "carrier_name",
    "carrier_kind",
    "partners",
    "funding",
    "results",
    "contacts",
    "documents",
    "year",
    "publics",
    "contribution",
}


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "experience"
    slug, n = base, 2
    while Experience.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check(fields: dict, events) -> None:
    unknown = set(fields.get("publics") or []) - set(Public.values)
    if unknown:
        raise ExperienceError(_("Choisissez les publics dans la liste."))
    if any(not e.is_visible_to_public for e in events):
        raise ExperienceError(_("Choisissez des événements publiés."))


@transaction.atomic
def propose(*, proposer, organization, events=(), themes=(), status=ExperienceStatus.PROPOSED, **fields) -> Experience:
    """A fiche waiting for the organisation's moderation (or published at once when the organisation writes it)."""
    events = list(events)
    _check(fields, events)
    extra = set(fields) - FIELDS
    if extra:
        raise TypeError(f"unknown fields {sorted(extra)}")
    experience = Experience(
        organization=organization,
        slug=_unique_slug(fields["title"]),
        proposed_by=proposer,
        status=status,
        published_at=timezone.now() if status == ExperienceStatus.PUBLISHED else None,
        **fields,
    )
    experience.full_clean(exclude=["slug", "themes", "events"])
    experience.save()
    experience.events.set(events)
    experience.themes.set(themes)
    return experience


def organization_for(events) -> object | None:
    """The organisation that moderates a fiche told at these events: that of the first one."""
    events = list(events)
    return events[0].organization if events else None


def forget_proposer(*, user) -> int:
    """The fiches this person proposed no longer name them (RGPD art. 17); the fiche stays the organisation's."""
    return Experience.objects.filter(proposed_by=user).update(proposed_by=None)


def publish(*, experience: Experience) -> Experience:
    experience.status = ExperienceStatus.PUBLISHED
    experience.published_at = experience.published_at or timezone.now()
    experience.save(update_fields=["status", "published_at", "updated_at"])
    return experience


def refuse(*, experience: Experience) -> Experience:
    experience.status = ExperienceStatus.REFUSED
    experience.save(update_fields=["status", "updated_at"])
    return experience


def public_events_for_choice():
    from rencontres.events.enums import EventStatus

    return Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]).order_by("-starts_on")
