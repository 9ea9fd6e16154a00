"""No registration to an event announced before its dates are known, whatever the face."""

import datetime as dt

import pytest
import time_machine

from rencontres.events import services as event_services
from rencontres.registrations import availability
from rencontres.registrations.enums import AvailabilityState
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import Registration

from .builders import make_event, register

pytestmark = pytest.mark.django_db

NOT_DATED = "Les dates de cet événement ne sont pas encore connues : les inscriptions ouvriront quand elles le seront."


@pytest.fixture(autouse=True)
def _in_2030():
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def announced(organization):
    return make_event(organization, days=(), period_label="2e semestre 2030", capacity=30)


def test_the_service_refuses_a_registration_until_the_event_has_dates(announced):
    assert availability.event_availability(announced).state == AvailabilityState.NOT_YET_DATED

    with pytest.raises(RegistrationError) as refused:
        register(announced, email="camille@example.org")

    assert refused.value.message == NOT_DATED
    assert not Registration.objects.exists()


def test_an_external_registration_link_is_not_offered_before_the_dates(organization):
    event = make_event(organization, days=(), period_label="2e semestre 2030", registration_url="https://example.org/")

    assert availability.event_availability(event).state == AvailabilityState.NOT_YET_DATED


def test_registration_opens_once_the_first_day_is_added(announced):
    event_services.add_day(event=announced, date=dt.date(2030, 10, 6))
    announced.refresh_from_db()

    registration = register(announced, email="camille@example.org")

    assert registration.event == announced


def test_the_api_refuses_with_the_same_french_message(client, announced):
    response = client.post(
        f"/api/events/{announced.slug}/registrations",
        {"first_name": "Camille", "last_name": "Martin", "email": "camille@example.org", "job_title": "éducatrice"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["detail"] == NOT_DATED
    assert not Registration.objects.exists()


def test_the_api_shows_the_period_and_the_state(client, announced):
    item = client.get(f"/api/events/{announced.slug}").json()

    assert item["starts_on"] is None and item["period_label"] == "2e semestre 2030"
    assert item["registration"]["state"] == "not_yet_dated"


def test_the_form_says_why_and_registers_nobody(client, announced):
    page = client.get(f"/evenements/{announced.slug}/inscription/").content.decode()
    client.post(f"/evenements/{announced.slug}/inscription/", {"email": "camille@example.org"})

    assert "Les dates ne sont pas encore connues" in page
    assert not Registration.objects.exists()
