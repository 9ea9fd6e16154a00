"""The registrations' periodic commands fired twice at the same minute (cron on two hosts) on PostgreSQL.

Each command runs in two threads released together, each on its own connection, as two hosts
would: every email leaves once, every offer lapses once and every freed place is offered once.
Each rule is first shown to need its guard: with the claim (or the places lock) swapped for an
unconditional one, the same runs send some emails twice.
"""

import collections
import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import connection

from rencontres.registrations import jobs
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import EventPlaces, EventRegistrationSettings, Registration, RegistrationLogEntry
from rencontres.registrations.services import cancel, places
from tests import factories
from tests.concurrency import command_at_once

from .builders import make_event, register

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

# Registrations are taken before the events (March 2030), as in the other registration tests.
NOW = dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC)
ATTEMPTS = 5


def _sent_to() -> collections.Counter:
    return collections.Counter(address for message in mail.outbox for address in message.to)


def _twice(name: str, when: dt.datetime) -> collections.Counter:
    """Run the command twice at once at `when`; what each address received."""
    mail.outbox.clear()
    with time_machine.travel(when):
        _outputs, errors = command_at_once(name)
    assert errors == []
    return _sent_to()


# Reminders -------------------------------------------------------------------------------------

PEOPLE = 12
THE_DAY_BEFORE = dt.datetime(2030, 3, 13, 9, tzinfo=dt.UTC)


def _event_with_people() -> list[str]:
    with time_machine.travel(NOW):
        event = make_event(factories.make_organization())
        return [register(event).email for _ in range(PEOPLE)]


def _unconditional_reminder(registration_id, day):
    Registration.objects.filter(id=registration_id).update(last_reminder_on=day)
    return True


def test_two_reminder_runs_send_some_twice_without_the_claim(monkeypatch):
    for _attempt in range(ATTEMPTS):
        people = _event_with_people()
        with monkeypatch.context() as patched:
            patched.setattr(jobs, "claim_reminder", _unconditional_reminder)
            sent = _twice("send_reminders", THE_DAY_BEFORE)
        if sum(sent[address] for address in people) > PEOPLE:
            return
    pytest.fail("the race never showed up without the claim: this test proves nothing")


def test_two_reminder_runs_at_once_remind_each_person_once():
    for _attempt in range(2):
        people = _event_with_people()
        sent = _twice("send_reminders", THE_DAY_BEFORE)
        assert {address: sent[address] for address in people} == dict.fromkeys(people, 1)


# Minimum reports -------------------------------------------------------------------------------

EVENTS = 6
DECISION_DAY = dt.datetime(2030, 2, 1, 9, tzinfo=dt.UTC)


def _events_at_their_decision_date() -> list[str]:
    """Events with a minimum and their decision date on 1 February; each has its own organiser."""
    organisers = []
    with time_machine.travel(NOW):
        for i in range(EVENTS):
            organization = factories.make_organization()
            organisers.append(factories.make_member(organization, f"organiser{i}-{organization.id}@example.org").email)
            event = make_event(organization, capacity=10, capacity_min=3)
            EventRegistrationSettings.objects.create(event=event, minimum_decision_on=DECISION_DAY.date())
            register(event)
    return organisers


def _unconditional_report(settings_id, now):
    EventRegistrationSettings.objects.filter(id=settings_id).update(minimum_notified_at=now)
    return True


def test_two_minimum_report_runs_send_some_twice_without_the_claim(monkeypatch):
    for _attempt in range(ATTEMPTS):
        organisers = _events_at_their_decision_date()
        with monkeypatch.context() as patched:
            patched.setattr(jobs, "claim_minimum_report", _unconditional_report)
            sent = _twice("notify_minimum_decisions", DECISION_DAY)
        if sum(sent[address] for address in organisers) > EVENTS:
            return
    pytest.fail("the race never showed up without the claim: this test proves nothing")


def test_two_minimum_report_runs_at_once_send_each_report_once():
    for _attempt in range(2):
        organisers = _events_at_their_decision_date()
        sent = _twice("notify_minimum_decisions", DECISION_DAY)
        assert {address: sent[address] for address in organisers} == dict.fromkeys(organisers, 1)


# Lapsed offers ---------------------------------------------------------------------------------

CAPACITY = 2
AFTER_THE_DEADLINE = NOW + dt.timedelta(hours=49)


def _events_with_lapsing_offers() -> tuple[list[Registration], list[Registration]]:
    """Events of 2 places whose 2 holders cancelled: the first 2 waiting hold offers that lapse at 48 h."""
    offered, next_waiting = [], []
    with time_machine.travel(NOW):
        for _ in range(EVENTS):
            event = make_event(factories.make_organization(), capacity=CAPACITY)
            holders = [register(event) for _ in range(CAPACITY)]
            waiting = [register(event) for _ in range(2 * CAPACITY + 1)]
            for holder in holders:
                cancel(registration=holder)
            offered += waiting[:CAPACITY]
            next_waiting += waiting[CAPACITY : 2 * CAPACITY]
    assert {r.state for r in Registration.objects.filter(id__in=[r.id for r in offered])} == {S.OFFERED}
    return offered, next_waiting


def test_two_expiry_runs_lapse_some_offers_twice_without_the_lock(monkeypatch):
    for _attempt in range(ATTEMPTS):
        offered, _next = _events_with_lapsing_offers()
        with monkeypatch.context() as patched:
            # The same read of the places row, without FOR UPDATE.
            patched.setattr(
                places, "lock", lambda event_id: EventPlaces.objects.select_related("event").get(event_id=event_id)
            )
            sent = _twice("expire_offers", AFTER_THE_DEADLINE)
        if any(sent[r.email] > 1 for r in offered):
            return
    pytest.fail("the race never showed up without the lock: this test proves nothing")


def test_two_expiry_runs_at_once_lapse_each_offer_once_and_offer_each_place_once():
    for _attempt in range(2):
        offered, next_waiting = _events_with_lapsing_offers()
        events = {r.event_id for r in offered}

        sent = _twice("expire_offers", AFTER_THE_DEADLINE)

        # One "délai dépassé" to each lapsed offer, one offer to each next person, nobody else.
        everyone = [r.email for r in offered + next_waiting]
        assert {address: sent[address] for address in everyone} == dict.fromkeys(everyone, 1)
        assert sum(sent.values()) == len(everyone)
        states = collections.Counter(Registration.objects.filter(event_id__in=events).values_list("state", flat=True))
        assert states[S.EXPIRED] == states[S.OFFERED] == CAPACITY * EVENTS
        lapsed = RegistrationLogEntry.objects.filter(registration__in=offered, to_state=S.EXPIRED).count()
        assert lapsed == len(offered)
        for row in EventPlaces.objects.filter(event_id__in=events):
            assert (row.offered, row.waiting) == (CAPACITY, 1)
