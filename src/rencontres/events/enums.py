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


class TrainingNature(models.TextChoices):
    """The four natures of the Ministry of Labour's certificat de réalisation (Code du travail, L6313-1)."""

    TRAINING = "action_formation", _("action de formation")
    SKILLS_ASSESSMENT = "bilan_competences", _("bilan de compétences")
    VAE = "vae", _("action de VAE")
    APPRENTICESHIP = "apprentissage", _("action de formation par apprentissage")


class BpfObjective(models.TextChoices):
    """What the action leads to, as the BPF (Cerfa 10443, frame F-3) counts trainees by objective."""

    RNCP = "rncp", _("diplôme ou titre à finalité professionnelle inscrit au RNCP")
    RS = "rs", _("certification ou habilitation inscrite au répertoire spécifique (RS)")
    CQP = "cqp", _("certificat de qualification professionnelle (CQP) non inscrit au RNCP")
    OTHER = "other", _("autre formation professionnelle")


class RncpLevel(models.IntegerChoices):
    """Levels of the national qualifications framework (décret n° 2019-14), as the BPF asks them."""

    LEVEL_2 = 2, _("niveau 2")
    LEVEL_3 = 3, _("niveau 3 (CAP, BEP)")
    LEVEL_4 = 4, _("niveau 4 (baccalauréat)")
    LEVEL_5 = 5, _("niveau 5 (bac + 2)")
    LEVEL_6 = 6, _("niveau 6 (licence, bac + 3)")
    LEVEL_7 = 7, _("niveau 7 (master, bac + 5)")
    LEVEL_8 = 8, _("niveau 8 (doctorat)")


class TrainerStatus(models.TextChoices):
    """BPF frame E: trainers are counted apart when they belong to the body or come from outside."""

    NONE = "", _("n'intervient pas comme formateur")
    INTERNAL = "internal", _("formateur interne (salarié de l'organisme)")
    EXTERNAL = "external", _("formateur externe (intervenant extérieur, sous-traitance)")
