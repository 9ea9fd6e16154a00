"""Reads of resources: what a visitor may see of an event's resources, what waits for approval."""

from django.db.models import QuerySet

from rencontres.events.models import Event

from .enums import ProceedingsStatus, ResourceStatus, ResourceVisibility
from .models import Resource


def visible_resources(event: Event, *, registered_or_member: bool) -> QuerySet:
    """Approved resources; the registered-only ones only for people registered or organising."""
    resources = Resource.objects.filter(event=event, status=ResourceStatus.APPROVED)
    if not registered_or_member:
        resources = resources.filter(visibility=ResourceVisibility.PUBLIC)
    return resources.select_related("day", "session").defer("text").order_by("day__date", "order", "id")


def resources_for_organiser(event: Event) -> QuerySet:
    return (
        Resource.objects.filter(event=event)
        .select_related("day", "session", "speaker")
        .defer("text")
        .order_by("status", "day__date", "order", "id")
    )


def speaker_resources(speaker) -> QuerySet:
    return Resource.objects.filter(speaker=speaker).select_related("session").defer("text").order_by("-created_at")


def may_read(resource: Resource, *, registered_or_member: bool) -> bool:
    if resource.status != ResourceStatus.APPROVED:
        return False
    return resource.is_public or registered_or_member


def published_proceedings_of(event: Event):
    from .models import Proceedings

    return Proceedings.objects.filter(event=event, status=ProceedingsStatus.PUBLISHED).first()


def published_proceedings_of_series(series) -> list:
    """The published proceedings of a cycle's public events, in the events' order (seed 001's cycle page)."""
    from rencontres.events.enums import EventStatus

    from .models import Proceedings

    return list(
        Proceedings.objects.filter(
            event__series=series,
            status=ProceedingsStatus.PUBLISHED,
            event__status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED],
        )
        .select_related("event")
        .order_by("event__starts_on", "event__title")
    )
