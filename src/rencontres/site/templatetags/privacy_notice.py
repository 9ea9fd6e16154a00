"""The short notice every form that collects personal data shows (RGPD art. 13): one tag, one template.

Who holds the data (the organising organisation, the platform operator as its processor), why,
for how long (the organisation's retention period), and how to reach them, with a link to
the full « Données personnelles » page.
"""

from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

register = template.Library()

PURPOSES = {
    "registration": _(
        "gérer votre inscription (votre place ou votre rang sur la liste d'attente, les courriels qui s'y "
        "rapportent), établir les documents de la formation et vous envoyer les informations pratiques"
    ),
    "public_session": _(
        "réserver votre place à cette séance ouverte au public et vous envoyer la confirmation et les "
        "informations pratiques"
    ),
    "attendance": _("prouver votre présence à chaque demi-journée et compter vos heures, pour vos attestations"),
    "survey": _("mesurer la satisfaction des participants et améliorer les prochaines sessions"),
    "workshop": _("recueillir les contributions de l'atelier, compter les votes et en faire la restitution"),
    "sign_in": _("vous envoyer un code de connexion et vous montrer vos inscriptions dans « Mon espace »"),
}


@register.inclusion_tag("site/_privacy_notice.html")
def privacy_notice(purpose: str, organization=None, with_papers: bool = True):
    """`with_papers=False` for a free event: it has no quote or agreement to keep, and says none."""
    operator = settings.OPERATOR
    contact = (organization.contact_email if organization else "") or operator["dpo_email"] or operator["email"]
    return {
        "purpose": PURPOSES[purpose],
        "organization": organization,
        "operator": operator,
        "contact": contact,
        "with_papers": with_papers,
    }
