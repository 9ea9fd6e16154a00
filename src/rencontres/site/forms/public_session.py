"""The short form of a seat in a session open to the public: a name and an address, no payer, no questions."""

from django import forms
from django.utils.translation import gettext_lazy
from dsfr.forms import DsfrBaseForm

from rencontres.registrations.services import Visitor


class PublicSeatForm(DsfrBaseForm):
    # autocomplete tokens let the browser fill in the person's details (WCAG 1.3.5, RGAA 11.13).
    first_name = forms.CharField(
        label=gettext_lazy("Prénom"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=gettext_lazy("Nom"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(
        label=gettext_lazy("Adresse électronique"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy(
            "Vous y recevrez la confirmation et le lien pour libérer votre place. Format : nom@domaine.fr"
        ),
        error_messages={
            "invalid": gettext_lazy("Saisissez une adresse électronique complète, par exemple nom@domaine.fr.")
        },
    )

    def visitor(self) -> Visitor:
        data = self.cleaned_data
        return Visitor(first_name=data["first_name"], last_name=data["last_name"], email=data["email"])
