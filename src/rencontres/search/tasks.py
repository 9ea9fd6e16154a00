"""The task that brings the index in step with what a transaction changed (hooks.py queues it on commit)."""

from django_tasks import task


@task()
def reindex(keys: list[str]) -> None:
    """Rebuild the entries of each key ("event:12", "experience:3") as the database has them now."""
    from . import indexing

    for key in keys:
        indexing.reindex(key)
