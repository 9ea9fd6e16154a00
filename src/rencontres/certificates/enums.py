from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    REALISATION = "certificat_realisation", _("certificat de réalisation")
    END_OF_TRAINING = "attestation_fin_formation", _("attestation de fin de formation")
    PRESENCE = "attestation_presence", _("attestation de présence")
    # A long training validated by a jury on a thesis (seed 004): issued to those admitted only.
    SPECIALISATION = "certificat_specialisation", _("certificat de spécialisation")


# What a training action owes each trainee; any other event gives a simple attestation of presence.
TRAINING_KINDS = (CertificateKind.REALISATION, CertificateKind.END_OF_TRAINING)
OTHER_EVENT_KINDS = (CertificateKind.PRESENCE,)
