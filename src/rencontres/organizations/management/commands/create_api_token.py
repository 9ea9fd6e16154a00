from django.core.management.base import BaseCommand, CommandError

from rencontres.organizations.models import ApiToken, Organization


class Command(BaseCommand):
    help = (
        "Crée un jeton d'API pour un organisme et l'affiche une seule fois : il permet de lire les "
        "inscriptions aux événements de cet organisme (en-tête « Authorization: Bearer JETON »)."
    )

    def add_arguments(self, parser):
        parser.add_argument("organization_slug", help="identifiant de l'organisme, par exemple ville-saint-germain")
        parser.add_argument("label", help="à quoi sert le jeton, par exemple « export tableur »")

    def handle(self, *args, organization_slug, label, **options):
        organization = Organization.objects.filter(slug=organization_slug).first()
        if organization is None:
            raise CommandError(f"Aucun organisme n'a l'identifiant « {organization_slug} ».")
        label = label.strip()
        if not label or len(label) > 100:
            raise CommandError("Donnez un usage de 1 à 100 caractères, par exemple « export tableur ».")
        _token, clear_token = ApiToken.issue(organization=organization, label=label)
        self.stdout.write(clear_token)
