"""Invoices and credit notes of an event, for the organisation's own tools (token), with their Factur-X PDFs."""

import re

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from rencontres.api.auth import OrganizationToken, own_event_or_404
from rencontres.api.events import ErrorOut
from rencontres.core.emails import absolute_url
from rencontres.core.http import pdf_response
from rencontres.invoicing import selectors
from rencontres.invoicing.models import CreditNote, Invoice

router = Router(tags=["factures"])
NUMBER_RE = re.compile(r"^(FA|AV)-\d{4}-\d{4,9}$")


class InvoiceOut(Schema):
    number: str
    payer: str
    amount_cents: int
    issued_on: str
    pdf_url: str
    credit_note_of: str | None


def _pdf_url(event, number: str) -> str:
    return absolute_url(reverse("api:event_invoice_pdf", args=[event.slug, number]))


@router.get(
    "/{slug}/invoices",
    response={200: list[InvoiceOut], 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="Les factures et avoirs d'un événement de votre organisme",
    operation_id="event_invoices",
)
def event_invoices(request, slug: str):
    """Each invoice, followed by its credit notes, in number order.

    `amount_cents` : montant TTC en centimes (ce que le financeur paie) ; **négatif pour un avoir**,
    si bien que la somme des montants est ce qui reste facturé. `credit_note_of` : pour un avoir, le
    numéro de la facture qu'il annule ou corrige ; `null` pour une facture. `issued_on` : date
    d'émission (AAAA-MM-JJ). `pdf_url` : le PDF Factur-X tel qu'il a été émis, avec le même jeton.
    """
    event = own_event_or_404(request.auth, slug)
    rows = []
    for invoice in selectors.invoices_of(event):
        rows.append(
            {
                "number": invoice.number,
                "payer": invoice.buyer_name,
                "amount_cents": invoice.amount_cents,
                "issued_on": invoice.issued_on.isoformat(),
                "pdf_url": _pdf_url(event, invoice.number),
                "credit_note_of": None,
            }
        )
        for note in invoice.credit_notes.all():
            rows.append(
                {
                    "number": note.number,
                    "payer": invoice.buyer_name,
                    "amount_cents": -note.amount_cents,
                    "issued_on": note.issued_on.isoformat(),
                    "pdf_url": _pdf_url(event, note.number),
                    "credit_note_of": invoice.number,
                }
            )
    return rows


@router.get(
    "/{slug}/invoices/{number}.pdf",
    response={200: None, 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="Le PDF Factur-X d'une facture ou d'un avoir, tel qu'il a été émis",
    operation_id="event_invoice_pdf",
    url_name="event_invoice_pdf",
)
def event_invoice_pdf(request, slug: str, number: str):
    event = own_event_or_404(request.auth, slug)
    document = None
    if NUMBER_RE.match(number):
        if number.startswith("FA"):
            document = Invoice.objects.filter(event=event, number=number).first()
        else:
            document = CreditNote.objects.filter(invoice__event=event, number=number).first()
    if document is None:
        raise Http404(_("Cet événement n'a pas de facture ni d'avoir n° %(number)s.") % {"number": number[:40]})
    with document.pdf.open("rb") as handle:
        return pdf_response(handle.read(), document.filename)
