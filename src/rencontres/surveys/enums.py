from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyKind(models.TextChoices):
    HOT = "hot", _("à chaud")
    COLD = "cold", _("à froid")


class SurveyQuestionKind(models.TextChoices):
    SCALE = "scale", _("note de 1 à 5")
    CHOICE = "choice", _("choix dans une liste")
    TEXT = "text", _("texte libre")
