from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The public face: pages for visitors and participants; no models of its own."""

    name = "rencontres.site"
    label = "site"
    verbose_name = "Site public"
