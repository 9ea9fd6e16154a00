from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """What the jury decides for a trainee, on their thesis (seed 004: « la validation du cycle est prononcée par un jury »)."""

    ADMITTED = "admis", _("admis·e")
    DEFERRED = "ajourne", _("ajourné·e")
