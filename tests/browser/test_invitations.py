"""Issue 11, point 3 (seed 003): the organiser invites an address, the invited person registers from the link in
the email, with the address already filled in; a broken link is explained. axe-core checks the pages."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import Registration
from tests.browser.conftest import serious_accessibility_violations
from tests.registrations.builders import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_invited_person_registers_from_the_link_in_the_email(live_server, browser, organization, alice, settings):
    settings.SITE_URL = live_server.url
    base = live_server.url
    event = make_event(organization, title="Matinée du service social", capacity=30, is_invitation_only=True)
    organiser = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    invited = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        page = organiser.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{base}/compte/login/")
        page.get_by_label("Courriel").fill("alice@example.org")
        page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
        page.get_by_role("button", name="Connexion").click()
        expect(page.get_by_role("heading", name="Mes événements")).to_be_visible()
        page.goto(base + reverse("backoffice:registration_setup", args=[event.id]))
        page.get_by_label(re.compile("Adresses")).fill("zohra.khaldi@cg93.example")
        page.get_by_role("button", name="Ajouter ces adresses").click()
        expect(page.get_by_text("chacune reçoit son invitation")).to_be_visible()
        expect(page.get_by_text(re.compile("zohra.khaldi@cg93.example — invitation envoyée le"))).to_be_visible()
        assert serious_accessibility_violations(page) == []

        (message,) = [m for m in mail.outbox if m.to == ["zohra.khaldi@cg93.example"]]
        (link,) = re.findall(r"^(http\S+\?invitation=\S+)$", message.body, flags=re.MULTILINE)
        assert link.startswith(base)

        person = invited.new_page()
        person.set_default_timeout(10_000)
        person.goto(link)
        expect(person.get_by_role("heading", level=1, name="S'inscrire : Matinée du service social")).to_be_visible()
        expect(person.get_by_label("Adresse électronique")).to_have_value("zohra.khaldi@cg93.example")
        assert serious_accessibility_violations(person) == []
        person.get_by_label("Prénom").fill("Zohra")
        person.get_by_label("Nom", exact=True).fill("Khaldi")
        person.get_by_label("Fonction").fill("assistante sociale")
        person.get_by_role("button", name="M'inscrire").click()
        expect(person.get_by_text("Votre place est réservée.")).to_be_visible()
        assert Registration.objects.get(event=event).state == S.CONFIRMED

        person.goto(link[:-4] + "abcd")
        expect(person.get_by_text("Lien d'invitation non valable")).to_be_visible()
        assert serious_accessibility_violations(person) == []
    finally:
        organiser.close()
        invited.close()
