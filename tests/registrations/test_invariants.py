"""Hypothesis state machine: whatever the sequence of registrations, cancellations, decisions, changes
of capacity and expiring offers, places are never over-given, nobody is lost, the places row equals
the registrations counted afresh, and the waiting list keeps the order people joined it in."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from rencontres.registrations import availability, services
from rencontres.registrations.enums import LIVE_STATES
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import EventPlaces, EventRegistrationSettings, Registration
from rencontres.registrations.services.places import counted_from_registrations
from tests import factories

from .builders import make_event

EMAILS = [f"p{i}@example.org" for i in range(7)]
COUNTS = ["confirmed", "offered", "waiting", "pending", "last_queue_number"]


class RegistrationMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.event = None
        self.now = timezone.now()
        self.answered: set[int] = set()
        # Ids in the order the service calls that put them on the waiting list returned:
        # each call commits before the next starts, so this is the order of commits.
        self.joined_waiting: list[int] = []
        self.allowed_held = 0  # the capacity, or more while a lowered capacity takes no place back

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def _setup(self, capacity, with_application):
        if self.event is None:
            self.event = make_event(factories.make_organization(), capacity=capacity)
            self.allowed_held = capacity
            EventRegistrationSettings.objects.create(
                event=self.event, requires_application=with_application, offer_hours=2
            )

    def _pick(self, data, states):
        ids = list(Registration.objects.filter(event=self.event, state__in=states).values_list("id", flat=True))
        return Registration.objects.get(id=data.draw(st.sampled_from(ids))) if ids else None

    def _note_if_joined_waiting(self, before: str, registration: Registration) -> None:
        if before != S.WAITING and registration.state == S.WAITING:
            self.joined_waiting.append(registration.id)

    @rule(capacity=st.integers(1, 3), with_application=st.booleans(), email=st.sampled_from(EMAILS))
    def register(self, capacity, with_application, email):
        self._setup(capacity, with_application)
        registration = services.register(
            event=self.event,
            applicant=services.Applicant(email=email, first_name="A", last_name="B", job_title="x"),
            now=self.now,
        )
        self.answered.add(registration.id)
        if registration.just_created:
            self._note_if_joined_waiting("", registration)

    @rule(data=st.data())
    def cancel(self, data):
        if self.event and (registration := self._pick(data, LIVE_STATES)):
            services.cancel(registration=registration, now=self.now)

    @rule(data=st.data())
    def accept(self, data):
        if self.event and (registration := self._pick(data, [S.PENDING])):
            self._note_if_joined_waiting(S.PENDING, services.accept(registration=registration, now=self.now))

    @rule(data=st.data())
    def refuse(self, data):
        if self.event and (registration := self._pick(data, [S.PENDING])):
            services.refuse(registration=registration)

    @rule(data=st.data())
    def confirm_offer(self, data):
        if self.event and (registration := self._pick(data, [S.OFFERED])):
            try:
                services.confirm_offer(registration=registration, now=self.now)
            except RegistrationError:
                pass  # too late: the expiry job will pass the place on

    @rule(capacity=st.integers(1, 4))
    def change_capacity(self, capacity):
        if self.event:
            held = availability.event_availability(self.event).held
            services.set_capacity(event=self.event, capacity_max=capacity, now=self.now)
            self.allowed_held = max(capacity, held)

    @rule(hours=st.integers(0, 3))
    def time_passes_and_offers_expire(self, hours):
        self.now += dt.timedelta(hours=hours)
        if self.event:
            services.expire_offers(now=self.now)

    @invariant()
    def the_places_row_equals_the_registrations_counted_afresh(self):
        if self.event:
            row = EventPlaces.objects.get(event=self.event)
            assert {name: getattr(row, name) for name in COUNTS} == counted_from_registrations(self.event.id)

    @invariant()
    def places_are_never_over_given(self):
        if self.event:
            current = availability.event_availability(self.event)
            assert current.held <= self.allowed_held
            # Places freed below a lowered capacity are not given again beyond it.
            self.allowed_held = max(current.capacity, current.held)

    @invariant()
    def nobody_who_got_an_answer_is_lost(self):
        assert Registration.objects.filter(id__in=self.answered).count() == len(self.answered)

    @invariant()
    def one_live_registration_per_person(self):
        if self.event:
            emails = list(
                Registration.objects.filter(event=self.event, state__in=LIVE_STATES).values_list("email", flat=True)
            )
            assert len(emails) == len(set(emails))

    @invariant()
    def waiting_list_keeps_the_order_people_joined_it_in(self):
        if self.event:
            waiting = Registration.objects.filter(event=self.event, state=S.WAITING).order_by("queue_number", "id")
            ordered = list(waiting.values_list("id", flat=True))
            assert ordered == [i for i in self.joined_waiting if i in set(ordered)]

    @invariant()
    def nobody_waits_while_a_place_is_free(self):
        if self.event:
            current = availability.event_availability(self.event)
            assert not (current.waiting and current.has_free_place)


@pytest.mark.django_db
def test_registration_invariants_hold_under_any_sequence():
    run_state_machine_as_test(
        RegistrationMachine,
        settings=settings(
            max_examples=40,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
