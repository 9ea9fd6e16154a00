"""Issue 15, point 8: a speaker uploads slides by their link, the organiser approves them and composes
the proceedings, a visitor finds them by a search without accents. axe-core checks every new page
(speaker upload, resources and proceedings back-office, proceedings page, search, experiences,
a fiche, the territory view, the proposal form, the moderation page)."""

import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from rencontres.experiences import services as experience_services
from rencontres.experiences.enums import CarrierKind, ExperienceStatus, Stage
from rencontres.resources import links
from tests import factories
from tests.browser.conftest import serious_accessibility_violations
from tests.registrations.builders import make_event
from tests.resources.builders import add_speaker_to_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(browser, user, base_url):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def pptx(tmp_path) -> str:
    path = tmp_path / "support-cooperations.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
        archive.writestr("ppt/slides/slide1.xml", "<p:sld><a:p><a:t>Coopérations médico-sociales</a:t></a:p></p:sld>")
    return str(path)


def test_from_the_speakers_slides_to_proceedings_a_visitor_finds(
    live_server, page, browser, alice, organization, tmp_path
):
    base = live_server.url
    event = make_event(organization, title="Rencontres des solidarités territoriales")
    speaker, session = add_speaker_to_session(event, name="Claire Dupont")

    page.goto(base + links.speaker_upload_path(speaker))
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Titre du document").fill("Coopérer entre établissements")
    page.get_by_label("Séance").select_option(label=session.title)
    page.get_by_label("Fichier").set_input_files(pptx(tmp_path))
    page.get_by_role("button", name="Déposer le document").click()
    expect(page.get_by_text("Merci : votre document est transmis")).to_be_visible()
    expect(page.get_by_text("à valider")).to_be_visible()

    organiser = signed_in(browser, alice, base)
    organiser.goto(base + reverse("backoffice:event_resources", args=[event.id]))
    assert serious_accessibility_violations(organiser) == []
    organiser.get_by_role("button", name="Publier : Coopérer entre établissements").click()
    expect(organiser.get_by_text("« Coopérer entre établissements » est publiée.")).to_be_visible()

    organiser.goto(base + reverse("backoffice:event_proceedings", args=[event.id]))
    assert serious_accessibility_violations(organiser) == []
    organiser.get_by_label("Titre des actes").fill("Actes des rencontres des solidarités")
    organiser.get_by_label("Introduction").fill("Une journée de **coopérations**.")
    organiser.locator("label", has_text="Coopérer entre établissements").click()
    organiser.get_by_role("button", name="Enregistrer et publier").click()
    expect(organiser.get_by_text("Les actes sont publiés : page et PDF.")).to_be_visible()

    page.goto(base + reverse("site:search"))
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Mots à chercher").fill("actes solidarites")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("link", name="Actes des rencontres des solidarités").click()
    expect(page.get_by_role("heading", name="Sommaire")).to_be_visible()
    expect(page.get_by_role("link", name="Coopérer entre établissements")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.goto(base + reverse("site:search") + "?q=medico+social")
    expect(page.get_by_role("link", name="Coopérer entre établissements")).to_be_visible()
    organiser.context.close()


def test_the_experience_pages_pass_axe(live_server, page, browser, alice, organization):
    base = live_server.url
    event = make_event(organization, title="Rencontres territoriales")
    experience = experience_services.propose(
        proposer=None,
        organization=organization,
        events=[event],
        title="Action collective à Tremblay-en-France",
        summary="Des habitants et des assistantes sociales agissent ensemble.",
        department_code="93",
        stage=Stage.EVALUATION,
        carrier_name="Service social départemental",
        carrier_kind=CarrierKind.DEPARTMENT,
        year=2016,
        status=ExperienceStatus.PUBLISHED,
    )
    for url in (
        reverse("site:experiences"),
        experience.get_absolute_url(),
        reverse("site:experience_territories"),
    ):
        page.goto(base + url)
        assert serious_accessibility_violations(page) == [], url
    expect(page.get_by_role("link", name="Seine-Saint-Denis : 1 fiche")).to_be_visible()

    person = signed_in(browser, factories.make_user("proposante@example.org"), base)
    person.goto(base + reverse("site:experience_propose"))
    assert serious_accessibility_violations(person) == []
    person.get_by_role("button", name="Proposer la fiche").click()
    expect(person.get_by_role("link", name="Titre : Donnez un titre.")).to_be_visible()
    person.context.close()

    organiser = signed_in(browser, alice, base)
    organiser.goto(base + reverse("backoffice:experience_moderation", args=[organization.id]))
    assert serious_accessibility_violations(organiser) == []
    organiser.context.close()
