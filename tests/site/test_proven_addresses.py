"""Nobody is shown anything of an address before proving it; wrong passwords never lock the organiser out of the code."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from rencontres.accounts.models import User
from tests.factories import sign_in_by_code
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


def test_a_password_account_whose_address_is_not_proven_is_not_signed_in_and_sees_nothing(client, organization):
    event = make_event(organization, title="Journée des solidarités")
    register(event, "victime@example.org", employer_name="CCAS de Mâcon")
    # A password on that address's account, set without proving it (as the closed sign-up once allowed).
    account = User.objects.get(email="victime@example.org")
    account.set_password("Motdepasse-42!")
    account.save()

    response = client.post(reverse("account_login"), {"login": "victime@example.org", "password": "Motdepasse-42!"})

    assert "_auth_user_id" not in client.session
    assert response.headers["Location"] == reverse("account_email_verification_sent")
    proof = mail.outbox[-1]
    assert proof.to == ["victime@example.org"]  # the proof goes to the address, not to whoever typed it
    assert "Confirmez votre adresse électronique" in proof.subject and "/compte/confirm-email/" in proof.body
    my_space = client.get(reverse("site:my_space"))
    assert my_space.status_code == 302 and "/compte/login/" in my_space.headers["Location"]


def test_a_code_sent_to_the_address_proves_it_and_opens_my_space(client, organization):
    event = make_event(organization, title="Journée des solidarités")
    register(event, "anne@example.org")  # an account without any password, address not yet proven
    anne = User.objects.get(email="anne@example.org")
    assert not EmailAddress.objects.filter(user=anne, verified=True).exists()

    sign_in_by_code(client, "anne@example.org")

    assert client.session["_auth_user_id"] == str(anne.pk)
    assert EmailAddress.objects.get(user=anne, email="anne@example.org").verified
    assert escape("Journée des solidarités") in client.get(reverse("site:my_space")).content.decode()


def test_wrong_passwords_lock_the_password_not_the_code(client, alice):
    for _ in range(6):
        client.post(reverse("account_login"), {"login": alice.email, "password": "pas-le-bon"})
    locked = client.post(reverse("account_login"), {"login": alice.email, "password": "motdepasse-solide-42"})
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives de connexion" in locked.content.decode()  # the attacker's lock is real

    response = sign_in_by_code(client, alice.email)

    assert client.session["_auth_user_id"] == str(alice.pk)
    assert response.headers["Location"] == reverse("backoffice:home")


def test_the_admins_login_form_leads_to_the_sites_sign_in_and_signs_nobody_in(client, django_user_model):
    django_user_model.objects.create_superuser(email="root@example.org", password="Motdepasse-42!")

    page = client.get("/admin/login/?next=/admin/")
    posted = client.post("/admin/login/", {"username": "root@example.org", "password": "Motdepasse-42!"})

    assert page.status_code == 302 and page.headers["Location"].startswith(reverse("account_login"))
    assert posted.status_code == 302 and "_auth_user_id" not in client.session
