"""Exports of an event's registrations an organiser opens in a spreadsheet (CSV and XLSX)."""

import csv
import datetime as dt
import io
from decimal import Decimal

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


# Columns (1-based) of the amount, the commitment date and the registration time.
AMOUNT_COLUMN, COMMITMENT_COLUMN, CREATED_COLUMN = 14, 15, 18


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
            Decimal(r.amount_cents) / 100,
            timezone.localtime(r.commitment_received_at).date() if r.commitment_received_at else None,
            " ; ".join(c.session.title for c in r.session_choices.all()),
            " ; ".join(f"{a.question.label} : {a.value or a.file.name.rsplit('/', 1)[-1]}" for a in r.answers.all()),
            timezone.localtime(r.created_at).replace(tzinfo=None, microsecond=0),
        ]


def _safe_cell(value):
    """Neutralise a leading =, +, - or @ so a spreadsheet never runs a participant's text as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _french_cell(value):
    """What French Excel reads as a number or a date: « 850,00 », « 14/03/2030 », « 14/03/2030 09:05 »."""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else value


def registrations_csv(event: Event, filters: selectors.ManageFilters = selectors.ManageFilters()) -> bytes:
    """Semicolons and decimal commas, as a spreadsheet set to French expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_header())
    for row in _rows(event, filters):
        writer.writerow([_safe_cell(_french_cell(v)) for v in row])
    # A BOM so that spreadsheet software opens the accents correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def registrations_xlsx(event: Event, filters: selectors.ManageFilters = selectors.ManageFilters()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Inscriptions")
    sheet.append(_header())
    for row in _rows(event, filters):
        sheet.append([_safe_cell(v) for v in row])
    # Amounts as numbers in euros, dates as dates; the header stays in view and filters.
    for (amount,) in sheet.iter_rows(min_row=2, min_col=AMOUNT_COLUMN, max_col=AMOUNT_COLUMN):
        amount.number_format = '#,##0.00\\ "€"'
    for (received,) in sheet.iter_rows(min_row=2, min_col=COMMITMENT_COLUMN, max_col=COMMITMENT_COLUMN):
        received.number_format = "dd/mm/yyyy"
    for (created,) in sheet.iter_rows(min_row=2, min_col=CREATED_COLUMN, max_col=CREATED_COLUMN):
        created.number_format = "dd/mm/yyyy hh:mm"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def journal_csv(event: Event) -> bytes:
    """The journal of the event's registrations: every change of state, when, by whom, with its note."""
    from .models import RegistrationLogEntry

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Date"), _("N° d'inscription"), _("Prénom"), _("Nom"), _("De"), _("À"), _("Par"), _("Note")])
    entries = (
        RegistrationLogEntry.objects.filter(registration__event=event)
        .select_related("registration", "actor")
        .order_by("created_at", "id")
    )
    for entry in entries:
        registration = entry.registration
        row = [
            timezone.localtime(entry.created_at).replace(tzinfo=None, microsecond=0),
            registration.id,
            registration.first_name,
            registration.last_name,
            entry.get_from_state_display() if entry.from_state else "",
            entry.get_to_state_display() if entry.to_state else "",
            entry.actor.email if entry.actor else _("la personne elle-même ou le site"),
            entry.note,
        ]
        writer.writerow([_safe_cell(_french_cell(v)) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def public_seats_csv(event: Event) -> bytes:
    """The people registered to the event's sessions open to the public: semicolons, as French Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Séance"), _("Date"), _("Prénom"), _("Nom"), _("Adresse électronique"), _("Inscrit le")])
    for session, seats in selectors.public_seats_for_organiser(event):
        for seat in seats:
            row = [
                session.title,
                session.day.date,
                seat.first_name,
                seat.last_name,
                seat.email,
                timezone.localtime(seat.created_at).replace(tzinfo=None, microsecond=0),
            ]
            writer.writerow([_safe_cell(_french_cell(v)) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
