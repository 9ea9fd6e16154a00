"""Issue 13, point 5: two participants post and vote in a workshop from their own browsers,
and the projector page, polling by itself, shows their contributions and dots. axe-core checks
every page of the journey (participant, join, projector, facilitator, synthesis, restitution)."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from rencontres.workshops import links, services
from rencontres.workshops.enums import RestitutionVisibility
from tests.browser.conftest import follow, serious_accessibility_violations
from tests.workshops.builders import make_workshop, participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contexts(browser):
    """Pages in browser contexts of their own (other people), closed after the test."""
    opened = []

    def open_page(cookies=()):
        opened.append(browser.new_context(locale="fr-FR", timezone_id="Europe/Paris"))
        if cookies:
            opened[-1].add_cookies(list(cookies))
        page = opened[-1].new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in opened:
        context.close()


def signed_in_cookie(user, base_url):
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}


def test_two_participants_post_and_vote_and_the_projector_follows(live_server, contexts, alice, organization):
    base = live_server.url
    workshop = make_workshop(organization, workstreams=("Accès aux droits",))
    awa = participant(workshop, first_name="Awa", last_name="Diallo")
    louis = participant(workshop, first_name="Louis", last_name="Bernard")

    projector = contexts([signed_in_cookie(alice, base)])
    projector.goto(base + reverse("backoffice:workshop_projector", args=[workshop.id]))
    expect(projector.get_by_text("En attente des premières contributions…")).to_be_visible()
    assert serious_accessibility_violations(projector) == []

    first, second = contexts(), contexts()
    first.goto(base + reverse("site:workshop", args=[links.participant_token(workshop, awa)]))
    second.goto(base + reverse("site:workshop", args=[links.participant_token(workshop, louis)]))
    assert serious_accessibility_violations(first) == []
    first.get_by_label("Votre contribution").fill("Un guichet unique des droits dans chaque commune")
    first.get_by_role("button", name="Envoyer ma contribution").click()
    expect(first.get_by_text("Merci : votre contribution est affichée.")).to_be_visible()
    second.get_by_label("Votre contribution").fill("Des permanences mobiles dans les quartiers")
    second.get_by_role("button", name="Envoyer ma contribution").click()
    expect(second.get_by_text("Un guichet unique des droits dans chaque commune")).to_be_visible()

    # The projector was not reloaded: htmx polling brought both contributions.
    expect(projector.get_by_text("Des permanences mobiles dans les quartiers")).to_be_visible()
    expect(projector.get_by_text("Un guichet unique des droits dans chaque commune")).to_be_visible()

    services.open_vote(workshop=workshop, dots_per_person=2, max_dots_per_item=2)
    for page in (first, second):
        page.reload()
        expect(page.get_by_text("2 gommettes restantes")).to_be_visible()
    guichet = "Un guichet unique des droits dans chaque commune"
    first.get_by_role("button", name=f"Ajouter une gommette : {guichet}").click()
    expect(first.get_by_text("1 gommette restante")).to_be_visible()
    first.get_by_role("button", name=f"Ajouter une gommette : {guichet}").click()
    expect(first.get_by_text("Vous : 2 gommettes")).to_be_visible()
    assert serious_accessibility_violations(first) == []
    second.get_by_role("button", name=f"Ajouter une gommette : {guichet}").click()
    expect(second.get_by_text("1 gommette restante")).to_be_visible()

    item = projector.locator("li.contribution", has_text=guichet)
    expect(item.locator(".projector-votes")).to_have_text("3")
    expect(projector.get_by_text("2 votants")).to_be_visible()
    assert serious_accessibility_violations(projector) == []

    # The facilitator closes the vote, writes the synthesis and publishes the restitution.
    facilitator = contexts([signed_in_cookie(alice, base)])
    facilitator.goto(base + reverse("backoffice:workshop", args=[workshop.id]))
    assert serious_accessibility_violations(facilitator) == []
    facilitator.get_by_role("button", name="Clore le vote").click()
    expect(facilitator.get_by_text("Le vote est clos : les résultats sont figés.")).to_be_visible()
    follow(facilitator.get_by_role("link", name="Écrire la synthèse"))
    assert serious_accessibility_violations(facilitator) == []
    facilitator.get_by_label("Synthèse du chantier").fill("Aller vers les publics là où ils vivent.")
    facilitator.get_by_label(guichet).fill("1")
    facilitator.get_by_role("button", name="Enregistrer la synthèse").click()
    expect(facilitator.get_by_text("Synthèse enregistrée.")).to_be_visible()
    facilitator.goto(base + reverse("backoffice:workshop", args=[workshop.id]))
    facilitator.locator("label", has_text="publiée pour tout le monde").click()
    facilitator.get_by_role("button", name="Enregistrer la restitution").click()
    expect(facilitator.get_by_text("Restitution enregistrée.")).to_be_visible()
    workshop.refresh_from_db()
    assert workshop.restitution_visibility == RestitutionVisibility.PUBLIC

    visitor = contexts()
    visitor.goto(base + workshop.event.get_absolute_url())
    visitor.get_by_role("link", name="Atelier de co-construction", exact=True).click()
    expect(visitor.get_by_text("Aller vers les publics là où ils vivent.")).to_be_visible()
    expect(visitor.get_by_text("3 gommettes")).to_be_visible()
    assert serious_accessibility_violations(visitor) == []
    visitor.goto(base + reverse("site:workshop_join", args=[workshop.event.slug, workshop.id]))
    assert serious_accessibility_violations(visitor) == []
    facilitator.goto(base + reverse("backoffice:event_workshops", args=[workshop.event.id]))
    assert serious_accessibility_violations(facilitator) == []
