from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    PROGRAMME = "programme", _("programme")
    SLIDES = "slides", _("support de présentation")
    SYNTHESIS = "synthesis", _("synthèse")
    RECORDING = "recording", _("enregistrement")
    READING = "reading", _("lecture complémentaire")
    PROCEEDINGS = "proceedings", _("actes")


class ResourceVisibility(models.TextChoices):
    PUBLIC = "public", _("tout public")
    REGISTERED = "registered", _("réservé aux personnes inscrites")


class ResourceStatus(models.TextChoices):
    PENDING = "pending", _("à valider")
    APPROVED = "approved", _("publiée")
    REFUSED = "refused", _("refusée")


class Language(models.TextChoices):
    FRENCH = "fr", _("français")
    ENGLISH = "en", _("anglais")
    SPANISH = "es", _("espagnol")
    GERMAN = "de", _("allemand")
    ITALIAN = "it", _("italien")
    OTHER = "other", _("autre langue")


class ProceedingsStatus(models.TextChoices):
    DRAFT = "draft", _("en préparation")
    PUBLISHED = "published", _("publiés")
