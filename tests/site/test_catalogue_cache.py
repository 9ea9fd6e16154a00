"""The catalogue's cards are kept in the shared cache: every change a visitor could see shows at once."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rencontres.events import services
from rencontres.events.enums import EventFormat
from rencontres.organizations import services as organization_services
from tests import factories

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'class="fr-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_a_second_visit_reads_the_cards_from_the_cache_without_counting_or_sorting_events(client, organization):
    for k in range(3):
        factories.make_event(organization, title=f"Journée {k}", days=(dt.date(2030, 3, 14 + k),))
    first = client.get("/?format=journee")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/?format=journee")
    assert titles(second) == titles(first) == ["Journée 0", "Journée 1", "Journée 2"]
    event_reads = [q["sql"] for q in queries if '"events_event"' in q["sql"]]
    # Only the latest change, which the key is made of: no count, no sort, no card read.
    assert len(event_reads) == 1 and "LIMIT 1" in event_reads[0]


def test_each_change_a_card_shows_is_seen_at_the_next_visit(client, organization, django_capture_on_commit_callbacks):
    event = factories.make_event(organization, title="Journée des solidarités", days=(dt.date(2030, 3, 14),))
    assert titles(client.get("/")) == ["Journée des solidarités"]

    services.update_event(event=event, title="Journée des solidarités locales")
    assert titles(client.get("/")) == ["Journée des solidarités locales"]

    other = factories.make_event(organization, title="Séminaire PTCE", days=(dt.date(2030, 4, 2),))
    assert titles(client.get("/")) == ["Journée des solidarités locales", "Séminaire PTCE"]

    services.add_price_tier(event=other, label="Tarif employeur", amount_cents=12000, payer_kind="employer")
    page = client.get("/").content.decode()
    assert page.count(">Gratuit<") == 1

    organization_services.update_identity(organization=organization, name="CCAS de Tremblay-en-France")
    assert "CCAS de Tremblay-en-France" in client.get("/").content.decode()

    services.cancel_event(event=event)
    assert ">Annulé<" in client.get("/").content.decode()

    # Deleted in the admin: its search entry goes once the deletion commits.
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert titles(client.get("/")) == ["Journée des solidarités locales"]


def test_an_event_moves_to_the_past_the_day_after_it_ends(client, organization):
    factories.make_event(organization, title="Journée du 14 mars", days=(dt.date(2030, 3, 14),))
    # 23:55 and 00:02 in Paris: the cached cards have not expired yet.
    with time_machine.travel(dt.datetime(2030, 3, 14, 22, 55, tzinfo=dt.UTC)):
        assert titles(client.get("/?quand=a-venir")) == ["Journée du 14 mars"]
    with time_machine.travel(dt.datetime(2030, 3, 14, 23, 2, tzinfo=dt.UTC)):
        assert titles(client.get("/?quand=a-venir")) == []
        assert titles(client.get("/?quand=passes")) == ["Journée du 14 mars"]


def test_a_text_search_follows_the_search_index_updated_after_the_change(
    client, organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = factories.make_event(organization, title="Journée des aidants", format=EventFormat.JOURNEE)
    with django_capture_on_commit_callbacks() as reindex:
        services.update_event(event=event, title="Journée de la précarité énergétique")
    # Searched before the index task has run: the event's new title is not in the index yet.
    assert titles(client.get("/?q=precarite")) == []
    for callback in reindex:
        callback()
    assert titles(client.get("/?q=precarite")) == ["Journée de la précarité énergétique"]


def test_refused_filters_are_listed_and_a_valid_search_afterwards_is_not_affected(client, organization):
    factories.make_event(organization, title="Journée des solidarités", days=(dt.date(2030, 3, 14),))
    refused = client.get("/?departement=999", headers={"HX-Request": "true"})
    assert refused.status_code == 400
    assert "Certains filtres ne sont pas valides" in refused.content.decode()
    assert (
        "Certains filtres ne sont pas valides" not in client.get("/", headers={"HX-Request": "true"}).content.decode()
    )
