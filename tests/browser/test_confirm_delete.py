"""An organiser deletes a session from the editor (the browser's dialog) and a question (the page that asks); axe on that page."""

import pytest
from playwright.sync_api import expect

from rencontres.events.models import Session
from rencontres.registrations.models import Question
from tests.browser.conftest import serious_accessibility_violations
from tests.factories import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_deleting_asks_first_in_a_dialog_or_on_a_page(live_server, page, alice, organization):
    event = make_event(organization, title="Matinée des CCAS", sessions_per_day=2)
    Question.objects.create(event=event, label="Régime alimentaire ?")
    base = live_server.url
    page.set_default_timeout(10_000)
    page.goto(f"{base}/compte/login/")
    page.get_by_label("Courriel").fill(alice.email)
    page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Mes événements")).to_be_visible()

    page.goto(f"{base}/gestion/evenements/{event.id}/")
    dialogs = []

    def refuse_then_accept(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss() if len(dialogs) == 1 else dialog.accept()

    page.on("dialog", refuse_then_accept)
    delete = page.get_by_role("button", name="Supprimer la séance « Séance 1 »")
    delete.click()
    expect(delete).to_be_visible()
    assert Session.objects.filter(event=event, title="Séance 1").exists()
    delete.click()
    expect(page.get_by_role("button", name="Supprimer la séance « Séance 1 »")).to_have_count(0)
    assert dialogs == ["Supprimer la séance « Séance 1 » ?"] * 2
    assert list(Session.objects.filter(event=event).values_list("title", flat=True)) == ["Séance 2"]

    page.goto(f"{base}/gestion/evenements/{event.id}/inscriptions/reglages/")
    page.get_by_role("button", name="Supprimer").first.click()
    expect(
        page.get_by_role("heading", level=1, name="Supprimer la question « Régime alimentaire ? » ?")
    ).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("link", name="Annuler").click()
    assert Question.objects.filter(event=event).exists()
    page.get_by_role("button", name="Supprimer").first.click()
    page.get_by_role("button", name="Supprimer").click()
    expect(page.get_by_text("Question supprimée.")).to_be_visible()
    assert not Question.objects.filter(event=event).exists()
