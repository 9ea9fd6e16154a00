"""The waiting list: freed places offered in queue order, confirmed in time or passed on."""

import datetime as dt

import pytest
from django.core import mail

from rencontres.registrations import services
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.exceptions import RegistrationError

from .builders import make_event, register
from .conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_cancelling_offers_the_place_to_the_first_waiting(organization, after_commit):
    event = make_event(organization, capacity=1)
    holder = register(event)
    first_waiting, second_waiting = register(event), register(event)
    with after_commit():
        services.cancel(registration=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.state == S.OFFERED
    assert first_waiting.offer_expires_at == NOW + dt.timedelta(hours=48)
    assert second_waiting.state == S.WAITING
    assert {m.to[0] for m in mail.outbox} == {holder.email, first_waiting.email}


def test_an_expired_offer_moves_to_the_next_waiting(organization):
    event = make_event(organization, capacity=1)
    holder = register(event)
    first_waiting, second_waiting = register(event), register(event)
    services.cancel(registration=holder)
    assert services.expire_offers(now=NOW + dt.timedelta(hours=47)) == 0
    assert services.expire_offers(now=NOW + dt.timedelta(hours=48)) == 1
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert (first_waiting.state, second_waiting.state) == (S.EXPIRED, S.OFFERED)


def test_confirming_an_offer_in_time_takes_the_place(organization):
    event = make_event(organization, capacity=1)
    holder, waiting = register(event), register(event)
    services.cancel(registration=holder)
    services.confirm_offer(registration=waiting, now=NOW + dt.timedelta(hours=1))
    waiting.refresh_from_db()
    assert waiting.state == S.CONFIRMED and waiting.offer_expires_at is None


def test_confirming_an_offer_too_late_is_refused(organization):
    event = make_event(organization, capacity=1)
    holder, waiting = register(event), register(event)
    services.cancel(registration=holder)
    with pytest.raises(RegistrationError, match="délai"):
        services.confirm_offer(registration=waiting, now=NOW + dt.timedelta(hours=49))
