"""Issue 11, points 5 and 11: what a phone shows first, past events, forms that help the person filling them."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from selectolax.lexbor import LexborHTMLParser

from rencontres.backoffice.forms.events import SessionForm
from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.organizations.enums import Role
from rencontres.registrations import availability
from rencontres.registrations.enums import AvailabilityState
from rencontres.registrations.models import Registration
from rencontres.site.forms.registration import RegistrationForm
from tests.factories import make_member
from tests.registrations.builders import add_tier, make_event, register

pytestmark = pytest.mark.django_db

PAST_DAY = dt.date(2021, 6, 15)


def html(response) -> LexborHTMLParser:
    return LexborHTMLParser(response.content.decode())


def title(response) -> str:
    return html(response).css_first("title").text().strip()


def event_page(client, event):
    return client.get(event.get_absolute_url())


# Past events


def test_a_past_event_with_an_external_link_is_past_not_external(organization):
    event = make_event(organization, days=(PAST_DAY,), registration_url="https://example.org/form")
    assert availability.event_availability(event).state == AvailabilityState.PAST


def test_the_day_after_the_last_day_an_event_is_past(organization):
    event = make_event(organization, days=(dt.date(2030, 3, 14), dt.date(2030, 3, 15)), capacity=10)
    with time_machine.travel(dt.datetime(2030, 3, 15, 20, tzinfo=dt.UTC)):
        assert availability.event_availability(event).state == AvailabilityState.OPEN
    with time_machine.travel(dt.datetime(2030, 3, 16, 8, tzinfo=dt.UTC)):
        assert availability.event_availability(event).state == AvailabilityState.PAST


def test_a_past_event_page_never_invites_to_register(client, organization):
    external = make_event(organization, title="Passée ailleurs", days=(PAST_DAY,), registration_url="https://ex.org/f")
    here = make_event(organization, title="Passée ici", days=(PAST_DAY,), capacity=20)
    for event in (external, here):
        page = event_page(client, event).content.decode()
        assert "S'inscrire" not in page and "S&#x27;inscrire" not in page
        assert "https://ex.org/f" not in page
        assert "Cet événement a eu lieu" in page


def test_the_register_form_of_a_past_event_refuses_with_a_french_message(client, organization):
    event = make_event(organization, days=(PAST_DAY,), registration_url="https://example.org/form")
    response = client.get(reverse("site:register", args=[event.slug]))
    assert response.status_code == 200  # no redirection to the organiser's form any more
    assert "Cet événement a eu lieu" in response.content.decode()
    assert html(response).css("form[enctype]") == []


# The event page's first screen


def test_the_event_page_gives_price_places_and_button_right_under_the_dates(client, organization):
    event = make_event(organization, capacity=30, description="Long texte.\n\n" * 40)
    add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=300000, label="Employeur")
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000, label="La personne")
    page = event_page(client, event).content.decode()
    essentials = LexborHTMLParser(page).css_first("#essentiel")
    text = " ".join(essentials.text().split())
    assert "de 1 500 € à 3 000 €" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "30 places restantes" in text
    assert essentials.css_first("a.fr-btn").attributes["href"] == reverse("site:register", args=[event.slug])
    # Before the description, so before the programme on a phone.
    assert page.index('id="essentiel"') < page.index("Présentation")


def test_a_free_full_event_says_free_and_full_and_offers_the_waiting_list(client, organization):
    event = make_event(organization, capacity=1)
    register(event)
    essentials = html(event_page(client, event)).css_first("#essentiel")
    assert "Gratuit" in essentials.text() and "Complet" in essentials.text()
    assert "liste d'attente" in essentials.css_first("a.fr-btn").text()


def test_the_places_heading_is_set_apart_from_the_vat_note(client, organization):
    event = make_event(organization, capacity=30)
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=4000)
    places = [h for h in html(event_page(client, event)).css("h2") if h.text().strip() == "Places"]
    assert "fr-mt-3w" in places[0].attributes["class"]


def test_descriptions_and_bios_render_lists(client, organization):
    event = make_event(organization, description="Au programme :\n- l'accueil\n- l'orientation")
    event_services.add_speaker(event=event, name="Jeanne Martin", bio="Parcours :\n- CCAS\n- département")
    page = html(event_page(client, event))
    items = [li.text() for li in page.css("main li")]
    assert "l'accueil" in items and "CCAS" in items


# Catalogue, login, forms


def test_catalogue_filters_fold_and_open_when_one_is_set(client):
    folded = html(client.get(reverse("site:catalogue"))).css_first("details.catalogue-filters")
    assert folded is not None and "open" not in folded.attributes
    assert folded.css_first("#id_departement") is not None
    opened = html(client.get(reverse("site:catalogue"), {"departement": "93"})).css_first("details.catalogue-filters")
    assert "open" in opened.attributes


def test_the_login_page_offers_the_code_before_the_password(client):
    page = client.get(reverse("account_login")).content.decode()
    assert page.index("Recevoir un code de connexion") < page.index('name="password"')
    assert "merci de vous enregistrer" not in page.lower()


def test_the_registration_form_tells_the_browser_what_each_field_is(organization):
    event = make_event(organization, capacity=3)
    add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=30000)  # paid: the form asks for the employer
    form = RegistrationForm(event=event)
    expected = {
        "first_name": "given-name",
        "last_name": "family-name",
        "email": "email",
        "job_title": "organization-title",
        "employer_name": "organization",
        "employer_address": "street-address",
    }
    rendered = str(form.as_div())
    for name, token in expected.items():
        assert re.search(
            rf'name="{name}"[^>]*autocomplete="{token}"|autocomplete="{token}"[^>]*name="{name}"', rendered
        )


def test_the_session_form_says_intervenants_in_french(organization):
    event = make_event(organization)
    form = SessionForm(event=event)
    assert form.fields["speakers"].label == "Intervenants"


# The error summary: one for every form page


def test_a_refused_registration_lists_linked_errors_and_says_erreur_in_the_title(client, organization):
    event = make_event(organization, capacity=3)
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=4000)
    response = client.post(reverse("site:register", args=[event.slug]), {"email": "pas-une-adresse"})
    assert response.status_code == 400
    assert title(response).startswith("Erreur :")
    page = html(response)
    summary = page.css_first("#resume-erreurs")
    assert "autofocus" in summary.attributes and summary.attributes["tabindex"] == "-1"
    targets = [a.attributes["href"] for a in summary.css("a")]
    assert "#id_first_name" in targets and "#id_email" in targets
    assert "#id_price_tier_0" in targets  # a radio group's link lands on its first option
    for target in targets:
        assert page.css_first(target) is not None, target
    assert not Registration.objects.exists()


def test_a_page_without_errors_has_no_summary_nor_erreur(client, organization):
    event = make_event(organization, capacity=3)
    response = client.get(reverse("site:register", args=[event.slug]))
    assert not title(response).startswith("Erreur")
    assert html(response).css_first("#resume-erreurs") is None


def test_a_wrong_password_gets_the_same_summary(client, alice):
    response = client.post(reverse("account_login"), {"login": alice.email, "password": "pas-le-bon"})
    assert title(response).startswith("Erreur :")
    summary = html(response).css_first("#resume-erreurs")
    assert "incorrects" in summary.text()
    assert len(html(response).css(".fr-alert--error")) == 1  # shown once, not also by the form


def test_a_back_office_form_gets_the_same_summary(client, organization):
    client.force_login(make_member(organization, "adele@example.org", role=Role.ADMIN))
    response = client.post(
        reverse("backoffice:organization_members", args=[organization.id]),
        {"email": "pas-une-adresse", "role": "editor"},
    )
    assert title(response).startswith("Erreur :")
    summary = html(response).css_first("#resume-erreurs")
    assert summary.css_first('a[href="#id_email"]') is not None
    assert len(html(response).css(".fr-alert--error")) == 1
