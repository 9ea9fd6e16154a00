"""The demonstration's BPF: what the organiser of Cluny (seed 000) typed for 2021, called by the demo's loader."""

from decimal import Decimal

from rencontres.organizations.models import Organization

from .models import FinancialFigures
from .services import save_financial_figures

# Invented, plausible for a small training body whose training is a third of its activity.
CLUNY_2021 = {
    "charges_cents": 1_040_000,
    "trainer_salaries_cents": 360_000,
    "training_purchases_cents": 280_000,
    "training_share_percent": Decimal("38"),
}


def type_seed_000_figures(organization: Organization) -> FinancialFigures:
    """Frame D of Cluny's 2021 accounting year and the share of its turnover from training."""
    return save_financial_figures(organization=organization, year=2021, **CLUNY_2021)
