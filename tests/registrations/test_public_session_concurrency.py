"""A rush on the last seats of a public session, on PostgreSQL: the lock on the session's row keeps seats exact.

First the race is shown to be real (lock swapped for a plain read → overbooking), then that it
never happens with the lock (pretix's test_quota_race_condition_happens_if_we_disable_locks).
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection

from rencontres.events.models import Session
from rencontres.registrations import availability
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import SessionSeat
from rencontres.registrations.services import public_sessions
from tests import factories
from tests.concurrency import at_once

from .public_sessions import make_lecture, take_seat

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

THREADS = 16
PLACES = 3
NOW = dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC)


def _rush(session) -> tuple[list, list]:
    numbers = iter(range(THREADS))

    def one():
        n = next(numbers)
        return take_seat(session, email=f"rush{n}@example.org", last_name=str(n))

    with time_machine.travel(NOW, tick=False):
        return at_once(one, runs=THREADS)


def _plain_read(session_id):
    return Session.objects.select_related("event__organization", "day", "venue").get(pk=session_id)


def test_the_race_overbooks_when_the_lock_is_disabled(monkeypatch):
    organization = factories.make_organization()
    for _attempt in range(5):
        with time_machine.travel(NOW, tick=False):
            session = make_lecture(organization, places=PLACES)
        with monkeypatch.context() as patched:
            patched.setattr(public_sessions, "lock_session", _plain_read)
            _rush(session)
        if SessionSeat.objects.filter(session=session, cancelled_at__isnull=True).count() > PLACES:
            return
    pytest.fail("the race never showed up without the lock: this test proves nothing")


def test_a_rush_never_overbooks_and_every_refusal_says_full():
    organization = factories.make_organization()
    for _attempt in range(3):
        with time_machine.travel(NOW, tick=False):
            session = make_lecture(organization, places=PLACES)
        seats, errors = _rush(session)
        assert len(seats) == PLACES
        assert len(errors) == THREADS - PLACES
        assert all(isinstance(e, RegistrationError) and "complète" in e.message for e in errors)
        assert SessionSeat.objects.filter(session=session, cancelled_at__isnull=True).count() == PLACES
        with time_machine.travel(NOW, tick=False):
            assert availability.public_session_availability(session).places_left == 0


def test_the_same_address_at_once_takes_one_seat():
    organization = factories.make_organization()
    with time_machine.travel(NOW, tick=False):
        session = make_lecture(organization, places=PLACES)

    with time_machine.travel(NOW, tick=False):
        results, errors = at_once(lambda: take_seat(session, email="anne@example.org"), runs=8)

    assert errors == []
    assert sorted(created for _seat, created in results) == [False] * 7 + [True]
    assert SessionSeat.objects.filter(session=session).count() == 1
