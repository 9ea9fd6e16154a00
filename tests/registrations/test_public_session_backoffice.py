"""The organiser's side of a session open to the public: its places in the session form, who registered, the export."""

import csv
import io

import pytest
from django.urls import reverse

from rencontres.events.models import Session
from rencontres.registrations import services
from rencontres.registrations.models import DataAccessLogEntry, SessionSeat
from tests import factories

from .public_sessions import make_lecture, take_seat

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def session_fields(day, **fields):
    values = {"title": "Conférence", "start_time": "20:00", "kind": "lecture", "mode": "on_site", **fields}
    return {f"session-{day.id}-{name}": value for name, value in values.items()}


def test_the_organiser_gives_a_public_session_its_places_in_the_session_form(client, alice, organization):
    event = factories.make_event(organization, published=False, sessions_per_day=0)
    day = event.days.get()
    client.force_login(alice)

    page = client.get(reverse("backoffice:event_edit", args=[event.id])).content.decode()
    assert f'name="session-{day.id}-public_capacity"' in page and "Places pour le public" in page

    client.post(
        f"/gestion/journees/{day.id}/seances/", session_fields(day, is_open_to_public="on", public_capacity="80")
    )
    session = Session.objects.get(event=event)
    assert (session.is_open_to_public, session.public_capacity) == (True, 80)

    client.post(
        f"/gestion/journees/{day.id}/seances/", session_fields(day, title="Sans limite", is_open_to_public="on")
    )
    assert Session.objects.get(title="Sans limite").public_capacity is None


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"public_capacity": "30"}, "ne valent que pour une séance ouverte au public"),
        ({"is_open_to_public": "on", "public_capacity": "0"}, "supérieure ou égale à 1"),
        ({"is_open_to_public": "on", "public_capacity": "beaucoup"}, "Saisissez un nombre entier"),
    ],
)
def test_places_for_the_public_are_refused_in_french_when_they_make_no_sense(
    client, alice, organization, fields, message
):
    event = factories.make_event(organization, published=False, sessions_per_day=0)
    day = event.days.get()
    client.force_login(alice)

    response = client.post(f"/gestion/journees/{day.id}/seances/", session_fields(day, **fields))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Session.objects.filter(event=event).exists()


def test_the_registrations_page_lists_each_public_session_with_its_count(
    client, alice, organization, django_assert_max_num_queries
):
    session = make_lecture(organization, places=80)
    take_seat(session, email="anne@example.org", first_name="Anne", last_name="Durand")
    paul, _created = take_seat(session, email="paul@example.org", first_name="Paul", last_name="Martin")
    take_seat(session, email="lea@example.org", first_name="Léa", last_name="Roux")
    services.give_up_public_seat(seat=paul)
    client.force_login(alice)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("backoffice:registrations", args=[session.event.id]))

    page = response.content.decode()
    assert "Séances ouvertes au public" in page
    assert "2 inscrits sur 80 places" in page
    assert "Anne Durand" in page and "Léa Roux" in page and "Paul Martin" not in page


def test_the_export_is_a_french_csv_of_the_people_registered_and_is_journaled(client, alice, organization):
    session = make_lecture(organization, places=80)
    take_seat(session, email="anne@example.org", first_name="Anne", last_name="=Durand")
    client.force_login(alice)

    response = client.get(reverse("backoffice:public_seats_csv", args=[session.event.id]))

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Séance", "Date", "Prénom", "Nom", "Adresse électronique", "Inscrit le"]
    assert rows[1][:5] == ["Conférence du soir", "14/03/2030", "Anne", "'=Durand", "anne@example.org"]
    assert DataAccessLogEntry.objects.filter(event=session.event, actor=alice).exists()


def test_an_outsider_sees_neither_the_list_nor_the_export(client, charlie, organization):
    session = make_lecture(organization, places=80)
    take_seat(session)
    client.force_login(charlie)

    assert client.get(reverse("backoffice:public_seats_csv", args=[session.event.id])).status_code == 404
    assert SessionSeat.objects.count() == 1
