"""Issuing invoices: one per payer, gap-free numbers, the legal mentions printed, subrogation, refusals in French."""

import io

import pytest
from pypdf import PdfReader

from rencontres.invoicing import documents, services
from rencontres.invoicing.exceptions import InvoicingError
from rencontres.invoicing.models import Invoice
from rencontres.registrations import services as registration_services
from tests import factories
from tests.registrations.builders import add_tier, make_event, register

from .builders import AFTER, PRICE, employee, opco_trainee, paid_day, run_the_day, training_body

pytestmark = pytest.mark.django_db


def text_of(document) -> str:
    with document.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def cluny():
    return training_body()


def test_registrations_of_one_employer_go_on_one_invoice_and_individuals_on_their_own(cluny):
    event, tiers = paid_day(cluny)
    a, b = employee(event, tiers["employer"]), employee(event, tiers["employer"])
    other = employee(event, tiers["employer"], employer="UDAF de Saône-et-Loire")
    alone = register(event, price_tier=tiers["individual"])
    services.save_billing_details(event=event, payer_key=f"individual|{alone.id}", address="3 rue Neuve, 71000 Mâcon")

    report = services.issue_invoices(event=event, notify=False, now=AFTER)

    by_buyer = {invoice.buyer_name: invoice for invoice in report.issued}
    assert sorted(by_buyer) == sorted(["CCAS de Mâcon", "UDAF de Saône-et-Loire", alone.full_name])
    assert [line.registration_id for line in by_buyer["CCAS de Mâcon"].lines.all()] == [a.id, b.id]
    assert by_buyer["CCAS de Mâcon"].amount_cents == 2 * PRICE
    assert by_buyer[alone.full_name].amount_cents == PRICE // 2
    assert [line.registration_id for line in by_buyer["UDAF de Saône-et-Loire"].lines.all()] == [other.id]
    assert sorted(i.number for i in report.issued) == ["FA-2030-0001", "FA-2030-0002", "FA-2030-0003"]


def test_numbers_follow_each_other_per_organisation_whatever_the_event(cluny):
    first, tiers = paid_day(cluny)
    employee(first, tiers["employer"])
    second, tiers2 = paid_day(cluny)
    employee(second, tiers2["employer"])
    elsewhere, tiers3 = paid_day(training_body(name="Autre organisme"))
    employee(elsewhere, tiers3["employer"])

    numbers = [
        services.issue_invoices(event=event, notify=False, now=AFTER).issued[0].number
        for event in (first, elsewhere, second)
    ]

    assert numbers == ["FA-2030-0001", "FA-2030-0001", "FA-2030-0002"]


def test_an_issue_that_fails_gives_its_number_back(cluny, monkeypatch):
    event, tiers = paid_day(cluny)
    employee(event, tiers["employer"])

    def broken(self, snapshot):
        raise RuntimeError("typst est tombé")

    with monkeypatch.context() as patched:
        patched.setattr(documents.Renderer, "render", broken)
        with pytest.raises(RuntimeError):
            services.issue_invoices(event=event, notify=False, now=AFTER)
    assert not Invoice.objects.exists()

    assert services.issue_invoices(event=event, notify=False, now=AFTER).issued[0].number == "FA-2030-0001"


def test_the_invoice_prints_every_legal_mention_for_a_professional_buyer(cluny):
    event, tiers = paid_day(cluny)
    camille = employee(event, tiers["employer"], employer_siret="00000001800010")
    services.save_billing_details(
        event=event, payer_key="company|ccas de mâcon", purchase_order="BC-2030-17", address=""
    )

    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    text = text_of(invoice)

    for mention in (
        "Collège de Cluny",
        "1 place de l'Abbaye",
        "71250 Cluny",
        "SIRET 19753471200017",
        "Déclaration d'activité n° 11755555575",
        "FACTURE",
        "FA-2030-0001",
        "Date : mercredi 20 mars 2030",
        "Échéance : vendredi 19 avril 2030",
        "CCAS de Mâcon",
        "Hôtel de ville",
        "71000 Mâcon",
        "SIRET 00000001800010",
        "Bon de commande n° BC-2030-17",
        camille.full_name,
        "850,00 €",
        "Net à payer 850,00 €",
        "TVA non applicable, article 261-4-4° a du CGI",
        "Pas d'escompte pour paiement anticipé",
        "majoré de 10 points",
        "L441-10",
        "40 € (art. D441-5)",
        "jeudi 14 mars 2030",
    ):
        assert mention in text, mention


def test_an_individual_is_not_charged_the_professional_penalties(cluny):
    event, tiers = paid_day(cluny)
    alone = register(event, price_tier=tiers["individual"])
    services.save_billing_details(event=event, payer_key=f"individual|{alone.id}", address="3 rue Neuve, 71000 Mâcon")

    text = text_of(services.issue_invoices(event=event, notify=False, now=AFTER).issued[0])

    assert alone.full_name in text and "3 rue Neuve" in text
    assert "40 €" not in text and "D441-5" not in text


def test_a_public_buyer_needs_its_siret_and_gets_its_chorus_pro_references(cluny):
    event, tiers = paid_day(cluny)
    camille = employee(event, tiers["employer"])
    registration_services.set_training_profile(
        registration=camille, trainee_type="public_agent", payer_category="public_body"
    )

    report = services.issue_invoices(event=event, notify=False, now=AFTER)
    assert report.issued == []
    assert "le SIRET de l'acheteur public (Chorus Pro)" in report.refused[0].message

    with pytest.raises(InvoicingError) as refused:
        services.save_billing_details(event=event, payer_key="public_body|ccas de mâcon", siret="00000001800011")
    assert "clé de contrôle" in dict(refused.value.errors)["siret"]

    services.save_billing_details(
        event=event,
        payer_key="public_body|ccas de mâcon",
        siret="00000001800010",
        service_code="FORMATION",
        purchase_order="EJ-0142",
    )
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    text = text_of(invoice)
    assert "SIRET 00000001800010" in text and "Code service : FORMATION" in text
    assert "R2192-31" in text and "40 €" in text
    assert "<ram:BuyerReference>FORMATION</ram:BuyerReference>" in invoice.xml
    assert "<ram:IssuerAssignedID>EJ-0142</ram:IssuerAssignedID>" in invoice.xml


def test_a_body_charging_vat_prints_the_amount_before_vat_and_the_vat(cluny):
    cluny.charges_vat = True
    cluny.save(update_fields=["charges_vat"])
    event, tiers = paid_day(cluny, price=120_000)
    employee(event, tiers["employer"])

    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    text = text_of(invoice)

    assert (invoice.net_cents, invoice.amount_cents) == (100_000, 120_000)
    assert "Total hors taxes 1 000,00 €" in text and "TVA à 20 % 200,00 €" in text
    assert "Net à payer TTC 1 200,00 €" in text


def test_an_opco_by_subrogation_is_invoiced_the_hours_done(cluny):
    event, tiers = paid_day(cluny)
    half, full, absent = (opco_trainee(event, tiers["opco"]) for _ in range(3))
    services.save_billing_details(event=event, payer_key="opco|opco santé", address="31 rue de Paris, 75001 Paris")

    not_yet = services.issue_invoices(event=event, notify=False, now=AFTER)
    assert not_yet.issued == []
    assert "les heures" in not_yet.refused[0].message

    run_the_day(event, {half: 1, full: 2, absent: 0})
    report = services.issue_invoices(event=event, notify=False, now=AFTER)

    (invoice,) = report.issued
    lines = {line.registration_id: line for line in invoice.lines.all()}
    assert set(lines) == {half.id, full.id}
    assert report.without_hours == [absent.full_name]
    # 3 h 30 of 6 h 30 at 850 € ÷ 6,5 h.
    assert lines[half.id].amount_cents == round(PRICE * 210 / 390)
    assert (lines[half.id].minutes_done, lines[half.id].minutes_planned) == (210, 390)
    assert lines[full.id].amount_cents == PRICE
    assert lines[half.id].opco_scheme == "skills_plan" and lines[half.id].payer_category == "opco"
    text = text_of(invoice)
    assert "3 h 30 réalisées sur 6 h 30 prévues" in text and "subrogation" in text


def test_an_invoice_keeps_what_it_printed_when_the_organisation_changes(cluny):
    event, tiers = paid_day(cluny)
    employee(event, tiers["employer"])
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    before = invoice.pdf.open("rb").read()

    cluny.name = "Nouveau nom"
    cluny.save(update_fields=["name"])
    invoice.refresh_from_db()

    assert invoice.snapshot["seller"]["name"] == "Collège de Cluny"
    assert invoice.pdf.open("rb").read() == before


def test_the_invoice_leaves_by_email_to_the_payers_contact_with_its_pdf(cluny, mailoutbox, after_commit):
    event, tiers = paid_day(cluny)
    employee(event, tiers["employer"])

    with after_commit():
        invoice = services.issue_invoices(event=event, now=AFTER).issued[0]

    (message,) = mailoutbox
    assert message.to == ["compta@ccas-macon.example"]
    assert "Facture FA-2030-0001" in message.subject
    assert "850,00" in message.body and "Factur-X" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("FA-2030-0001.pdf", "application/pdf") and content.startswith(b"%PDF")
    invoice.refresh_from_db()
    assert invoice.emailed_at is not None


def test_a_free_event_is_refused_in_french(cluny):
    event = make_event(cluny)
    register(event)

    with pytest.raises(InvoicingError, match="Cet événement est gratuit : il n'y a rien à facturer."):
        services.issue_invoices(event=event, notify=False, now=AFTER)


def test_someone_without_payer_or_amount_is_refused_in_french(cluny):
    event, tiers = paid_day(cluny)
    free = add_tier(event, label="Invité")
    guest = register(event, price_tier=free)

    with pytest.raises(InvoicingError, match="n'a ni tarif payant ni financeur"):
        services.issue_invoices(event=event, registration=guest, notify=False, now=AFTER)


def test_a_registration_is_never_invoiced_twice(cluny):
    event, tiers = paid_day(cluny)
    camille = employee(event, tiers["employer"])
    first = services.issue_invoices(event=event, registration=camille, notify=False, now=AFTER).issued[0]

    with pytest.raises(InvoicingError, match=f"déjà facturée \\({first.number}\\).*émettez un avoir"):
        services.issue_invoices(event=event, registration=camille, notify=False, now=AFTER)
    assert services.issue_invoices(event=event, notify=False, now=AFTER).issued == []

    services.issue_credit_note(invoice=first, reason="Erreur de tarif", notify=False, now=AFTER)
    again = services.issue_invoices(event=event, registration=camille, notify=False, now=AFTER).issued[0]
    assert again.number == "FA-2030-0002"


@pytest.mark.parametrize(
    ("blank", "missing"),
    [
        ("siret", "le SIRET"),
        ("training_body_number", "le numéro de déclaration d'activité (NDA)"),
        ("street", "l'adresse postale"),
    ],
)
def test_a_training_body_missing_a_legal_mention_is_refused_in_french(blank, missing):
    organization = training_body(**{blank: ""})
    event, tiers = paid_day(organization)
    employee(event, tiers["employer"])

    with pytest.raises(InvoicingError) as refused:
        services.issue_invoices(event=event, notify=False, now=AFTER)
    assert refused.value.message.startswith(f"Il manque à votre organisme {missing} : une facture doit porter")


def test_an_organisation_that_is_not_a_training_body_still_needs_its_siret():
    event, tiers = paid_day(factories.make_organization("Ville de Mâcon"))
    employee(event, tiers["employer"])

    with pytest.raises(InvoicingError, match="le SIRET, l'adresse postale"):
        services.issue_invoices(event=event, notify=False, now=AFTER)
