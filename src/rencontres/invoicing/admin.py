"""The Django admin for invoices: to look them up. An issued invoice or credit note is evidence: read-only here."""

from django.contrib import admin

from rencontres.core.admin import ReadOnlyAdmin

from .models import CreditNote, Invoice


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    list_display = ["number", "organization", "event", "buyer_name", "amount_cents", "issued_on", "emailed_at"]
    list_select_related = ["organization", "event"]
    search_fields = ["number", "buyer_name"]


@admin.register(CreditNote)
class CreditNoteAdmin(ReadOnlyAdmin):
    list_display = ["number", "organization", "invoice", "amount_cents", "issued_on", "reason"]
    list_select_related = ["organization", "invoice"]
    search_fields = ["number", "invoice__number"]
