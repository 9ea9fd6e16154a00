"""The search: the viewer's access, the facets' filters, the text match, the counts, the best results."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rencontres.events.models import Event
from rencontres.experiences import territories
from rencontres.organizations.models import Organization
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from . import fulltext
from .enums import SearchKind, TagFacet
from .models import SearchEntry, SearchTag

FACETS = ("kind", "territory", "theme", "public", "year", "organization")
MAX_LIMIT = 100


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    extract: SafeString
    rank: float


@dataclass
class SearchResults:
    query: str
    count: int
    items: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def _viewer_access(viewer) -> Q:
    """Public entries, and those of the events the viewer organises or holds a confirmed place at."""
    access = Q(is_public=True)
    if viewer is not None and viewer.is_authenticated:
        confirmed = Registration.objects.filter(email=viewer.email.lower(), state=RegistrationState.CONFIRMED).values(
            "event_id"
        )
        organised = Event.objects.filter(organization__memberships__user=viewer).values("id")
        access |= Q(is_public=False, event_id__in=confirmed) | Q(is_public=False, event_id__in=organised)
    return access


def _filtered(*, viewer, kind, territory, theme, public, year, organization) -> QuerySet:
    entries = SearchEntry.objects.filter(_viewer_access(viewer))
    if kind:
        entries = entries.filter(kind=kind)
    if territory:
        entries = entries.filter(department=territory)
    if year:
        entries = entries.filter(year=year)
    if organization:
        entries = entries.filter(organization__slug=organization)
    for facet, value in ((TagFacet.THEME, theme), (TagFacet.PUBLIC, public)):
        if value:
            entries = entries.filter(id__in=SearchTag.objects.filter(facet=facet, value=value).values("entry_id"))
    return entries


def _count_and_facets(matched: QuerySet) -> tuple[int, dict[str, list[FacetValue]]]:
    """The number of matches and the facet counts, from one grouped pass over the match and one over its tags.

    The text match is the costly part of a search: grouping by every single-valued facet at once
    runs it once where a query per facet ran it five times (bench/search.py).
    """
    groups = list(
        matched.order_by().values("kind", "department", "year", "organization_id").annotate(n=Count("id")).order_by()
    )
    totals: dict[str, dict] = {"kind": {}, "department": {}, "year": {}, "organization_id": {}}
    for row in groups:
        for column, counts in totals.items():
            if row[column] not in ("", None):
                counts[row[column]] = counts.get(row[column], 0) + row["n"]
    kinds = dict(SearchKind.choices)
    organizations = Organization.objects.in_bulk(list(totals["organization_id"]))
    busiest = sorted(totals["organization_id"].items(), key=lambda item: (-item[1], item[0]))[:30]
    facets = {
        "kind": [
            FacetValue(kind, str(kinds.get(kind, kind)), n)
            for kind, n in sorted(totals["kind"].items(), key=lambda item: (-item[1], item[0]))
        ],
        "territory": [
            FacetValue(code, territories.department_name(code), n)
            for code, n in sorted(totals["department"].items(), key=lambda item: (-item[1], item[0]))[:30]
        ],
        "year": [FacetValue(str(year), str(year), n) for year, n in sorted(totals["year"].items(), reverse=True)[:30]],
        "organization": [
            FacetValue(organizations[pk].slug, organizations[pk].name, n) for pk, n in busiest if pk in organizations
        ],
    }
    tags = (
        SearchTag.objects.filter(entry_id__in=matched.order_by().values("id"))
        .values("facet", "value", "label")
        .annotate(n=Count("id"))
        .order_by("-n", "label")
    )
    for facet in (TagFacet.THEME, TagFacet.PUBLIC):
        facets[str(facet)] = [FacetValue(r["value"], r["label"], r["n"]) for r in tags if r["facet"] == facet][:30]
    return sum(row["n"] for row in groups), facets


def search(
    query: str,
    *,
    kind: str | None = None,
    viewer=None,
    territory: str = "",
    theme: str = "",
    public: str = "",
    year: int | None = None,
    organization: str = "",
    limit: int = 20,
    offset: int = 0,
    with_facets: bool = True,
) -> SearchResults:
    """What `viewer` (None: a stranger) may find for `query`, best first, with facet counts.

    Words match as prefixes, accents and case ignored; every word must be found. Without any
    word, the filtered entries come newest first, so the facets still browse the commons.
    Registered-only resources reach only the event's organisers and confirmed participants.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    words = fulltext.terms(query)
    entries = _filtered(
        viewer=viewer, kind=kind, territory=territory, theme=theme, public=public, year=year, organization=organization
    )
    matched = fulltext.matching(entries, words) if words else entries
    count, facets = _count_and_facets(matched) if with_facets else (matched.count(), {})
    kinds = dict(SearchKind.choices)
    if words:
        ranked = fulltext.ranked(entries, words, limit=limit, offset=offset) if count else []
        rows = SearchEntry.objects.in_bulk([r.entry_id for r in ranked])
        items = [
            Hit(e.kind, str(kinds[e.kind]), e.title, e.url, r.extract, r.rank)
            for r in ranked
            if (e := rows.get(r.entry_id)) is not None
        ]
    else:
        newest = matched.order_by("-year", "-id").only("kind", "title", "url", "body")[offset : offset + limit]
        items = [Hit(e.kind, str(kinds[e.kind]), e.title, e.url, _opening(e.body), 0.0) for e in newest]
    return SearchResults(query=query, count=count, items=items, facets=facets)


def _opening(body: str) -> SafeString:
    text = " ".join(body[:400].split())
    return mark_safe(escape(text[:240] + ("…" if len(text) > 240 else "")))  # noqa: S308 - escaped


def matching_event_ids(query: str) -> QuerySet:
    """The public events whose own entry matches every word of `query`: the catalogue's text filter."""
    words = fulltext.terms(query)
    entries = SearchEntry.objects.filter(kind=SearchKind.EVENT, is_public=True)
    return fulltext.matching(entries, words).values("event_id") if words else entries.values("event_id")
