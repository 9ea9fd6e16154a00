"""The data a certificate prints, worded in French once, when it is issued, and then frozen.

Everything the PDF shows comes from this dictionary (stored on the certificate), so the PDF
can be typeset again from it, and a later change of the event, the organisation or the
trainee's record never changes a paper already issued.
"""

import datetime as dt

from django.utils.translation import gettext as _

from rencontres.attendance.hours import format_hours
from rencontres.core import formatting
from rencontres.events.enums import TrainingNature
from rencontres.events.models import Event
from rencontres.registrations.models import Registration

from .enums import CertificateKind


def hours_text(minutes: int) -> str:
    """« 10,5 heures (10 h 30) »: hours as the model asks them, with the exact duration beside."""
    hours = round(minutes / 60, 2)
    number = f"{hours:g}".replace(".", ",")
    plural = _("heures") if hours >= 2 else _("heure")
    exact = format_hours(minutes)
    return f"{number}\u00a0{plural}" + (f" ({exact})" if minutes % 60 else "")


def _organization(event: Event) -> dict:
    organization = event.organization
    lines = [organization.address_line]
    if organization.siret:
        lines.append(_("SIRET %(siret)s") % {"siret": organization.siret})
    if organization.training_body_number:
        lines.append(
            _("Déclaration d'activité enregistrée sous le n° %(nda)s auprès du préfet de région")
            % {"nda": organization.training_body_number}
        )
    return {"name": organization.name, "lines": [line for line in lines if line]}


def _signatory(event: Event) -> str:
    organization = event.organization
    name = organization.legal_representative_name
    role = organization.legal_representative_role
    if name and role:
        return f"{name}, {role}"
    return name or _("Le représentant légal de %(name)s") % {"name": organization.name}


def _dates(event: Event) -> str:
    if event.starts_on and event.ends_on and event.starts_on != event.ends_on:
        return formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months)
    return _("le %(date)s") % {"date": formatting.format_date_range(event.starts_on, event.ends_on)}


def _employer(registration: Registration) -> str:
    if not registration.employer_name:
        return ""
    address = f", {registration.employer_address}" if registration.employer_address else ""
    return registration.employer_name + address


def build(
    *,
    kind: str,
    event: Event,
    registration: Registration,
    minutes: int,
    planned_minutes: int,
    code: str,
    verification_url: str,
    version: int,
    issued_on: dt.date,
    correction_reason: str = "",
    jury: dict | None = None,
) -> dict:
    """Every word and number the certificate prints, for typst and for the record.

    `jury` (for the certificate of specialisation only): the jury's date and members and the
    thesis title, as `jury_facts` gives them.
    """
    organization = event.organization
    trainee_name = f"{registration.first_name} {registration.last_name}"
    employer = _employer(registration)
    paragraphs, natures, sections, closing = [], [], [], []
    who_what_when = {
        "body": organization.name,
        "name": trainee_name,
        "employer": f" ({employer})" if employer else "",
        "title": event.title,
        "dates": _dates(event),
    }
    footnote = ""
    if kind == CertificateKind.REALISATION:
        heading = _("Certificat de réalisation")
        paragraphs = [
            _(
                "Je soussigné(e) %(signatory)s, représentant légal du dispensateur de l'action concourant au "
                "développement des compétences %(body)s, atteste que :"
            )
            % {"signatory": _signatory(event), "body": organization.name},
            trainee_name
            + (
                ", " + _("salarié(e) de l'entreprise %(employer)s") % {"employer": employer}
                if employer
                else ", " + _("à titre individuel")
            ),
            _("a suivi l'action « %(title)s »") % {"title": event.title},
        ]
        natures = [
            {"label": str(label), "checked": value == event.training_nature} for value, label in TrainingNature.choices
        ]
        closing = [
            _("qui s'est déroulée %(dates)s, pour une durée réalisée de %(hours)s (durée prévue : %(planned)s).")
            % {"dates": _dates(event), "hours": hours_text(minutes), "planned": hours_text(planned_minutes)},
            _(
                "Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m'engage à "
                "conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant "
                "une durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas de cofinancement des "
                "fonds européens, la durée de conservation est étendue conformément aux obligations conventionnelles "
                "spécifiques."
            ),
        ]
        footnote = _(
            "Durée réalisée établie d'après les feuilles d'émargement signées par demi-journée et contresignées par "
            "le formateur. Lorsque l'action est mise en œuvre dans le cadre d'un projet de transition professionnelle, "
            "le certificat de réalisation est transmis mensuellement."
        )
    elif kind == CertificateKind.END_OF_TRAINING:
        heading = _("Attestation de fin de formation")
        paragraphs = [
            _("%(body)s atteste que %(name)s%(employer)s a suivi l'action « %(title)s », %(dates)s.") % who_what_when
        ]
        sections = [
            {"title": _("Nature de l'action"), "text": event.get_training_nature_display().capitalize()},
            {"title": _("Objectifs"), "text": event.objectives or _("Non précisés.")},
            {
                "title": _("Durée"),
                "text": _("%(hours)s suivies sur %(planned)s prévues.")
                % {"hours": hours_text(minutes), "planned": hours_text(planned_minutes)},
            },
            {
                "title": _("Résultats de l'évaluation des acquis"),
                "text": event.assessment_method
                or _("Les acquis ont été évalués par le formateur tout au long de l'action."),
            },
        ]
        footnote = _("Attestation remise au stagiaire à l'issue de la formation (Code du travail, article L6353-1).")
    elif kind == CertificateKind.SPECIALISATION:
        heading = _("Certificat de spécialisation")
        paragraphs = [
            _(
                "%(body)s atteste que %(name)s%(employer)s a suivi la formation « %(title)s », %(dates)s, pour une "
                "durée réalisée de %(hours)s (durée prévue : %(planned)s)."
            )
            % {**who_what_when, "hours": hours_text(minutes), "planned": hours_text(planned_minutes)},
            _(
                "Au vu de son mémoire, le jury réuni le %(jury_date)s l'a déclaré(e) admis(e) : le présent certificat "
                "de spécialisation lui est délivré."
            )
            % {"jury_date": jury["date_text"]},
        ]
        if jury.get("thesis_title"):
            sections.append({"title": _("Mémoire"), "text": f"« {jury['thesis_title']} »"})
        sections.append(
            {
                "title": _("Composition du jury"),
                "text": "\n".join(f"{member['name']}, {member['role']}" for member in jury["members"]),
            }
        )
        footnote = _(
            "Durée réalisée établie d'après les feuilles d'émargement signées par demi-journée et contresignées par "
            "le formateur. Certificat délivré aux seuls stagiaires admis par le jury, au vu de leur mémoire."
        )
    else:
        heading = _("Attestation de présence")
        paragraphs = [
            _(
                "%(body)s atteste que %(name)s%(employer)s a participé à « %(title)s », %(dates)s, pour une durée de %(hours)s."
            )
            % {**who_what_when, "hours": hours_text(minutes)}
        ]
    correction = (
        _("Version %(version)s, remplace la précédente : %(reason)s")
        % {"version": version, "reason": correction_reason}
        if version > 1
        else ""
    )
    place = organization.city or (event.venue.city if event.venue else "") or event.commune
    return {
        "kind": kind,
        "heading": str(heading),
        "version": version,
        "code": code,
        "verification_url": verification_url,
        "organization": _organization(event),
        "trainee": {"name": trainee_name, "employer": employer, "registration": registration.id},
        "event": {
            "title": event.title,
            "dates": _dates(event),
            "starts_on": event.starts_on.isoformat() if event.starts_on else None,
            "ends_on": event.ends_on.isoformat() if event.ends_on else None,
            "nature": event.training_nature if event.is_training_action else "",
        },
        "minutes": minutes,
        "planned_minutes": planned_minutes,
        "hours_text": hours_text(minutes),
        "paragraphs": [str(p) for p in paragraphs],
        "natures": natures,
        "sections": [{"title": str(s["title"]), "text": str(s["text"])} for s in sections],
        "closing": [str(p) for p in closing],
        "correction": str(correction),
        "footnote": str(footnote),
        "jury": jury or None,
        "place": place,
        "issued_on": formatting.format_day(issued_on),
        "signatory": _signatory(event),
        "labels": {
            "nature": _("Nature de l'action concourant au développement des compétences :"),
            "done_at": _("Fait à"),
            "on": _("le"),
            "signature": _("Cachet et signature du responsable du dispensateur de formation"),
            "verify": _("Vérification :"),
            "code": _("code"),
            "version": _("version"),
        },
    }
