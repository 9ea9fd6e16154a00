"""The importer creates venues through events.services.add_venue, which reuses the organisation's own."""

import pytest

from rencontres.announcements.services import create_draft_from_announcement
from rencontres.events.models import Venue
from tests import factories

pytestmark = pytest.mark.django_db


def test_importing_an_announcement_reuses_the_organisations_venue_and_validates_through_events(organization, alice):
    known = factories.make_venue(
        organization, name="Maison des solidarités", street="", postcode="93000", city="Bobigny"
    )
    parsed = {
        "title": "Journée d'étude sur l'insertion",
        "venues": [{"name": "Maison des solidarités", "postcode": "93000", "city": "Bobigny"}],
    }
    event = create_draft_from_announcement(
        organization=organization, parsed=parsed, source_name="annonce.txt", source_bytes=b"annonce", user=alice
    )
    assert event.venue == known
    assert Venue.objects.filter(organization=organization).count() == 1
