"""`rencontres create_organization` and `add_member`: how an organisation and its first admin start."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from rencontres.organizations.enums import Role
from rencontres.organizations.models import Membership, Organization
from tests.factories import sign_in_by_code

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def create(name="CCAS de Mâcon", slug="ccas-macon", email="Direction@CCAS-Macon.fr"):
    return run("create_organization", "--name", name, "--slug", slug, "--admin-email", email)


def test_create_organization_makes_the_organisation_and_its_first_admin_who_signs_in_by_code(client):
    output = create()

    organization = Organization.objects.get(slug="ccas-macon")
    assert organization.name == "CCAS de Mâcon"
    membership = Membership.objects.get(organization=organization)
    assert (membership.user.email.lower(), membership.role) == ("direction@ccas-macon.fr", Role.ADMIN)
    assert not membership.user.has_usable_password()
    assert "créé" in output and "code" in output
    response = sign_in_by_code(client, "direction@ccas-macon.fr")
    assert response.headers["Location"] == reverse("backoffice:home")
    assert client.get(reverse("backoffice:organization_members", args=[organization.id])).status_code == 200


def test_running_it_again_changes_nothing_and_says_so():
    create()
    again = create()

    assert "rien n'a changé" in again
    assert Organization.objects.count() == 1 and Membership.objects.count() == 1


def test_a_slug_already_taken_by_someone_elses_organisation_is_refused_with_the_way_out():
    create()

    with pytest.raises(CommandError, match="add_member --organization ccas-macon"):
        create(email="intrus@example.org")
    assert Membership.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"slug": "CCAS Mâcon!"}, "Identifiant « CCAS Mâcon! » invalide"),
        ({"email": "pas-une-adresse"}, "n'est pas une adresse électronique complète"),
        ({"name": "   "}, "Donnez le nom de l'organisme"),
        ({"name": "x" * 201}, "nom"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message_and_nothing_created(args, message):
    with pytest.raises(CommandError, match=message):
        create(**args)
    assert not Organization.objects.exists()


def test_add_member_adds_changes_the_role_or_says_nothing_changed():
    create()

    added = run("add_member", "--organization", "ccas-macon", "--email", "agent@ccas-macon.fr")
    promoted = run("add_member", "--organization", "ccas-macon", "--email", "agent@ccas-macon.fr", "--role", "admin")
    unchanged = run("add_member", "--organization", "ccas-macon", "--email", "agent@ccas-macon.fr", "--role", "admin")

    assert "rejoint « CCAS de Mâcon » comme éditeur" in added
    assert "est maintenant administrateur" in promoted
    assert "rien n'a changé" in unchanged
    assert Membership.objects.get(user__email="agent@ccas-macon.fr").role == Role.ADMIN


def test_add_member_refuses_an_unknown_organisation_and_demoting_the_last_admin():
    create()

    with pytest.raises(CommandError, match="Aucun organisme n'a l'identifiant « inconnu »"):
        run("add_member", "--organization", "inconnu", "--email", "a@example.org")
    with pytest.raises(CommandError, match="dernier administrateur"):
        run("add_member", "--organization", "ccas-macon", "--email", "direction@ccas-macon.fr", "--role", "editor")
    with pytest.raises(CommandError):
        run("add_member", "--organization", "ccas-macon", "--email", "a@example.org", "--role", "chef")
    assert Membership.objects.get().role == Role.ADMIN
