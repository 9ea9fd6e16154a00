import datetime as dt

import pytest
import time_machine


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the services queue with transaction.on_commit (emails) at the end of the block.

    Tests run inside a transaction that is never committed, so without this no email would leave.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)


# The service tests' moment: before the events of the builders (March 2030), registrations open.
NOW = dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC)


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW
