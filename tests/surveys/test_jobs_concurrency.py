"""`send_surveys` fired twice at the same minute (cron on two hosts) on PostgreSQL: each survey and reminder leaves once.

The command runs in two threads released together, each on its own connection. The claim is
first swapped for an unconditional one to show that the same runs then invite people twice.
"""

import collections
import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import connection

from rencontres.surveys import jobs, services
from rencontres.surveys.models import Survey
from tests import factories
from tests.concurrency import command_at_once

from .builders import make_survey, register

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

SURVEYS = 4
PEOPLE = 3
REGISTERED_ON = dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC)


def _events_with_a_survey() -> tuple[list[str], dt.datetime]:
    """Published events of one day, each with its hot survey and 3 confirmed people; when the surveys are due."""
    people = []
    with time_machine.travel(REGISTERED_ON):
        for _ in range(SURVEYS):
            survey = make_survey(factories.make_organization())
            people += [register(survey.event).email for _ in range(PEOPLE)]
    return people, services.send_time(survey) + dt.timedelta(minutes=5)


def _twice(when: dt.datetime) -> collections.Counter:
    mail.outbox.clear()
    with time_machine.travel(when):
        _outputs, errors = command_at_once("send_surveys")
    assert errors == []
    return collections.Counter(address for message in mail.outbox for address in message.to)


def test_two_runs_invite_some_people_twice_without_the_claim(monkeypatch):
    def unconditional(survey, field, now):
        Survey.objects.filter(id=survey.id).update(**{field: now})
        return True

    for _attempt in range(5):
        people, due = _events_with_a_survey()
        with monkeypatch.context() as patched:
            patched.setattr(jobs, "claim", unconditional)
            sent = _twice(due)
        if sum(sent[address] for address in people) > len(people):
            return
    pytest.fail("the race never showed up without the claim: this test proves nothing")


def test_two_runs_at_once_send_each_survey_and_its_reminder_once():
    for _attempt in range(2):
        people, due = _events_with_a_survey()

        invited = _twice(due)
        reminded = _twice(due + jobs.REMINDER_AFTER + dt.timedelta(hours=1))

        assert {address: invited[address] for address in people} == dict.fromkeys(people, 1)
        assert {address: reminded[address] for address in people} == dict.fromkeys(people, 1)
