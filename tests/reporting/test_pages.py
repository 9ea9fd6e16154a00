"""The back-office's BPF page (organisation admins): frames as on the Cerfa, frame D typed, XLSX and JSON."""

import io
import json

import pytest
from openpyxl import load_workbook

from rencontres.organizations.enums import Role
from rencontres.reporting.models import FinancialFigures, ReportingSettings
from tests import factories
from tests.reporting.builders import build_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(organization):
    return factories.make_member(organization, "direction@example.org", role=Role.ADMIN)


def url(organization, year=2025, suffix="/") -> str:
    return f"/gestion/organismes/{organization.id}/bpf/{year}{suffix}"


def figures(**fields) -> dict:
    return {
        "charges": "12 345,50",
        "trainer_salaries": "6 000",
        "training_purchases": "1 500,5",
        "training_share": "42,5",
        **fields,
    }


def test_the_page_shows_each_frame_with_the_years_figures(client, organization, admin):
    build_year(organization)
    client.force_login(admin)

    page = client.get(url(organization)).content.decode()

    for title in ("Cadre C", "Cadre D", "Cadre E", "Cadre F-1", "Cadre F-3", "Cadre F-4", "Cadre G"):
        assert title in page
    assert "Salariés d&#x27;employeurs privés hors apprentis" in page
    assert "22,5" in page  # F-1 total hours, French decimals
    assert "Travail social" in page and "Accueil inconditionnel" in page
    assert "Saisissez le cadre D" in page


def test_frame_d_is_typed_and_kept_for_the_year(client, organization, admin):
    build_year(organization)
    client.force_login(admin)

    response = client.post(url(organization), figures())

    assert response.status_code == 302
    saved = FinancialFigures.objects.get(organization=organization, year=2025)
    assert (saved.charges_cents, saved.trainer_salaries_cents, saved.training_purchases_cents) == (
        1_234_550,
        600_000,
        150_050,
    )
    assert str(saved.training_share_percent) == "42.50" and saved.updated_by == admin
    page = client.get(url(organization)).content.decode()
    assert 'value="12345,50"' in page and 'value="42,5"' in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"charges": "douze mille"}, "Indiquez un montant en euros"),
        ({"charges": ""}, "Indiquez ce montant en euros (0 s&#x27;il n&#x27;y en a pas)"),
        ({"charges": "-5"}, "Un montant ne peut pas être négatif"),
        ({"charges": "1000", "trainer_salaries": "900", "training_purchases": "200"}, "ne peut pas le dépasser"),
        ({"training_share": "150"}, "Indiquez un pourcentage entre 0 et 100"),
        ({"training_share": "12,345"}, "au plus deux chiffres après la virgule"),
        ({"charges": "9" * 40}, "Indiquez un montant en euros"),
    ],
)
def test_bad_figures_are_refused_in_french_and_nothing_is_saved(client, organization, admin, fields, message):
    client.force_login(admin)

    response = client.post(url(organization), figures(**fields))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FinancialFigures.objects.exists()


def test_only_the_organisations_admins_see_it(client, organization, alice, charlie, admin):
    for user in (alice, charlie):  # an editor of the organisation, an admin elsewhere
        client.force_login(user)
        assert client.get(url(organization)).status_code == 404
        assert client.get(url(organization, suffix=".xlsx")).status_code == 404
        assert client.post(url(organization), figures()).status_code == 404
    assert not FinancialFigures.objects.exists()


def test_the_spreadsheet_lays_the_frames_out_like_the_form(client, organization, admin):
    build_year(organization)
    client.force_login(admin)

    response = client.get(url(organization, suffix=".xlsx"))

    assert response["Content-Disposition"] == f'attachment; filename="bpf-{organization.slug}-2025.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    texts = [row[1] for row in rows if row[1]]
    assert any(str(row[0]).startswith("Cadre F-1") for row in rows if row[0])
    f1 = next(i for i, row in enumerate(rows) if row[0] and str(row[0]).startswith("Cadre F-1"))
    assert rows[f1 + 2][:4] == ("a", "Salariés d'employeurs privés hors apprentis", 2, 13)
    assert rows[f1 + 7][1:4] == ("Total", 4, 22.5)
    assert "Travail social" in texts


def test_the_json_download_is_the_apis_answer(client, organization, admin):
    build_year(organization)
    client.force_login(admin)

    data = json.loads(client.get(url(organization, suffix=".json")).content)
    from tests.api.builders import token_for

    api = client.get(
        f"/api/organizations/{organization.slug}/training-report/2025",
        headers={"Authorization": f"Bearer {token_for(organization)}"},
    ).json()
    assert data == api
    assert data["F1"]["total"] == {"trainees": 4, "hours": 22.5}


def test_a_year_chosen_out_of_range_or_not_a_year_says_so(client, organization, admin):
    client.force_login(admin)

    for choice in ("1999", "abc", "20255"):
        response = client.get(f"/gestion/organismes/{organization.id}/bpf/?annee={choice}", follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert "indiquez un exercice entre 2000" in page or "Choisissez un exercice dans la liste" in page
    assert client.get(url(organization, 1999), follow=True).status_code == 200


def test_the_accounting_years_first_month_is_set_from_the_page(client, organization, admin):
    client.force_login(admin)

    response = client.post(
        f"/gestion/organismes/{organization.id}/exercice/", {"year_start_month": "9", "year": "2025"}, follow=True
    )

    assert ReportingSettings.objects.get(organization=organization).year_start_month == 9
    assert "du 1 septembre 2024 au 31 août 2025" in response.content.decode()
    refused = client.post(f"/gestion/organismes/{organization.id}/exercice/", {"year_start_month": "13"}, follow=True)
    assert "Choisissez le premier mois" in refused.content.decode()
    assert ReportingSettings.objects.get(organization=organization).year_start_month == 9
