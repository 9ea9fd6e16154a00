"""The organiser's invoice pages: to invoice, confirm then issue, billing details, credit notes, PDFs, XLSX."""

import io

import pytest
from openpyxl import load_workbook

from rencontres.invoicing import services
from rencontres.invoicing.models import BillingDetails, CreditNote, Invoice
from rencontres.registrations import services as registration_services
from tests import factories

from .builders import AFTER, PRICE, employee, paid_day, training_body

pytestmark = pytest.mark.django_db


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@pytest.fixture
def setup(client):
    organization = training_body()
    organiser = factories.make_member(organization, "orga@cluny.example")
    event, tiers = paid_day(organization)
    people = [employee(event, tiers["employer"]), employee(event, tiers["employer"])]
    client.force_login(organiser)
    return organization, event, people


def test_the_organiser_confirms_then_issues_every_invoice(
    client, setup, mailoutbox, django_capture_on_commit_callbacks
):
    _organization, event, people = setup
    page = client.get(f"/gestion/evenements/{event.id}/factures/").content.decode()
    assert "CCAS de Mâcon" in page and "Émettre les factures de tous les financeurs" in page

    confirm = client.get(f"/gestion/evenements/{event.id}/factures/emettre/")
    assert confirm.status_code == 200 and "Émettre et envoyer les factures" in confirm.content.decode()
    assert not Invoice.objects.exists()  # nothing is issued before the confirmation

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/gestion/evenements/{event.id}/factures/emettre/", follow=True)

    assert "1 facture(s) émise(s) : FA-" in messages_of(response)
    invoice = Invoice.objects.get()
    assert invoice.lines.count() == 2
    assert len(mailoutbox) == 1 and mailoutbox[0].attachments[0][0] == f"{invoice.number}.pdf"
    download = client.get(f"/gestion/factures/{invoice.id}.pdf")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert "Rien à facturer" in client.get(f"/gestion/evenements/{event.id}/factures/").content.decode()


def test_issuing_one_payer_twice_is_refused_in_french(client, setup):
    _organization, event, (camille, _dominique) = setup
    url = f"/gestion/evenements/{event.id}/factures/emettre-une/"
    client.post(url, {"registration": camille.id})

    response = client.post(url, {"registration": camille.id}, follow=True)

    assert "déjà facturée" in messages_of(response) and "émettez un avoir" in messages_of(response)
    assert Invoice.objects.count() == 1


@pytest.mark.parametrize("forged", ["999999", "99999999999999999999999", "-1", "abc", ""])
def test_a_forged_registration_is_refused_in_french(client, setup, forged):
    _organization, event, _people = setup

    response = client.post(
        f"/gestion/evenements/{event.id}/factures/emettre-une/", {"registration": forged}, follow=True
    )

    assert response.status_code == 200
    assert "n'est pas une inscription à cet événement" in messages_of(response)
    assert not Invoice.objects.exists()


def test_a_free_event_says_there_is_nothing_to_invoice(client, setup):
    organization, _event, _people = setup
    free = factories.make_event(organization)

    page = client.get(f"/gestion/evenements/{free.id}/factures/").content.decode()
    response = client.post(f"/gestion/evenements/{free.id}/factures/emettre/", follow=True)

    assert "Cet événement est gratuit : il n&#x27;y a rien à facturer." in page
    assert "Cet événement est gratuit" in messages_of(response)


def test_a_public_buyer_s_billing_details_are_checked_in_french(client, setup):
    _organization, event, (camille, _dominique) = setup
    registration_services.set_training_profile(
        registration=camille, trainee_type="public_agent", payer_category="public_body"
    )
    url = f"/gestion/evenements/{event.id}/factures/financeur/{camille.id}/"
    assert "Chorus Pro" in client.get(url).content.decode()

    missing = client.post(url, {"name": "CCAS de Mâcon", "address": "Hôtel de ville, 71000 Mâcon", "siret": ""})
    wrong = client.post(url, {"name": "CCAS de Mâcon", "address": "x", "siret": "00000001800011", "email": "pas-un"})

    assert missing.status_code == 400 and "indiquez son SIRET" in missing.content.decode()
    assert wrong.status_code == 400 and "clé de contrôle" in wrong.content.decode()
    assert "adresse de courriel valide" in wrong.content.decode()
    assert not BillingDetails.objects.exists()

    saved = client.post(
        url,
        {
            "name": "CCAS de Mâcon",
            "address": "Hôtel de ville, 71000 Mâcon",
            "siret": "000 000 018 00010",
            "service_code": "FORMATION",
        },
    )
    assert saved.status_code == 302
    details = BillingDetails.objects.get()
    assert (details.siret, details.service_code) == ("00000001800010", "FORMATION")


def test_the_credit_note_form_refuses_bad_input_in_french_and_issues_a_good_one(client, setup):
    _organization, event, (camille, _dominique) = setup
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    url = f"/gestion/factures/{invoice.id}/avoir/"
    assert client.get(url).status_code == 200

    for data, message in (
        ({"reason": "", "line": "", "amount": ""}, "Indiquez le motif de l&#x27;avoir"),
        ({"reason": "Remise", "line": "", "amount": "abc"}, "Indiquez un montant en euros"),
        ({"reason": "Remise", "line": "", "amount": "-5"}, "Le montant d&#x27;un avoir est positif."),
        ({"reason": "Remise", "line": "", "amount": "5000"}, "ne peut pas dépasser"),
        ({"reason": "Remise", "line": "424242", "amount": ""}, "Choisissez une ligne de la facture."),
    ):
        response = client.post(url, data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    assert not CreditNote.objects.exists()

    response = client.post(url, {"reason": "Annulation", "line": str(camille.id), "amount": "425,50"}, follow=True)
    note = CreditNote.objects.get()
    assert note.amount_cents == 42_550
    assert f"Avoir {note.number} émis" in messages_of(response)
    assert client.get(f"/gestion/avoirs/{note.id}.pdf").content.startswith(b"%PDF")


def test_the_xlsx_export_opens_with_invoices_and_credit_notes(client, setup):
    _organization, event, (camille, _dominique) = setup
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    services.issue_credit_note(
        invoice=invoice, reason="Annulation", registration_id=camille.id, notify=False, now=AFTER
    )

    response = client.get(f"/gestion/evenements/{event.id}/factures.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Numéro", "Type", "Date")
    assert rows[1][0] == invoice.number and rows[1][11] == 2 * PRICE / 100 and rows[1][14] == PRICE / 100
    assert rows[2][:2] == ("AV-2030-0001", "avoir") and rows[2][11] == -PRICE / 100 and rows[2][12] == invoice.number


def test_an_organiser_of_another_organisation_sees_nothing(client, setup, charlie):
    _organization, event, _people = setup
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    client.force_login(charlie)

    for url in (
        f"/gestion/evenements/{event.id}/factures/",
        f"/gestion/evenements/{event.id}/factures.xlsx",
        f"/gestion/factures/{invoice.id}.pdf",
        f"/gestion/factures/{invoice.id}/avoir/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_invoices_page_reads_in_a_fixed_number_of_queries(client, setup, django_assert_max_num_queries):
    organization, event, _people = setup
    tiers = {t.payer_kind: t for t in event.price_tiers.all()}
    for n in range(5):
        employee(event, tiers["employer"], employer=f"Employeur {n}")
    services.issue_invoices(event=event, notify=False, now=AFTER)

    with django_assert_max_num_queries(20):
        assert client.get(f"/gestion/evenements/{event.id}/factures/").status_code == 200
