from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rencontres.core.task_queue import requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Remet dans la file les tâches (courriels, PDF) restées « en cours » plus longtemps que le bail des tâches "
        "(RENCONTRES_TASK_LEASE_SECONDS, 300 s par défaut) : celles d'un db_worker arrêté brutalement. "
        "Deux lancements simultanés, sur deux machines, remettent chaque tâche une fois. À lancer chaque minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=float,
            default=None,
            help="secondes (par défaut : RENCONTRES_TASK_LEASE_SECONDS)",
        )

    def handle(self, *args, older_than=None, **options):
        seconds = settings.TASK_LEASE_SECONDS if older_than is None else older_than
        if seconds < 0:
            raise CommandError("--older-than doit être un nombre de secondes positif.")
        count = requeue_stale_tasks(older_than_seconds=seconds)
        self.stdout.write(f"{count} tâche(s) remise(s) dans la file.")
