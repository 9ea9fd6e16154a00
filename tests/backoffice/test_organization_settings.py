"""The organisation's identity: admins set it, each field checked, training bodies warned of what is missing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.organizations.enums import Role
from rencontres.organizations.models import Membership
from tests.factories import make_member

pytestmark = pytest.mark.django_db

IDENTITY = {
    "name": "Ville de Saint-Germain",
    "short_name": "",
    "street": "16 rue de Pontoise",
    "postcode": "78100",
    "city": "Saint-Germain-en-Laye",
    "siret": "217 805 514 00015",
    "training_body_number": "",
    "is_training_body": "",
    "vat_exemption_note": "TVA non applicable, art. 261-4-4° a du CGI",
    "legal_representative_name": "Arnaud Péricard",
    "legal_representative_role": "Maire",
    "contact_email": "ccas@example.org",
    "contact_phone": "",
    "website": "",
    "cancellation_terms": "Annulation gratuite jusqu'à 10 jours avant.",
    "reply_to_email": "ccas@example.org",
    "retention_months": "36",
}


@pytest.fixture
def admin(organization):
    return make_member(organization, "admin@example.org", role=Role.ADMIN)


def test_an_admin_sets_the_identity_its_papers_print(client, admin, organization):
    client.force_login(admin)

    response = client.post(f"/gestion/organismes/{organization.id}/", IDENTITY)

    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.siret, organization.address_line, organization.legal_representative_role) == (
        "21780551400015",
        "16 rue de Pontoise, 78100 Saint-Germain-en-Laye",
        "Maire",
    )


def test_a_siret_with_a_wrong_key_is_refused_and_nothing_is_saved(client, admin, organization):
    client.force_login(admin)

    response = client.post(f"/gestion/organismes/{organization.id}/", IDENTITY | {"siret": "21780551400016"})

    assert response.status_code == 400
    assert "sa clé de contrôle ne correspond pas" in response.content.decode()
    assert response.content.decode().count('href="#id_siret"') == 1  # the error summary links to the field
    organization.refresh_from_db()
    assert organization.siret == "" and organization.street == ""


def test_a_logo_must_be_an_image(client, admin, organization):
    client.force_login(admin)

    response = client.post(
        f"/gestion/organismes/{organization.id}/",
        IDENTITY | {"logo": SimpleUploadedFile("logo.svg", b"<svg onload=alert(1)>")},
    )

    assert response.status_code == 400
    assert "PNG ou JPEG" in response.content.decode()


def test_an_editor_or_an_outsider_cannot_change_the_identity(client, alice, charlie, organization):
    assert Membership.objects.get(user=alice).role == Role.EDITOR
    for user in (alice, charlie):
        client.force_login(user)
        assert client.get(f"/gestion/organismes/{organization.id}/").status_code == 404


def test_a_training_body_without_siret_nda_or_address_is_warned_on_its_dashboard(client, admin, organization):
    organization.is_training_body = True
    organization.save()
    client.force_login(admin)

    page = client.get("/gestion/").content.decode()

    assert "il manque le SIRET, le numéro de déclaration d&#x27;activité (NDA), l&#x27;adresse postale" in page
