"""`rencontres parse-announcement PATH`: print the structured draft of one announcement as JSON."""

import json
import sys

from django.core.management.base import BaseCommand

from rencontres.announcements.parsing import parse_text
from rencontres.announcements.reading import UnreadableAnnouncement, read_path


class Command(BaseCommand):
    help = (
        "Lit une annonce (.txt, .md, .html ou .pdf) et affiche sur la sortie standard le brouillon "
        "d'événement en JSON. Sort avec le code 2 et un message en français si le fichier est illisible."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier de l'annonce")

    def handle(self, *args, path, **options):
        try:
            result = parse_text(read_path(path))
        except UnreadableAnnouncement as exc:
            # Exit code 2 is the contract for bad input; CommandError would exit with 1.
            self.stderr.write(str(exc.message))
            sys.exit(2)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
