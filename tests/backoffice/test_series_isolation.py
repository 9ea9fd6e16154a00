"""An organisation files its events under its own cycles only."""

import pytest
from django.core.exceptions import ValidationError

from rencontres.events import services
from rencontres.events.models import Series
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def their_series(other_organization):
    return Series.objects.create(organization=other_organization, title="Cycle d'un autre organisme", slug="autre")


def test_the_editor_offers_only_the_organisations_own_cycles(client, alice, organization, their_series):
    mine = Series.objects.create(organization=organization, title="Nos ateliers", slug="nos-ateliers")
    event = make_event(organization, published=False)
    client.force_login(alice)

    page = client.get(f"/gestion/evenements/{event.id}/").content.decode()

    assert mine.title in page
    assert their_series.title not in page


def test_posting_another_organisations_cycle_is_refused_and_changes_nothing(client, alice, organization, their_series):
    event = make_event(organization, published=False)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/", {"title": event.title, "format": event.format, "series": their_series.id}
    )

    assert response.status_code == 400
    event.refresh_from_db()
    assert event.series is None
    assert not their_series.events.exists()


def test_the_service_refuses_another_organisations_cycle_too(organization, their_series):
    event = make_event(organization, published=False)

    with pytest.raises(ValidationError, match="cycle de votre organisme"):
        services.update_event(event=event, series=their_series)
