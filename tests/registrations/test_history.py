"""Recording the registrations of an event that is over: the place rules, no email, the date it was taken."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from rencontres.events.enums import PayerKind
from rencontres.registrations import availability, configuration, services
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import RegistrationLogEntry

from .builders import add_tier, make_event

pytestmark = pytest.mark.django_db

# The builders' events are on 14 March 2030; this is three months later.
AFTER = dt.datetime(2030, 6, 16, 9, tzinfo=dt.UTC)
BEFORE_THE_EVENT = dt.datetime(2030, 2, 1, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _after_the_event():
    with time_machine.travel(AFTER, tick=False):
        yield


def applicant(n: int, **fields) -> services.Applicant:
    return services.Applicant(
        email=f"Personne{n}@Example.org",
        first_name="Camille",
        last_name=f"Martin {n}",
        job_title="éducatrice",
        **fields,
    )


def record(event, n, *, at=BEFORE_THE_EVENT, **kwargs):
    return services.record_past_registration(
        event=event, applicant=applicant(n), registered_at=at + dt.timedelta(hours=n), **kwargs
    )


def test_past_registrations_take_the_places_in_order_then_wait(organization, alice, after_commit):
    event = make_event(organization, capacity=2)
    with after_commit():
        first, second, third, fourth = (record(event, n, actor=alice) for n in range(4))
    assert [r.state for r in (first, second, third, fourth)] == [S.CONFIRMED, S.CONFIRMED, S.WAITING, S.WAITING]
    assert (third.queue_number, fourth.queue_number) == (1, 2)
    places = availability.event_availability(event)
    assert (places.confirmed, places.waiting, places.places_left) == (2, 2, 0)
    assert mail.outbox == []  # the people were told at the time


def test_a_past_registration_dates_from_when_it_was_taken_and_is_journaled(organization, alice):
    event = make_event(organization)
    registration = record(event, 1, actor=alice)
    registration.refresh_from_db()
    assert registration.created_at == BEFORE_THE_EVENT + dt.timedelta(hours=1)
    assert registration.email == "personne1@example.org"
    [entry] = RegistrationLogEntry.objects.filter(registration=registration)
    assert (entry.actor, entry.from_state, entry.to_state) == (alice, "", S.CONFIRMED)
    assert "enregistrée après l'événement" in entry.note


def test_recording_the_same_person_twice_returns_the_first_registration(organization):
    event = make_event(organization)
    first = record(event, 1)
    again = record(event, 1)
    assert again.id == first.id and again.just_created is False
    assert availability.event_availability(event).confirmed == 1


def test_an_event_still_to_come_is_registered_through_the_form_not_recorded(organization):
    event = make_event(organization, days=(dt.date(2030, 9, 1),))
    with pytest.raises(RegistrationError, match="pas encore terminé"):
        record(event, 1)


@pytest.mark.parametrize(
    "moment",
    [dt.datetime(2030, 3, 15, 9, tzinfo=dt.UTC), dt.datetime(2030, 7, 1, 9, tzinfo=dt.UTC)],
    ids=["after-the-event", "in-the-future"],
)
def test_a_registration_cannot_date_from_after_the_event(organization, moment):
    event = make_event(organization)
    with pytest.raises(RegistrationError, match="précéder la fin de l'événement") as refused:
        services.record_past_registration(event=event, applicant=applicant(1), registered_at=moment)
    assert refused.value.field == "registered_at"


def test_a_naive_date_is_refused_in_french(organization):
    event = make_event(organization)
    with pytest.raises(RegistrationError, match="fuseau horaire"):
        services.record_past_registration(event=event, applicant=applicant(1), registered_at=dt.datetime(2030, 2, 1))


def test_the_payer_rules_still_apply(organization):
    event = make_event(organization)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=85000)
    with pytest.raises(RegistrationError) as refused:
        record(event, 1, payer=services.Payer(price_tier=tier))
    assert {field for field, _message in refused.value.errors} == {
        "employer_name",
        "employer_address",
        "payer_contact_email",
    }
    paid = services.record_past_registration(
        event=event,
        applicant=applicant(2, employer_name="CCAS de Mâcon", employer_address="71000 Mâcon"),
        payer=services.Payer(price_tier=tier, contact_email="formation@ccas.example"),
        registered_at=BEFORE_THE_EVENT,
    )
    assert (paid.payer_kind, paid.amount_cents, paid.state) == (PayerKind.EMPLOYER, 85000, S.CONFIRMED)


def test_an_invitation_only_event_records_only_invited_addresses(organization):
    event = make_event(organization, is_invitation_only=True)
    configuration.add_invitations(event=event, emails=["personne1@example.org"])
    assert record(event, 1).state == S.CONFIRMED
    with pytest.raises(RegistrationError, match="n'a pas été invitée"):
        record(event, 2)


def test_a_past_cancellation_frees_the_place_without_telling_anyone(organization, alice, after_commit):
    event = make_event(organization, capacity=1)
    registration = record(event, 1)
    with after_commit():
        cancelled = services.record_past_cancellation(
            registration=registration, cancelled_at=BEFORE_THE_EVENT + dt.timedelta(days=3), actor=alice
        )
    assert cancelled.state == S.CANCELLED
    assert availability.event_availability(event).places_left == 1
    assert mail.outbox == []
    assert record(event, 2, at=BEFORE_THE_EVENT + dt.timedelta(days=4)).state == S.CONFIRMED
    again = services.record_past_cancellation(
        registration=registration, cancelled_at=BEFORE_THE_EVENT + dt.timedelta(days=5)
    )
    assert again.state == S.CANCELLED  # twice changes nothing


def test_a_cancellation_cannot_precede_its_registration(organization):
    event = make_event(organization)
    registration = record(event, 1)
    with pytest.raises(RegistrationError, match="précéder l'inscription"):
        services.record_past_cancellation(registration=registration, cancelled_at=BEFORE_THE_EVENT)
