"""Hypothesis state machine: whatever the sequence of registrations, cancellations, decisions and
expiring offers, places are never over-given, nobody is lost and the waiting list keeps its order."""

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
from rencontres.registrations.models import EventRegistrationSettings, Registration
from tests import factories

from .builders import make_event

EMAILS = [f"p{i}@example.org" for i in range(7)]


class RegistrationMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.event = None
        self.now = timezone.now()
        self.answered: set[int] = set()
        self.waiting_order: list[int] = []  # ids in the order they joined the waiting list

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def _setup(self, capacity, with_application):
        if self.event is None:
            self.event = make_event(factories.make_organization(), capacity=capacity)
            if with_application:
                EventRegistrationSettings.objects.create(event=self.event, requires_application=True, offer_hours=2)
            else:
                EventRegistrationSettings.objects.create(event=self.event, offer_hours=2)

    def _refresh_waiting_order(self):
        current = set(Registration.objects.filter(event=self.event, state=S.WAITING).values_list("id", flat=True))
        self.waiting_order = [i for i in self.waiting_order if i in current]
        for i in (
            Registration.objects.filter(id__in=current - set(self.waiting_order))
            .order_by("queue_number")
            .values_list("id", flat=True)
        ):
            self.waiting_order.append(i)

    def _pick(self, data, states):
        ids = list(Registration.objects.filter(event=self.event, state__in=states).values_list("id", flat=True))
        return Registration.objects.get(id=data.draw(st.sampled_from(ids))) if ids else None

    @rule(capacity=st.integers(1, 3), with_application=st.booleans(), email=st.sampled_from(EMAILS))
    def register(self, capacity, with_application, email):
        self._setup(capacity, with_application)
        registration = services.register(
            event=self.event, email=email, first_name="A", last_name="B", job_title="x", now=self.now
        )
        self.answered.add(registration.id)
        self._refresh_waiting_order()

    @rule(data=st.data())
    def cancel(self, data):
        if self.event and (registration := self._pick(data, LIVE_STATES)):
            services.cancel(registration=registration, now=self.now)
            self._refresh_waiting_order()

    @rule(data=st.data())
    def accept(self, data):
        if self.event and (registration := self._pick(data, [S.PENDING])):
            services.accept(registration=registration, now=self.now)
            self._refresh_waiting_order()

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

    @rule(hours=st.integers(0, 3))
    def time_passes_and_offers_expire(self, hours):
        self.now += dt.timedelta(hours=hours)
        if self.event:
            services.expire_offers(now=self.now)
            self._refresh_waiting_order()

    @invariant()
    def places_are_never_over_given(self):
        if self.event:
            self.event.refresh_from_db()
            current = availability.event_availability(self.event)
            assert current.confirmed <= current.held <= self.event.capacity_max

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
    def waiting_list_keeps_arrival_order(self):
        if self.event:
            ordered = list(
                Registration.objects.filter(event=self.event, state=S.WAITING)
                .order_by("queue_number")
                .values_list("id", flat=True)
            )
            assert ordered == self.waiting_order

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
