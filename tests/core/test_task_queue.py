"""Tasks left running by a worker that died go back in the queue, once, and only those."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from rencontres.registrations.tasks import send_minimum_report

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def running_since(seconds_ago: float) -> DBTaskResult:
    """A task a worker claimed that long ago and has not finished."""
    result = send_minimum_report.enqueue(1)
    task = DBTaskResult.objects.get(id=result.id)
    task.claim("worker-1")
    DBTaskResult.objects.filter(id=task.id).update(started_at=timezone.now() - dt.timedelta(seconds=seconds_ago))
    return task


def test_a_task_running_longer_than_the_lease_goes_back_in_the_queue(settings, capsys):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_LEASE_SECONDS = 300
    stale = running_since(301)
    busy = running_since(10)

    call_command("requeue_stale_tasks")

    assert "1 tâche(s) remise(s) dans la file." in capsys.readouterr().out
    assert list(DBTaskResult.objects.ready().values_list("id", flat=True)) == [stale.id]
    assert DBTaskResult.objects.get(id=busy.id).status == TaskResultStatus.RUNNING


def test_a_second_run_requeues_nothing_more(settings, capsys):
    settings.TASKS = DATABASE_TASKS
    running_since(60)

    call_command("requeue_stale_tasks", "--older-than", "30")
    call_command("requeue_stale_tasks", "--older-than", "30")

    assert capsys.readouterr().out.splitlines() == [
        "1 tâche(s) remise(s) dans la file.",
        "0 tâche(s) remise(s) dans la file.",
    ]


def test_finished_tasks_stay_finished(settings):
    settings.TASKS = DATABASE_TASKS
    task = running_since(600)
    task.set_successful(None)

    call_command("requeue_stale_tasks", "--older-than", "0")

    assert DBTaskResult.objects.get(id=task.id).status == TaskResultStatus.SUCCESSFUL


def test_a_negative_age_is_refused_in_french():
    with pytest.raises(CommandError, match="nombre de secondes positif"):
        call_command("requeue_stale_tasks", "--older-than", "-5")
