from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationState(models.TextChoices):
    PENDING = "pending", _("candidature à examiner")
    WAITING = "waiting", _("sur liste d'attente")
    OFFERED = "offered", _("place proposée, à confirmer")
    CONFIRMED = "confirmed", _("inscription confirmée")
    REFUSED = "refused", _("candidature refusée")
    EXPIRED = "expired", _("proposition expirée")
    CANCELLED = "cancelled", _("annulée")


# A registration in one of these states is "live": one per person and event.
LIVE_STATES = (
    RegistrationState.PENDING,
    RegistrationState.WAITING,
    RegistrationState.OFFERED,
    RegistrationState.CONFIRMED,
)
# States that hold one of the event's places: the one place this rule is written.
PLACE_HOLDING_STATES = (RegistrationState.CONFIRMED, RegistrationState.OFFERED)


class AvailabilityState(models.TextChoices):
    OPEN = "open", _("inscriptions ouvertes")
    FULL = "full", _("complet, liste d'attente ouverte")
    NOT_YET_OPEN = "not_yet_open", _("inscriptions pas encore ouvertes")
    CLOSED = "closed", _("inscriptions closes")
    EXTERNAL = "external", _("inscription sur un autre site")
    PAST = "past", _("événement passé")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("texte libre")
    CHOICE = "choice", _("choix dans une liste")
    YES_NO = "yes_no", _("oui ou non")
    FILE = "file", _("fichier")


class PaperworkKind(models.TextChoices):
    QUOTE = "quote", _("devis")
    AGREEMENT = "agreement", _("convention de formation")


class MinimumDecision(models.TextChoices):
    UNDECIDED = "undecided", _("pas encore décidé")
    CONFIRMED = "confirmed", _("maintenu")
    CANCELLED = "cancelled", _("annulé")
