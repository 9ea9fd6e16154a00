"""The facilitator's forms: workstreams, paper contributions, groups, vote rules, syntheses, restitution."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.workshops.enums import RestitutionVisibility
from rencontres.workshops.models import CONTRIBUTION_MAX_LENGTH
from rencontres.workshops.services import MAX_DOTS


class WorkstreamForm(DsfrBaseForm):
    title = forms.CharField(
        label=_("Intitulé du chantier"),
        max_length=200,
        error_messages={"required": _("Donnez un intitulé au chantier.")},
    )
    question = forms.CharField(
        label=_("Question qui guide le chantier"),
        max_length=500,
        error_messages={"required": _("Écrivez la question posée aux participants.")},
    )


class PaperContributionForm(DsfrBaseForm):
    text = forms.CharField(
        label=_("Contribution recopiée d'un papier"),
        max_length=CONTRIBUTION_MAX_LENGTH,
        error_messages={
            "required": _("Recopiez le texte de la contribution."),
            "max_length": _("Une contribution tient en %(limit_value)s caractères au plus."),
        },
    )


class GroupForm(DsfrBaseForm):
    group = forms.CharField(
        label=_("Regroupement"),
        max_length=80,
        required=False,
        error_messages={"max_length": _("Un regroupement tient en %(limit_value)s caractères au plus.")},
    )


INT_ERRORS = {
    "required": _("Indiquez un nombre."),
    "invalid": _("Indiquez un nombre entier."),
    "min_value": _("Au moins %(limit_value)s."),
    "max_value": _("Au plus %(limit_value)s."),
}


class VoteSettingsForm(DsfrBaseForm):
    dots_per_person = forms.IntegerField(
        label=_("Gommettes par personne"), min_value=1, max_value=MAX_DOTS, error_messages=INT_ERRORS
    )
    max_dots_per_item = forms.IntegerField(
        label=_("Au plus sur une même contribution"), min_value=1, max_value=MAX_DOTS, error_messages=INT_ERRORS
    )

    def clean(self):
        data = super().clean()
        n, k = data.get("dots_per_person"), data.get("max_dots_per_item")
        if n is not None and k is not None and k > n:
            raise ValidationError(
                _("Le maximum sur une même contribution ne dépasse pas le nombre de gommettes par personne.")
            )
        return data


class SynthesisForm(DsfrBaseForm):
    """The synthesis text and, for each visible contribution, its rank among the retained ones (blank: not retained)."""

    text = forms.CharField(label=_("Synthèse du chantier"), required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"rank_{item.contribution.id}"] = forms.IntegerField(
                label=item.contribution.text,
                required=False,
                min_value=1,
                max_value=len(items),
                help_text=_("%(n)s gommette(s)") % {"n": item.votes},
                error_messages={
                    "invalid": _("Indiquez un rang : 1, 2, 3…"),
                    "min_value": _("Le premier rang est 1."),
                    "max_value": _("Au plus le rang %(limit_value)s."),
                },
            )

    def rank_fields(self):
        return [self[f"rank_{item.contribution.id}"] for item in self.items]

    def clean(self):
        data = super().clean()
        ranks = [data.get(f"rank_{i.contribution.id}") for i in self.items]
        given = [r for r in ranks if r is not None]
        if len(given) != len(set(given)):
            raise ValidationError(_("Deux contributions ont le même rang : donnez un rang différent à chacune."))
        return data

    def retained_ids(self) -> list[int]:
        ranked = [
            (self.cleaned_data[f"rank_{i.contribution.id}"], i.contribution.id)
            for i in self.items
            if self.cleaned_data.get(f"rank_{i.contribution.id}") is not None
        ]
        return [cid for _rank, cid in sorted(ranked)]


class NextStepForm(DsfrBaseForm):
    action = forms.CharField(
        label=_("Suite à donner"), max_length=300, error_messages={"required": _("Dites quelle action mener.")}
    )
    owner = forms.CharField(
        label=_("Qui s'en charge"), max_length=150, error_messages={"required": _("Dites qui s'en charge.")}
    )
    due_on = forms.DateField(
        label=_("Pour quand"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Saisissez une date valide, par exemple 14/03/2030.")},
    )


class RestitutionForm(DsfrBaseForm):
    visibility = forms.ChoiceField(
        label=_("Qui voit la restitution sur la page de l'événement"),
        choices=RestitutionVisibility.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez qui voit la restitution."),
            "invalid_choice": _("Choisissez qui voit la restitution."),
        },
    )
    intro = forms.CharField(
        label=_("Introduction de la restitution"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
