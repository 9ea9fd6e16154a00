"""Issue 14, points 5 and 6: an admin reads the year's BPF frame by frame, types frame D (a mistake first, told
in French), downloads the spreadsheet; a member opens a training's Qualiopi page and downloads its audit ZIP.
axe-core checks each page."""

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from rencontres.organizations.enums import Role
from rencontres.reporting.models import FinancialFigures
from tests.browser.conftest import serious_accessibility_violations
from tests.browser.test_certificates import sign_in
from tests.factories import make_member
from tests.reporting.builders import build_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_reads_the_bpf_types_frame_d_and_downloads_it(live_server, browser, organization):
    base = live_server.url
    year = build_year(organization)
    admin = make_member(organization, "direction@example.org", role=Role.ADMIN)
    page = browser.new_context(locale="fr-FR", accept_downloads=True).new_page()
    sign_in(page, admin, base)

    page.goto(f"{base}/gestion/organismes/{organization.id}/")
    page.get_by_role("link", name="Bilan pédagogique et financier").click()
    page.get_by_label("Exercice clos en").select_option("2025")
    page.get_by_role("button", name="Afficher cet exercice").click()
    expect(
        page.get_by_role("heading", name=f"Bilan pédagogique et financier 2025 : {organization.name}")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Cadre F-1 – Type de stagiaires de l'organisme")).to_be_visible()
    expect(page.get_by_role("cell", name="Salariés d'employeurs privés hors apprentis")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_label("Total des charges de l'organisme liées à l'activité de formation (€ HT)").fill("1 000")
    page.get_by_label("dont salaires des formateurs (€)").fill("900")
    page.get_by_label("dont achats de prestations de formation et honoraires de formation (€)").fill("200")
    page.get_by_role("button", name="Enregistrer le cadre D").click()
    expect(page.get_by_text("leur somme ne peut pas le dépasser").first).to_be_visible()
    assert serious_accessibility_violations(page) == []
    assert not FinancialFigures.objects.exists()

    page.get_by_label("Total des charges de l'organisme liées à l'activité de formation (€ HT)").fill("12 000")
    page.get_by_role("button", name="Enregistrer le cadre D").click()
    expect(page.get_by_text("Le cadre D de l'exercice 2025 est enregistré.")).to_be_visible()
    assert FinancialFigures.objects.get().charges_cents == 1_200_000

    with page.expect_download() as download:
        page.get_by_role("link", name="Tableur (XLSX) du BPF 2025").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert "Total des charges de l'organisme liées à l'activité de formation" in [
        row[1].value for row in sheet.iter_rows()
    ]

    page.get_by_role("link", name=year["accueil"].title).click()
    expect(page.get_by_role("heading", name=f"Qualiopi : {year['accueil'].title}")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Taux de réalisation des heures")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    link = page.get_by_role("link", name="Télécharger le dossier Qualiopi (ZIP)")
    archive = zipfile.ZipFile(io.BytesIO(page.request.get(base + link.get_attribute("href")).body()))
    assert "emargement/feuilles-d-emargement.pdf" in archive.namelist()
