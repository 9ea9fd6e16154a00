"""The sign-in code email is ours: French, text and HTML, with the site's name and address."""

import pytest
from django.core import mail

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_sign_in_code_arrives_in_french_with_the_sites_name_and_address(client, settings):
    settings.SITE_URL = "https://rencontres.example.org"
    make_user("camille@example.org")

    client.post("/compte/login/code/", {"email": "camille@example.org"})

    (message,) = mail.outbox
    assert message.subject.startswith("[Rencontres] Votre code de connexion : ")
    code = message.subject.rsplit(" ", 1)[-1]
    assert code in message.body and "https://rencontres.example.org/" in message.body
    assert "Hello" not in message.body and "127.0.0.1" not in message.body
    html = message.alternatives[0][0]
    assert code in html and "Courriel envoyé par Rencontres." in html
