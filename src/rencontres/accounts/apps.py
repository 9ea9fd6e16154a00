from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rencontres.accounts"
    label = "accounts"
