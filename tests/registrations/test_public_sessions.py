"""A session open to the public taken on its own, free: its places, duplicates, full, past, giving up."""

import datetime as dt

import pytest
from django.core import mail

from rencontres.events import services as event_services
from rencontres.events.models import PARIS
from rencontres.registrations import availability, services
from rencontres.registrations.enums import AvailabilityState
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import Registration, SessionSeat

from .public_sessions import make_lecture, take_seat

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_a_seat_takes_one_of_the_sessions_places_and_no_registration_to_the_event(organization):
    session = make_lecture(organization, places=2)

    seat, created = take_seat(session, email=" Anne@Example.org ")

    assert created and seat.email == "anne@example.org" and seat.is_live
    assert availability.public_session_availability(session).places_left == 1
    assert not Registration.objects.exists()


def test_the_same_address_twice_takes_no_second_place(organization):
    session = make_lecture(organization, places=2)
    first, _created = take_seat(session, email="anne@example.org")

    again, created = take_seat(session, email="ANNE@example.org", first_name="Annie")

    assert (again.id, created) == (first.id, False)
    assert SessionSeat.objects.filter(session=session).count() == 1
    assert availability.public_session_availability(session).places_left == 1


def test_a_full_session_refuses_in_french(organization):
    session = make_lecture(organization, places=1)
    take_seat(session, email="anne@example.org")

    with pytest.raises(RegistrationError, match="complète"):
        take_seat(session, email="paul@example.org")

    assert availability.public_session_availability(session).state == AvailabilityState.FULL
    assert SessionSeat.objects.filter(session=session).count() == 1


def test_without_a_number_of_places_there_is_no_limit(organization):
    session = make_lecture(organization, places=None)
    for n in range(5):
        take_seat(session, email=f"p{n}@example.org")

    current = availability.public_session_availability(session)
    assert (current.state, current.places_left, current.taken) == (AvailabilityState.OPEN, None, 5)


def test_a_session_that_has_begun_takes_nobody(organization):
    session = make_lecture(organization, places=10)
    begun = dt.datetime(2030, 3, 14, 20, 1, tzinfo=PARIS)

    with pytest.raises(RegistrationError, match="a eu lieu"):
        take_seat(session, now=begun)

    assert take_seat(session, now=begun - dt.timedelta(minutes=2))[1] is True


def test_an_unpublished_event_or_a_session_closed_to_the_public_takes_nobody(organization):
    draft_lecture = make_lecture(organization, places=10, published=False)
    with pytest.raises(RegistrationError, match="pas publié"):
        take_seat(draft_lecture)

    session = make_lecture(organization, places=10)
    event_services.update_session(session=session, is_open_to_public=False, public_capacity=None)
    with pytest.raises(RegistrationError, match="ouverte au public"):
        take_seat(session)
    assert not SessionSeat.objects.exists()


def test_a_cancelled_event_takes_nobody(organization):
    session = make_lecture(organization, places=10)
    event_services.cancel_event(event=session.event)

    with pytest.raises(RegistrationError):
        take_seat(session)


def test_giving_up_frees_the_place_for_someone_else(organization):
    session = make_lecture(organization, places=1)
    seat, _created = take_seat(session, email="anne@example.org")

    services.give_up_public_seat(seat=seat)
    services.give_up_public_seat(seat=seat)  # twice changes nothing

    seat.refresh_from_db()
    assert seat.cancelled_at is not None
    assert take_seat(session, email="paul@example.org")[1] is True
    # And the first person may come back: their given-up seat does not count.
    services.give_up_public_seat(seat=SessionSeat.objects.get(email="paul@example.org"))
    assert take_seat(session, email="anne@example.org")[1] is True


def test_a_seat_is_acknowledged_once_after_the_commit(organization, after_commit):
    session = make_lecture(organization, places=3)
    with after_commit():
        take_seat(session, email="anne@example.org")
        take_seat(session, email="anne@example.org")

    assert [m.to for m in mail.outbox] == [["anne@example.org"]]


def test_a_refused_seat_sends_nothing(organization, after_commit):
    session = make_lecture(organization, places=1)
    take_seat(session, email="anne@example.org")
    with after_commit(), pytest.raises(RegistrationError):
        take_seat(session, email="paul@example.org")

    assert mail.outbox == []


def test_the_event_page_list_reads_every_public_session_in_one_query(organization, django_assert_num_queries):
    session = make_lecture(organization, places=3)
    take_seat(session, email="anne@example.org")
    take_seat(session, email="paul@example.org")
    services.give_up_public_seat(seat=SessionSeat.objects.get(email="paul@example.org"))

    event = session.event
    with django_assert_num_queries(1):
        (item,) = availability.public_sessions_of(event)

    assert (item.session.id, item.taken, item.places_left, item.state) == (session.id, 1, 2, AvailabilityState.OPEN)


def test_cancelling_the_event_tells_everyone_holding_a_seat_and_takes_no_more(organization, alice, after_commit):
    session = make_lecture(organization, places=3)
    take_seat(session, email="anne@example.org")
    paul, _created = take_seat(session, email="paul@example.org")
    services.give_up_public_seat(seat=paul)
    mail.outbox.clear()

    with after_commit():
        services.cancel_event(event=session.event, actor=alice, reason="Intempéries.")

    (message,) = mail.outbox
    assert message.to == ["anne@example.org"] and "Séance annulée : Conférence du soir" in message.subject
    assert "n'aura pas lieu" in message.body and "20\u00a0h" in message.body and "Intempéries." in message.body
    with pytest.raises(RegistrationError):
        take_seat(session, email="lea@example.org")
