from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from rencontres.demo.loader import load_demo
from rencontres.events.demo_data import DEMO_ORGANISER_EMAIL, DEMO_ORGANISER_PASSWORD


class Command(BaseCommand):
    help = (
        "Loads the five demonstration events (Cluny, PACA, Saint-Germain-en-Laye, Seine-Saint-Denis, "
        "Cnam/Opale) as run: registrations, signed half-days, workshops and surveys, and the demo "
        "organiser account, only when the database has no event yet; otherwise it changes nothing, "
        "so it is safe to run at every start. It sends no email."
    )

    def handle(self, *args, **options):
        events = load_demo(stdout=self.stdout)
        if not events:
            self.stdout.write(
                _("La base contient déjà des événements : les données de démonstration n'ont pas été chargées.")
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(count)d événements de démonstration chargés. "
                    "Espace organisateur : %(email)s, mot de passe %(password)s"
                )
                % {"count": len(events), "email": DEMO_ORGANISER_EMAIL, "password": DEMO_ORGANISER_PASSWORD}
            )
        )
