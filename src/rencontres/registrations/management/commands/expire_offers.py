from django.core.management.base import BaseCommand

from rencontres.registrations import services


class Command(BaseCommand):
    help = (
        "Une place libérée est proposée à la première personne de la liste d'attente, qui a un délai "
        "(réglable par événement, 48 h par défaut) pour la confirmer. Passé ce délai, la proposition expire "
        "et la place est proposée à la personne suivante. Les places libérées par une hausse de la capacité "
        "sont aussi proposées. À lancer toutes les 5 à 15 minutes."
    )

    def handle(self, *args, **options):
        expired = services.expire_offers()
        self.stdout.write(f"{expired} proposition(s) expirée(s).")
