"""Issue 14's journey: an event is over and counter-signed, the organiser issues the certificates, a trainee
downloads theirs from « Mon espace », and the verification page confirms it. axe-core checks each new page."""

import io
import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from rencontres.accounts.models import User
from tests.browser.conftest import serious_accessibility_violations
from tests.certificates.builders import finished_last_week

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user, base_url):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])


def test_the_organiser_issues_the_trainee_downloads_and_the_verification_page_confirms(
    live_server, browser, organization, alice
):
    base = live_server.url
    event, _, _, (camille, dominique) = finished_last_week(organization, people=2, signers=1)
    organiser = browser.new_context(locale="fr-FR").new_page()
    sign_in(organiser, alice, base)

    organiser.goto(f"{base}/gestion/evenements/{event.id}/")
    organiser.get_by_role("link", name="Attestations").click()
    expect(organiser.get_by_role("heading", name=f"Attestations : {event.title}")).to_be_visible()
    assert serious_accessibility_violations(organiser) == []
    organiser.get_by_role("button", name="Délivrer les attestations manquantes et les envoyer").click()
    expect(organiser.get_by_text("2 attestation(s) délivrée(s)")).to_be_visible()
    expect(organiser.get_by_text(f"Sans heure validée, donc sans attestation : {dominique.last_name}")).to_be_visible()
    expect(organiser.get_by_role("link", name=re.compile("Certificat de réalisation, version 1"))).to_be_visible()
    assert serious_accessibility_violations(organiser) == []

    trainee = browser.new_context(locale="fr-FR").new_page()
    sign_in(trainee, User.objects.get(email=camille.email), base)
    trainee.goto(f"{base}/mon-espace/")
    link = trainee.get_by_role("link", name=re.compile("Certificat de réalisation"))
    expect(link).to_be_visible()
    assert serious_accessibility_violations(trainee) == []
    pdf = trainee.request.get(base + link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text().split())
    assert f"{camille.first_name} {camille.last_name}" in text and "6,5 heures" in text
    code = re.search(r"code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})", text).group(1)

    visitor = browser.new_context(locale="fr-FR").new_page()
    visitor.goto(f"{base}/verifier/")
    assert serious_accessibility_violations(visitor) == []
    visitor.get_by_label("Code de vérification").fill(code.lower().replace("-", ""))
    visitor.get_by_role("button", name="Vérifier").click()
    expect(visitor.get_by_role("heading", name="Document authentique")).to_be_visible()
    expect(visitor.get_by_text(f"{camille.first_name} {camille.last_name}")).to_be_visible()
    expect(visitor.get_by_text("6,5 heures (6 h 30)")).to_be_visible()
    assert camille.email not in visitor.content()
    assert serious_accessibility_violations(visitor) == []
    visitor.goto(f"{base}/verifier/AAAA-BBBB-CCCC/")
    expect(visitor.get_by_role("heading", name="Aucun document ne porte ce code")).to_be_visible()
    assert serious_accessibility_violations(visitor) == []
