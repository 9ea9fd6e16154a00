from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """What a training body reports: the yearly BPF (Cerfa 10443) and the Qualiopi evidence of each action."""

    name = "rencontres.reporting"
    label = "reporting"
    verbose_name = "Bilans et preuves"
