"""Cancelling the whole event at its decision date, or maintaining it: everyone registered is told."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from rencontres.events.enums import EventStatus
from rencontres.registrations import services
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import Registration

from .builders import make_event, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_cancelling_the_event_cancels_and_tells_everyone(organization, alice, after_commit):
    event = make_event(organization, capacity=1)
    register(event), register(event)
    with after_commit():
        assert services.cancel_event(event=event, actor=alice, reason="Trop peu d'inscrits") == 2
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert set(Registration.objects.values_list("state", flat=True)) == {S.CANCELLED}
    assert len(mail.outbox) == 2 and "Trop peu d'inscrits" in mail.outbox[0].body


def test_confirming_the_event_tells_everyone_registered(organization, alice, after_commit):
    event = make_event(organization, capacity=10, capacity_min=1)
    register(event)
    with after_commit():
        services.confirm_event_takes_place(event=event, actor=alice)
    assert len(mail.outbox) == 1 and "maintenu" in mail.outbox[0].subject


def test_cancelling_the_event_goes_through_the_events_app_and_refreshes_its_pages(organization, alice):
    # events.services.cancel_event saves the status with `updated_at`, which keys the cached
    # event page: a direct UPDATE of the status (as before) left it stale.
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        event = make_event(organization, capacity=3)
        register(event)
    with time_machine.travel(dt.datetime(2030, 1, 20, 12, tzinfo=dt.UTC), tick=False):
        services.cancel_event(event=event, actor=alice)

    event.refresh_from_db()
    assert (event.status, event.updated_at) == (EventStatus.CANCELLED, dt.datetime(2030, 1, 20, 12, tzinfo=dt.UTC))
