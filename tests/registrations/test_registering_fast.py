"""What the short path of registering (a rush through the API) still guarantees.

Accounts are created in one INSERT that relies on a unique index ignoring case; the
acknowledgement task is written in the registration's own transaction when tasks live in
the database; the API reads the event and what its form asks in a fixed, small number of
queries, and still offers the workshops of an event that has some.
"""

import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django_tasks_db.models import DBTaskResult

from rencontres.accounts.models import User
from rencontres.events.models import Session
from rencontres.registrations.models import Registration
from rencontres.registrations.services import claim_acknowledgement
from rencontres.registrations.tasks import acknowledge_registration

from .builders import make_event, register

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _before_the_events():
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        yield


def post(client, event, body):
    return client.post(f"/api/events/{event.slug}/registrations", body, content_type="application/json")


def body(email, **fields):
    return {"first_name": "Camille", "last_name": "Martin", "email": email, "job_title": "assistante sociale", **fields}


def test_registering_reuses_an_account_whose_address_differs_only_by_case(organization):
    User.objects.create_user(email="Anne.Leroy@example.org")
    register(make_event(organization, capacity=5), "anne.leroy@example.org")
    assert User.objects.filter(email__iexact="anne.leroy@example.org").count() == 1


def test_the_database_refuses_two_accounts_differing_only_by_case():
    User.objects.create_user(email="anne@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="ANNE@example.org")


def test_the_acknowledgement_task_is_written_with_the_registration(organization, settings):
    settings.TASKS = DATABASE_TASKS
    event = make_event(organization, capacity=5)

    register(event, "Anne@Example.org")  # no commit callback runs in this test

    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("acknowledge_registration")
    assert task.args_kwargs["args"] == [event.id, "anne@example.org"]


def test_a_repeated_submission_queues_a_second_task_that_sends_nothing(organization, settings, mailoutbox):
    settings.TASKS = DATABASE_TASKS
    event = make_event(organization, capacity=5)
    register(event, "anne@example.org")
    register(event, "anne@example.org")
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert len(tasks) == 2

    for task in tasks:
        acknowledge_registration.call(*task.args_kwargs["args"])

    assert [m.to for m in mailoutbox] == [["anne@example.org"]]
    assert Registration.objects.get().acknowledged_at is not None


def test_a_worker_killed_after_its_claim_leaves_an_acknowledgement_that_is_sent_once_its_lease_expires(
    organization, settings, mailoutbox
):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_LEASE_SECONDS = 300
    event = make_event(organization, capacity=5)
    register(event, "anne@example.org")
    args = DBTaskResult.objects.get().args_kwargs["args"]
    assert claim_acknowledgement(event_id=event.id, email="anne@example.org") is not None  # then the worker dies

    acknowledge_registration.call(*args)  # another worker, within the lease: it may still be sending
    assert mailoutbox == []

    with time_machine.travel(dt.datetime(2030, 1, 10, 12, 5, 1, tzinfo=dt.UTC), tick=False):
        acknowledge_registration.call(*args)  # the task put back in the queue, after the lease
        acknowledge_registration.call(*args)  # and once more: it was marked sent
    assert [m.to for m in mailoutbox] == [["anne@example.org"]]


def test_a_rolled_back_registration_leaves_no_task(organization, settings):
    settings.TASKS = DATABASE_TASKS
    event = make_event(organization, capacity=5)
    with pytest.raises(RuntimeError), transaction.atomic():
        register(event, "anne@example.org")
        raise RuntimeError
    assert not DBTaskResult.objects.exists()
    assert not Registration.objects.exists()


def test_registering_through_the_api_takes_a_fixed_number_of_queries(
    client, organization, settings, django_assert_max_num_queries
):
    settings.TASKS = DATABASE_TASKS
    event = make_event(organization, capacity=1)
    post(client, event, body("first@example.org"))

    # The event with its settings, its tiers and its questions, the savepoint, the account, the
    # acknowledgement task, the lock of the places row, the registration inside its own
    # savepoint (a repeat is caught by the unique constraint, not looked up first), the places
    # row's new counts, the journal entry.
    with django_assert_max_num_queries(13):
        response = post(client, event, body("second@example.org"))

    assert response.status_code == 201 and response.json()["waiting_position"] == 1


def test_the_api_still_offers_the_workshops_of_an_event_that_has_some(client, organization):
    event = make_event(organization, capacity=5)
    workshop = Session.objects.filter(event=event).first()
    workshop.capacity = 1
    workshop.save()

    taken = post(client, event, body("first@example.org", sessions=[workshop.id]))
    full = post(client, event, body("second@example.org", sessions=[workshop.id]))

    assert taken.status_code == 201
    assert list(
        Registration.objects.get(id=taken.json()["id"]).session_choices.values_list("session_id", flat=True)
    ) == [workshop.id]
    assert full.status_code == 400
    assert full.json()["errors"][0]["field"] == "sessions" and "complète" in full.json()["detail"]
