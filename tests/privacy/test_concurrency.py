"""`anonymise_expired` run twice at once (two cron hosts) on PostgreSQL: each registration is anonymised once.

First the race is shown to be real (the claim swapped for an unconditional UPDATE → done
twice, two journal lines), then that the conditional UPDATE keeps it from happening.
"""

import datetime as dt
import threading

import pytest
import time_machine
from django.db import connection, connections

from rencontres.privacy import services
from rencontres.registrations.models import Registration, RegistrationLogEntry
from rencontres.registrations.services import anonymising
from tests import factories
from tests.concurrency import command_at_once
from tests.registrations.builders import make_event, register

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

RUNS = 2
PEOPLE = 12
LATER = dt.datetime(2034, 1, 1, 3, tzinfo=dt.UTC)


def _expired_event():
    event = make_event(factories.make_organization(), days=(dt.date(2030, 3, 14),))
    return [register(event).id for _ in range(PEOPLE)]


def _run_together() -> tuple[list[int], list[Exception]]:
    barrier = threading.Barrier(RUNS)
    counts, errors = [], []

    def one():
        try:
            barrier.wait()
            counts.append(services.anonymise_expired(now=LATER))
        except Exception as error:  # noqa: BLE001 — asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts, errors


def _journal_lines(ids) -> int:
    return RegistrationLogEntry.objects.filter(registration_id__in=ids, note__contains="conservation").count()


def test_two_runs_anonymise_twice_without_the_claim(monkeypatch):
    def unconditional(registration_id, now):
        Registration.objects.filter(id=registration_id).update(anonymised_at=now)
        return True

    for _attempt in range(5):
        ids = _expired_event()
        with monkeypatch.context() as patched:
            patched.setattr(anonymising, "claim", unconditional)
            _run_together()
        if _journal_lines(ids) > PEOPLE:
            return
    pytest.fail("the race never showed up without the claim: this test proves nothing")


def test_two_runs_at_once_anonymise_each_registration_once():
    for _attempt in range(3):
        ids = _expired_event()
        counts, errors = _run_together()
        assert errors == []
        assert sum(counts) == PEOPLE
        assert _journal_lines(ids) == PEOPLE
        assert Registration.objects.filter(id__in=ids, anonymised_at__isnull=True).count() == 0


def test_the_command_fired_twice_at_once_anonymises_each_registration_once():
    ids = _expired_event()

    with time_machine.travel(LATER):
        outputs, errors = command_at_once("anonymise_expired")

    assert errors == []
    assert sum(int(output.split()[0]) for output in outputs) == PEOPLE  # "12 inscription(s) anonymisée(s)."
    assert _journal_lines(ids) == PEOPLE
    assert Registration.objects.filter(id__in=ids, anonymised_at__isnull=True).count() == 0
