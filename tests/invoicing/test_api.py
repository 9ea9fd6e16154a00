"""GET /api/events/{slug}/invoices and each Factur-X PDF, with the organisation's token only."""

import pytest

from rencontres.invoicing import services
from tests.api.builders import token_for

from .builders import AFTER, PRICE, employee, paid_day, training_body

pytestmark = pytest.mark.django_db


def bearer(organization) -> dict:
    return {"Authorization": f"Bearer {token_for(organization)}"}


@pytest.fixture
def invoiced():
    organization = training_body()
    event, tiers = paid_day(organization)
    camille = employee(event, tiers["employer"])
    employee(event, tiers["employer"])
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    note = services.issue_credit_note(
        invoice=invoice, reason="Annulation", registration_id=camille.id, notify=False, now=AFTER
    )
    return organization, event, invoice, note


def test_the_list_gives_invoices_and_their_credit_notes_negative(client, invoiced):
    organization, event, invoice, note = invoiced
    headers = bearer(organization)

    body = client.get(f"/api/events/{event.slug}/invoices", headers=headers).json()

    assert [
        {k: row[k] for k in ("number", "payer", "amount_cents", "issued_on", "credit_note_of")} for row in body
    ] == [
        {
            "number": "FA-2030-0001",
            "payer": "CCAS de Mâcon",
            "amount_cents": 2 * PRICE,
            "issued_on": "2030-03-20",
            "credit_note_of": None,
        },
        {
            "number": "AV-2030-0001",
            "payer": "CCAS de Mâcon",
            "amount_cents": -PRICE,
            "issued_on": "2030-03-20",
            "credit_note_of": "FA-2030-0001",
        },
    ]
    for row, document in zip(body, (invoice, note)):
        pdf = client.get(row["pdf_url"].removeprefix("http://127.0.0.1:8000"), headers=headers)
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert pdf.content == document.pdf.open("rb").read()


def test_another_organisations_token_reads_neither_the_list_nor_a_pdf(client, invoiced, other_organization):
    _organization, event, invoice, _note = invoiced
    outsider = bearer(other_organization)

    listing = client.get(f"/api/events/{event.slug}/invoices", headers=outsider)
    pdf = client.get(f"/api/events/{event.slug}/invoices/{invoice.number}.pdf", headers=outsider)

    assert listing.status_code == 404 and "Votre organisme n'a pas d'événement" in listing.json()["detail"]
    assert pdf.status_code == 404
    assert client.get(f"/api/events/{event.slug}/invoices").status_code == 401
    assert client.get(f"/api/events/{event.slug}/invoices/{invoice.number}.pdf").status_code == 401


@pytest.mark.parametrize("number", ["FA-2030-0009", "AV-1999-0001", "n'importe-quoi", "FA-2030-" + "9" * 40])
def test_an_unknown_or_forged_number_is_a_french_404(client, invoiced, number):
    organization, event, *_ = invoiced

    response = client.get(f"/api/events/{event.slug}/invoices/{number}.pdf", headers=bearer(organization))

    assert response.status_code == 404
    assert "n'a pas de facture ni d'avoir" in response.json()["detail"]


def test_the_schema_documents_the_sign_of_credit_notes(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/events/{slug}/invoices"]["get"]
    assert "négatif pour un avoir" in operation["description"]
