from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    SEMINAIRE = "seminaire", _("séminaire")
    JOURNEE = "journee", _("journée")
    CYCLE = "cycle", _("cycle")
    RENCONTRES = "rencontres", _("rencontres")
    MATINEE = "matinee", _("matinée")
    FORMATION_LONGUE = "formation_longue", _("formation longue")
    CONFERENCE = "conference", _("conférence")
    WEBINAIRE = "webinaire", _("webinaire")
    ATELIER = "atelier", _("atelier")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    PUBLISHED = "published", _("publié")
    CANCELLED = "cancelled", _("annulé")


class SessionKind(models.TextChoices):
    TALK = "talk", _("intervention")
    ROUND_TABLE = "round_table", _("table ronde")
    WORKSHOP = "workshop", _("atelier")
    WEBINAR = "webinar", _("webinaire")
    FIELD_VISIT = "field_visit", _("visite de terrain")
    MEAL = "meal", _("repas")
    TUTORING = "tutoring", _("tutorat")
    LECTURE = "lecture", _("conférence")
    PLENARY = "plenary", _("plénière")
    MODULE = "module", _("module de formation")
    OTHER = "other", _("accueil, pause ou autre")


class SessionMode(models.TextChoices):
    ON_SITE = "on_site", _("sur place")
    ONLINE = "online", _("en ligne")
    HYBRID = "hybrid", _("hybride")


class SpeakerRole(models.TextChoices):
    COORDINATOR = "coordinator", _("coordination")
    SPEAKER = "speaker", _("intervention")
    MODERATOR = "moderator", _("animation")


class PayerKind(models.TextChoices):
    EMPLOYER = "employer", _("employeur")
    INDIVIDUAL = "individual", _("la personne elle-même")
    OPCO = "opco", _("OPCO")
    FREE = "free", _("gratuit")


class DocumentKind(models.TextChoices):
    PROGRAMME = "programme", _("programme")
    PROCEEDINGS = "proceedings", _("actes")
    SLIDES = "slides", _("support de présentation")
    SYNTHESIS = "synthesis", _("synthèse")
    FORM = "form", _("formulaire")
    OTHER = "other", _("autre")
