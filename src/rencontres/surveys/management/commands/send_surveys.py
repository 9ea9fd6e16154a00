from django.core.management.base import BaseCommand

from rencontres.surveys import jobs


class Command(BaseCommand):
    help = (
        "Envoie les questionnaires de satisfaction ouverts des événements publiés quand leur heure est venue : "
        "à chaud à la fin de la dernière séance, à froid le nombre de semaines choisi après. Chaque personne "
        "dont l'inscription est confirmée reçoit son lien personnel une fois, puis une seule relance une semaine "
        "plus tard si elle n'a pas répondu. À lancer toutes les heures."
    )

    def handle(self, *args, **options):
        sent, reminded = jobs.send_due_surveys()
        self.stdout.write(f"{sent} questionnaire(s) envoyé(s), {reminded} relance(s).")
