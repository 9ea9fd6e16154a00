from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "rencontres.search"
    label = "search"
    verbose_name = _("Recherche")

    def ready(self) -> None:
        from . import hooks

        hooks.connect()
