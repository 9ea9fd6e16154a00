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


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, demo_media_root):
    """The five demo events as run (rencontres.demo), loaded once for a module and rolled back after its last test.

    Each test still runs in its own savepoint inside this transaction, so a test's changes
    never reach the next one; loading takes two to three seconds, once instead of per test.
    """
    from django.db import transaction
    from django.test import override_settings

    from rencontres.demo.loader import load_demo

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media_root):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_loaded, settings, demo_media_root):
    """The demo's events (`demo_loaded`, once per module), its generated files readable where it wrote them."""
    settings.MEDIA_ROOT = demo_media_root
    return demo_loaded


def shared_or_skip(path):
    """A file of ../shared (seeds, scorer): skipped with a reason when absent, but a failure in CI."""
    if path.exists():
        return path
    if REQUIRE_REAL_PARTS:
        pytest.fail(f"{path} is missing: CI (RENCONTRES_REQUIRE_REAL_PARTS=1) needs ../shared beside the repository")
    pytest.skip(f"{path} is absent: the shared folder (seeds, scorer) is not beside the repository")
