"""The Django admin covers every model, and cannot bypass the rules on places."""

import datetime as dt

import pytest
from django.contrib import admin

from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(email="admin@example.org", password="motdepasse-solide-42")


def test_every_model_of_the_apps_has_an_admin_page_that_renders(client, superuser, organization):
    event = make_event(organization, capacity=1)
    register(event)
    client.force_login(superuser)
    ours = [
        model
        for model in admin.site._registry
        if model._meta.app_label in {"accounts", "organizations", "events", "registrations", "announcements"}
    ]
    assert {m.__name__ for m in ours} >= {
        "Organization",
        "Membership",
        "Event",
        "Series",
        "Session",
        "Speaker",
        "Venue",
        "PriceTier",
        "Document",
        "Registration",
        "Question",
        "Invitation",
    }
    for model in ours:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert client.get(url).status_code == 200, url
    registration = Registration.objects.get()
    assert client.get(f"/admin/registrations/registration/{registration.id}/change/").status_code == 200


def test_the_admin_cannot_change_a_state_nor_add_a_registration(client, superuser, organization):
    event = make_event(organization, capacity=1)
    register(event)
    waiting = register(event)
    assert waiting.state == RegistrationState.WAITING
    client.force_login(superuser)

    page = client.get(f"/admin/registrations/registration/{waiting.id}/change/").content.decode()
    assert 'name="state"' not in page
    client.post(
        f"/admin/registrations/registration/{waiting.id}/change/",
        {
            "first_name": "Camille",
            "last_name": "Martin",
            "email": waiting.email,
            "job_title": "éducatrice",
            "state": RegistrationState.CONFIRMED,
        },
    )
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.WAITING
    assert client.get("/admin/registrations/registration/add/").status_code == 403


def test_editing_a_day_or_a_session_in_the_admin_keeps_the_event_dates_and_search_in_step(
    client, superuser, organization
):
    event = make_event(organization, capacity=5)
    day, session = event.days.get(), event.sessions.get()
    client.force_login(superuser)
    client.post(f"/admin/events/day/{day.id}/change/", {"event": event.id, "date": "2031-05-20", "title": ""})
    client.post(
        f"/admin/events/session/{session.id}/change/",
        {
            "event": event.id,
            "day": day.id,
            "start_time": "09:00",
            "end_time": "10:00",
            "title": "Atelier de cartographie",
            "description": "",
            "kind": "workshop",
            "mode": "on_site",
            "online_url": "",
            "session_speakers-TOTAL_FORMS": "0",
            "session_speakers-INITIAL_FORMS": "0",
        },
    )
    event.refresh_from_db()
    assert event.starts_on == event.ends_on == dt.date(2031, 5, 20)
    assert "cartographie" in event.search_text
    assert Event.objects.filter(search_text__contains="cartographie").count() == 1
