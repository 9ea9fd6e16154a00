from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    """Who came, when, proven by signatures: half-day slots, signatures, hours per person."""

    name = "rencontres.attendance"
    label = "attendance"
    verbose_name = "Émargement"
