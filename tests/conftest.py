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
