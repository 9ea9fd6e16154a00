"""Organisers join an organisation by an admin's emailed invitation: valid 7 days, once, for the invited address only."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from rencontres.accounts.models import User
from rencontres.organizations import access, services
from rencontres.organizations.enums import Role
from rencontres.organizations.exceptions import OrganizationError
from rencontres.organizations.models import ApiToken, MemberInvitation, Membership
from tests.factories import make_member, make_user, sign_in_by_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(organization):
    return make_member(organization, "adele@example.org", role=Role.ADMIN)


def invite(client, organization, email="nina@example.org", role=Role.EDITOR, **kwargs):
    url = reverse("backoffice:organization_members", args=[organization.id])
    return client.post(url, {"email": email, "role": role}, **kwargs)


def link_in(message) -> str:
    return re.search(r"http://\S+/rejoindre/[\w-]+/", message.body).group(0).split("/rejoindre/", 1)[1]


def invitation_path(token: str) -> str:
    return reverse("site:member_invitation", args=[token.rstrip("/")])


def invited(organization, by, email="nina@example.org", role=Role.EDITOR) -> tuple[MemberInvitation, str]:
    """An invitation whose link's secret the test knows (the real one only travels by email)."""
    invitation = services.invite_member(organization=organization, email=email, role=role, invited_by=by)
    secret = f"secret-{invitation.pk}-of-the-test"
    MemberInvitation.objects.filter(pk=invitation.pk).update(token_hash=ApiToken.hash_of(secret))
    invitation.refresh_from_db()
    return invitation, invitation_path(secret)


def test_an_admin_invites_by_email_in_french_with_the_organisations_reply_to(
    client, organization, admin, django_capture_on_commit_callbacks
):
    organization.reply_to_email = "equipe@ville.fr"
    organization.save()
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, organization, email=" Nina@Example.org ", role=Role.ADMIN)

    assert response.status_code == 302
    invitation = MemberInvitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == ("nina@example.org", Role.ADMIN, admin)
    (message,) = mail.outbox
    assert message.to == ["nina@example.org"] and message.reply_to == ["equipe@ville.fr"]
    assert "Invitation à rejoindre Ville de Saint-Germain" in message.subject
    assert "administrateur" in message.body and "valable jusqu'au" in message.body
    assert invitation.token_hash not in message.body  # only the clear secret travels; only its hash is kept
    page = client.get(reverse("backoffice:organization_members", args=[organization.id])).content.decode()
    assert "nina@example.org" in page and "Invitations en attente" in page


def test_the_invited_person_proves_the_address_with_a_code_then_joins_with_the_role(
    client, organization, admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_member(organization=organization, email="nina@example.org", role=Role.EDITOR, invited_by=admin)
    path = invitation_path(link_in(mail.outbox[0]))

    page = client.get(path).content.decode()
    assert "Recevoir un code à nina@example.org" in page
    assert client.post(path).status_code == 403  # not signed in: nothing accepted
    assert not Membership.objects.filter(user__email="nina@example.org").exists()

    response = sign_in_by_code(client, "nina@example.org", next_url=path)
    assert response.headers["Location"] == path
    assert "Rejoindre « Ville de Saint-Germain »" in client.get(path).content.decode()
    response = client.post(path)

    assert response.headers["Location"] == reverse("backoffice:home")
    nina = User.objects.get(email="nina@example.org")
    assert Membership.objects.get(user=nina, organization=organization).role == Role.EDITOR
    assert access.is_organiser(nina)
    invitation = MemberInvitation.objects.get()
    assert invitation.accepted_by == nina and invitation.accepted_at is not None


def test_the_link_serves_once(client, organization, admin):
    _invitation, path = invited(organization, admin)
    sign_in_by_code(client, "nina@example.org")
    client.post(path)
    client.logout()

    page = client.get(path)

    assert page.status_code == 410
    assert "Cette invitation a déjà servi" in page.content.decode()


def test_after_7_days_the_link_has_expired(client, organization, admin):
    _invitation, path = invited(organization, admin)
    sign_in_by_code(client, "nina@example.org")

    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=7, minutes=1)):
        page = client.get(path)
        refused = client.post(path)

    assert page.status_code == 410 and "Cette invitation a expiré" in page.content.decode()
    assert refused.status_code == 410
    assert not Membership.objects.filter(user__email="nina@example.org").exists()


def test_a_revoked_invitation_says_so_and_a_new_one_replaces_the_pending_one(client, organization, admin):
    first, first_path = invited(organization, admin)
    _second, second_path = invited(organization, admin)
    first.refresh_from_db()
    assert first.revoked_at is not None  # replaced

    page = client.get(first_path)
    assert page.status_code == 410 and "Cette invitation a été retirée" in page.content.decode()
    client.force_login(admin)
    client.post(reverse("backoffice:invitation_revoke", args=[_second.id]), {"confirme": "1"})
    assert "Cette invitation a été retirée" in client.get(second_path).content.decode()


def test_an_unknown_link_is_a_french_page_not_an_error(client, db):
    page = client.get(invitation_path("n-importe-quoi"))

    assert page.status_code == 404
    assert escape("Ce lien d'invitation n'est pas valable") in page.content.decode()


def test_someone_elses_session_cannot_accept(client, organization, admin, charlie):
    _invitation, path = invited(organization, admin)
    sign_in_by_code(client, charlie.email)

    page = client.get(path).content.decode()
    response = client.post(path)

    assert "Vous êtes connecté·e avec une autre adresse" in page
    assert response.status_code == 403
    assert not Membership.objects.filter(organization=organization, user=charlie).exists()
    assert MemberInvitation.objects.get(pk=_invitation.pk).accepted_at is None


def test_the_invited_account_signed_in_without_proving_the_address_cannot_accept(client, organization, admin):
    invitation, path = invited(organization, admin)
    nina = User.objects.get(email="nina@example.org")  # created passwordless by the invitation, address not proven
    client.force_login(nina)

    assert client.post(path).status_code == 403
    with pytest.raises(OrganizationError, match="autre adresse"):
        services.accept_invitation(invitation=invitation, user=nina)
    assert not Membership.objects.filter(user=nina).exists()


def test_inviting_a_member_or_a_bad_address_is_refused_in_french_and_kept(client, organization, admin, bob):
    client.force_login(admin)

    member = invite(client, organization, email=bob.email)
    malformed = invite(client, organization, email="pas-une-adresse")
    bad_role = invite(client, organization, role="superadmin")

    assert member.status_code == 400 and escape("est déjà membre de l'organisme") in member.content.decode()
    assert malformed.status_code == 400 and "Erreur :" in malformed.content.decode()
    assert 'value="pas-une-adresse"' in malformed.content.decode()
    assert bad_role.status_code == 400
    assert not MemberInvitation.objects.exists()


def test_only_the_organisations_admins_see_and_change_its_members(client, organization, admin, bob, charlie):
    invitation, _path = invited(organization, admin)
    membership = Membership.objects.get(user=admin)
    for person in (bob, charlie):  # an editor of the organisation, an admin elsewhere
        client.force_login(person)
        assert client.get(reverse("backoffice:organization_members", args=[organization.id])).status_code == 404
        assert invite(client, organization).status_code == 404
        assert client.post(reverse("backoffice:invitation_revoke", args=[invitation.id])).status_code == 404
        assert client.post(reverse("backoffice:member_remove", args=[membership.id])).status_code == 404
        assert (
            client.post(reverse("backoffice:member_role", args=[membership.id]), {"role": "editor"}).status_code == 404
        )
    assert Membership.objects.get(user=admin).role == Role.ADMIN
    assert MemberInvitation.objects.get().revoked_at is None


def test_the_last_admin_can_be_neither_removed_nor_made_an_editor(client, organization, admin, bob):
    client.force_login(admin)
    mine = Membership.objects.get(user=admin)

    client.post(reverse("backoffice:member_remove", args=[mine.id]))
    response = client.post(reverse("backoffice:member_role", args=[mine.id]), {"role": "editor"}, follow=True)

    assert "dernier administrateur" in response.content.decode()
    assert Membership.objects.get(user=admin).role == Role.ADMIN
    bobs = Membership.objects.get(user=bob)
    client.post(reverse("backoffice:member_role", args=[bobs.id]), {"role": "admin"})
    client.post(reverse("backoffice:member_remove", args=[mine.id]))
    assert not Membership.objects.filter(user=admin).exists()
    assert Membership.objects.get(user=bob).role == Role.ADMIN


def test_removing_a_member_asks_first_then_they_lose_the_back_office(client, organization, admin, bob):
    client.force_login(admin)
    bobs = Membership.objects.get(user=bob)

    question = client.get(reverse("backoffice:member_remove", args=[bobs.id]))
    assert "Retirer bob@example.org de « Ville de Saint-Germain » ?" in question.content.decode()
    assert Membership.objects.filter(pk=bobs.pk).exists()
    client.post(reverse("backoffice:member_remove", args=[bobs.id]))

    assert not access.is_member(bob, organization.id)
    assert User.objects.filter(pk=bob.pk).exists()


def test_accepting_an_admin_invitation_widens_an_editors_role_never_narrows(organization, admin, bob):
    nina = make_user("nina@example.org")
    invitation, _path = invited(organization, admin, role=Role.ADMIN)
    services.accept_invitation(invitation=invitation, user=nina)
    assert Membership.objects.get(user=nina).role == Role.ADMIN
