"""A rush of simultaneous registrations on PostgreSQL: the lock on the places row is what keeps places exact.

First we show the race is real (lock swapped for a no-op → overbooking), then that it never
happens with the lock (pretix's test_quota_race_condition_happens_if_we_disable_locks).
"""

import threading

import pytest
from django.db import connection, connections

from rencontres.registrations import availability, services
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import EventPlaces, Registration
from rencontres.registrations.services import places
from tests import factories

from .builders import make_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

THREADS = 24
PLACES = 5


def _rush(event) -> tuple[list, list]:
    barrier = threading.Barrier(THREADS)
    answers, errors = [], []

    def one(i):
        try:
            barrier.wait()
            registration = services.register(
                event=event,
                applicant=services.Applicant(
                    email=f"rush{i}@example.org", first_name="A", last_name=str(i), job_title="x"
                ),
            )
            answers.append(registration.id)
        except Exception as error:  # noqa: BLE001 — counted, and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers, errors


def test_the_race_overbooks_when_the_lock_is_disabled(monkeypatch):
    organization = factories.make_organization()
    for _attempt in range(5):
        event = make_event(organization, capacity=PLACES)
        with monkeypatch.context() as patched:
            # The same read of the places row, without FOR UPDATE.
            patched.setattr(
                places, "lock", lambda event_id: EventPlaces.objects.select_related("event").get(pk=event_id)
            )
            _rush(event)
        if Registration.objects.filter(event=event, state=S.CONFIRMED).count() > PLACES:
            return
    pytest.fail("the race never showed up without the lock: this test proves nothing")


def test_a_rush_never_overbooks_and_keeps_every_answer():
    organization = factories.make_organization()
    for _attempt in range(3):
        event = make_event(organization, capacity=PLACES)
        answers, errors = _rush(event)
        assert errors == []
        assert len(answers) == THREADS
        assert Registration.objects.filter(id__in=answers).count() == THREADS
        current = availability.event_availability(event)
        assert (current.confirmed, current.waiting) == (PLACES, THREADS - PLACES)
        # The waiting list is in the order the registrations were committed.
        waiting = list(Registration.objects.filter(event=event, state=S.WAITING).order_by("queue_number"))
        assert [r.id for r in waiting] == sorted(r.id for r in waiting)
        assert [r.queue_number for r in waiting] == list(range(1, THREADS - PLACES + 1))
        # And the places row counted exactly what was written.
        row = EventPlaces.objects.get(event=event)
        assert (row.confirmed, row.waiting, row.last_queue_number) == (PLACES, THREADS - PLACES, THREADS - PLACES)
