"""Saves and deletes of what the index shows mark its key, in the same transaction; the task runs on commit.

The events, resources and experiences apps sit below search (pyproject's import layers):
they cannot call it, so search listens to their saves. This keeps a projection in step and
decides nothing: every rule stays in the apps' services.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from rencontres.events.models import Event, Session, Speaker
from rencontres.experiences.models import Experience
from rencontres.resources.models import Proceedings, Resource

from . import indexing, tasks


def _key(instance) -> str:
    if isinstance(instance, Event):
        return f"event:{instance.pk}"
    if isinstance(instance, Experience):
        return f"experience:{instance.pk}"
    return f"event:{instance.event_id}"


def changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures being loaded: `rebuild_search_index` after
        return
    indexing.mark([_key(instance)])
    transaction.on_commit(tasks.process_pending_reindex.enqueue)


def connect() -> None:
    for model in (Event, Session, Speaker, Resource, Proceedings, Experience):
        post_save.connect(changed, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
        post_delete.connect(changed, sender=model, dispatch_uid=f"search-{model.__name__}-deleted")
    for through in (Event.themes.through, Experience.themes.through, Proceedings.workshops.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"search-{through.__name__}-m2m")


def _m2m_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        changed(sender, instance)
