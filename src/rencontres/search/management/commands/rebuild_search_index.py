from django.core.management.base import BaseCommand

from rencontres.search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search index from scratch: every public event with its sessions, speakers, approved "
        "resources and published proceedings, every published experience. Changes are indexed on commit; this "
        "command is for a first install, a restore, or after bulk updates that bypassed the services."
    )

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"{count} entrées indexées.")
