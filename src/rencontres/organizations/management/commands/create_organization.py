from django.core.management.base import BaseCommand, CommandError

from rencontres.organizations import services
from rencontres.organizations.exceptions import OrganizationError


class Command(BaseCommand):
    help = (
        "Crée un organisme et son premier administrateur, qui se connecte ensuite avec un code envoyé à son "
        "adresse (aucun mot de passe). Relancée avec les mêmes valeurs, elle ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="nom de l'organisme, par exemple « CCAS de Mâcon »")
        parser.add_argument("--slug", required=True, help="identifiant dans les adresses, par exemple ccas-macon")
        parser.add_argument("--admin-email", required=True, help="adresse électronique du premier administrateur")

    def handle(self, *args, name, slug, admin_email, **options):
        try:
            organization, created = services.create_organization(name=name, slug=slug, admin_email=admin_email)
        except OrganizationError as error:
            raise CommandError(error.message) from None
        email = admin_email.strip().lower()
        if created:
            self.stdout.write(
                f"Organisme « {organization.name} » créé (identifiant {organization.slug}) ; {email} en est "
                "l'administrateur. Il se connecte sur /compte/login/code/ avec un code envoyé à cette adresse."
            )
        else:
            self.stdout.write(
                f"L'organisme « {organization.name} » (identifiant {organization.slug}) existe déjà et {email} en "
                "est administrateur : rien n'a changé."
            )
