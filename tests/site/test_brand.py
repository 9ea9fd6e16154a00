"""The State's bloc-marque only for a State-run instance; a neutral header otherwise."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_header_is_neutral_by_default(client):
    page = client.get("/").content.decode()

    assert "fr-logo" not in page and "République<br>française" not in page


def test_a_state_instance_shows_the_bloc_marque(client, settings):
    settings.SITE_BRAND = "state"

    assert "République<br>française" in client.get("/").content.decode()


def test_a_neutral_instance_may_show_its_own_logo(client, settings):
    settings.SITE_TITLE, settings.SITE_LOGO_URL = "Rencontres du CCAS", "/static/logo-ccas.png"

    page = client.get("/").content.decode()

    assert '<img class="fr-responsive-img site-logo" src="/static/logo-ccas.png" alt="Rencontres du CCAS">' in page
