from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.organizations.enums import Role
from rencontres.organizations.models import (
    RETENTION_BOUNDS_MESSAGE,
    RETENTION_MONTHS_MAX,
    RETENTION_MONTHS_MIN,
    Organization,
)
from rencontres.organizations.services import IDENTITY_FIELDS


class OrganizationIdentityForm(DsfrBaseForm, forms.ModelForm):
    siret = forms.CharField(
        label=_("SIRET"), max_length=20, required=False, help_text=_("14 chiffres, espaces permis.")
    )
    training_body_number = forms.CharField(
        label=_("Numéro de déclaration d'activité (NDA)"), max_length=15, required=False, help_text=_("11 chiffres.")
    )
    retention_months = forms.IntegerField(
        label=Organization._meta.get_field("retention_months").verbose_name,
        help_text=Organization._meta.get_field("retention_months").help_text,
        min_value=RETENTION_MONTHS_MIN,
        max_value=RETENTION_MONTHS_MAX,
        error_messages={
            "min_value": RETENTION_BOUNDS_MESSAGE,
            "max_value": RETENTION_BOUNDS_MESSAGE,
            "invalid": _("Indiquez un nombre de mois, par exemple 36."),
            "required": _("Indiquez la durée de conservation, en mois (36 par défaut)."),
        },
    )
    logo = forms.FileField(label=_("Logo (PNG ou JPEG)"), required=False)
    signature_image = forms.FileField(label=_("Signature et cachet (PNG ou JPEG)"), required=False)

    class Meta:
        model = Organization
        fields = IDENTITY_FIELDS
        widgets = {
            "cancellation_terms": forms.Textarea(attrs={"rows": 4}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "work email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "work tel", "type": "tel"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
        }

    def clean_siret(self):
        return "".join(self.cleaned_data["siret"].split())

    def clean_training_body_number(self):
        return "".join(self.cleaned_data["training_body_number"].split())


class MemberInvitationForm(DsfrBaseForm):
    email = forms.EmailField(
        label=_("Adresse électronique de la personne à inviter"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=Role.choices,
        initial=Role.EDITOR,
        help_text=_(
            "Un éditeur prépare et publie les événements et suit les inscriptions ; un administrateur, en plus, "
            "règle l'organisme et invite ses membres."
        ),
    )


class MemberRoleForm(DsfrBaseForm):
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices)
