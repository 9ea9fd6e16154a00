"""Invoices issued at the same moment for one organisation on PostgreSQL: numbers consecutive, no gap, no double.

First the race is shown to be real (the counter read without FOR UPDATE → two issues take the
same number and one fails on the unique number, or numbers repeat), then that with the lock
every number from 1 to N is given once.
"""

import threading

import pytest
from django.db import connection, connections

from rencontres.invoicing import services
from rencontres.invoicing.models import Invoice, NumberCounter

from .builders import AFTER, employee, paid_day, training_body

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

THREADS = 6


def _events(organization) -> list:
    events = []
    for _ in range(THREADS):
        event, tiers = paid_day(organization)
        employee(event, tiers["employer"])
        events.append(event)
    return events


def _issue_together(events) -> list[Exception]:
    barrier = threading.Barrier(len(events))
    errors = []

    def one(event):
        try:
            barrier.wait()
            services.issue_invoices(event=event, notify=False, now=AFTER)
        except Exception as error:  # noqa: BLE001 — asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(event,)) for event in events]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_numbers_collide_without_the_lock(monkeypatch):
    def unlocked(organization, series, year):
        counter, _ = NumberCounter.objects.get_or_create(organization=organization, series=series, year=year)
        return counter

    for _attempt in range(5):
        organization = training_body()
        events = _events(organization)
        with monkeypatch.context() as patched:
            patched.setattr(services, "lock_counter", unlocked)
            errors = _issue_together(events)
        if errors or Invoice.objects.filter(organization=organization).count() < THREADS:
            return
    pytest.fail("the race never showed up without the lock: this test proves nothing")


def test_concurrent_issues_get_consecutive_numbers():
    for _attempt in range(2):
        organization = training_body()
        events = _events(organization)
        errors = _issue_together(events)
        assert errors == []
        sequences = sorted(Invoice.objects.filter(organization=organization).values_list("sequence", flat=True))
        assert sequences == list(range(1, THREADS + 1))
        assert NumberCounter.objects.get(organization=organization, series="invoice").last_number == THREADS
