"""Invoices and credit notes (avoirs), each frozen with the data it printed and its Factur-X PDF.

An issued invoice never changes (Code de commerce L441-9: an invoice is corrected by a
credit note that references it, never edited). Each line keeps, as they were at issue, the
payer category and OPCO scheme of its registration: the BPF's frame C reads them from here.
Amounts are integer cents; `amount_cents` is what the buyer pays (VAT included when the
organisation charges VAT), `net_cents` the amount before VAT that the BPF counts.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event
from rencontres.organizations.models import Organization, siret_validator, valid_siret
from rencontres.registrations.enums import OpcoScheme, PayerCategory
from rencontres.registrations.models import Registration

from .enums import NumberSeries


def document_upload_path(document, filename: str) -> str:
    return f"factures/{document.organization_id}/{filename}"


class NumberCounter(models.Model):
    """The last number of an organisation's invoices (or credit notes) in a year, locked while one is issued."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invoice_counters")
    series = models.CharField(max_length=12, choices=NumberSeries.choices)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "series", "year"], name="one_invoice_counter_per_year")
        ]


class BillingDetails(models.Model):
    """What the organiser completed about one payer of an event before invoicing it.

    Blank fields fall back on what the registrations say (employer, its address and SIRET,
    the payer's contact); a public buyer's SIRET and Chorus Pro service code are asked here.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="billing_details")
    payer_key = models.CharField(max_length=250)
    name = models.CharField(_("raison sociale ou nom"), max_length=200, blank=True)
    address = models.CharField(
        _("adresse de facturation"),
        max_length=300,
        blank=True,
        help_text=_(
            "Numéro et rue, puis code postal et commune. Par exemple : 1 place de l'Hôtel de ville, 71000 Mâcon."
        ),
    )
    siret = models.CharField(
        _("SIRET de l'acheteur"), max_length=14, blank=True, validators=[siret_validator, valid_siret]
    )
    service_code = models.CharField(
        _("code service Chorus Pro"),
        max_length=100,
        blank=True,
        help_text=_(
            "Pour un acheteur public qui en exige un : il figure sur son bon de commande ou dans l'annuaire Chorus Pro."
        ),
    )
    purchase_order = models.CharField(_("numéro de bon de commande ou d'engagement"), max_length=100, blank=True)
    email = models.EmailField(_("adresse électronique à laquelle envoyer la facture"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "payer_key"], name="one_billing_details_per_payer")]


class IssuedDocument(models.Model):
    """What an invoice and a credit note share: the number, the dates, the frozen data and the PDF."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("numéro"), max_length=30)
    year = models.PositiveIntegerField(editable=False)
    sequence = models.PositiveIntegerField(editable=False)
    amount_cents = models.PositiveIntegerField(_("montant (centimes)"), editable=False)
    net_cents = models.PositiveIntegerField(_("montant hors taxes (centimes)"), editable=False)
    issued_on = models.DateField(_("émise le"), editable=False)
    snapshot = models.JSONField(editable=False)
    xml = models.TextField(editable=False)
    pdf = models.FileField(upload_to=document_upload_path, max_length=300, editable=False)
    issued_at = models.DateTimeField(editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    emailed_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.number

    @property
    def filename(self) -> str:
        return f"{self.number}.pdf"


class Invoice(IssuedDocument):
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="invoices")
    payer_key = models.CharField(max_length=250, editable=False)
    payer_category = models.CharField(
        _("catégorie du financeur"), max_length=20, choices=PayerCategory.choices, editable=False
    )
    buyer_name = models.CharField(_("acheteur"), max_length=200, editable=False)
    buyer_email = models.EmailField(blank=True, editable=False)
    due_on = models.DateField(_("échéance"), editable=False)

    class Meta:
        ordering = ["issued_on", "sequence"]
        verbose_name = _("facture")
        verbose_name_plural = _("factures")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "sequence"], name="invoice_number_unique")
        ]
        indexes = [models.Index(fields=["event", "issued_on"])]

    @property
    def credited_cents(self) -> int:
        """Credited by its credit notes (read from the prefetched ones on list pages)."""
        return sum(note.amount_cents for note in self.credit_notes.all())

    @property
    def balance_cents(self) -> int:
        """What is still owed on this invoice: its amount less its credit notes (never below zero)."""
        return self.amount_cents - self.credited_cents


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="lines")
    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="invoice_lines")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=400)
    # Subrogation (an OPCO pays the hours done): validated minutes out of the planned ones.
    minutes_done = models.PositiveIntegerField(null=True, blank=True)
    minutes_planned = models.PositiveIntegerField(null=True, blank=True)
    amount_cents = models.PositiveIntegerField()
    net_cents = models.PositiveIntegerField()
    payer_category = models.CharField(max_length=20, choices=PayerCategory.choices)
    opco_scheme = models.CharField(max_length=20, choices=OpcoScheme.choices, blank=True)

    class Meta:
        ordering = ["invoice_id", "position"]
        constraints = [models.UniqueConstraint(fields=["invoice", "position"], name="one_invoice_line_per_position")]


class CreditNote(IssuedDocument):
    """An avoir: cancels all or part of one invoice, for a cancellation or a correction, with its reason."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="credit_notes")
    reason = models.CharField(_("motif"), max_length=300, editable=False)

    class Meta:
        ordering = ["issued_on", "sequence"]
        verbose_name = _("avoir")
        verbose_name_plural = _("avoirs")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "sequence"], name="credit_note_number_unique")
        ]


class CreditNoteLine(models.Model):
    credit_note = models.ForeignKey(CreditNote, on_delete=models.PROTECT, related_name="lines")
    invoice_line = models.ForeignKey(InvoiceLine, on_delete=models.PROTECT, related_name="credits")
    amount_cents = models.PositiveIntegerField()
    net_cents = models.PositiveIntegerField()

    class Meta:
        ordering = ["credit_note_id", "invoice_line__position"]
