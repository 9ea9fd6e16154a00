"""What goes into the index for each thing, and the writes that keep it in step.

An event's entries (the event, its sessions, its speakers, its approved resources, its
published proceedings) are rebuilt together, and an experience's alone: a key names what
to rebuild ("event:12", "experience:3"). Changes queue their key on commit (hooks.py), the
task (tasks.py) rebuilds those; `rebuild_search_index` rebuilds everything.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch

from rencontres.events.enums import EventStatus
from rencontres.events.models import Event, Session
from rencontres.events.services import search_parts
from rencontres.experiences.enums import ExperienceStatus
from rencontres.experiences.models import Experience
from rencontres.resources.enums import ProceedingsStatus, ResourceStatus, ResourceVisibility
from rencontres.resources.models import Proceedings, Resource

from . import fulltext, query
from .enums import SearchKind, TagFacet
from .models import SearchEntry, SearchTag

EVENT_KINDS = [SearchKind.EVENT, SearchKind.SESSION, SearchKind.SPEAKER, SearchKind.RESOURCE, SearchKind.PROCEEDINGS]
MAX_BODY_CHARS = 100_000  # PostgreSQL's tsvector holds at most 1 MB


@dataclass
class Entry:
    kind: str
    object_id: int
    title: str
    body: str
    url: str
    is_public: bool = True
    event_id: int | None = None
    organization_id: int | None = None
    department: str = ""
    year: int | None = None
    tags: list[tuple[str, str, str]] = field(default_factory=list)  # (facet, value, label)


def _join(*parts) -> str:
    return "\n".join(p for p in parts if p)[:MAX_BODY_CHARS]


def event_entries(event: Event) -> list[Entry]:
    """The event's entries; none for a draft."""
    if event.status not in {EventStatus.PUBLISHED, EventStatus.CANCELLED}:
        return []
    url = event.get_absolute_url()
    common = {
        "event_id": event.id,
        "organization_id": event.organization_id,
        "department": event.department_code,
        "year": event.starts_on.year if event.starts_on else None,
        "tags": [(TagFacet.THEME, t.slug, t.name) for t in event.themes.all()],
    }
    sessions = list(event.sessions.all())
    speakers = list(event.speakers.all())
    entries = [
        Entry(
            kind=SearchKind.EVENT,
            object_id=event.id,
            title=event.title,
            body=_join(
                *search_parts(
                    event, speaker_names=[s.name for s in speakers], session_titles=[s.title for s in sessions]
                )[1:]
            ),
            url=url,
            **common,
        )
    ]
    entries += [
        Entry(
            kind=SearchKind.SESSION,
            object_id=s.id,
            title=s.title,
            body=_join(s.description, ", ".join(sp.name for sp in s.speakers.all()), event.title),
            url=url,
            **common,
        )
        for s in sessions
    ]
    entries += [
        Entry(
            kind=SearchKind.SPEAKER,
            object_id=s.id,
            title=s.name,
            body=_join(s.affiliation, s.bio, event.title),
            url=url,
            **common,
        )
        for s in speakers
    ]
    resources = getattr(event, "approved_resources", None)
    if resources is None:
        resources = Resource.objects.filter(event=event, status=ResourceStatus.APPROVED)
    for r in resources:
        entries.append(
            Entry(
                kind=SearchKind.RESOURCE,
                object_id=r.id,
                title=r.title,
                body=_join(r.description, r.text, event.title),
                url=r.get_absolute_url(),
                is_public=r.visibility == ResourceVisibility.PUBLIC,
                **common,
            )
        )
    proceedings = getattr(event, "published_proceedings", "unread")
    if proceedings == "unread":
        proceedings = Proceedings.objects.filter(event=event, status=ProceedingsStatus.PUBLISHED).first()
    if proceedings is not None:
        entries.append(
            Entry(
                kind=SearchKind.PROCEEDINGS,
                object_id=proceedings.id,
                title=proceedings.title,
                body=_join(proceedings.introduction, _restitution_text(proceedings), event.title),
                url=proceedings.get_absolute_url(),
                **common,
            )
        )
    return entries


def _restitution_text(proceedings: Proceedings) -> str:
    from rencontres.workshops.models import Synthesis

    texts = Synthesis.objects.filter(workstream__workshop__in=proceedings.workshops.all()).values_list(
        "workstream__title", "text"
    )
    return "\n".join(f"{title}\n{text}" for title, text in texts)


def experience_entries(experience: Experience) -> list[Entry]:
    if experience.status != ExperienceStatus.PUBLISHED:
        return []
    return [
        Entry(
            kind=SearchKind.EXPERIENCE,
            object_id=experience.id,
            title=experience.title,
            body=_join(
                experience.summary,
                experience.carrier_name,
                experience.get_carrier_kind_display(),
                experience.partners,
                experience.funding,
                experience.results,
                experience.commune_name,
                experience.department_name,
                " ".join(t.name for t in experience.themes.all()),
                " ".join(experience.public_labels),
            ),
            url=experience.get_absolute_url(),
            organization_id=experience.organization_id,
            department=experience.department_code,
            year=experience.year,
            tags=[(TagFacet.THEME, t.slug, t.name) for t in experience.themes.all()]
            + [(TagFacet.PUBLIC, value, label) for value, label in experience.public_choices],
        )
    ]


def _write(entries: list[Entry]) -> None:
    rows = SearchEntry.objects.bulk_create(
        [
            SearchEntry(
                kind=e.kind,
                object_id=e.object_id,
                title=e.title[:300],
                body=e.body,
                url=e.url,
                is_public=e.is_public,
                event_id=e.event_id,
                organization_id=e.organization_id,
                department=e.department,
                year=e.year,
            )
            for e in entries
        ]
    )
    SearchTag.objects.bulk_create(
        [
            SearchTag(entry=row, facet=facet, value=value, label=label)
            for row, e in zip(rows, entries, strict=True)
            for facet, value, label in e.tags
        ]
    )
    fulltext.write([row.id for row in rows])


def _replace(stale, entries: list[Entry]) -> None:
    query.index_changed()
    ids = list(stale.values_list("id", flat=True))
    fulltext.forget(ids)
    SearchEntry.objects.filter(id__in=ids).delete()
    _write(entries)


@transaction.atomic
def reindex(key: str) -> None:
    """Rebuild the entries one key names, as the database has it now (a deleted thing leaves none)."""
    kind, _sep, raw_id = key.partition(":")
    object_id = int(raw_id)
    if kind == "event":
        event = Event.objects.select_related("organization").filter(id=object_id).first()
        stale = SearchEntry.objects.filter(event_id=object_id, kind__in=EVENT_KINDS)
        _replace(stale, event_entries(event) if event else [])
    elif kind == "experience":
        experience = Experience.objects.filter(id=object_id).first()
        stale = SearchEntry.objects.filter(kind=SearchKind.EXPERIENCE, object_id=object_id)
        _replace(stale, experience_entries(experience) if experience else [])
    else:
        raise ValueError(f"unknown search key {key!r}")


DELETE_BATCH = 5000


def _delete_all(*, batch: int) -> None:
    """Every entry and tag, in batches: one `delete()` of all the entries made PostgreSQL refuse the
    tags' cascade (one parameter per entry, over 65,535 at the issue's sizes)."""
    SearchTag.objects.all().delete()
    ids = list(SearchEntry.objects.values_list("id", flat=True).order_by("id"))
    for start in range(0, len(ids), batch):
        SearchEntry.objects.filter(id__in=ids[start : start + batch]).delete()


@transaction.atomic
def rebuild(*, batch: int = 200) -> int:
    """Everything from scratch: every public event with its parts, every published experience."""
    query.index_changed()
    fulltext.clear()
    _delete_all(batch=DELETE_BATCH)
    count = 0
    events = Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]).select_related(
        "organization"
    )
    ids = list(events.values_list("id", flat=True).order_by("id"))
    approved = Resource.objects.filter(status=ResourceStatus.APPROVED).order_by("id")
    for start in range(0, len(ids), batch):
        chunk = list(
            events.filter(id__in=ids[start : start + batch]).prefetch_related(
                "themes",
                Prefetch("sessions", queryset=Session.objects.prefetch_related("speakers")),
                "speakers",
                Prefetch("resources", queryset=approved, to_attr="approved_resources"),
            )
        )
        published = {
            p.event_id: p
            for p in Proceedings.objects.filter(event__in=chunk, status=ProceedingsStatus.PUBLISHED).prefetch_related(
                "workshops"
            )
        }
        for event in chunk:
            event.published_proceedings = published.get(event.id)
        entries = [entry for event in chunk for entry in event_entries(event)]
        _write(entries)
        count += len(entries)
    experiences = Experience.objects.filter(status=ExperienceStatus.PUBLISHED).prefetch_related("themes")
    for experience in experiences.iterator(chunk_size=batch):
        entries = experience_entries(experience)
        _write(entries)
        count += len(entries)
    return count
