"""Nobody creates a password account: the address must be proven before anything is shown."""

import pytest

from rencontres.accounts.models import User

pytestmark = pytest.mark.django_db


def test_signing_up_with_someone_elses_address_creates_no_account(client):
    response = client.post(
        "/compte/signup/",
        {"email": "future.victime@example.org", "password1": "Motdepasse-42!", "password2": "Motdepasse-42!"},
    )

    assert not User.objects.filter(email__iexact="future.victime@example.org").exists()
    assert "_auth_user_id" not in client.session
    assert "Pas de compte à créer" in response.content.decode()


def test_the_closed_sign_up_page_leads_to_the_sign_in_code(client):
    page = client.get("/compte/signup/").content.decode()

    assert "Recevoir un code de connexion" in page
    assert "/compte/login/code/" in page
