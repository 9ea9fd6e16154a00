from django.db import models
from django.utils.translation import gettext_lazy as _


class ExperienceStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposée, à relire")
    PUBLISHED = "published", _("publiée")
    REFUSED = "refused", _("refusée")


class Stage(models.TextChoices):
    EMERGENCE = "emergence", _("émergence")
    EXPERIMENT = "experiment", _("expérimentation")
    EVALUATION = "evaluation", _("évaluation")
    SPREADING = "spreading", _("essaimage")


class CarrierKind(models.TextChoices):
    CCAS = "ccas", _("CCAS ou CIAS")
    COMMUNE = "commune", _("commune")
    EPCI = "epci", _("intercommunalité (EPCI)")
    DEPARTMENT = "department", _("département")
    REGION = "region", _("région")
    STATE = "state", _("service de l'État")
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("fondation")
    SOCIAL_SECURITY = "security", _("organisme de sécurité sociale (CAF, CPAM, MSA…)")
    INSTITUTION = "institution", _("établissement ou service social et médico-social")
    COMPANY = "company", _("entreprise, SCIC ou structure de l'ESS")
    TRAINING = "training", _("organisme de formation ou université")
    COLLECTIVE = "collective", _("collectif d'habitants")
    OTHER = "other", _("autre")


class Public(models.TextChoices):
    ALL = "all", _("tout public")
    CHILDHOOD = "childhood", _("enfance et familles")
    YOUTH = "youth", _("jeunes")
    ELDERLY = "elderly", _("personnes âgées")
    DISABILITY = "disability", _("personnes en situation de handicap")
    PRECARITY = "precarity", _("personnes en précarité")
    HOMELESS = "homeless", _("personnes sans domicile")
    MIGRANTS = "migrants", _("personnes exilées ou migrantes")
    JOBSEEKERS = "jobseekers", _("demandeurs d'emploi")
    CARERS = "carers", _("aidants")
    PROFESSIONALS = "professionals", _("professionnels")
    RESIDENTS = "residents", _("habitants d'un quartier")
