"""`fulltext.summarise`, the one hand-written statement of the search, pinned to the ORM's answers on both databases.

It must count, group and rank exactly what the plain ORM queries over `fulltext.matching`
give, and read the text match once per search.
"""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from rencontres.events.models import Theme
from rencontres.resources import services as resource_services
from rencontres.resources.enums import ResourceKind, ResourceVisibility
from rencontres.search import fulltext, indexing, search
from rencontres.search.models import SearchEntry, SearchTag
from rencontres.search.query import search_now
from tests.registrations.builders import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(organization):
    insertion = Theme.objects.create(name="Insertion", slug="insertion")
    logement = Theme.objects.create(name="Logement", slug="logement")
    for n, (department, themes) in enumerate([("93", [insertion]), ("78", [insertion, logement]), ("13", [])]):
        event = make_event(
            organization,
            title=f"Journée {n} des solidarités",
            description="Solidarité et coopération." if n else "Accès aux droits.",
            department_code=department,
        )
        event.themes.add(*themes)
        for visibility in (ResourceVisibility.PUBLIC, ResourceVisibility.REGISTERED):
            resource_services.add_resource(
                event=event,
                kind=ResourceKind.READING,
                title=f"Note {n} sur les solidarités locales",
                url=f"https://example.org/{n}/{visibility}",
                visibility=visibility,
            )
    indexing.rebuild()


def _orm_answers(entries, words):
    """What summarise must give, from plain ORM queries that each run the match again."""
    matched = fulltext.matching(entries, words)
    groups = sorted(
        (r["kind"], r["department"], r["year"], r["organization_id"], r["n"])
        for r in matched.values("kind", "department", "year", "organization_id").annotate(n=Count("id")).order_by()
    )
    tags = sorted(
        (r["facet"], r["value"], r["label"], r["n"])
        for r in SearchTag.objects.filter(entry__in=matched)
        .values("facet", "value", "label")
        .annotate(n=Count("id"))
        .order_by()
    )
    return groups, tags, set(matched.values_list("id", flat=True))


@pytest.mark.parametrize("query", ["solidarites", "solidarite cooperation", "note locales", "droits"])
def test_summarise_counts_and_ranks_what_the_orm_finds(indexed, query):
    entries = SearchEntry.objects.filter(is_public=True)
    words = fulltext.terms(query)

    summary = fulltext.summarise(entries, words, limit=100)
    groups, tags, ids = _orm_answers(entries, words)

    assert sorted(summary.groups) == groups
    assert sorted(summary.tags) == tags
    assert {entry_id for entry_id, _rank in summary.top} == ids
    ranks = [rank for _id, rank in summary.top]
    assert ranks == sorted(ranks, reverse=True)


def test_a_page_of_the_summary_is_that_slice_of_the_whole_ranking(indexed):
    entries = SearchEntry.objects.filter(is_public=True)
    words = fulltext.terms("solidarites")

    whole = fulltext.summarise(entries, words, limit=100).top
    page = fulltext.summarise(entries, words, limit=2, offset=1).top

    assert len(whole) > 3 and page == whole[1:3]


def test_one_search_reads_the_text_match_once(indexed):
    with CaptureQueriesContext(connection) as captured:
        results = search_now("solidarites")

    assert results.count > 0
    statements = [q["sql"] for q in captured.captured_queries]
    if connection.vendor == "postgresql":
        assert len([sql for sql in statements if "@@" in sql]) == 1
    else:
        # The second match only cuts the extracts of the page's rows.
        first, *others = [sql for sql in statements if "MATCH" in sql]
        assert "snippet(" not in first and [("snippet(" in sql and "rowid IN" in sql) for sql in others] == [True]
    assert len(statements) <= 4


def _matching_statements(captured) -> list[str]:
    match = "@@" if connection.vendor == "postgresql" else "MATCH"
    return [q["sql"] for q in captured.captured_queries if match in q["sql"]]


def test_the_catalogue_reads_the_text_match_once(client, indexed):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/?q=solidarites")

    assert response.status_code == 200
    assert "Journée 1 des solidarités" in response.content.decode()
    assert "Journée 0 des solidarités" in response.content.decode()  # by its title, not its text
    assert len(_matching_statements(captured)) == 1


def test_the_catalogue_text_filter_finds_what_the_search_finds(indexed):
    from rencontres.search.query import matching_event_ids

    found = {hit.url for hit in search("cooperation", kind="event").items}

    assert len(matching_event_ids("cooperation")) == len(found) == 2
