from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm


class EmailForm(DsfrBaseForm):
    email = forms.EmailField(
        label=_("L'adresse électronique de votre inscription"),
        error_messages={"invalid": _("Saisissez une adresse électronique complète, par exemple nom@domaine.fr.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CodeForm(DsfrBaseForm):
    code = forms.CharField(
        label=_("Code reçu par courriel (6 chiffres)"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class SignatureForm(DsfrBaseForm):
    signature = forms.CharField(widget=forms.HiddenInput, max_length=40_000, required=False)
