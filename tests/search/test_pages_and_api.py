"""The search page and `GET /api/search`: what a visitor gets, what bad input gets."""

import pytest

from rencontres.resources import services as resource_services
from rencontres.resources.enums import ResourceKind, ResourceVisibility
from rencontres.search import indexing
from tests.registrations.builders import make_event
from tests.workshops.builders import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(organization):
    event = make_event(organization, title="Journée des solidarités", department_code="93")
    resource_services.add_resource(
        event=event,
        kind=ResourceKind.READING,
        title="Note réservée sur les solidarités",
        url="https://example.org/n",
        visibility=ResourceVisibility.REGISTERED,
    )
    indexing.rebuild()
    return event


def test_the_api_answers_count_facets_and_items_without_private_resources(client, indexed):
    body = client.get("/api/search?q=solidarites").json()

    assert set(body) == {"count", "facets", "items"}
    assert {"kind", "title", "url", "extract", "rank"} <= set(body["items"][0])
    assert body["items"][0]["url"].startswith("http://testserver/")
    assert "Note réservée sur les solidarités" not in [i["title"] for i in body["items"]]
    assert {f["value"] for f in body["facets"]["kind"]} == {"event", "session"}
    assert client.get("/api/search?q=solidarites&kind=event").json()["count"] == 1


def test_the_api_refuses_bad_filters_in_french(client, indexed):
    response = client.get("/api/search?q=x&kind=virus&limit=1000")

    assert response.status_code == 422
    assert "Corrigez ces champs" in response.json()["detail"]


def test_the_search_page_shows_results_and_facets(client, indexed):
    page = page_text(client.get("/recherche/?q=SOLIDARITES"))

    assert "Journée des solidarités" in page
    assert "<mark>" in client.get("/recherche/?q=solidarites").content.decode() or "résultat" in page
    assert "Seine-Saint-Denis" in page


def test_a_bad_filter_on_the_search_page_is_a_400_not_a_500(client, indexed):
    response = client.get("/recherche/?q=x&annee=abc&territoire=<script>")

    assert response.status_code == 400
    assert "Un filtre n'est pas valable" in page_text(response)
