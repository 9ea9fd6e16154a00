import pytest


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the services queue with transaction.on_commit (emails) at the end of the block.

    Tests run inside a transaction that is never committed, so without this no email would leave.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)
