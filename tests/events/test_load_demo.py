"""Loading the demo: into an empty database only, once, and saying how to sign in."""

import io

import pytest
from django.core.management import call_command

from rencontres.events.demo_data import DEMO_EVENTS, DEMO_ORGANISER_EMAIL, DEMO_ORGANISER_PASSWORD
from rencontres.events.enums import EventStatus
from rencontres.events.models import Event, Session
from rencontres.organizations.models import Organization
from rencontres.registrations.demo import load_demo
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_loading_into_an_empty_database_publishes_the_five_demo_events():
    events = load_demo()

    assert len(events) == 5
    assert Event.objects.filter(status=EventStatus.PUBLISHED).count() == 5
    for data, event in zip(DEMO_EVENTS, events, strict=True):
        event.refresh_from_db()
        dates = [day.date for day in data.days]
        assert event.title == data.title
        assert (event.starts_on, event.ends_on) == (min(dates), max(dates))
        assert event.days.count() == len(data.days)
        assert event.sessions.count() == sum(len(day.sessions) for day in data.days)
        assert event.speakers.count() == len(data.speakers)
        assert event.themes.exists()


def test_loading_twice_does_not_duplicate_anything():
    load_demo()
    counts = (Event.objects.count(), Session.objects.count(), Organization.objects.count())

    assert load_demo() == []
    assert (Event.objects.count(), Session.objects.count(), Organization.objects.count()) == counts


def test_nothing_is_loaded_when_the_database_already_has_an_event(organization):
    make_event(organization)

    assert load_demo() == []
    assert Event.objects.count() == 1


def test_load_demo_command_says_what_it_did_and_how_to_sign_in():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "5 événements de démonstration chargés" in out.getvalue()
    assert DEMO_ORGANISER_EMAIL in out.getvalue() and DEMO_ORGANISER_PASSWORD in out.getvalue()

    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert "n'ont pas été chargées" in again.getvalue()
