from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """Papers drawn from validated attendance: certificats de réalisation, attestations, their verification."""

    name = "rencontres.certificates"
    label = "certificates"
    verbose_name = "Attestations"
