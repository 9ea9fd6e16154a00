"""An admin invites a colleague, who proves the address with a code and joins: axe checks the pages on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from rencontres.organizations.enums import Role
from rencontres.organizations.models import Membership
from tests.browser.conftest import serious_accessibility_violations
from tests.factories import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}")


def test_an_admin_invites_a_colleague_who_proves_the_address_and_joins(live_server, page, browser, organization):
    make_member(organization, "adele@example.org", role=Role.ADMIN)
    base = live_server.url
    page.set_default_timeout(10_000)
    page.goto(f"{base}/compte/login/")
    page.get_by_label("Courriel").fill("adele@example.org")
    page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Mes événements")).to_be_visible()

    page.goto(f"{base}/gestion/organismes/{organization.id}/")
    page.get_by_role("link", name="Membres et invitations").click()
    expect(page.get_by_role("heading", level=1, name="Membres : Ville de Saint-Germain")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Adresse électronique de la personne à inviter").fill("nina@example.org")
    page.locator("#id_role").select_option("editor")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("Invitation envoyée à nina@example.org")).to_be_visible()
    expect(page.get_by_role("button", name="Retirer l'invitation")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    link = re.search(r"http://\S+/rejoindre/\S+/", mail.outbox[-1].body).group(0)
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        nina = context.new_page()
        nina.set_default_timeout(10_000)
        nina.goto(base + "/rejoindre/" + link.split("/rejoindre/", 1)[1])
        expect(nina.get_by_role("heading", name="Invitation à rejoindre « Ville de Saint-Germain »")).to_be_visible()
        assert serious_accessibility_violations(nina) == []
        nina.get_by_role("button", name="Recevoir un code à nina@example.org").click()
        code = next(line.strip() for line in mail.outbox[-1].body.splitlines() if CODE.fullmatch(line.strip()))
        nina.get_by_label("Code").fill(code)
        nina.get_by_role("button", name="Confirmer").click()
        nina.get_by_role("button", name="Rejoindre « Ville de Saint-Germain »").click()
        expect(nina.get_by_role("heading", name="Mes événements")).to_be_visible()
    finally:
        context.close()
    assert Membership.objects.get(user__email="nina@example.org", organization=organization).role == Role.EDITOR
