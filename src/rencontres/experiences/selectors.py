"""Reads of fiches expérience: the published ones, by territory, those waiting for moderation."""

from django.db.models import Count, QuerySet

from . import territories
from .enums import ExperienceStatus
from .models import Experience


def published() -> QuerySet:
    return Experience.objects.filter(status=ExperienceStatus.PUBLISHED).order_by("-published_at", "-id")


def published_by_slug(slug: str) -> Experience | None:
    return (
        published()
        .filter(slug=slug)
        .select_related("organization", "contribution__workstream__workshop__session")
        .prefetch_related("themes", "events")
        .first()
    )


def to_moderate(organization) -> QuerySet:
    return Experience.objects.filter(organization=organization).order_by("status", "-created_at")


def proposed_by(user) -> list[dict]:
    """The fiches this person proposed, for their personal-data download (RGPD art. 15)."""
    rows = Experience.objects.filter(proposed_by=user).order_by("created_at", "id")
    return [
        {
            "titre": e.title,
            "etat": e.get_status_display(),
            "proposee_le": e.created_at.isoformat(),
            "contacts": e.contacts,
        }
        for e in rows
    ]


def counts_by_department() -> dict[str, int]:
    rows = published().order_by().values("department_code").annotate(n=Count("id"))
    return {row["department_code"]: row["n"] for row in rows}


def territory_grid() -> list[dict]:
    """Régions in INSEE's order, each with its départements and their published fiches: the territory view."""
    counts = counts_by_department()
    most = max(counts.values(), default=0)
    rows = []
    for region_code, region_name in territories.regions().items():
        departments = [
            {"code": code, "name": name, "count": counts.get(code, 0)}
            for code, (name, region) in territories.departments().items()
            if region == region_code
        ]
        rows.append({"code": region_code, "name": region_name, "departments": departments})
    return [{"most": most, **row} for row in rows]
