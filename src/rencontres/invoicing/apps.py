from django.apps import AppConfig


class InvoicingConfig(AppConfig):
    """Invoices per payer and credit notes, gap-free numbers, Factur-X PDFs ready for Chorus Pro."""

    name = "rencontres.invoicing"
    label = "invoicing"
    verbose_name = "Factures"
