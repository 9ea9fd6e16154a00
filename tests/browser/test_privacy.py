"""Issue 10, point 9: a participant downloads and erases their data from « Mon espace »; an admin
sets the retention period and reads the access journal. axe-core checks each page."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rencontres.accounts.services import get_or_create_person
from rencontres.organizations.enums import Role
from rencontres.registrations.models import Registration
from tests.browser.conftest import follow, serious_accessibility_violations
from tests.browser.test_workshops import contexts, signed_in_cookie  # noqa: F401  (fixture)
from tests.factories import make_member
from tests.privacy.builders import EMAIL, leave_a_trail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_downloads_then_erases_their_data(live_server, contexts, organization):  # noqa: F811
    base = live_server.url
    trail = leave_a_trail(organization, others=0)
    page = contexts([signed_in_cookie(get_or_create_person(email=EMAIL), base)])

    page.goto(base + reverse("site:my_space"))
    assert serious_accessibility_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mes données (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["inscriptions"][0]["nom"] == "Durand"

    follow(page.get_by_role("link", name="Effacer mes données"))
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Effacer mes données").click()
    expect(page.get_by_text("Cochez la case pour confirmer l'effacement").first).to_be_visible()
    assert serious_accessibility_violations(page) == []
    assert Registration.objects.get(pk=trail.registration.pk).anonymised_at is None

    # The error summary's link repeats the label: the checkbox is found by its role.
    page.get_by_role("checkbox", name="Je confirme : effacer mes données").check(force=True)
    page.get_by_role("button", name="Effacer mes données").click()
    expect(page.get_by_role("heading", name="Vos données sont effacées")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    assert Registration.objects.get(pk=trail.registration.pk).full_name == "Personne anonymisée"


def test_an_admin_sets_the_retention_and_reads_the_access_journal(live_server, contexts, organization):  # noqa: F811
    base = live_server.url
    trail = leave_a_trail(organization, others=0)
    admin = make_member(organization, "admin@example.org", role=Role.ADMIN)
    page = contexts([signed_in_cookie(admin, base)])

    page.goto(base + reverse("backoffice:registration_detail", args=[trail.registration.id]))
    page.goto(base + reverse("backoffice:organization_settings", args=[organization.id]))
    page.get_by_label("durée de conservation des données personnelles (mois)").fill("3")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("entre 6 et 120 mois").first).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_role("link", name="Journal des consultations et exports de données personnelles").click()
    expect(page.get_by_role("cell", name="fiche d'une inscription")).to_be_visible()
    assert serious_accessibility_violations(page) == []
