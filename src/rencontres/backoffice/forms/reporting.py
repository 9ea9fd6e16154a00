"""Forms of the BPF page: the year shown, the accounting year's first month, frame D and the training share."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.backoffice.forms.events import EuroAmountField

# Total charges of a large training body run to millions; a thousand million is a typo.
MAX_EUROS = 999_999_999


class YearStartForm(DsfrBaseForm):
    year_start_month = forms.TypedChoiceField(
        label=_("Premier mois de l'exercice comptable"),
        help_text=_(
            "Janvier : l'exercice est l'année civile. Sinon, l'exercice « 2025 » est celui qui se clôt en 2025."
        ),
        choices=[(number, str(name).capitalize()) for number, name in MONTHS.items()],
        coerce=int,
        error_messages={"invalid_choice": _("Choisissez le premier mois de l'exercice dans la liste.")},
    )


class PercentField(forms.Field):
    """« 42 », « 42,5 » or « 42,5 % »: a percentage with at most two decimals."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        cleaned = re.sub(r"[\s\u00a0\u202f%]", "", str(value)[:20]).replace(",", ".")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not Decimal(0) <= number <= Decimal(100):
            raise ValidationError(_("Indiquez un pourcentage entre 0 et 100, par exemple 42 ou 42,5."))
        if number != number.quantize(Decimal("0.01")):
            raise ValidationError(_("Un pourcentage a au plus deux chiffres après la virgule."))
        return number


class FinancialFiguresForm(DsfrBaseForm):
    charges = EuroAmountField(
        label=_("Total des charges de l'organisme liées à l'activité de formation (€ HT)"), max_euros=MAX_EUROS
    )
    trainer_salaries = EuroAmountField(label=_("dont salaires des formateurs (€)"), max_euros=MAX_EUROS)
    training_purchases = EuroAmountField(
        label=_("dont achats de prestations de formation et honoraires de formation (€)"), max_euros=MAX_EUROS
    )
    training_share = PercentField(
        label=_("Part du chiffre d'affaires global réalisée dans la formation professionnelle (%)"),
        required=False,
        help_text=_("En fin de cadre C. Laissez vide si vous ne la connaissez pas encore."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("charges", "trainer_salaries", "training_purchases"):
            self.fields[name].error_messages["required"] = _(
                "Indiquez ce montant en euros (0 s'il n'y en a pas), d'après vos comptes."
            )
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        self.fields["training_share"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    @classmethod
    def initial_of(cls, figures) -> dict:
        if figures is None:
            return {}

        def euros(cents: int) -> str:
            return f"{Decimal(cents) / 100:.2f}".replace(".", ",").removesuffix(",00")

        share = figures.training_share_percent
        return {
            "charges": euros(figures.charges_cents),
            "trainer_salaries": euros(figures.trainer_salaries_cents),
            "training_purchases": euros(figures.training_purchases_cents),
            "training_share": "" if share is None else f"{share.normalize():f}".replace(".", ","),
        }
