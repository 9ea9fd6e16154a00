"""The standard surveys an organiser starts from: à chaud and à froid (Qualiopi indicator 30)."""

from django.utils.translation import gettext_lazy as _

from .enums import SurveyKind
from .enums import SurveyQuestionKind as Q

# (label, kind, choices, required, counts for the satisfaction rate)
SURVEY_TEMPLATES = {
    SurveyKind.HOT: {
        "title": _("Questionnaire de satisfaction à chaud"),
        "intro": _(
            "Quelques minutes pour nous dire comment s'est passée cette formation : vos réponses nous aident à l'améliorer."
        ),
        "weeks_after": 0,
        "questions": [
            (_("Globalement, êtes-vous satisfait·e de cette action ?"), Q.SCALE, "", True, True),
            (_("Les objectifs annoncés ont-ils été atteints ?"), Q.SCALE, "", True, True),
            (_("Les interventions et les échanges vous ont-ils été utiles ?"), Q.SCALE, "", False, True),
            (_("Organisation matérielle (accueil, lieu, horaires)"), Q.SCALE, "", False, False),
            (_("Le rythme était…"), Q.CHOICE, "trop lent\nadapté\ntrop rapide", False, False),
            (_("Qu'avez-vous le plus apprécié ?"), Q.TEXT, "", False, False),
            (_("Que faudrait-il améliorer ?"), Q.TEXT, "", False, False),
        ],
    },
    SurveyKind.COLD: {
        "title": _("Questionnaire de satisfaction à froid"),
        "intro": _("Quelques semaines ont passé : qu'avez-vous pu mettre en pratique ?"),
        "weeks_after": 8,
        "questions": [
            (_("Avec le recul, êtes-vous satisfait·e de cette action ?"), Q.SCALE, "", True, True),
            (_("Avez-vous pu mettre en pratique ce que vous avez appris ?"), Q.SCALE, "", True, True),
            (_("Recommanderiez-vous cette action à un·e collègue ?"), Q.CHOICE, "oui\npeut-être\nnon", False, False),
            (_("Qu'est-ce qui a changé dans votre pratique ?"), Q.TEXT, "", False, False),
            (_("De quoi auriez-vous besoin maintenant ?"), Q.TEXT, "", False, False),
        ],
    },
}
