"""What the organiser types for the BPF: frame D and the share of turnover per year, the accounting year's start."""

from decimal import Decimal

import pytest

from rencontres.reporting import services
from rencontres.reporting.exceptions import ReportingError
from rencontres.reporting.models import FinancialFigures

pytestmark = pytest.mark.django_db


def save(organization, **fields):
    values = {
        "charges_cents": 2_000_000,
        "trainer_salaries_cents": 800_000,
        "training_purchases_cents": 300_000,
        "training_share_percent": Decimal("42.5"),
    }
    return services.save_financial_figures(organization=organization, year=2025, **{**values, **fields})


def test_figures_are_kept_per_year_and_typed_again_over_the_same_year(organization, alice):
    save(organization)
    services.save_financial_figures(
        organization=organization,
        year=2024,
        charges_cents=100,
        trainer_salaries_cents=0,
        training_purchases_cents=0,
        training_share_percent=None,
    )
    save(organization, charges_cents=2_500_000, by=alice)

    figures = FinancialFigures.objects.get(organization=organization, year=2025)
    assert figures.charges_cents == 2_500_000 and figures.updated_by == alice
    assert FinancialFigures.objects.filter(organization=organization).count() == 2


def test_the_parts_of_the_charges_never_exceed_their_total(organization):
    with pytest.raises(ReportingError) as refused:
        save(organization, charges_cents=1_000_000, trainer_salaries_cents=800_000, training_purchases_cents=300_000)

    assert refused.value.field == "charges"
    assert "ne peut pas le dépasser" in refused.value.message
    assert not FinancialFigures.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"charges_cents": -1}, "charges", "montant positif ou nul"),
        ({"trainer_salaries_cents": -5}, "trainer_salaries", "montant positif ou nul"),
        ({"charges_cents": 10**12}, "charges", "trop grand"),
        ({"training_share_percent": Decimal("100.5")}, "training_share", "entre 0 et 100"),
        ({"training_share_percent": Decimal("-1")}, "training_share", "entre 0 et 100"),
    ],
)
def test_bad_figures_are_refused_in_french(organization, fields, field, words):
    with pytest.raises(ReportingError) as refused:
        save(organization, **fields)

    assert refused.value.field == field and words in refused.value.message


def test_the_accounting_year_is_the_calendar_year_unless_the_organisation_sets_its_first_month(organization):
    import datetime as dt

    assert services.accounting_period(organization, 2025) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    services.set_year_start_month(organization=organization, month=7)
    assert services.accounting_period(organization, 2025) == (dt.date(2024, 7, 1), dt.date(2025, 6, 30))
    with pytest.raises(ReportingError):
        services.set_year_start_month(organization=organization, month=13)
