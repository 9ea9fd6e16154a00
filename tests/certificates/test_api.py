"""GET /api/events/{slug}/certificates and each PDF, with the organisation's token only."""

import pytest

from rencontres.certificates import services
from tests.api.builders import token_for
from tests.certificates.builders import AFTER, finished_event

pytestmark = pytest.mark.django_db


def bearer(organization) -> dict:
    return {"Authorization": f"Bearer {token_for(organization)}"}


def test_the_list_gives_each_certificate_with_its_hours_version_and_links(client, organization, alice):
    event, _, _, (camille,) = finished_event(organization, people=1)
    issued = services.issue_for_event(event=event, notify=False, now=AFTER).issued
    realisation = next(c for c in issued if c.kind == "certificat_realisation")
    second = services.correct(certificate=realisation, reason="Erreur de nom", by=alice, notify=False)
    headers = bearer(organization)

    body = client.get(f"/api/events/{event.slug}/certificates", headers=headers).json()

    assert sorted((c["kind"], c["version"], c["replaced"]) for c in body) == [
        ("attestation_fin_formation", 1, False),
        ("certificat_realisation", 1, True),
        ("certificat_realisation", 2, False),
    ]
    latest = next(c for c in body if c["version"] == 2)
    assert latest["registration"] == camille.id
    assert latest["name"] == f"{camille.first_name} {camille.last_name}"
    assert latest["hours"] == 6.5
    assert latest["verification_url"].endswith(f"/verifier/{second.code}/")
    pdf = client.get(latest["pdf_url"].removeprefix("http://127.0.0.1:8000"), headers=headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.content == second.pdf.open("rb").read()


def test_another_organisations_token_reads_neither_the_list_nor_a_pdf(client, organization, other_organization):
    event, *_ = finished_event(organization, people=1)
    certificate = services.issue_for_event(event=event, notify=False, now=AFTER).issued[0]
    outsider = bearer(other_organization)

    listing = client.get(f"/api/events/{event.slug}/certificates", headers=outsider)
    pdf = client.get(f"/api/events/{event.slug}/certificates/{certificate.id}.pdf", headers=outsider)

    assert listing.status_code == 404 and "Votre organisme n'a pas d'événement" in listing.json()["detail"]
    assert pdf.status_code == 404
    assert client.get(f"/api/events/{event.slug}/certificates").status_code == 401
    assert client.get(f"/api/events/{event.slug}/certificates/{certificate.id}.pdf").status_code == 401


def test_a_certificate_of_another_event_or_a_forged_id_is_a_french_404(client, organization):
    event, *_ = finished_event(organization, people=1)
    other, *_ = finished_event(organization, people=1)
    certificate = services.issue_for_event(event=other, notify=False, now=AFTER).issued[0]
    headers = bearer(organization)

    for certificate_id in (certificate.id, 999999, 2**70):
        response = client.get(f"/api/events/{event.slug}/certificates/{certificate_id}.pdf", headers=headers)
        assert response.status_code in (404, 422), certificate_id
        assert response.json()["detail"]
