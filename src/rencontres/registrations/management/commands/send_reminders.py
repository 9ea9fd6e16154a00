from django.core.management.base import BaseCommand

from rencontres.registrations import jobs


class Command(BaseCommand):
    help = (
        "La veille de chaque journée d'un événement publié, chaque personne dont l'inscription est confirmée "
        "reçoit une fois un rappel : horaires, lieux et accès, liens de connexion des séances en ligne. "
        "À lancer une fois par jour (par exemple à 10 h)."
    )

    def handle(self, *args, **options):
        sent = jobs.send_day_before_reminders()
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
