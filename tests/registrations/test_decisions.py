"""The organiser's decisions on applications, each journaled."""

import pytest

from rencontres.registrations import services
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import EventRegistrationSettings, RegistrationLogEntry

from .builders import make_event, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_every_state_change_is_journaled(organization, alice):
    event = make_event(organization, capacity=1)
    holder, waiting = register(event), register(event)
    services.cancel(registration=holder, actor=alice)
    entries = list(
        RegistrationLogEntry.objects.filter(registration=holder).values_list("from_state", "to_state", "actor")
    )
    assert entries == [("", S.CONFIRMED, None), (S.CONFIRMED, S.CANCELLED, alice.id)]
    assert RegistrationLogEntry.objects.filter(registration=waiting, to_state=S.OFFERED).exists()


def test_application_events_keep_registrations_pending_until_accepted(organization, alice):
    event = make_event(organization, capacity=1)
    EventRegistrationSettings.objects.create(event=event, requires_application=True)
    first, second = register(event), register(event)
    assert first.state == second.state == S.PENDING
    services.accept(registration=first, actor=alice)
    services.accept(registration=second, actor=alice)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (S.CONFIRMED, S.WAITING)


def test_refusing_an_application(organization, alice):
    event = make_event(organization, capacity=1)
    EventRegistrationSettings.objects.create(event=event, requires_application=True)
    candidate = register(event)
    services.refuse(registration=candidate, actor=alice)
    candidate.refresh_from_db()
    assert candidate.state == S.REFUSED
    with pytest.raises(RegistrationError):
        services.accept(registration=candidate, actor=alice)
