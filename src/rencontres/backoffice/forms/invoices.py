"""Forms of the organiser's invoices: a payer's billing details, a credit note with its reason."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.backoffice.forms.events import DsfrModelForm
from rencontres.invoicing.models import BillingDetails
from rencontres.invoicing.services import BILLING_FIELDS


class BillingDetailsForm(DsfrModelForm):
    # Typed as printed (« 217 102 703 00013 »): the spaces go before the model checks its 14 digits and key.
    siret = forms.CharField(label=_("SIRET de l'acheteur"), max_length=20, required=False)

    class Meta(DsfrModelForm.Meta):
        model = BillingDetails
        fields = BILLING_FIELDS

    def __init__(self, *args, public: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if public:
            self.fields["siret"].required = True
            self.fields["siret"].error_messages["required"] = _(
                "Un acheteur public est facturé sur Chorus Pro : indiquez son SIRET (14 chiffres)."
            )

    def clean_siret(self):
        return "".join(self.cleaned_data["siret"].split())


class CreditNoteForm(DsfrBaseForm):
    reason = forms.CharField(
        label=_("Motif de l'avoir"),
        max_length=300,
        help_text=_("Par exemple : annulation de l'inscription de Camille Martin ; erreur sur le tarif."),
        error_messages={
            "required": _("Indiquez le motif de l'avoir (annulation, correction…) : il figure sur l'avoir."),
            "max_length": _("Le motif tient en 300 caractères au plus."),
        },
    )
    line = forms.TypedChoiceField(
        label=_("Ce que l'avoir annule"),
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Choisissez une ligne de la facture.")},
    )
    amount = forms.DecimalField(
        label=_("Montant à créditer, en euros (facultatif)"),
        help_text=_("Laissé vide : tout ce que la ligne ou la facture porte encore."),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=9,
        decimal_places=2,
        localize=True,
        error_messages={
            "invalid": _("Indiquez un montant en euros, par exemple 425 ou 425,50."),
            "min_value": _("Le montant d'un avoir est positif."),
            "max_digits": _("Ce montant est trop grand."),
            "max_decimal_places": _("Au plus deux décimales (les centimes)."),
            "max_whole_digits": _("Ce montant est trop grand."),
        },
    )

    def __init__(self, *args, invoice, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [("", _("Toute la facture"))] + [
            (line.registration_id, line.label) for line in invoice.lines.all()
        ]

    @property
    def amount_cents(self) -> int | None:
        amount = self.cleaned_data.get("amount")
        return None if amount is None else int(amount * 100)
