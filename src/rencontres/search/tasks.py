"""The on-commit task that brings the index in step with what just changed (hooks.py marks it)."""

from django_tasks import task


@task()
def process_pending_reindex() -> None:
    """Rebuild the entries of every thing marked changed; an empty run costs one query."""
    from . import indexing

    while indexing.process_pending():
        pass
