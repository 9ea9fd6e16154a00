"""Issue 14, point 4's journey: the organiser completes a public buyer's Chorus Pro details, confirms and issues
the invoices, downloads one, then issues a credit note for a cancellation. axe-core checks each new page."""

import io
import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from rencontres.registrations import services as registration_services
from tests import factories
from tests.browser.conftest import follow, serious_accessibility_violations
from tests.invoicing.builders import employee, paid_day, training_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user, base_url):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])


def test_the_organiser_completes_a_public_buyer_issues_the_invoices_and_a_credit_note(live_server, browser):
    base = live_server.url
    organization = training_body()
    organiser = factories.make_member(organization, "compta@cluny.example")
    event, tiers = paid_day(organization)
    camille = employee(event, tiers["employer"])
    registration_services.set_training_profile(
        registration=camille, trainee_type="public_agent", payer_category="public_body"
    )
    employee(event, tiers["employer"], employer="UDAF de Saône-et-Loire", employer_address="Rue de Lyon, 71000 Mâcon")
    page = browser.new_context(locale="fr-FR").new_page()
    sign_in(page, organiser, base)

    page.goto(f"{base}/gestion/evenements/{event.id}/")
    page.get_by_role("link", name="Factures", exact=True).click()
    expect(page.get_by_role("heading", name=f"Factures : {event.title}")).to_be_visible()
    expect(page.get_by_text("Il manque le SIRET de l'acheteur public (Chorus Pro).")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    follow(page.get_by_role("link", name="Coordonnées de facturation de CCAS de Mâcon"))
    assert serious_accessibility_violations(page) == []
    page.get_by_label("SIRET de l'acheteur").fill("000 000 018 00011")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("#resume-erreurs")).to_be_visible()
    expect(page.get_by_text("sa clé de contrôle ne correspond pas").first).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_label("SIRET de l'acheteur").fill("000 000 018 00010")
    page.get_by_label("Code service Chorus Pro").fill("FORMATION")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Coordonnées de facturation enregistrées pour CCAS de Mâcon.")).to_be_visible()

    page.get_by_role("link", name="Émettre les factures de tous les financeurs…").click()
    expect(page.get_by_role("heading", name=f"Émettre les factures : {event.title}")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Émettre et envoyer les factures").click()
    expect(page.get_by_text(re.compile(r"2 facture\(s\) émise\(s\)"))).to_be_visible()
    assert serious_accessibility_violations(page) == []

    link = page.get_by_role("link", name=re.compile("FA-"))
    first = link.first
    pdf = page.request.get(base + first.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text().split())
    assert "FACTURE" in text and "TVA non applicable" in text

    follow(page.get_by_role("link", name=re.compile("Émettre un avoir sur FA-")).first)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Émettre l'avoir et l'envoyer").click()
    expect(page.locator("#resume-erreurs")).to_be_visible()
    page.get_by_label("Motif de l'avoir").fill("Annulation de l'inscription")
    page.get_by_role("button", name="Émettre l'avoir et l'envoyer").click()
    expect(page.get_by_text(re.compile(r"Avoir AV-\d{4}-0001 émis sur la facture FA-\d{4}-000\d\."))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"AV-\d{4}-0001"))).to_be_visible()
    assert serious_accessibility_violations(page) == []
