"""Saves and deletes of what the index shows queue one reindexing task when their transaction commits.

The events, resources and experiences apps sit below search (pyproject's import layers):
they cannot call it, so search listens to their saves. This keeps a projection in step and
decides nothing: every rule stays in the apps' services.

Each save registers an on-commit callback with its key and a sequence number: a
rolled-back change drops its callbacks, so nothing is queued for it. A callback whose key
was queued after it was registered is skipped: that task reads the committed state (all
callbacks run after the commit), so an edit that saves an event five times queues one task.
"""

import functools
import itertools
import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from rencontres.events.models import Event, Session, Speaker
from rencontres.experiences.models import Experience
from rencontres.resources.models import Proceedings, Resource

from . import tasks

_sequence = itertools.count()
_queued = threading.local()  # key -> sequence number when its task was queued, in this thread
MAX_REMEMBERED = 10_000


def _key(instance) -> str:
    if isinstance(instance, Event):
        return f"event:{instance.pk}"
    if isinstance(instance, Experience):
        return f"experience:{instance.pk}"
    return f"event:{instance.event_id}"


def _committed(key: str, registered: int) -> None:
    queued = getattr(_queued, "keys", None)
    if queued is None or len(queued) > MAX_REMEMBERED:
        queued = _queued.keys = {}
    if queued.get(key, -1) > registered:
        return
    queued[key] = next(_sequence)
    tasks.reindex.enqueue([key])


def changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures being loaded: `rebuild_search_index` after
        return
    transaction.on_commit(functools.partial(_committed, _key(instance), next(_sequence)))


def _m2m_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        changed(sender, instance)


def connect() -> None:
    for model in (Event, Session, Speaker, Resource, Proceedings, Experience):
        post_save.connect(changed, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
        post_delete.connect(changed, sender=model, dispatch_uid=f"search-{model.__name__}-deleted")
    for through in (Event.themes.through, Experience.themes.through, Proceedings.workshops.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"search-{through.__name__}-m2m")
