"""Issue 11, point 5 on a 390 × 844 phone in Chromium: the seed events' pages show the dates, the
price, the places left and "S'inscrire" in the first screen; a past event invites nobody to
register; a refused form's summary takes the focus and the title says "Erreur :"."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from rencontres.events import services as event_services
from rencontres.events.models import Event
from rencontres.registrations.demo import load_demo
from rencontres.registrations.services import set_capacity
from tests.browser.conftest import serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
CLUNY = "Quelles solidarités pour demain dans les territoires ?"  # seed 000: a long programme
CNAM_SUBTITLE = "Spécialité culture"  # seed 004: the longest title and subtitle


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", timezone_id="Europe/Paris", is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()  # frees the live server's threads and their database connections (PostgreSQL)


def upcoming_copy(event: Event) -> Event:
    """The seed event again in 2030, registered here, with 30 places (the demo's real events are past)."""
    weeks = (dt.date(2030, 1, 7) - event.starts_on).days // 7
    copy = event_services.duplicate_event(event=event, shift_days=weeks * 7)
    Event.objects.filter(pk=copy.pk).update(registration_url="")
    copy.refresh_from_db()
    copy = event_services.publish_event(event=copy)
    set_capacity(event=copy, capacity_max=30)
    return copy


@pytest.fixture
def seeds(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_demo()
    return {
        "cluny": Event.objects.get(title=CLUNY),
        "cnam": Event.objects.get(subtitle__startswith=CNAM_SUBTITLE),
    }


def in_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_the_seed_event_pages_show_price_places_and_register_in_the_first_screen(live_server, phone, seeds):
    for name in ("cluny", "cnam"):
        event = upcoming_copy(seeds[name])
        phone.goto(live_server.url + event.get_absolute_url())
        essentials = phone.locator("#essentiel")
        button = essentials.get_by_role("link", name="S'inscrire", exact=True)
        expect(button).to_be_visible()
        assert in_first_screen(button), name
        places = essentials.get_by_text(re.compile(r"30 places restantes"))
        assert in_first_screen(places), name
        assert in_first_screen(phone.get_by_text(re.compile(r"2030")).first), name  # the dates
        assert re.search(r"\d\s?€", essentials.inner_text()), name  # the price
        assert serious_accessibility_violations(phone) == [], name
        # The sidebar's box, far down on a phone, still has its own button.
        expect(phone.locator("#inscription").get_by_role("link", name="S'inscrire", exact=True)).to_have_count(1)


def test_a_past_seed_event_invites_nobody_to_register(live_server, phone, seeds):
    past = seeds["cnam"]  # registered on the organiser's site, in 2020
    assert past.registration_url
    phone.goto(live_server.url + past.get_absolute_url())
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    expect(phone.get_by_role("link", name=re.compile(r"S.inscrire"))).to_have_count(0)
    expect(phone.locator(f'a[href="{past.registration_url}"]')).to_have_count(0)
    expect(phone.locator("#inscription")).to_contain_text("Cet événement a eu lieu")


def test_the_catalogue_filters_fold_on_a_phone(live_server, phone, seeds):
    phone.goto(live_server.url + "/")
    filters = phone.locator("details.catalogue-filters")
    expect(filters.get_by_label("Département")).to_be_hidden()
    phone.get_by_text("Plus de filtres").click()
    expect(filters.get_by_label("Département")).to_be_visible()
    assert serious_accessibility_violations(phone) == []


def test_a_refused_form_focuses_its_linked_summary_and_says_erreur(live_server, phone, seeds):
    event = upcoming_copy(seeds["cluny"])
    phone.goto(live_server.url + f"/evenements/{event.slug}/inscription/")
    phone.get_by_role("button", name="M'inscrire").click()
    expect(phone).to_have_title(re.compile(r"^Erreur : "))
    summary = phone.locator("#resume-erreurs")
    expect(summary).to_be_focused()
    assert in_first_screen(summary.get_by_role("heading"))
    assert serious_accessibility_violations(phone) == []
    summary.get_by_role("link", name=re.compile(r"^Prénom")).click()
    expect(phone.get_by_label("Prénom")).to_be_focused()


def test_the_login_page_leads_to_the_code_and_passes_axe(live_server, phone, seeds):
    phone.goto(live_server.url + "/compte/login/")
    code = phone.get_by_role("link", name="Recevoir un code de connexion")
    assert in_first_screen(code)
    assert code.bounding_box()["y"] < phone.get_by_label("Mot de passe").bounding_box()["y"]
    assert serious_accessibility_violations(phone) == []
    phone.get_by_label("Courriel").fill("personne@example.org")
    phone.get_by_label("Mot de passe").fill("pas-le-bon")
    phone.get_by_role("button", name="Connexion").click()
    expect(phone).to_have_title(re.compile(r"^Erreur : "))
    expect(phone.locator("#resume-erreurs")).to_be_focused()


def test_on_a_wide_screen_the_filters_are_open_and_the_essentials_left_to_the_sidebar(live_server, page, seeds):
    page.goto(live_server.url + "/")
    expect(page.locator("details.catalogue-filters").get_by_label("Département")).to_be_visible()
    event = upcoming_copy(seeds["cluny"])
    page.goto(live_server.url + event.get_absolute_url())
    expect(page.locator("#essentiel")).to_be_hidden()
    expect(page.get_by_role("link", name="S'inscrire", exact=True)).to_have_count(1)  # the sidebar's, beside the title
