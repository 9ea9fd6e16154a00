"""The organisation's side: its retention period, and the journal of who read people's data."""

import pytest
from django.urls import reverse

from rencontres.organizations.enums import Role
from rencontres.registrations.enums import DataAccessKind
from rencontres.registrations.models import DataAccessLogEntry
from tests.backoffice.test_organization_settings import IDENTITY
from tests.factories import make_member
from tests.workshops.builders import page_text

from .builders import leave_a_trail

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, organization):
    user = make_member(organization, "admin@example.org", role=Role.ADMIN)
    client.force_login(user)
    return user


def settings_url(organization):
    return reverse("backoffice:organization_settings", args=[organization.id])


def test_an_admin_sets_the_retention_period(client, admin, organization):
    response = client.post(settings_url(organization), IDENTITY | {"retention_months": "24"})

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.retention_months == 24


@pytest.mark.parametrize(
    "value, message",
    [
        ("5", "La durée de conservation est comprise entre 6 et 120 mois (10 ans)."),
        ("121", "La durée de conservation est comprise entre 6 et 120 mois (10 ans)."),
        ("99999999999999999999", "La durée de conservation est comprise entre 6 et 120 mois (10 ans)."),
        ("-3", "La durée de conservation est comprise entre 6 et 120 mois (10 ans)."),
        ("trois ans", "Indiquez un nombre de mois, par exemple 36."),
        ("", "Indiquez la durée de conservation, en mois (36 par défaut)."),
    ],
)
def test_a_retention_period_out_of_bounds_is_refused_in_french(client, admin, organization, value, message):
    response = client.post(settings_url(organization), IDENTITY | {"retention_months": value})

    assert response.status_code == 400
    assert message in page_text(response)
    organization.refresh_from_db()
    assert organization.retention_months == 36 and organization.street == ""


def test_an_editor_cannot_change_the_retention_period_nor_read_the_journal(client, bob, organization):
    client.force_login(bob)

    assert client.post(settings_url(organization), IDENTITY | {"retention_months": "6"}).status_code == 404
    assert client.get(reverse("backoffice:data_access_log", args=[organization.id])).status_code == 404


def test_every_read_of_people_s_data_is_journaled_with_who_and_what(client, alice, admin, organization):
    trail = leave_a_trail(organization)
    client.force_login(alice)
    event, registration = trail.event, trail.registration
    reads = {
        f"/gestion/inscriptions/{registration.id}/": DataAccessKind.REGISTRATION_DETAIL,
        f"/gestion/pieces/{registration.application_files.get().id}/": DataAccessKind.REGISTRATION_FILE,
        f"/gestion/evenements/{event.id}/inscriptions/export.csv?etat=confirmed": DataAccessKind.REGISTRATIONS_EXPORT,
        f"/gestion/evenements/{event.id}/inscriptions/export.xlsx": DataAccessKind.REGISTRATIONS_EXPORT,
        f"/gestion/evenements/{event.id}/emargement/feuilles.pdf": DataAccessKind.ATTENDANCE_SHEETS,
        f"/gestion/emargement/{trail.morning.id}/feuille.pdf": DataAccessKind.ATTENDANCE_SHEETS,
        f"/gestion/evenements/{event.id}/heures.xlsx": DataAccessKind.HOURS_EXPORT,
        reverse("backoffice:survey_results", args=[trail.survey.id]): DataAccessKind.SURVEY_RESULTS,
        reverse("backoffice:survey_export", args=[trail.survey.id]): DataAccessKind.SURVEY_EXPORT,
    }
    for url, kind in reads.items():
        assert client.get(url).status_code == 200, url
        entry = DataAccessLogEntry.objects.first()  # newest first
        assert (entry.kind, entry.actor, entry.actor_email, entry.event_id) == (kind, alice, alice.email, event.id), url
    assert DataAccessLogEntry.objects.count() == len(reads)
    assert DataAccessLogEntry.objects.filter(registration=registration).count() == 2
    assert "CSV (etat=confirmed)" in DataAccessLogEntry.objects.values_list("detail", flat=True)

    client.force_login(admin)
    page = page_text(client.get(reverse("backoffice:data_access_log", args=[organization.id])))
    assert page.count("alice@example.org") == len(reads)
    assert "export des heures" in page and "Camille Durand" in page


def test_a_refused_read_writes_nothing_and_the_journal_is_the_organisation_s_own(client, charlie, admin, organization):
    trail = leave_a_trail(organization, others=0)
    client.force_login(charlie)

    assert client.get(f"/gestion/inscriptions/{trail.registration.id}/").status_code == 404
    assert client.get(f"/gestion/evenements/{trail.event.id}/inscriptions/export.csv").status_code == 404
    assert client.get(reverse("backoffice:data_access_log", args=[organization.id])).status_code == 404
    assert client.get(reverse("backoffice:data_access_log", args=[2**40])).status_code == 404
    assert not DataAccessLogEntry.objects.exists()


def test_the_identity_page_links_the_journal(client, admin, organization):
    page = client.get(settings_url(organization)).content.decode()

    assert reverse("backoffice:data_access_log", args=[organization.id]) in page
