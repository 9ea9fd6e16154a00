import datetime as dt

import pytest
import time_machine

from rencontres.events import services as event_services
from rencontres.events.enums import EventFormat, PayerKind

from .builders import add_tier, make_event, register

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC)


@time_machine.travel(TODAY, tick=False)
def test_the_list_shows_published_events_with_their_places_left(client, organization):
    event = make_event(organization, title="Séminaire Cluny", capacity=30)
    register(event)
    make_event(organization, title="Brouillon", published=False)

    response = client.get("/api/events/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["slug"] == event.slug
    assert item["registration"]["places_left"] == 29
    assert item["registration"]["state"] == "open"
    assert item["url"].endswith(f"/evenements/{event.slug}/")


@time_machine.travel(TODAY, tick=False)
def test_the_list_filters_like_the_catalogue(client, organization):
    seminar = make_event(organization, title="Séminaire", format=EventFormat.SEMINAIRE, department_code="93")
    make_event(organization, title="Webinaire", format=EventFormat.WEBINAIRE, department_code="78")
    past = make_event(organization, title="Ancienne journée", days=(dt.date(2029, 5, 2),))

    assert [e["slug"] for e in client.get("/api/events/?format=seminaire").json()["items"]] == [seminar.slug]
    assert [e["slug"] for e in client.get("/api/events/?department=93").json()["items"]] == [seminar.slug]
    assert [e["slug"] for e in client.get("/api/events/?when=past").json()["items"]] == [past.slug]
    assert client.get("/api/events/?when=all").json()["count"] == 3


@time_machine.travel(TODAY, tick=False)
def test_the_list_is_paginated(client, organization):
    for day in range(1, 6):
        make_event(organization, title=f"Journée {day}", days=(dt.date(2030, 3, day),))

    page = client.get("/api/events/?limit=2&offset=2").json()

    assert page["count"] == 5
    assert [e["title"] for e in page["items"]] == ["Journée 3", "Journée 4"]


@time_machine.travel(TODAY, tick=False)
def test_the_list_costs_the_same_queries_for_one_or_many_events(client, organization, django_assert_max_num_queries):
    for n in range(12):
        make_event(organization, title=f"Journée {n}")
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/events/?limit=50").json()["items"]) == 12


def test_a_bad_filter_gets_a_french_422_naming_the_field(client, db):
    response = client.get("/api/events/?limit=1000&format=bal")

    assert response.status_code == 422
    fields = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert fields["limit"] == "Donnez un nombre inférieur ou égal à 100."
    assert fields["format"].startswith("Choisissez l'une de ces valeurs")
    assert response.json()["detail"].startswith("Corrigez ces champs")


@time_machine.travel(TODAY, tick=False)
def test_an_event_shows_its_programme_prices_and_session_places(client, organization):
    event = make_event(
        organization,
        title="Rencontres",
        capacity=30,
        sessions_per_day=2,
        days=(dt.date(2030, 3, 14), dt.date(2030, 3, 15)),
    )
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=85000, label="Employeur")
    workshop = event.sessions.order_by("id").first()
    event_services.update_session(session=workshop, capacity=12)
    event_services.update_session(
        session=event.sessions.order_by("id").last(), online_url="https://visio.example.org/x", mode="online"
    )

    response = client.get(f"/api/events/{event.slug}")

    assert response.status_code == 200
    body = response.json()
    assert [d["date"] for d in body["days"]] == ["2030-03-14", "2030-03-15"]
    sessions = [s for d in body["days"] for s in d["sessions"]]
    assert len(sessions) == 4
    assert {s["id"]: s["places_left"] for s in sessions}[workshop.id] == 12
    assert body["prices"] == [
        {"id": tier.id, "label": "Employeur", "amount_cents": 85000, "payer_kind": "employer", "includes": ""}
    ]
    assert body["registration"]["places_left"] == 30
    assert "visio.example.org" not in response.content.decode()  # the link is for registered people only


def test_a_draft_event_is_not_found(client, organization):
    event = make_event(organization, published=False)

    response = client.get(f"/api/events/{event.slug}")

    assert response.status_code == 404
    assert "Aucun événement public" in response.json()["detail"]
