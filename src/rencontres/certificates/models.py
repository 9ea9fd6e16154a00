"""Certificates issued to the people of an event, each frozen with the data it printed.

An issued certificate never changes: its snapshot (the data it used) and its PDF are kept
as they were. A correction issues the next version with a reason, and the one it replaces
stays listed, marked replaced, so that a funder holding the first can see it was corrected.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event
from rencontres.registrations.models import Registration

from .enums import CertificateKind


def certificate_upload_path(certificate: "Certificate", filename: str) -> str:
    return f"attestations/{certificate.event_id}/{filename}"


class Certificate(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="certificates")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="certificates")
    kind = models.CharField(_("nature"), max_length=30, choices=CertificateKind.choices)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    # Printed on the paper and in its QR code; typed back on the public verification page.
    code = models.CharField(_("code de vérification"), max_length=14, unique=True, editable=False)
    minutes = models.PositiveIntegerField(_("durée réalisée (minutes)"), editable=False)
    snapshot = models.JSONField(editable=False)
    pdf = models.FileField(upload_to=certificate_upload_path, max_length=300, editable=False)
    issued_at = models.DateTimeField(_("délivrée le"), editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by", editable=False
    )
    correction_reason = models.TextField(_("motif de la correction"), blank=True, editable=False)
    replaced_at = models.DateTimeField(_("remplacée le"), null=True, blank=True, editable=False)
    emailed_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["registration__last_name", "registration__first_name", "registration_id", "kind", "version"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind", "version"], name="one_certificate_per_version"),
            models.UniqueConstraint(
                fields=["registration", "kind"],
                condition=models.Q(replaced_at__isnull=True),
                name="one_current_certificate_per_kind",
            ),
        ]
        indexes = [models.Index(fields=["event", "kind"])]
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version} – {self.registration.full_name}"

    @property
    def is_replaced(self) -> bool:
        return self.replaced_at is not None

    @property
    def hours(self) -> float:
        """Hours done, as the attendance API gives them: minutes / 60, to two decimals."""
        return round(self.minutes / 60, 2)

    @property
    def filename(self) -> str:
        return f"{self.kind}-{self.code}-v{self.version}.pdf"

    def get_verification_path(self) -> str:
        return reverse("site:certificate_verify", args=[self.code])
