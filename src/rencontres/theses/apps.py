from django.apps import AppConfig


class ThesesConfig(AppConfig):
    """Long trainings that end with a thesis (mémoire) and a jury: hand-ins, the jury, its decisions."""

    name = "rencontres.theses"
    label = "theses"
    verbose_name = "Mémoires et jury"
