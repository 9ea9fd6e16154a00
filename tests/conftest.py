import os

import pytest

from tests import factories

REQUIRE_REAL_PARTS = os.environ.get("RENCONTRES_REQUIRE_REAL_PARTS") == "1"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def organization(db):
    return factories.make_organization("Ville de Saint-Germain", slug="ville-saint-germain")


@pytest.fixture
def alice(organization):
    """An organiser of `organization`."""
    return factories.make_member(organization, "alice@example.org")


@pytest.fixture
def bob(organization):
    """A colleague of alice in the same organisation."""
    return factories.make_member(organization, "bob@example.org")


@pytest.fixture
def other_organization(db):
    return factories.make_organization("Conseil départemental", slug="conseil-departemental")


@pytest.fixture
def charlie(other_organization):
    """An organiser of another organisation."""
    return factories.make_member(other_organization, "charlie@example.org")


@pytest.fixture(scope="session")
def demo_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


class DemoTransaction:
    """The demo loaded once, in a transaction kept open while the tests that read it run.

    Loading takes two to three seconds (more on PostgreSQL). The tests that read the demo run
    first (`pytest_collection_modifyitems` below) and share one load; the first other test rolls
    it back before it starts, so no other test ever sees the demo (a reader after it loads again). Each demo test still runs in its own savepoint
    inside this transaction: a test's changes never reach the next one.
    """

    current = None  # the session's instance, for the hook below

    def __init__(self, blocker, media_root):
        self.blocker = blocker
        self.media_root = media_root
        self.atomic = None
        self.data = None

    def open(self):
        from django.db import transaction
        from django.test import override_settings

        from rencontres.demo.loader import load_demo

        if self.atomic is None:
            with self.blocker.unblock(), override_settings(MEDIA_ROOT=self.media_root):
                self.atomic = transaction.atomic()
                self.atomic.__enter__()
                try:
                    self.data = load_demo()
                except BaseException:
                    self.close()
                    raise
        return self.data

    def close(self):
        from django.db import transaction

        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None
        self.data = None


@pytest.fixture(scope="session")
def demo_transaction(django_db_setup, django_db_blocker, demo_media_root):
    DemoTransaction.current = DemoTransaction(django_db_blocker, demo_media_root)
    yield DemoTransaction.current
    DemoTransaction.current.close()
    DemoTransaction.current = None


@pytest.fixture(scope="module")
def demo_loaded(demo_transaction):
    """The five demo events as run (rencontres.demo), loaded once for all the tests that read them.

    Module-scoped so that the load's transaction opens before a test's own (function-scoped)
    one: the test's savepoint then sits inside it, and its rollback keeps the demo.
    """
    return demo_transaction.open()


def reads_demo(item) -> bool:
    return "demo_loaded" in getattr(item, "fixturenames", ())


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup", "django_db_serialized_rollback"}


def uses_database(item) -> bool:
    """Whether a test reaches the database (pytest-django refuses database access to the others)."""
    from django.test import TransactionTestCase

    if item.get_closest_marker("django_db") is not None:
        return True
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    cls = getattr(item, "cls", None)
    return cls is not None and issubclass(cls, TransactionTestCase)


def pytest_collection_modifyitems(config, items):
    """First the tests that copy their worker's database, while nobody else is connected to it
    (the browser tests' live server keeps its connections open); then the demo's readers: xdist
    hands each worker a first batch of consecutive tests (about 150 of our 1,200 with two
    workers), so one worker runs them in turn and loads the demo once.

    With RENCONTRES_DATABASE_TESTS_ONLY=1 (CI's second run, on PostgreSQL, after the whole suite
    on SQLite), the tests that use no database are left out: they would run the same code twice.
    """
    if os.environ.get("RENCONTRES_DATABASE_TESTS_ONLY") == "1":
        without_database = [item for item in items if not uses_database(item)]
        if without_database:
            config.hook.pytest_deselected(items=without_database)
            items[:] = [item for item in items if uses_database(item)]
    copiers = [item for item in items if item.get_closest_marker("copies_test_database")]
    readers = [item for item in items if reads_demo(item) and item not in copiers]
    items[:] = copiers + readers + [item for item in items if item not in copiers and not reads_demo(item)]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test that does not read the demo sets up its fixtures, roll the demo back."""
    if DemoTransaction.current is not None and not reads_demo(item):
        DemoTransaction.current.close()


@pytest.fixture
def demo(demo_loaded, settings, demo_media_root):
    """The demo's events (`demo_loaded`, loaded once), its generated files readable where it wrote them."""
    if DemoTransaction.current is None or DemoTransaction.current.atomic is None:
        pytest.fail("the demo was rolled back under a test that reads it")
    settings.MEDIA_ROOT = demo_media_root
    return demo_loaded


def shared_or_skip(path):
    """A file of ../shared (seeds, scorer): skipped with a reason when absent, but a failure in CI."""
    if path.exists():
        return path
    if REQUIRE_REAL_PARTS:
        pytest.fail(f"{path} is missing: CI (RENCONTRES_REQUIRE_REAL_PARTS=1) needs ../shared beside the repository")
    pytest.skip(f"{path} is absent: the shared folder (seeds, scorer) is not beside the repository")
