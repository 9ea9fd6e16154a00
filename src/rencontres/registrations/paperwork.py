"""Quotes (devis) and training agreements (conventions de formation): gap-free numbers and PDFs.

A number is given once, in the transaction that records the paper, from a counter row per
organisation, kind and year locked with select_for_update: two requests never share a
number, and a rolled-back transaction gives its number back, so the series has no gap.
The PDF is typeset from the stored registration at each download (after the commit).
"""

import json
from pathlib import Path

import typst
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.core import formatting
from rencontres.events.enums import PayerKind

from .enums import PaperworkKind
from .exceptions import RegistrationError
from .models import Paperwork, PaperworkCounter, Registration

TEMPLATES = {
    PaperworkKind.QUOTE: Path(__file__).with_name("typst") / "quote.typ",
    PaperworkKind.AGREEMENT: Path(__file__).with_name("typst") / "agreement.typ",
}
PREFIXES = {PaperworkKind.QUOTE: "DEV", PaperworkKind.AGREEMENT: "CONV"}
# How each kind is named in the addresses of both faces (…/devis.pdf).
KINDS_BY_SLUG = {"devis": PaperworkKind.QUOTE, "convention": PaperworkKind.AGREEMENT}


@transaction.atomic
def issue_paperwork(*, registration: Registration, kind: str) -> Paperwork:
    """The registration's quote or agreement, numbered on first issue (per organisation and year, no gap)."""
    existing = Paperwork.objects.filter(registration=registration, kind=kind).first()
    if existing is not None:
        return existing
    if registration.amount_cents == 0:
        raise RegistrationError(_("Une inscription gratuite n'a ni devis ni convention."))
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


def _payer_lines(registration: Registration) -> list[str]:
    if registration.payer_kind == PayerKind.INDIVIDUAL:
        return [registration.full_name, registration.email]
    if registration.payer_kind == PayerKind.OPCO:
        lines = [
            registration.payer_name,
            _("pour le compte de %(employer)s") % {"employer": registration.employer_name},
        ]
    else:
        lines = [registration.employer_name, registration.employer_address]
        if registration.employer_siret:
            lines.append(_("SIRET %(siret)s") % {"siret": registration.employer_siret})
    if registration.payer_contact_email:
        lines.append(registration.payer_contact_email)
    return [line for line in lines if line]


def paperwork_data(paper: Paperwork) -> dict:
    registration = paper.registration
    event = registration.event
    organization = event.organization
    venue = event.venue
    return {
        "kind": paper.kind,
        "number": paper.number,
        "issued_on": formatting.format_day(timezone.localtime(paper.issued_at).date()),
        "organization": {
            "name": organization.name,
            "siret": organization.siret,
            "nda": organization.training_body_number,
            "contact": " · ".join(p for p in [organization.contact_email, organization.contact_phone] if p),
        },
        "vat_note": organization.vat_note,
        "payer": _payer_lines(registration),
        "trainee": {
            "name": registration.full_name,
            "job": registration.job_title,
            "employer": registration.employer_name,
        },
        "event": {
            "title": event.title,
            "dates": formatting.format_date_range(event.starts_on, event.ends_on),
            "hours": str(event.total_hours).replace(".", ",") if event.total_hours else "",
            "place": venue.address_line if venue else event.commune,
            "objectives": event.objectives,
        },
        "price": {"label": registration.price_label, "amount": formatting.format_euros(paper.amount_cents)},
        "labels": {
            "title": _("Devis") if paper.kind == PaperworkKind.QUOTE else _("Convention de formation professionnelle"),
            "legal": _("Articles L. 6353-1 et suivants du Code du travail"),
            "number": _("N°"),
            "date": _("Date"),
            "siret": _("SIRET"),
            "nda": _("Déclaration d'activité n°"),
            "nda_note": _("(cet enregistrement ne vaut pas agrément de l'État)"),
            "client": _("Financeur"),
            "trainee": _("Stagiaire"),
            "training": _("Action de formation"),
            "dates": _("Dates"),
            "hours": _("Durée (heures)"),
            "place": _("Lieu"),
            "objectives": _("Objectifs"),
            "price": _("Prix"),
            "total": _("Total"),
            "validity": _("Devis valable trois mois. Bon pour accord : date, signature et cachet."),
            "sign_org": _("Pour l'organisme de formation"),
            "sign_client": _("Pour le financeur"),
        },
    }


def render_paperwork(paper: Paperwork) -> bytes:
    return typst.compile(TEMPLATES[paper.kind].read_bytes(), sys_inputs={"data": json.dumps(paperwork_data(paper))})
