"""The survey a participant answers: one field per question, built from the survey."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.surveys.enums import SurveyQuestionKind
from rencontres.surveys.services import TEXT_MAX_LENGTH

SCALE_CHOICES = [
    ("1", _("1 — pas du tout satisfait·e")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 — tout à fait satisfait·e")),
]


class SurveyAnswerForm(DsfrBaseForm):
    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        for question in self.questions:
            messages = {"required": _("Répondez à cette question.")}
            if question.kind == SurveyQuestionKind.SCALE:
                field = forms.ChoiceField(
                    choices=SCALE_CHOICES,
                    widget=forms.RadioSelect,
                    error_messages={**messages, "invalid_choice": _("Choisissez une note de 1 à 5.")},
                )
            elif question.kind == SurveyQuestionKind.CHOICE:
                field = forms.ChoiceField(
                    choices=[(c, c) for c in question.choice_list],
                    widget=forms.RadioSelect,
                    error_messages={**messages, "invalid_choice": _("Choisissez l'une des réponses proposées.")},
                )
            else:
                field = forms.CharField(
                    max_length=TEXT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    error_messages={**messages, "max_length": _("Au plus %(limit_value)s caractères.")},
                )
            field.label = question.label
            field.required = question.is_required
            self.fields[f"question_{question.id}"] = field

    def answers(self) -> dict[int, str]:
        return {q.id: self.cleaned_data.get(f"question_{q.id}") or "" for q in self.questions}
