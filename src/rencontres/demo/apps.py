from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "rencontres.demo"
    label = "demo"
    verbose_name = "Démonstration"
