"""The database task queue's upkeep: tasks left running by a worker that died go back in the queue."""

import datetime as dt

from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def requeue_stale_tasks(*, older_than_seconds: float) -> int:
    """Put back in the queue the tasks running for longer than this; returns how many.

    django-tasks-db marks a task RUNNING when a worker claims it and never looks at it
    again: a worker killed mid-task (SIGKILL, the machine lost) leaves it so for ever, and
    its email is never sent. One conditional UPDATE, so that two hosts running this at once
    requeue each task once. A task so requeued runs again from the start: the tasks that
    send guard themselves with a claim on their work (see
    `registrations.services.claim_acknowledgement`), so a slow task wrongly thought dead
    does not send twice.
    """
    cutoff = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).update(
        status=TaskResultStatus.READY, started_at=None
    )
