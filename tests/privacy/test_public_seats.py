"""Seats in sessions open to the public hold a name and an address: in the download, the erasure and the retention job."""

import datetime as dt

import pytest
import time_machine

from rencontres.accounts.services import get_or_create_person
from rencontres.privacy import services
from rencontres.registrations.models import SessionSeat
from tests.registrations.public_sessions import make_lecture, take_seat

pytestmark = pytest.mark.django_db

EMAIL = "anne@example.org"
BEFORE = dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC)


def at(moment: dt.datetime):
    return time_machine.travel(moment, tick=False)


def test_the_download_holds_the_person_s_seats_and_no_one_else_s(organization):
    with at(BEFORE):
        session = make_lecture(organization, places=10)
        take_seat(session, email=EMAIL)
        take_seat(session, email="paul@example.org", last_name="Martin")
    person = get_or_create_person(email=EMAIL)

    data = services.person_data(user=person)

    (seat,) = data["places_aux_seances_ouvertes_au_public"]
    assert (seat["seance"], seat["adresse_electronique"], seat["nom"]) == ("Conférence du soir", EMAIL, "Durand")
    assert "Martin" not in str(data)


def test_erasing_frees_a_seat_still_to_come_and_removes_the_name_of_a_past_one(organization):
    with at(BEFORE):
        past = make_lecture(organization, places=10, days=(dt.date(2030, 2, 1),))
        coming = make_lecture(organization, places=1, days=(dt.date(2030, 9, 1),))
        take_seat(past, email=EMAIL)
        take_seat(coming, email=EMAIL)
        take_seat(past, email="paul@example.org", last_name="Martin")
    person = get_or_create_person(email=EMAIL)

    with at(dt.datetime(2030, 6, 1, 10, tzinfo=dt.UTC)):
        services.erase_person(user=person)
        assert take_seat(coming, email="lea@example.org", last_name="Roux")[1] is True  # the place went back

    assert not SessionSeat.objects.filter(email=EMAIL).exists()
    assert not SessionSeat.objects.filter(last_name="Durand").exists()
    past_seat = SessionSeat.objects.get(session=past, anonymised_at__isnull=False)
    assert past_seat.is_live  # who came stays counted
    assert SessionSeat.objects.get(email="paul@example.org").last_name == "Martin"


def test_the_retention_job_removes_the_names_after_the_organisation_s_period(organization):
    with at(BEFORE):
        session = make_lecture(organization, places=10, days=(dt.date(2030, 3, 14),))
        take_seat(session, email=EMAIL)

    with at(dt.datetime(2033, 3, 14, 3, tzinfo=dt.UTC)):
        services.anonymise_expired()
    assert SessionSeat.objects.get().email == EMAIL

    with at(dt.datetime(2033, 3, 15, 3, tzinfo=dt.UTC)):
        services.anonymise_expired()
    seat = SessionSeat.objects.get()
    assert seat.email.endswith("@anonyme.invalid") and seat.last_name == "" and seat.is_live
