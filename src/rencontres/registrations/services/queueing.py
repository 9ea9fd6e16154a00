"""Emails and tasks that leave only if the change that queued them commits."""

import functools

from django.db import connection, transaction
from django_tasks_db import DatabaseBackend

from .. import tasks


def queue_email(email_name: str, registration_id: int, **params) -> None:
    """Queue an email that leaves only if the change commits: never sent while holding the lock, never for a rolled-back change.

    With the database task backend the task is a row written in the transaction itself (a
    short INSERT, no sending): the worker sees it only once the change is committed, and one
    commit (one disk flush) covers both. Other backends (the immediate one sends at once)
    are called after the commit.
    """
    enqueue_with_the_change(tasks.send_registration_email, email_name, registration_id, params)


def enqueue_with_the_change(task, *args) -> None:
    """Enqueue a task so that it runs only if the current change commits (see `queue_email`)."""
    enqueue = functools.partial(task.enqueue, *args)
    if connection.in_atomic_block and isinstance(task.get_backend(), DatabaseBackend):
        enqueue()
    else:
        transaction.on_commit(enqueue)
