"""Satisfaction surveys (Qualiopi indicators 2 and 30): à chaud at the end, à froid weeks later.

One answer per registration, through a personal signed link (no account). A survey is sent
once by `send_surveys` when its time comes, and reminded once to those who have not answered.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event
from rencontres.registrations.models import Registration

from .enums import SurveyKind, SurveyQuestionKind


class Survey(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="surveys")
    kind = models.CharField(_("moment"), max_length=4, choices=SurveyKind.choices)
    title = models.CharField(_("titre"), max_length=200)
    intro = models.TextField(_("mot d'introduction"), blank=True)
    weeks_after = models.PositiveSmallIntegerField(
        _("envoi, en semaines après la fin"),
        default=0,
        validators=[MaxValueValidator(52)],
        help_text=_("0 pour un questionnaire à chaud, envoyé à la fin de la dernière séance."),
    )
    is_open = models.BooleanField(_("ouvert aux réponses"), default=True)
    results_published = models.BooleanField(_("taux de satisfaction publié sur la page de l'événement"), default=False)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event_id", "kind", "id"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [models.UniqueConstraint(fields=["event", "kind"], name="one_survey_of_each_kind_per_event")]

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("type de réponse"), max_length=6, choices=SurveyQuestionKind.choices)
    choices = models.TextField(_("choix possibles"), blank=True, help_text=_("Un choix par ligne."))
    is_required = models.BooleanField(_("réponse obligatoire"), default=False)
    # The scale questions that measure satisfaction make the published satisfaction rate.
    counts_for_satisfaction = models.BooleanField(_("compte dans le taux de satisfaction"), default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="survey_responses")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [models.UniqueConstraint(fields=["survey", "registration"], name="one_response_per_person")]


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    value = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_survey_question"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="survey_score_from_1_to_5",
            ),
        ]
