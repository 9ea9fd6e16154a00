"""Seed 004's end: a trainee hands in their thesis from « Mon espace », the organiser sets the jury, records an
« admis » decision and issues the certificate of specialisation, the trainee downloads it. axe on each new page."""

import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from rencontres.accounts.models import User
from rencontres.theses.models import Decision, Thesis
from tests.browser.conftest import serious_accessibility_violations
from tests.browser.test_certificates import sign_in
from tests.certificates.builders import finished_last_week
from tests.registrations.builders import pdf_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_violations(page) -> None:
    assert serious_accessibility_violations(page) == []


def test_thesis_jury_decision_and_certificate_of_specialisation(live_server, browser, organization, alice):
    base = live_server.url
    event, _, _, (camille,) = finished_last_week(organization, people=1)
    organiser = browser.new_context(locale="fr-FR").new_page()
    sign_in(organiser, alice, base)

    organiser.goto(f"{base}/gestion/evenements/{event.id}/")
    organiser.get_by_role("link", name="Mémoires et jury").click()
    expect(organiser.get_by_role("heading", name=f"Mémoires et jury : {event.title}")).to_be_visible()
    no_violations(organiser)
    organiser.get_by_role("link", name="Régler le mémoire").click()
    expect(organiser.get_by_label("Date limite de dépôt")).to_be_visible()
    no_violations(organiser)
    organiser.get_by_label("Un mémoire est demandé à chaque stagiaire").check(force=True)
    organiser.get_by_label("Date limite de dépôt").fill((dt.date.today() + dt.timedelta(days=7)).isoformat())
    organiser.get_by_role("button", name="Enregistrer").click()
    expect(organiser.get_by_text("Réglages du mémoire enregistrés.")).to_be_visible()

    trainee = browser.new_context(locale="fr-FR").new_page()
    sign_in(trainee, User.objects.get(email=camille.email), base)
    trainee.goto(f"{base}/mon-espace/")
    trainee.get_by_role("link", name=re.compile("Déposer mon mémoire")).click()
    expect(trainee.get_by_label("Fichier du mémoire")).to_be_visible()
    no_violations(trainee)
    trainee.get_by_label("Fichier du mémoire").set_input_files(
        {"name": "memoire.exe", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 not a document"}
    )
    trainee.get_by_role("button", name="Déposer mon mémoire").click()
    expect(trainee.get_by_text(re.compile("n'est pas un document PDF, DOCX ou ODT")).first).to_be_visible()
    assert trainee.title().startswith("Erreur :")
    no_violations(trainee)
    content = pdf_file("memoire.pdf").read()
    trainee.get_by_label("Titre du mémoire").fill("Les tiers-lieux culturels")
    trainee.get_by_label("Fichier du mémoire").set_input_files(
        {"name": "memoire.pdf", "mimeType": "application/pdf", "buffer": content}
    )
    trainee.get_by_role("button", name="Déposer mon mémoire").click()
    expect(trainee.get_by_text("Votre mémoire est déposé (version 1)")).to_be_visible()
    no_violations(trainee)
    assert Thesis.objects.get().title == "Les tiers-lieux culturels"

    organiser.get_by_role("link", name="Indiquer le jury").click()
    expect(organiser.get_by_label("Date du jury")).to_be_visible()
    no_violations(organiser)
    organiser.get_by_label("Date du jury").fill(dt.date.today().isoformat())
    organiser.get_by_label("Membres du jury").fill("Marie Durand, présidente\nPaul Martin, formateur")
    organiser.get_by_role("button", name="Enregistrer le jury").click()
    expect(organiser.get_by_text("Paul Martin, formateur")).to_be_visible()
    download = organiser.get_by_role("link", name=re.compile(f"Mémoire de {camille.full_name}, version 1"))
    assert organiser.request.get(base + download.get_attribute("href")).body() == content
    organiser.get_by_role("link", name=re.compile("Enregistrer la décision")).click()
    expect(organiser.get_by_label("Commentaire du jury")).to_be_visible()
    no_violations(organiser)
    organiser.get_by_text("admis·e", exact=True).click()
    organiser.get_by_label("Commentaire du jury").fill("Mémoire clair et documenté.")
    organiser.get_by_role("button", name="Enregistrer la décision").click()
    expect(organiser.get_by_text(f"Décision enregistrée pour {camille.full_name}.")).to_be_visible()
    assert Decision.objects.get().recorded_by == alice
    organiser.get_by_role("button", name=re.compile("Délivrer le certificat manquant")).click()
    expect(organiser.get_by_text("1 certificat(s) de spécialisation délivré(s)")).to_be_visible()
    no_violations(organiser)

    trainee.goto(f"{base}/mon-espace/")
    expect(trainee.get_by_text("Décision du jury : admis·e.")).to_be_visible()
    link = trainee.get_by_role("link", name=re.compile("Certificat de spécialisation"))
    no_violations(trainee)
    pdf = trainee.request.get(base + link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text().split())
    assert "CERTIFICAT DE SPÉCIALISATION" in text and "6,5 heures" in text and "Marie Durand, présidente" in text
