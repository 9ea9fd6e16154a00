"""Forms a participant fills in a workshop: a contribution, the address to receive one's link."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.workshops.models import CONTRIBUTION_MAX_LENGTH


class ContributionForm(DsfrBaseForm):
    text = forms.CharField(
        label=_("Votre contribution"),
        max_length=CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Une idée par contribution, %(n)s caractères au plus.") % {"n": CONTRIBUTION_MAX_LENGTH},
        error_messages={
            "required": _("Écrivez votre contribution avant de l'envoyer."),
            "max_length": _("Une contribution tient en %(limit_value)s caractères au plus : raccourcissez-la."),
        },
    )

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError(_("Écrivez votre contribution avant de l'envoyer."))
        return text


class JoinForm(DsfrBaseForm):
    email = forms.EmailField(
        label=_("Adresse électronique de votre inscription"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Indiquez l'adresse avec laquelle vous vous êtes inscrit·e."),
            "invalid": _("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
        },
    )


VOTE_ACTIONS = {"ajouter": "add", "retirer": "remove"}
