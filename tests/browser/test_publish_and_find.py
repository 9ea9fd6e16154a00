"""The first journey: an organiser publishes a two-day event, a visitor finds it and
takes it into their calendar. axe-core checks the pages they see on the way."""

import icalendar
import pytest
from playwright.sync_api import expect

from rencontres.events.models import Event
from tests.browser.conftest import follow, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_session(page, day_label: str, start: str, end: str, title: str):
    page.get_by_text(f"Ajouter une séance le {day_label}").click()
    block = page.locator("details[open]", has=page.get_by_text(f"Ajouter une séance le {day_label}"))
    block.get_by_label("Début").fill(start)
    block.get_by_label("Fin").fill(end)
    block.get_by_label("Titre").fill(title)
    block.get_by_role("button", name="Ajouter la séance").click()
    expect(page.locator("#programme .programme-session", has_text=title)).to_be_visible()


def test_organiser_publishes_and_visitor_finds_and_downloads_the_calendar(live_server, page, browser, alice, request):
    base = live_server.url
    page.goto(f"{base}/compte/login/")
    page.get_by_label("Courriel").fill("alice@example.org")
    page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Mes événements")).to_be_visible()

    page.get_by_role("link", name="Créer un événement").click()
    page.get_by_label("Titre").fill("Séminaire des solidarités locales")
    page.get_by_label("Format").select_option("seminaire")
    page.get_by_role("button", name="Créer le brouillon").click()
    expect(page.get_by_role("heading", level=1, name="Séminaire des solidarités locales")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    # The programme is built with htmx: the page is never reloaded.
    page.evaluate("window.stillTheSamePage = true")
    programme = page.locator("#programme")
    for date in ["2030-03-14", "2030-03-15"]:
        programme.get_by_label("Date").last.fill(date)
        programme.get_by_role("button", name="Ajouter la journée").click()
        expect(programme.get_by_role("heading", name=date[-2:] + " mars 2030", exact=False)).to_be_visible()
    add_session(page, "jeudi 14 mars 2030", "09:00", "10:30", "Introduction théorique")
    add_session(page, "jeudi 14 mars 2030", "10:45", "12:30", "Table ronde des solidarités")
    add_session(page, "vendredi 15 mars 2030", "09:00", "12:30", "Les outils du diagnostic")
    add_session(page, "vendredi 15 mars 2030", "13:30", "16:30", "Exercices pratiques")
    assert page.evaluate("window.stillTheSamePage") is True

    page.get_by_text("Titre, présentation, public, territoire, inscriptions, contact").click()
    page.get_by_label("Département").fill("93")
    page.get_by_role("button", name="Enregistrer les informations").click()
    expect(page.get_by_text("Informations enregistrées.")).to_be_visible()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("L'événement est publié")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    visitor_context = browser.new_context(locale="fr-FR", accept_downloads=True)
    request.addfinalizer(visitor_context.close)  # its open connections keep the live server's database session busy
    visitor = visitor_context.new_page()
    visitor.goto(f"{base}/")
    assert serious_accessibility_violations(visitor) == []
    visitor.get_by_label("Département").fill("93")
    visitor.get_by_label("Format").select_option("seminaire")
    visitor.get_by_role("button", name="Filtrer").click()
    result = visitor.locator("#catalogue-results").get_by_role("link", name="Séminaire des solidarités locales")
    expect(result).to_be_visible()
    result.click()
    expect(visitor.get_by_role("heading", level=1, name="Séminaire des solidarités locales")).to_be_visible()
    assert serious_accessibility_violations(visitor) == []

    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    calendar = icalendar.Calendar.from_ical(download_info.value.path().read_bytes())
    entries = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert [str(e["SUMMARY"]).split(" – ")[0] for e in entries] == [
        "Introduction théorique",
        "Table ronde des solidarités",
        "Les outils du diagnostic",
        "Exercices pratiques",
    ]
    assert entries[0].decoded("DTSTART").isoformat() == "2030-03-14T09:00:00+01:00"
    original = Event.objects.get()
    assert original.department_code == "93"

    # The next edition, from the first date the organiser chooses; then unpublishing, after a page that says what it does.
    page.get_by_role("link", name="Dupliquer (édition suivante)…").click()
    expect(page.get_by_role("heading", level=1, name="Préparer l'édition suivante")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Premier jour de la nouvelle édition").fill("2031-03-13")
    page.get_by_role("button", name="Créer la copie en brouillon").click()
    expect(page.get_by_text("Copie créée en brouillon")).to_be_visible()
    copy = Event.objects.exclude(id=original.id).get()
    assert [d.isoformat() for d in copy.days.values_list("date", flat=True)] == ["2031-03-13", "2031-03-14"]
    page.goto(f"{base}/gestion/evenements/{original.id}/")
    follow(page.get_by_role("link", name="Dépublier…"))
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Dépublier l'événement").click()
    expect(page.get_by_text("L'événement est repassé en brouillon")).to_be_visible()
