"""GET /api/organizations/{slug}/training-report/{year}: the BPF frames as JSON, with the organisation's token."""

import pytest

from rencontres.reporting.services import save_financial_figures
from tests.api.builders import token_for
from tests.reporting.builders import build_year

pytestmark = pytest.mark.django_db


def bearer(organization) -> dict:
    return {"Authorization": f"Bearer {token_for(organization)}"}


def test_the_frames_come_as_numbers_with_money_in_cents(client, organization):
    build_year(organization)
    save_financial_figures(
        organization=organization,
        year=2025,
        charges_cents=1_234_500,
        trainer_salaries_cents=600_000,
        training_purchases_cents=150_000,
        training_share_percent=None,
    )

    response = client.get(f"/api/organizations/{organization.slug}/training-report/2025", headers=bearer(organization))

    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"C", "D", "E", "F1", "F3", "F4", "G"}
    assert body["period"] == {"start": "2025-01-01", "end": "2025-12-31"} and body["form"] == "10443*17"
    assert {x["line"]: (x["trainees"], x["hours"]) for x in body["F1"]["lines"]} == {
        "a": (2, 13),
        "b": (0, 0),
        "c": (0, 0),
        "d": (1, 6),
        "e": (1, 3.5),
    }
    assert body["F1"]["total"] == {"trainees": 4, "hours": 22.5} and body["F1"]["at_distance"] == 1
    assert body["F3"]["total"] == {"trainees": 4, "hours": 22.5}
    level = body["F3"]["lines"][0]["levels"][0]
    assert (level["line"], level["trainees"], level["hours"]) == ("a1", 1, 6.5)
    assert [(x["code"], x["trainees"], x["hours"]) for x in body["F4"]] == [
        ("332", 3, 16),
        ("330", 1, 6.5),
        (None, 0, 0),
    ]
    assert body["G"] == {"trainees": 1, "hours": 6.5}
    assert body["E"]["total"] == {"people": 2, "hours": 13}
    assert body["D"] == {
        "charges_cents": 1_234_500,
        "trainer_salaries_cents": 600_000,
        "training_purchases_cents": 150_000,
    }
    assert body["C"]["total_cents"] == 0 and len(body["C"]["lines"]) == 19
    assert body["B"] == {"at_distance": True}


@pytest.mark.parametrize("year", ["1999", "3000", "99999999999999999999"])
def test_a_year_out_of_range_is_a_french_400(client, organization, year):
    response = client.get(
        f"/api/organizations/{organization.slug}/training-report/{year}", headers=bearer(organization)
    )

    assert response.status_code in (400, 422)
    assert response.json()["detail"].startswith(("Année", "Corrigez"))


def test_a_year_that_is_not_a_number_says_so_in_french(client, organization):
    response = client.get(
        f"/api/organizations/{organization.slug}/training-report/deux-mille", headers=bearer(organization)
    )

    assert response.status_code == 422
    assert "Donnez un nombre entier" in response.json()["detail"]


def test_another_organisations_token_or_none_reads_nothing(client, organization, other_organization):
    build_year(organization)
    url = f"/api/organizations/{organization.slug}/training-report/2025"

    outsider = client.get(url, headers=bearer(other_organization))

    assert outsider.status_code == 404 and "Votre jeton n'est pas celui" in outsider.json()["detail"]
    assert client.get(url).status_code == 401
