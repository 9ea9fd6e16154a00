import pytest


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the services queue with transaction.on_commit (the emails) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
