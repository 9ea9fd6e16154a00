from django.db import models
from django.utils.translation import gettext_lazy as _


class NumberSeries(models.TextChoices):
    """Each series is numbered on its own, per organisation and year, without gap (CGI art. 242 nonies A, 7°)."""

    INVOICE = "invoice", _("factures")
    CREDIT_NOTE = "credit_note", _("avoirs")


PREFIXES = {NumberSeries.INVOICE: "FA", NumberSeries.CREDIT_NOTE: "AV"}
