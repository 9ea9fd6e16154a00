"""The demo's evening lecture open to the public (seed 000): its places and audience as run, and the next one open."""

import pytest
from django.urls import reverse

from rencontres.events.models import Event
from rencontres.registrations import availability
from rencontres.registrations.enums import AvailabilityState
from tests.events.test_demo import demo_event

pytestmark = pytest.mark.django_db


def _lecture(event: Event):
    (item,) = availability.public_sessions_of(event)
    return item


def test_cluny_s_lecture_had_80_places_and_its_audience_is_shown_as_run(demo, client):
    cluny = demo_event("000")
    lecture = _lecture(cluny)

    assert (lecture.capacity, lecture.taken, lecture.state) == (80, 47, AvailabilityState.PAST)
    page = client.get(cluny.get_absolute_url()).content.decode()
    assert "Séance passée : 47 personnes du public y étaient inscrites." in page
    assert "S&#x27;inscrire à cette séance" not in page and "S'inscrire à cette séance" not in page


def test_the_next_cluny_edition_s_lecture_takes_registrations(demo, client):
    cluny = demo_event("000")
    upcoming = Event.objects.filter(title=cluny.title).latest("starts_on")
    lecture = _lecture(upcoming)

    assert upcoming.starts_on > cluny.starts_on
    assert (lecture.capacity, lecture.taken, lecture.state) == (80, 0, AvailabilityState.OPEN)
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert reverse("site:public_session_register", args=[upcoming.slug, lecture.session.id]) in page
    assert "80 places restantes" in page
