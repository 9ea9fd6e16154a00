from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rencontres.core"
    label = "core"
