from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkshopPhase(models.TextChoices):
    CONTRIBUTING = "contributing", _("contributions ouvertes")
    VOTING = "voting", _("vote ouvert")
    CLOSED = "closed", _("vote clos")


class RestitutionVisibility(models.TextChoices):
    UNPUBLISHED = "unpublished", _("non publiée")
    REGISTERED = "registered", _("publiée pour les personnes inscrites")
    PUBLIC = "public", _("publiée pour tout le monde")
