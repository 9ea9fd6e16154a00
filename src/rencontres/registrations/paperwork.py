"""Quotes (devis), training agreements (conventions) and training contracts (contrats): gap-free numbers and PDFs.

A number is given once, in the transaction that records the paper, from a counter row per
organisation, kind and year locked with select_for_update: two requests never share a
number, and a rolled-back transaction gives its number back, so the series has no gap.
The PDF is typeset from the stored registration at each download (after the commit).
"""

import datetime as dt
import json
from pathlib import Path

import typst
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.core import formatting
from rencontres.events import selectors as event_selectors
from rencontres.events.enums import PayerKind, SessionKind, SessionMode
from rencontres.events.selectors import EventProgramme

from .enums import PaperworkKind
from .exceptions import RegistrationError
from .models import EventPlaces, Paperwork, PaperworkCounter, Registration

TEMPLATES = {
    PaperworkKind.QUOTE: Path(__file__).with_name("typst") / "quote.typ",
    PaperworkKind.AGREEMENT: Path(__file__).with_name("typst") / "agreement.typ",
    PaperworkKind.CONTRACT: Path(__file__).with_name("typst") / "contract.typ",
}
PREFIXES = {PaperworkKind.QUOTE: "DEV", PaperworkKind.AGREEMENT: "CONV", PaperworkKind.CONTRACT: "CTR"}
# How each kind is named in the addresses of both faces (…/devis.pdf).
KINDS_BY_SLUG = {"devis": PaperworkKind.QUOTE, "convention": PaperworkKind.AGREEMENT, "contrat": PaperworkKind.CONTRACT}
# At most this share of the price of a contract may be asked once the withdrawal period is over
# (Code du travail, art. L. 6353-6).
CONTRACT_ADVANCE_PERCENT = 30
# The days a person who signs a training contract has to withdraw from it (Code du travail, art. L. 6353-5).
WITHDRAWAL_DAYS = 10


def training_paper_kind(registration: Registration) -> str:
    """Which paper binds the registration: a contract when the person pays for it, else an agreement with the payer.

    Code du travail, art. L. 6353-3: a person who undertakes a training at their own expense
    signs a contrat de formation professionnelle with the training body; an employer, a public
    body or an OPCO that pays signs a convention (art. L. 6353-1 and L. 6353-2).
    """
    if registration.payer_kind == PayerKind.INDIVIDUAL:
        return PaperworkKind.CONTRACT
    return PaperworkKind.AGREEMENT


@transaction.atomic
def issue_paperwork(*, registration: Registration, kind: str) -> Paperwork:
    """The registration's quote, agreement or contract, numbered on first issue (per organisation and year, no gap)."""
    existing = Paperwork.objects.filter(registration=registration, kind=kind).first()
    if existing is not None:
        return existing
    if registration.amount_cents == 0:
        raise RegistrationError(_("Une inscription gratuite n'a ni devis ni convention."))
    if kind != PaperworkKind.QUOTE and kind != training_paper_kind(registration):
        if kind == PaperworkKind.AGREEMENT:
            raise RegistrationError(
                _("La personne paie elle-même sa formation : elle signe un contrat de formation, pas une convention.")
            )
        raise RegistrationError(
            _("Un employeur ou un OPCO paie cette formation : il signe une convention, pas un contrat de formation.")
        )
    if not registration.is_live:
        raise RegistrationError(_("Cette inscription n'est plus active."))
    organization = registration.event.organization
    year = timezone.localdate().year
    PaperworkCounter.objects.get_or_create(organization=organization, kind=kind, year=year)
    counter = PaperworkCounter.objects.select_for_update().get(organization=organization, kind=kind, year=year)
    # Re-check under the counter lock: a concurrent request for the same paper may have just issued it.
    existing = Paperwork.objects.filter(registration=registration, kind=kind).first()
    if existing is not None:
        return existing
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return Paperwork.objects.create(
        registration=registration,
        organization=organization,
        kind=kind,
        year=year,
        sequence=counter.last_number,
        number=f"{PREFIXES[kind]}-{year}-{counter.last_number:04d}",
        amount_cents=registration.amount_cents,
    )


def _missing() -> str:
    """What a paper prints where the organisation has not given a mention yet: visible, never silently blank."""
    return _("[à compléter par l'organisme]")


def _payer_party(registration: Registration) -> dict:
    """The party who pays, as an agreement names it: name and address (and SIRET, contact)."""
    if registration.payer_kind == PayerKind.OPCO:
        lines = [_("pour le compte de %(employer)s") % {"employer": registration.employer_name}]
        lines = lines if registration.employer_name else []
        name = registration.payer_name
    else:
        lines = [registration.employer_address or _missing()]
        if registration.employer_siret:
            lines.append(_("SIRET %(siret)s") % {"siret": registration.employer_siret})
        name = registration.employer_name
    if registration.payer_contact_email:
        lines.append(registration.payer_contact_email)
    return {"name": name or _missing(), "lines": [line for line in lines if line]}


def _payer_lines(registration: Registration) -> list[str]:
    """The addressee of a quote: the person paying for themselves, or the payer's name, address and contact."""
    if registration.payer_kind == PayerKind.INDIVIDUAL:
        return [registration.full_name, registration.email]
    party = _payer_party(registration)
    return [party["name"], *party["lines"]]


def _day_times(sessions) -> str:
    starts = [s.start_time for s in sessions if s.start_time]
    ends = [s.end_time or s.start_time for s in sessions if s.start_time]
    return formatting.format_time_range(min(starts, default=None), max(ends, default=None))


def _programme_lines(programme: EventProgramme) -> list[dict]:
    """Each day (or month, for the modules of a long training) with its times and its sessions."""
    days = []
    for day, sessions in programme.days:
        label = formatting.format_day(day.date, month_only=day.is_month_only)
        times = _day_times(sessions)
        days.append(
            {
                "label": ", ".join(p for p in [label, times] if p) + (f" — {day.title}" if day.title else ""),
                "sessions": [
                    " ".join(
                        p
                        for p in [
                            formatting.format_time_range(s.start_time, s.end_time),
                            s.title,
                            f"({s.get_mode_display()})" if s.mode != SessionMode.ON_SITE else "",
                        ]
                        if p
                    )
                    for s in sessions
                    if s.kind != SessionKind.MEAL
                ],
            }
        )
    return days


def _methods(programme: EventProgramme) -> str:
    """How the training is given (on site, at a distance, both) and the kinds of sessions that make it."""
    modes = {s.mode for s in programme.sessions if s.kind != SessionKind.MEAL}
    if modes <= {SessionMode.ON_SITE}:
        mode = _("Formation en présentiel.")
    elif modes <= {SessionMode.ONLINE}:
        mode = _("Formation à distance, en classe virtuelle : le lien de connexion est envoyé à chaque stagiaire.")
    else:
        mode = _("Formation en présentiel et à distance (classe virtuelle) selon les séances indiquées au programme.")
    kinds = []
    for session in programme.sessions:
        if session.kind not in {SessionKind.MEAL, SessionKind.OTHER} and session.get_kind_display() not in kinds:
            kinds.append(session.get_kind_display())
    if kinds:
        return f"{mode} " + _("Déroulement : %(kinds)s.") % {"kinds": ", ".join(kinds)}
    return mode


def _installments(amount_cents: int, programme: EventProgramme) -> dict:
    """The payments of a training contract: nothing before the withdrawal period ends, then at most 30 %,
    then the rest month by month as the training goes (Code du travail, art. L. 6353-6)."""
    advance = amount_cents * CONTRACT_ADVANCE_PERCENT // 100
    rest = amount_cents - advance
    months = sorted({(day.date.year, day.date.month) for day, _sessions in programme.days})
    if len(months) <= 1:
        schedule = [_("le solde, %(amount)s, à l'issue de la formation") % {"amount": formatting.format_euros(rest)}]
    else:
        share, remainder = divmod(rest, len(months))
        schedule = []
        for i, (year, month) in enumerate(months):
            part = share + (remainder if i == len(months) - 1 else 0)
            label = formatting.format_day(dt.date(year, month, 1), month_only=True)
            schedule.append(f"{label} : {formatting.format_euros(part)}")
    return {"advance": formatting.format_euros(advance), "schedule": schedule}


def _organization_party(organization) -> dict:
    name = organization.legal_representative_name
    role = organization.legal_representative_role
    return {
        "name": organization.name,
        "address": organization.address_line or _missing(),
        "siret": organization.siret or _missing(),
        # A body that is not a declared training body has no NDA to print (Code du travail, art. L. 6351-1).
        "nda": organization.training_body_number or (_missing() if organization.is_training_body else ""),
        "contact": " · ".join(p for p in [organization.contact_email, organization.contact_phone] if p),
        "representative": ", ".join(p for p in [name, role] if p) or _missing(),
    }


def paperwork_data(paper: Paperwork) -> dict:
    """What the Typst templates print, as plain strings and lists (so no database text is read as markup).

    An agreement carries what the Code du travail asks of a convention de formation
    (art. L. 6353-1, L. 6353-2, R. 6353-1 and D. 6353-1): the parties with their addresses,
    title, nature, objectives, programme, duration in hours, dates and times, place, methods,
    how results are assessed, headcount, price and payment terms, cancellation terms, and
    signatures. A contract adds what art. L. 6353-4 to L. 6353-7 ask when the person pays:
    prerequisites, trainers, the 10-day withdrawal, at most 30 % before the start, the rest
    spread over the training, and what is due on abandonment or force majeure.
    """
    registration = paper.registration
    event = registration.event
    organization = event.organization
    venue = event.venue
    programme = event_selectors.programme_of(event)
    capacity = EventPlaces.objects.filter(event=event).values_list("capacity_max", flat=True).first()
    return {
        "kind": paper.kind,
        "number": paper.number,
        "issued_on": formatting.format_day(timezone.localtime(paper.issued_at).date()),
        "organization": _organization_party(organization),
        "vat_note": organization.vat_note,
        "payer": _payer_lines(registration),
        "payer_party": _payer_party(registration) if paper.kind == PaperworkKind.AGREEMENT else None,
        "trainee": {
            "name": registration.full_name,
            "email": registration.email,
            "job": registration.job_title,
            "employer": registration.employer_name,
        },
        "event": {
            "title": event.title,
            "nature": event.get_training_nature_display(),
            "dates": formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months),
            "hours": formatting.format_hours(event.total_hours),
            "place": (", ".join(p for p in [venue.name, venue.address_line] if p) if venue else event.commune)
            or _missing(),
            "objectives": event.objectives or _missing(),
            "prerequisites": event.prerequisites or _("Aucun prérequis."),
            "programme": _programme_lines(programme),
            "methods": _methods(programme),
            "assessment": event.assessment_method or _missing(),
            "headcount": (_("%(n)s stagiaires au plus") % {"n": capacity} if capacity else _("sans limite fixée")),
            "trainers": [
                ", ".join(p for p in [speaker.name, speaker.affiliation] if p) for speaker in programme.speakers
            ],
        },
        "price": {
            "label": registration.price_label,
            "amount": formatting.format_euros(paper.amount_cents),
            **_installments(paper.amount_cents, programme),
        },
        "cancellation_terms": organization.cancellation_terms or _missing(),
        "labels": _labels(paper.kind),
    }


def _labels(kind: str) -> dict:
    titles = {
        PaperworkKind.QUOTE: _("Devis"),
        PaperworkKind.AGREEMENT: _("Convention de formation professionnelle"),
        PaperworkKind.CONTRACT: _("Contrat de formation professionnelle"),
    }
    legal = {
        PaperworkKind.QUOTE: "",
        PaperworkKind.AGREEMENT: _("Articles L. 6353-1, L. 6353-2 et R. 6353-1 du Code du travail"),
        PaperworkKind.CONTRACT: _("Articles L. 6353-3 à L. 6353-7 du Code du travail"),
    }
    return {
        "title": titles[kind],
        "legal": legal[kind],
        "number": _("N°"),
        "date": _("Date"),
        "between": _("Entre les soussignés"),
        "and": _("et"),
        "address": _("Adresse"),
        "siret": _("SIRET"),
        "nda": _("Déclaration d'activité n°"),
        "nda_note": _("(cet enregistrement ne vaut pas agrément de l'État)"),
        "represented_by": _("représenté par"),
        "organization_party": _("ci-après « l'organisme de formation »"),
        "payer_party": _("ci-après « le financeur »"),
        "trainee_party": _("ci-après « le stagiaire »"),
        "trainee_address": _("Adresse :"),
        "client": _("Financeur"),
        "trainee": _("Stagiaire"),
        "training": _("Action de formation"),
        "nature": _("Nature de l'action"),
        "dates": _("Dates"),
        "hours": _("Durée"),
        "place": _("Lieu"),
        "objectives": _("Objectifs"),
        "prerequisites": _("Niveau de connaissances préalables requis"),
        "programme": _("Contenu et programme"),
        "methods": _("Modalités de déroulement"),
        "assessment": _("Évaluation des acquis et sanction de la formation"),
        "assessment_note": _("Une attestation de fin de formation est remise au stagiaire à l'issue de l'action."),
        "headcount": _("Effectif"),
        "trainers": _("Personnes chargées de la formation"),
        "price": _("Prix"),
        "total": _("Total"),
        "payment": _("Modalités de paiement"),
        "agreement_payment": _(
            "Le prix est facturé à l'issue de la formation ; la facture est payable dans les 30 jours suivant "
            "sa réception."
        ),
        "withdrawal": _("Délai de rétractation"),
        "withdrawal_text": _(
            "Dans un délai de dix jours à compter de la signature du présent contrat, le stagiaire peut se "
            "rétracter par lettre recommandée avec avis de réception (art. L. 6353-5). Aucune somme ne peut être "
            "exigée du stagiaire avant l'expiration de ce délai."
        ),
        "advance": _("À l'expiration du délai de rétractation, le stagiaire verse au plus 30 % du prix convenu, soit"),
        "rest": _("Le solde est échelonné au fur et à mesure du déroulement de la formation (art. L. 6353-6) :"),
        "abandonment": _("Abandon, cessation anticipée et force majeure"),
        "force_majeure": _(
            "Si, par suite de force majeure dûment reconnue, le stagiaire est empêché de suivre la formation, il "
            "peut rompre le contrat : seules les prestations effectivement dispensées sont dues, au prorata "
            "temporis de leur valeur prévue au contrat (art. L. 6353-7). En cas d'abandon pour un autre motif, "
            "seules les heures réalisées sont dues, dans les conditions d'annulation ci-dessous."
        ),
        "cancellation": _("Conditions d'annulation"),
        "validity": _("Devis valable trois mois. Bon pour accord : date, signature et cachet."),
        "made_at": _("Fait en deux exemplaires, à ____________________, le ____________________"),
        "sign_org": _("Pour l'organisme de formation"),
        "sign_client": _("Pour le financeur"),
        "sign_trainee": _("Le stagiaire"),
        "sign_name": _("Nom et qualité du signataire, date, signature et cachet"),
        "sign_trainee_note": _("Date et signature, précédées de la mention « lu et approuvé »"),
    }


def render_paperwork(paper: Paperwork) -> bytes:
    return typst.compile(TEMPLATES[paper.kind].read_bytes(), sys_inputs={"data": json.dumps(paperwork_data(paper))})
