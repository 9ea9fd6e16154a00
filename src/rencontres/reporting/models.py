"""What the organiser types for the BPF, since no other part of Rencontres knows it.

The accounting year's first month (the BPF covers the last closed accounting year,
Code du travail R6352-22), and per year frame D (the body's charges for training) with the
share of its turnover made by vocational training (end of frame C): figures from the
accounts, kept year by year so that a BPF can be shown again as it was filed.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.organizations.models import Organization


class ReportingSettings(models.Model):
    """An organisation's accounting year: twelve months from the first day of `year_start_month`."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="reporting_settings")
    year_start_month = models.PositiveSmallIntegerField(
        _("premier mois de l'exercice comptable"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )

    class Meta:
        verbose_name = _("exercice comptable")
        verbose_name_plural = _("exercices comptables")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_start_month__gte=1, year_start_month__lte=12),
                name="reporting_year_start_is_a_month",
            )
        ]


class FinancialFigures(models.Model):
    """Frame D of one accounting year and the share of turnover from training, as typed by the organiser."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="financial_figures")
    # The year the accounting year ends in (« exercice clos en »).
    year = models.PositiveSmallIntegerField(_("exercice"))
    charges_cents = models.PositiveBigIntegerField(_("total des charges de l'organisme liées à la formation"))
    trainer_salaries_cents = models.PositiveBigIntegerField(_("dont salaires des formateurs"))
    training_purchases_cents = models.PositiveBigIntegerField(
        _("dont achats de prestations de formation et honoraires de formation")
    )
    training_share_percent = models.DecimalField(
        _("part du chiffre d'affaires global réalisée dans la formation professionnelle (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        ordering = ["organization_id", "-year"]
        verbose_name = _("charges de l'exercice (cadre D)")
        verbose_name_plural = _("charges des exercices (cadre D)")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="one_set_of_figures_per_year"),
            models.CheckConstraint(
                condition=models.Q(
                    charges_cents__gte=models.F("trainer_salaries_cents") + models.F("training_purchases_cents")
                ),
                name="figures_parts_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.year}"
