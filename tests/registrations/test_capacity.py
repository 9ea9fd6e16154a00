"""The organiser changes the capacity: freed places go to the waiting list at once, none is taken back."""

import pytest

from rencontres.registrations import services
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.exceptions import RegistrationError

from .builders import make_event, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_raising_the_capacity_offers_the_freed_place_at_once_and_a_newcomer_waits(organization):
    event = make_event(organization, capacity=1)
    register(event)
    waiting = register(event)

    offered = services.set_capacity(event=event, capacity_max=2)
    newcomer = register(event)

    waiting.refresh_from_db()
    assert [r.id for r in offered] == [waiting.id]
    assert (waiting.state, newcomer.state) == (S.OFFERED, S.WAITING)


def test_lowering_the_capacity_takes_no_place_back(organization):
    event = make_event(organization, capacity=2)
    first, second = register(event), register(event)

    services.set_capacity(event=event, capacity_max=1)
    third = register(event)

    first.refresh_from_db(), second.refresh_from_db()
    assert [first.state, second.state, third.state] == [S.CONFIRMED, S.CONFIRMED, S.WAITING]


def test_a_minimum_above_the_maximum_is_refused_in_french(organization):
    event = make_event(organization, capacity=10)
    with pytest.raises(RegistrationError, match="minimum ne peut pas dépasser") as refused:
        services.set_capacity(event=event, capacity_max=10, capacity_min=12)
    assert refused.value.field == "capacity_min"
