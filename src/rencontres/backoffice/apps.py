from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    """The organiser's face under /gestion/; no models of its own."""

    name = "rencontres.backoffice"
    label = "backoffice"
    verbose_name = "Gestion"
