"""Votes at once on PostgreSQL: the lock on each person's ballot keeps their dots exact.

First we show the race is real (lock swapped for a plain read → a person spends more dots
than given), then that it never happens with the lock, for one person clicking many times
at once and for many people voting at once.
"""

import threading

import pytest
from django.db import connection, connections
from django.db.models import Sum

from rencontres.workshops import services
from rencontres.workshops.models import Ballot, Vote

from .builders import make_workshop, participant, voting

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

CLICKS = 16


def _at_once(calls) -> list:
    barrier = threading.Barrier(len(calls))
    errors = []

    def one(call):
        try:
            barrier.wait()
            call()
        except services.WorkshopError:
            pass  # a refusal is a correct answer
        except Exception as error:  # noqa: BLE001 — counted, and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _one_person_clicks_everywhere(organization):
    workshop = make_workshop(organization)
    person = participant(workshop)
    stream = workshop.workstreams.get()
    ideas = [
        services.post_contribution(workstream=stream, registration=person, text=f"Idée {i}") for i in range(CLICKS)
    ]
    voting(workshop, dots=3, per_item=1)
    errors = _at_once([lambda c=c: services.cast_dot(contribution=c, registration=person) for c in ideas])
    spent = Vote.objects.filter(ballot__registration=person).aggregate(total=Sum("dots"))["total"] or 0
    return spent, errors


def test_the_race_overspends_dots_when_the_lock_is_disabled(monkeypatch, organization):
    monkeypatch.setattr(
        services,
        "lock_ballot",
        lambda *, workshop, registration: Ballot.objects.get_or_create(workshop=workshop, registration=registration)[0],
    )
    for _attempt in range(5):
        spent, _errors = _one_person_clicks_everywhere(organization)
        if spent > 3:
            return
    pytest.fail("the race never showed up without the lock: this test proves nothing")


def test_one_person_clicking_everywhere_at_once_spends_exactly_their_dots(organization):
    for _attempt in range(3):
        spent, errors = _one_person_clicks_everywhere(organization)
        assert errors == []
        assert spent == 3


def test_many_people_voting_at_once_are_all_counted(organization):
    workshop = make_workshop(organization)
    people = [participant(workshop) for _ in range(30)]
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=people[0], text="Idée")
    voting(workshop, dots=2, per_item=2)
    errors = _at_once([lambda p=p: services.cast_dot(contribution=idea, registration=p) for p in people])
    assert errors == []
    services.close_vote(workshop=workshop)
    idea.refresh_from_db()
    assert idea.frozen_votes == 30
