"""Exports of an event's registrations an organiser opens in a spreadsheet (CSV and XLSX)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from rencontres.events.models import Event

from . import selectors


def _header() -> list[str]:
    return [
        _("N°"),
        _("État"),
        _("Prénom"),
        _("Nom"),
        _("Adresse électronique"),
        _("Fonction"),
        _("Employeur"),
        _("Adresse de l'employeur"),
        _("SIRET de l'employeur"),
        _("Qui paie"),
        _("Financeur"),
        _("Contact financeur"),
        _("Tarif"),
        _("Montant (€)"),
        _("Engagement reçu le"),
        _("Séances choisies"),
        _("Réponses"),
        _("Inscrit le"),
    ]


def _rows(event: Event, filters: selectors.ManageFilters):
    for r in selectors.registrations_for_organiser(event, filters):
        yield [
            r.id,
            r.get_state_display(),
            r.first_name,
            r.last_name,
            r.email,
            r.job_title,
            r.employer_name,
            r.employer_address,
            r.employer_siret,
            r.get_payer_kind_display(),
            r.payer_name,
            r.payer_contact_email,
            r.price_label,
            r.amount_cents / 100,
            timezone.localtime(r.commitment_received_at).date().isoformat() if r.commitment_received_at else "",
            " ; ".join(c.session.title for c in r.session_choices.all()),
            " ; ".join(f"{a.question.label} : {a.value or a.file.name.rsplit('/', 1)[-1]}" for a in r.answers.all()),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
        ]


def _safe_cell(value):
    """Neutralise a leading =, +, - or @ so a spreadsheet never runs a participant's text as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def registrations_csv(event: Event, filters: selectors.ManageFilters = selectors.ManageFilters()) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_header())
    for row in _rows(event, filters):
        writer.writerow([_safe_cell(v) for v in row])
    # A BOM so that spreadsheet software opens the accents correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def registrations_xlsx(event: Event, filters: selectors.ManageFilters = selectors.ManageFilters()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Inscriptions")
    sheet.append(_header())
    for row in _rows(event, filters):
        sheet.append([_safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
