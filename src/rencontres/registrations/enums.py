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
    NOT_YET_DATED = "not_yet_dated", _("dates à venir : inscriptions ouvertes une fois les dates connues")
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
    CONTRACT = "contract", _("contrat de formation professionnelle")


class MinimumDecision(models.TextChoices):
    UNDECIDED = "undecided", _("pas encore décidé")
    CONFIRMED = "confirmed", _("maintenu")
    CANCELLED = "cancelled", _("annulé")


class TraineeType(models.TextChoices):
    """Who the trainee is, as the BPF (Cerfa 10443, frame F-1) counts trainees and their hours."""

    PRIVATE_EMPLOYEE = "private_employee", _("salarié·e d'un employeur privé")
    PUBLIC_AGENT = "public_agent", _("agent public")
    JOBSEEKER = "jobseeker", _("demandeur·se d'emploi")
    INDIVIDUAL = "individual", _("particulier à ses frais")
    OTHER = "other", _("autre")


class PayerCategory(models.TextChoices):
    """Who is invoiced, as the BPF (frame C) sorts a training body's income."""

    COMPANY = "company", _("entreprise")
    OPCO = "opco", _("OPCO")
    PUBLIC_BODY = "public_body", _("organisme public")
    INDIVIDUAL = "individual", _("particulier")
    TRAINING_BODY = "training_body", _("autre organisme de formation")


class OpcoScheme(models.TextChoices):
    """The scheme under which an OPCO pays: the lines of the BPF's frame C for OPCOs."""

    APPRENTICESHIP = "apprenticeship", _("contrat d'apprentissage")
    PROFESSIONALISATION = "professionalisation", _("contrat de professionnalisation")
    PRO_A = "pro_a", _("promotion ou reconversion par alternance (Pro-A)")
    TRANSITION = "transition", _("projet de transition professionnelle")
    CPF = "cpf", _("compte personnel de formation (CPF)")
    JOBSEEKERS = "jobseekers", _("dispositif pour les personnes en recherche d'emploi")
    SELF_EMPLOYED = "self_employed", _("dispositif pour les travailleurs non salariés")
    SKILLS_PLAN = "skills_plan", _("plan de développement des compétences ou autre dispositif")


class DataAccessKind(models.TextChoices):
    """What an organiser read of people's data in the back-office (the access journal)."""

    REGISTRATION_DETAIL = "registration_detail", _("fiche d'une inscription")
    REGISTRATION_FILE = "registration_file", _("pièce déposée par une personne")
    PAPERWORK = "paperwork", _("devis, convention ou contrat de formation")
    REGISTRATIONS_EXPORT = "registrations_export", _("export des inscriptions")
    ATTENDANCE_SHEETS = "attendance_sheets", _("feuilles d'émargement")
    ATTENDANCE_SCAN = "attendance_scan", _("feuille d'émargement numérisée")
    HOURS_EXPORT = "hours_export", _("export des heures")
    SURVEY_RESULTS = "survey_results", _("réponses à un questionnaire")
    SURVEY_EXPORT = "survey_export", _("export des réponses à un questionnaire")
