from django.core.management.base import BaseCommand

from rencontres.privacy import services


class Command(BaseCommand):
    help = (
        "Anonymise les inscriptions des événements terminés depuis plus longtemps que la durée de conservation "
        "de leur organisme (en mois, réglée sur la page de l'organisme) : noms, adresses, employeur, réponses et "
        "fichiers déposés sont effacés ; les présences, les heures, les comptes et les devis et conventions "
        "numérotés restent. Sans effet sur ce qui l'est déjà ; deux lancements simultanés ne se gênent pas. "
        "À lancer chaque jour."
    )

    def handle(self, *args, **options):
        count = services.anonymise_expired()
        self.stdout.write(f"{count} inscription(s) anonymisée(s).")
