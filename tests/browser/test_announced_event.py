"""An organiser announces a seminar before its dates are known (seed 001's departmental seminars);
a visitor finds it in the catalogue and on its cycle's page. axe-core checks the new pages."""

import pytest
from playwright.sync_api import expect

from rencontres.events.models import Series
from tests import factories
from tests.browser.conftest import serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organiser_announces_a_seminar_for_a_period_and_a_visitor_finds_it(
    live_server, page, browser, alice, organization, request
):
    cycle = Series.objects.create(organization=organization, title="Ateliers territoriaux", slug="ateliers")
    draft = factories.make_event(
        organization, title="Séminaire du Var", days=(), published=False, series=cycle, department_code="83"
    )
    base = live_server.url
    page.goto(f"{base}/compte/login/")
    page.get_by_label("Courriel").fill("alice@example.org")
    page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Mes événements")).to_be_visible()

    page.goto(f"{base}/gestion/evenements/{draft.id}/")
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("indiquez la période annoncée")).to_be_visible()
    page.get_by_text("Titre, présentation, public, territoire, inscriptions, contact").click()
    page.locator("#id_period_label").fill("2e semestre 2030")
    page.get_by_role("button", name="Enregistrer les informations").click()
    expect(page.get_by_text("Informations enregistrées.")).to_be_visible()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("L'événement est publié")).to_be_visible()

    visitor_context = browser.new_context(locale="fr-FR")
    request.addfinalizer(visitor_context.close)  # its open connections keep the live server's database session busy
    visitor = visitor_context.new_page()
    visitor.goto(f"{base}/")
    card = visitor.locator("#catalogue-results .fr-card", has_text="Séminaire du Var")
    expect(card).to_contain_text("2e semestre 2030 · dates et lieux à venir")
    card.get_by_role("link", name="Séminaire du Var").click()
    expect(visitor.get_by_role("heading", level=2, name="Dates et lieux à venir")).to_be_visible()
    expect(visitor.locator("#inscription")).to_contain_text("Les dates ne sont pas encore connues")
    expect(visitor.get_by_role("link", name="Ajouter à mon agenda (.ics)")).to_have_count(0)
    assert serious_accessibility_violations(visitor) == []

    visitor.get_by_role("link", name="Cycle : Ateliers territoriaux").click()
    expect(visitor.get_by_role("heading", level=3, name="2e semestre 2030")).to_be_visible()
    expect(visitor.get_by_role("heading", level=4, name="Séminaire du Var")).to_be_visible()
    assert serious_accessibility_violations(visitor) == []
