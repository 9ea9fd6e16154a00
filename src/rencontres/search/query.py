"""The search: the viewer's access, the facets' filters, the text match, the counts, the best results."""

import hashlib
import json
import secrets
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import translation
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
# A stranger's results are kept in the shared cache until the index next changes (at most this long).
RESULTS_CACHE_SECONDS = 3600
INDEX_VERSION_KEY = "search:index-version"


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


def _browsed_groups(entries: QuerySet) -> tuple[list[tuple], list[tuple]]:
    """Without words: the filtered entries' counts by facet column and by tag, as `fulltext.summarise` gives them."""
    groups = [
        (r["kind"], r["department"], r["year"], r["organization_id"], r["n"])
        for r in entries.order_by()
        .values("kind", "department", "year", "organization_id")
        .annotate(n=Count("id"))
        .order_by()
    ]
    tags = [
        (r["facet"], r["value"], r["label"], r["n"])
        for r in SearchTag.objects.filter(entry_id__in=entries.order_by().values("id"))
        .values("facet", "value", "label")
        .annotate(n=Count("id"))
        .order_by()
    ]
    return groups, tags


def _count_and_facets(groups: list[tuple], tags: list[tuple]) -> tuple[int, dict[str, list[FacetValue]]]:
    """The number of matches and the facet values with their counts, from the counts by facet column and by tag.

    The counts are exact: they are read from every matching entry, not from the page.
    """
    totals: list[dict] = [{}, {}, {}, {}]  # kind, department, year, organization_id
    for *values, n in groups:
        for counts, value in zip(totals, values, strict=True):
            if value not in ("", None):
                counts[value] = counts.get(value, 0) + n
    by_kind, by_department, by_year, by_organization = totals
    kinds = dict(SearchKind.choices)
    organizations = Organization.objects.in_bulk(list(by_organization)) if by_organization else {}
    busiest = sorted(by_organization.items(), key=lambda item: (-item[1], item[0]))[:30]
    facets = {
        "kind": [
            FacetValue(kind, str(kinds.get(kind, kind)), n)
            for kind, n in sorted(by_kind.items(), key=lambda item: (-item[1], item[0]))
        ],
        "territory": [
            FacetValue(code, territories.department_name(code), n)
            for code, n in sorted(by_department.items(), key=lambda item: (-item[1], item[0]))[:30]
        ],
        "year": [FacetValue(str(year), str(year), n) for year, n in sorted(by_year.items(), reverse=True)[:30]],
        "organization": [
            FacetValue(organizations[pk].slug, organizations[pk].name, n) for pk, n in busiest if pk in organizations
        ],
    }
    ordered_tags = sorted(tags, key=lambda tag: (-tag[3], tag[2], tag[1]))
    for facet in (TagFacet.THEME, TagFacet.PUBLIC):
        facets[str(facet)] = [FacetValue(value, label, n) for f, value, label, n in ordered_tags if f == facet][:30]
    return sum(group[-1] for group in groups), facets


def index_version() -> str:
    """A token that changes whenever the index does: the cached results carry it in their key."""
    version = cache.get(INDEX_VERSION_KEY)
    if version is None:
        cache.add(INDEX_VERSION_KEY, secrets.token_hex(8), None)
        version = cache.get(INDEX_VERSION_KEY, "")
    return version


def _new_index_version() -> None:
    cache.set(INDEX_VERSION_KEY, secrets.token_hex(8), None)


def index_changed() -> None:
    """Called by every write to the index: the cached results are not read again.

    Changed at once (a search in this transaction sees the change) and again once the write
    commits: a search elsewhere that read the old rows between the two cannot keep them cached.
    """
    _new_index_version()
    transaction.on_commit(_new_index_version)


def search(query: str, *, viewer=None, **filters) -> SearchResults:
    """What `viewer` (None: a stranger) may find for `query`: see `search_now`.

    A stranger's search is kept in the shared cache until the index changes: a word found in
    tens of thousands of entries costs 100–300 ms to count and rank (bench/search.py), and the
    words most searched for are the common ones. A signed-in person's search is never cached:
    what they may see depends on their registrations.
    """
    if viewer is not None and viewer.is_authenticated:
        return search_now(query, viewer=viewer, **filters)
    described = json.dumps([query, translation.get_language(), sorted(filters.items())], default=str)
    key = f"search:results:{index_version()}:{hashlib.sha256(described.encode()).hexdigest()}"
    results = cache.get(key)
    if results is None:
        results = search_now(query, **filters)
        cache.set(key, results, RESULTS_CACHE_SECONDS)
    return results


def search_now(
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
    kinds = dict(SearchKind.choices)
    if words:
        # One statement: the text match runs once for the counts, the facets and the page.
        summary = fulltext.summarise(entries, words, limit=limit, offset=offset)
        count, facets = _count_and_facets(summary.groups, summary.tags)
        ids = [entry_id for entry_id, _rank in summary.top]
        rows = SearchEntry.objects.only("kind", "title", "url").in_bulk(ids)
        extracts = fulltext.extracts(ids, words)
        items = [
            Hit(e.kind, str(kinds[e.kind]), e.title, e.url, extracts.get(entry_id, mark_safe("")), rank)
            for entry_id, rank in summary.top
            if (e := rows.get(entry_id)) is not None
        ]
    else:
        count, facets = _count_and_facets(*_browsed_groups(entries))
        newest = entries.order_by("-year", "-id").only("kind", "title", "url", "body")[offset : offset + limit]
        items = [Hit(e.kind, str(kinds[e.kind]), e.title, e.url, _opening(e.body), 0.0) for e in newest]
    return SearchResults(query=query, count=count, items=items, facets=facets if with_facets else {})


def _opening(body: str) -> SafeString:
    text = " ".join(body[:400].split())
    return mark_safe(escape(text[:240] + ("…" if len(text) > 240 else "")))  # noqa: S308 - escaped


MAX_LISTED_EVENT_IDS = 20_000  # SQLite takes at most 32,766 parameters in a statement


def matching_event_ids(query: str) -> list[int] | QuerySet:
    """The public events whose own entry matches every word of `query`: the catalogue's text filter.

    The match is read once into a list of ids: the catalogue asks for two lists and their two
    counts, and as a subquery the text match ran again in each of the four statements
    (bench/pages.py, `/?q=solidarite`). A word common to more events stays a subquery.
    """
    words = fulltext.terms(query)
    entries = SearchEntry.objects.filter(kind=SearchKind.EVENT, is_public=True)
    if not words:
        return entries.values("event_id")
    matched = fulltext.matching(entries, words).values("event_id")
    ids = list(matched.values_list("event_id", flat=True)[: MAX_LISTED_EVENT_IDS + 1])
    return matched if len(ids) > MAX_LISTED_EVENT_IDS else ids
