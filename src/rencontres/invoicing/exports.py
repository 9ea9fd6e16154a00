"""The event's invoices and credit notes as a spreadsheet for the accountant (LibreOffice, Excel)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from rencontres.events.models import Event
from rencontres.registrations.enums import PayerCategory

from . import selectors

EUROS = '#,##0.00 "€"'


def invoices_xlsx(event: Event) -> bytes:
    """One row per invoice and per credit note (amounts negative), in euros; then the balance of each invoice."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Factures et avoirs")
    sheet.append(
        [
            _("Numéro"),
            _("Type"),
            _("Date"),
            _("Échéance"),
            _("Acheteur"),
            _("Catégorie du financeur"),
            _("SIRET de l'acheteur"),
            _("Code service"),
            _("Bon de commande"),
            _("Hors taxes"),
            _("TVA"),
            _("Montant"),
            _("Facture d'origine"),
            _("Motif"),
            _("Reste dû"),
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for invoice in selectors.invoices_of(event):
        buyer = invoice.snapshot["buyer"]
        parties = [buyer["name"], str(PayerCategory(invoice.payer_category).label) if invoice.payer_category else ""]
        parties += [buyer["siret"], buyer["service_code"], buyer["purchase_order"]]
        credited = sum(note.amount_cents for note in invoice.credit_notes.all())
        sheet.append(
            [invoice.number, _("facture"), invoice.issued_on, invoice.due_on, *parties]
            + [invoice.net_cents / 100, (invoice.amount_cents - invoice.net_cents) / 100, invoice.amount_cents / 100]
            + ["", "", (invoice.amount_cents - credited) / 100]
        )
        for note in invoice.credit_notes.all():
            sheet.append(
                [note.number, _("avoir"), note.issued_on, None, *parties]
                + [-note.net_cents / 100, -(note.amount_cents - note.net_cents) / 100, -note.amount_cents / 100]
                + [invoice.number, note.reason, None]
            )
    for row in sheet.iter_rows(min_row=2):
        for cell in (row[2], row[3]):
            cell.number_format = "DD/MM/YYYY"
        for cell in (row[9], row[10], row[11], row[14]):
            cell.number_format = EUROS
    for column, width in zip("ABCDEFGHIJKLMNO", (14, 8, 11, 11, 36, 20, 16, 14, 16, 12, 10, 12, 14, 40, 12)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
