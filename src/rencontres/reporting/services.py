"""The only code that writes what the organiser types for the BPF: the accounting year and frame D."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.organizations.models import Organization

from .exceptions import ReportingError
from .models import FinancialFigures, ReportingSettings

# The first accounting year a report can be asked for, and how far ahead (the year in progress).
FIRST_YEAR = 2000
MAX_CENTS = 100_000_000_000  # a thousand million euros: far beyond any training body, and a typo guard


def year_start_month(organization: Organization) -> int:
    settings = ReportingSettings.objects.filter(organization=organization).first()
    return settings.year_start_month if settings else 1


def accounting_period(organization: Organization, year: int) -> tuple[dt.date, dt.date]:
    """The accounting year that ends in `year`: the calendar year, or the twelve months from the start month before.

    With a start in September, « 2021 » runs from 1 September 2020 to 31 August 2021.
    """
    month = year_start_month(organization)
    if month == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return dt.date(year - 1, month, 1), dt.date(year, month, 1) - dt.timedelta(days=1)


def check_year(year: int, *, today: dt.date | None = None) -> int:
    """The year if a BPF can be computed for it (2000 to the year in progress); refused in French otherwise."""
    last = (today or timezone.localdate()).year
    if not FIRST_YEAR <= year <= last:
        raise ReportingError(
            _("Année %(year)s impossible : indiquez un exercice entre %(first)s et %(last)s.")
            % {"year": year, "first": FIRST_YEAR, "last": last},
            field="year",
        )
    return year


@transaction.atomic
def set_year_start_month(*, organization: Organization, month: int) -> ReportingSettings:
    """The first month of the organisation's accounting years (1 = January, the calendar year)."""
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ReportingError(_("Choisissez le premier mois de l'exercice dans la liste."), field="year_start_month")
    settings, _created = ReportingSettings.objects.update_or_create(
        organization=organization, defaults={"year_start_month": month}
    )
    return settings


def _check_amount(value, field: str, label: str, errors: list) -> None:
    if not isinstance(value, int) or value < 0:
        errors.append((field, _("%(label)s : indiquez un montant positif ou nul, en euros.") % {"label": label}))
    elif value >= MAX_CENTS:
        errors.append((field, _("%(label)s : ce montant est trop grand, vérifiez-le.") % {"label": label}))


@transaction.atomic
def save_financial_figures(
    *,
    organization: Organization,
    year: int,
    charges_cents: int,
    trainer_salaries_cents: int,
    training_purchases_cents: int,
    training_share_percent: Decimal | None,
    by=None,
) -> FinancialFigures:
    """Frame D and the share of turnover for one accounting year, checked as the form checks them.

    The two « dont » lines are parts of the total charges, so together they never exceed it;
    the share is a percentage.
    """
    check_year(year)
    errors: list[tuple[str, str]] = []
    _check_amount(charges_cents, "charges", _("Total des charges"), errors)
    _check_amount(trainer_salaries_cents, "trainer_salaries", _("Salaires des formateurs"), errors)
    _check_amount(training_purchases_cents, "training_purchases", _("Achats de prestations de formation"), errors)
    if not errors and trainer_salaries_cents + training_purchases_cents > charges_cents:
        errors.append(
            (
                "charges",
                _(
                    "Les salaires des formateurs et les achats de prestations font partie du total des charges : "
                    "leur somme ne peut pas le dépasser. Corrigez le total ou ces deux lignes."
                ),
            )
        )
    if training_share_percent is not None and not Decimal(0) <= training_share_percent <= Decimal(100):
        errors.append(("training_share", _("La part du chiffre d'affaires est un pourcentage, entre 0 et 100.")))
    if errors:
        raise ReportingError.for_fields(errors)
    figures, _created = FinancialFigures.objects.update_or_create(
        organization=organization,
        year=year,
        defaults={
            "charges_cents": charges_cents,
            "trainer_salaries_cents": trainer_salaries_cents,
            "training_purchases_cents": training_purchases_cents,
            "training_share_percent": training_share_percent,
            "updated_by": by if by is not None and by.is_authenticated else None,
        },
    )
    return figures
