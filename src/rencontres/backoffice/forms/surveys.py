"""The organiser's forms for surveys."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.surveys.enums import SurveyKind, SurveyQuestionKind


class SurveyCreateForm(DsfrBaseForm):
    kind = forms.ChoiceField(
        label=_("Questionnaire"),
        choices=SurveyKind.choices,
        error_messages={
            "required": _("Choisissez à chaud ou à froid."),
            "invalid_choice": _("Choisissez à chaud ou à froid."),
        },
    )


class SurveySettingsForm(DsfrBaseForm):
    title = forms.CharField(label=_("Titre"), max_length=200, error_messages={"required": _("Donnez un titre.")})
    intro = forms.CharField(
        label=_("Mot d'introduction"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    weeks_after = forms.IntegerField(
        label=_("Envoi, en semaines après la fin (à froid)"),
        min_value=0,
        max_value=52,
        error_messages={
            "required": _("Indiquez un nombre de semaines."),
            "invalid": _("Indiquez un nombre entier de semaines."),
            "min_value": _("Au moins %(limit_value)s."),
            "max_value": _("Au plus %(limit_value)s semaines."),
        },
    )
    is_open = forms.BooleanField(label=_("Ouvert aux réponses"), required=False)


class SurveyQuestionForm(DsfrBaseForm):
    label = forms.CharField(label=_("Question"), max_length=300, error_messages={"required": _("Écrivez la question.")})
    kind = forms.ChoiceField(
        label=_("Type de réponse"),
        choices=SurveyQuestionKind.choices,
        error_messages={
            "invalid_choice": _("Choisissez le type de réponse."),
            "required": _("Choisissez le type de réponse."),
        },
    )
    choices = forms.CharField(
        label=_("Choix possibles (un par ligne)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_required = forms.BooleanField(label=_("Réponse obligatoire"), required=False)


class PublishForm(DsfrBaseForm):
    published = forms.BooleanField(label=_("Publier le taux de satisfaction et le nombre de réponses"), required=False)
