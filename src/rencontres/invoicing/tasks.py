"""Background work of invoicing, through the Django Tasks API: the emails that carry the PDFs."""

from django_tasks import task


@task()
def send_invoice(invoice_id: int) -> None:
    """Email an invoice (its Factur-X PDF attached) to the payer's contact, once."""
    from . import emails

    emails.send_document(invoice_id, credit_note=False)


@task()
def send_credit_note(credit_note_id: int) -> None:
    """Email a credit note (its Factur-X PDF attached) to the contact its invoice was sent to, once."""
    from . import emails

    emails.send_document(credit_note_id, credit_note=True)
