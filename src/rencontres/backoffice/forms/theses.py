"""Forms of the organiser's thesis and jury pages: settings, the jury, a decision and its correction."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.theses import services
from rencontres.theses.enums import Outcome
from rencontres.theses.exceptions import ThesisError

DATE_ERRORS = {"invalid": _("Saisissez une date valide, par exemple 15/06/2021.")}


class ThesisSettingsForm(DsfrBaseForm):
    is_required = forms.BooleanField(
        label=_("Un mémoire est demandé à chaque stagiaire"),
        required=False,
        help_text=_(
            "Chaque stagiaire le dépose depuis « Mon espace » (PDF, DOCX ou ODT) ; le jury se prononce au vu du mémoire."
        ),
    )
    deadline = forms.DateField(
        label=_("Date limite de dépôt"),
        required=False,
        help_text=_("Dernier jour inclus (heure de Paris). Format : jj/mm/aaaa"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )


class JuryForm(DsfrBaseForm):
    date = forms.DateField(
        label=_("Date du jury"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={**DATE_ERRORS, "required": _("Indiquez la date à laquelle le jury se réunit.")},
    )
    members = forms.CharField(
        label=_("Membres du jury"),
        help_text=_("Un membre par ligne : le nom, une virgule, puis son rôle. Par exemple : Marie Durand, présidente"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={"required": _("Indiquez au moins un membre du jury, avec son rôle.")},
    )

    def clean_members(self):
        try:
            return services.parse_members(self.cleaned_data["members"])
        except ThesisError as error:
            raise ValidationError(error.message) from None


class DecisionForm(DsfrBaseForm):
    outcome = forms.ChoiceField(
        label=_("Décision du jury"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez « admis·e » ou « ajourné·e »."),
            "invalid_choice": _("Choisissez « admis·e » ou « ajourné·e »."),
        },
    )
    comment = forms.CharField(
        label=_("Commentaire du jury"),
        required=False,
        max_length=services.MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, correcting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if correcting:
            self.fields["reason"] = forms.CharField(
                label=_("Motif de la correction"),
                max_length=services.MAX_REASON,
                help_text=_("Il reste au journal des décisions, avec la décision corrigée."),
                error_messages={
                    "required": _("Indiquez le motif de la correction : il reste au journal des décisions.")
                },
            )
