"""Reads of invoicing: an event's invoices and credit notes, and the amounts the BPF's frame C counts."""

import datetime as dt
from typing import NamedTuple

from django.db.models import Prefetch, Sum

from rencontres.events.models import Event
from rencontres.organizations.models import Organization

from .models import CreditNote, CreditNoteLine, Invoice, InvoiceLine


def invoices_of(event: Event) -> list[Invoice]:
    """The event's invoices in number order, each with its lines and its credit notes (three queries)."""
    return list(
        Invoice.objects.filter(event=event)
        .order_by("year", "sequence")
        .prefetch_related(
            Prefetch("lines", queryset=InvoiceLine.objects.order_by("position")),
            Prefetch("credit_notes", queryset=CreditNote.objects.order_by("year", "sequence")),
        )
    )


def credit_notes_of(event: Event) -> list[CreditNote]:
    return list(CreditNote.objects.filter(invoice__event=event).select_related("invoice").order_by("year", "sequence"))


class InvoicedAmount(NamedTuple):
    payer_category: str
    opco_scheme: str
    net_cents: int


def invoiced_amounts(
    organization: Organization, year: int, *, period: tuple[dt.date, dt.date] | None = None
) -> list[InvoicedAmount]:
    """(payer_category, opco_scheme, net_cents): invoices less credit notes issued in that calendar year,
    or from the first to the last day of `period` (an accounting year that is not the calendar year).

    Training actions only (Event.is_training_action), amounts before VAT, by the category and
    scheme frozen on each invoice line at issue: what the BPF's frame C adds up. A credit note
    counts in the year it is issued, even for an invoice of an earlier year.
    """
    if period is None:
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    else:
        start, end = period[0], period[1] + dt.timedelta(days=1)
    invoiced = InvoiceLine.objects.filter(
        invoice__organization=organization,
        invoice__issued_on__gte=start,
        invoice__issued_on__lt=end,
        invoice__event__is_training_action=True,
    ).values_list("payer_category", "opco_scheme")
    credited = CreditNoteLine.objects.filter(
        credit_note__organization=organization,
        credit_note__issued_on__gte=start,
        credit_note__issued_on__lt=end,
        credit_note__invoice__event__is_training_action=True,
    ).values_list("invoice_line__payer_category", "invoice_line__opco_scheme")
    totals: dict[tuple[str, str], int] = {}
    for rows, sign in ((invoiced, 1), (credited, -1)):
        for category, scheme, total in rows.annotate(total=Sum("net_cents")).order_by():
            totals[(category, scheme)] = totals.get((category, scheme), 0) + sign * total
    return [InvoicedAmount(category, scheme, net) for (category, scheme), net in sorted(totals.items())]
