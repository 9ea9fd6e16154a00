from django.core.management.base import BaseCommand

from rencontres.registrations import jobs


class Command(BaseCommand):
    help = (
        "À la date de décision d'un événement qui a un nombre minimum de participants, les organisateurs "
        "reçoivent une fois le bilan (minimum atteint ou non) et décident, dans la page des inscriptions, "
        "de maintenir ou d'annuler l'événement ; chaque personne inscrite est alors prévenue. "
        "À lancer une fois par jour."
    )

    def handle(self, *args, **options):
        sent = jobs.notify_minimum_decisions()
        self.stdout.write(f"{sent} bilan(s) envoyé(s).")
