"""The email that carries an invoice or a credit note to the payer's contact, the PDF attached."""

from rencontres.core.emails import send_templated_email

from .models import CreditNote, Invoice
from .services import mark_emailed

TEMPLATE = "invoicing/emails/issued"


def send_document(pk: int, *, credit_note: bool) -> bool:
    """Send it if it has an address and was not sent yet; True when sent."""
    model = CreditNote if credit_note else Invoice
    document = model.objects.select_related("organization").filter(pk=pk, emailed_at__isnull=True).first()
    if document is None:
        return False
    invoice = document.invoice if credit_note else document
    address = invoice.buyer_email
    if not address:
        return False
    event = invoice.event
    with document.pdf.open("rb") as handle:
        attachment = (document.filename, handle.read(), "application/pdf")
    send_templated_email(
        TEMPLATE,
        to=[address],
        context={
            "document": document,
            "invoice": invoice,
            "is_credit_note": credit_note,
            "event": event,
            "organization": document.organization,
            "amount": document.snapshot["totals"][-1]["value"],
            "due_on": document.snapshot["due_on"],
            "contact": event.reply_to_address,
        },
        reply_to=event.reply_to_address,
        attachments=[attachment],
    )
    mark_emailed(model, pk)
    return True
