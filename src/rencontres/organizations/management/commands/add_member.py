from django.core.management.base import BaseCommand, CommandError

from rencontres.organizations import services
from rencontres.organizations.enums import Role
from rencontres.organizations.exceptions import OrganizationError
from rencontres.organizations.models import Organization

STATUS = {
    "added": "{email} rejoint « {name} » comme {role}.",
    "changed": "{email} est maintenant {role} de « {name} ».",
    "unchanged": "{email} était déjà {role} de « {name} » : rien n'a changé.",
}


class Command(BaseCommand):
    help = (
        "Ajoute une personne à un organisme avec un rôle (ou change son rôle). Elle se connecte avec un code "
        "envoyé à son adresse. Le dernier administrateur ne peut pas devenir éditeur."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organization", required=True, help="identifiant de l'organisme (slug)")
        parser.add_argument("--email", required=True, help="adresse électronique de la personne")
        parser.add_argument(
            "--role", default=Role.EDITOR, choices=Role.values, help="admin ou editor (par défaut : editor)"
        )

    def handle(self, *args, organization, email, role, **options):
        found = Organization.objects.filter(slug=organization.strip()).first()
        if found is None:
            raise CommandError(
                f"Aucun organisme n'a l'identifiant « {organization} ». Créez-le avec "
                "« rencontres create_organization --name ... --slug ... --admin-email ... »."
            )
        try:
            membership, status = services.add_member(organization=found, email=email, role=role)
        except OrganizationError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            STATUS[status].format(email=membership.user.email, name=found.name, role=membership.get_role_display())
        )
