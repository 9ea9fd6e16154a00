"""Issue 3's journey: a professional registers in two minutes without a password and knows
at once whether they have a place; the person after them waits, then is offered the place
the first one gives up. axe-core checks the pages they see on the way."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.registrations import configuration
from rencontres.registrations.enums import QuestionKind
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import Registration
from tests.browser.conftest import serious_accessibility_violations
from tests.registrations.builders import add_tier, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}")


@pytest.fixture
def event(organization):
    """One place, two ways to pay, a workshop with its own places and a question of the organiser."""
    event = make_event(organization, title="Journée des pratiques d'accueil", capacity=1)
    add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=12000, label="Prise en charge employeur")
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=4000, label="Inscription individuelle")
    day = event.days.get()
    workshop = event_services.add_session(
        day=day, title="Atelier accueil inconditionnel", start_time=dt.time(14), end_time=dt.time(16), capacity=2
    )
    configuration.add_question(event=event, label="Avez-vous un besoin d'accessibilité ?", kind=QuestionKind.TEXT)
    event.workshop = workshop  # for the test's assertions
    return event


@pytest.fixture
def new_visitor(browser):
    """A page in a browser context of its own (another person), closed after the test.

    Closing matters on PostgreSQL: an open context keeps the live server's threads, and so
    their database connections, alive until the test database is dropped."""
    contexts = []

    def open_page():
        contexts.append(browser.new_context(locale="fr-FR", timezone_id="Europe/Paris"))
        page = contexts[-1].new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def fill_identity(page, first, last, email, job):
    page.get_by_label("Prénom").fill(first)
    page.get_by_label("Nom", exact=True).fill(last)
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Fonction").fill(job)


def choose(page, role: str, name: str) -> None:
    """Tick a DSFR radio button or checkbox as a person does: by clicking its label (the input itself is drawn over)."""
    option = page.get_by_role(role, name=re.compile(name))
    page.locator(f"label[for='{option.get_attribute('id')}']").click()
    expect(option).to_be_checked()


def code_from_last_email_to(address: str) -> str:
    message = [m for m in mail.outbox if m.to == [address]][-1]
    return next(line.strip() for line in message.body.splitlines() if CODE.fullmatch(line.strip()))


def test_a_professional_registers_without_password_then_frees_the_place_for_the_next(
    live_server, page, new_visitor, event, alice
):
    base = live_server.url
    page.set_default_timeout(10_000)
    mail.outbox.clear()

    # 1. The first visitor sees one place left and registers, paid by her employer.
    page.goto(base + event.get_absolute_url())
    box = page.locator("#inscription")
    expect(box).to_contain_text("1 place restante")
    box.get_by_role("link", name="S'inscrire").click()
    expect(page.get_by_role("heading", level=1, name="S'inscrire : Journée des pratiques d'accueil")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    fill_identity(page, "Anne", "Durand", "anne.durand@example.org", "assistante sociale")
    page.get_by_role("textbox", name=re.compile(r"^Employeur")).fill("CCAS de Bobigny")
    page.get_by_label("Adresse de l'employeur").fill("1 place de la Mairie, 93000 Bobigny")
    choose(page, "radio", r"^Prise en charge employeur — 120\s€")
    page.get_by_label("Adresse du contact chez le financeur").fill("rh@ccas-bobigny.example.org")
    page.get_by_label("Avez-vous un besoin d'accessibilité ?").fill("Une place près de la sortie.")
    choose(page, "checkbox", "Atelier accueil inconditionnel — 2 places restantes")
    page.get_by_role("button", name="M'inscrire").click()

    heading = page.get_by_role("heading", level=1, name="Votre inscription : Journée des pratiques d'accueil")
    expect(heading).to_be_visible()
    expect(page.get_by_text("Inscription confirmée")).to_be_visible()
    expect(page.get_by_text("Votre place est réservée.")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    anne = Registration.objects.get(email="anne.durand@example.org")
    assert anne.state == S.CONFIRMED
    assert (anne.first_name, anne.last_name, anne.job_title, anne.employer_name) == (
        "Anne",
        "Durand",
        "assistante sociale",
        "CCAS de Bobigny",
    )
    assert (anne.payer_kind, anne.amount_cents, anne.payer_contact_email) == (
        PayerKind.EMPLOYER,
        12000,
        "rh@ccas-bobigny.example.org",
    )
    assert [c.session for c in anne.session_choices.all()] == [event.workshop]
    assert [(a.question.label, a.value) for a in anne.answers.all()] == [
        ("Avez-vous un besoin d'accessibilité ?", "Une place près de la sortie.")
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["anne.durand@example.org", "rh@ccas-bobigny.example.org"]

    # 2. A second visitor, in another browser, finds the event full and joins the waiting list.
    other = new_visitor()
    other.goto(base + event.get_absolute_url())
    expect(other.locator("#inscription")).to_contain_text("Complet")
    other.get_by_role("link", name="S'inscrire sur la liste d'attente").click()
    expect(other.get_by_text("Complet : vous serez inscrit·e sur la liste d'attente")).to_be_visible()
    fill_identity(other, "Bruno", "Petit", "bruno.petit@example.org", "éducateur spécialisé")
    choose(other, "radio", r"^Inscription individuelle — 40\s€")
    other.get_by_role("button", name="M'inscrire sur la liste d'attente").click()
    expect(other.get_by_text("Liste d'attente : position 1")).to_be_visible()
    expect(other.get_by_text("vous êtes en position 1 sur la liste d'attente")).to_be_visible()
    assert serious_accessibility_violations(other) == []
    bruno = Registration.objects.get(email="bruno.petit@example.org")
    assert (bruno.state, bruno.payer_kind, bruno.amount_cents) == (S.WAITING, PayerKind.INDIVIDUAL, 4000)

    # 3. The first visitor signs in with a code sent to her address, reaches her space and cancels.
    page.get_by_role("link", name="Mon espace").click()
    expect(page.get_by_role("heading", level=1, name="Connexion")).to_be_visible()
    page.get_by_role("link", name="Recevoir un code de connexion").click()
    page.get_by_label("Courriel").fill("anne.durand@example.org")
    page.get_by_role("button", name="Demander un code").click()
    page.get_by_label("Code").fill(code_from_last_email_to("anne.durand@example.org"))
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("heading", level=1, name="Mes inscriptions")).to_be_visible()
    expect(page.get_by_text("Inscription confirmée")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    mail.outbox.clear()
    page.get_by_role("link", name="Annuler mon inscription à « Journée des pratiques d'accueil »").click()
    expect(page.get_by_role("heading", level=1, name="Annuler votre inscription")).to_be_visible()
    expect(page.get_by_text("rh@ccas-bobigny.example.org")).to_be_visible()  # the payer will be told
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Confirmer l'annulation").click()
    expect(page.get_by_text("Votre inscription à « Journée des pratiques d'accueil » est annulée.")).to_be_visible()
    assert Registration.objects.get(pk=anne.pk).state == S.CANCELLED

    # 4. The place goes to the person waiting, who is told by email and takes it from his space.
    bruno.refresh_from_db()
    assert bruno.state == S.OFFERED and bruno.offer_expires_at is not None
    (offer,) = [m for m in mail.outbox if m.to == ["bruno.petit@example.org"]]
    assert offer.subject == "[Rencontres] Une place s'est libérée : Journée des pratiques d'accueil"
    assert reverse("site:my_space") in offer.body

    other.goto(base + reverse("site:my_space"))
    other.get_by_role("link", name="Recevoir un code de connexion").click()
    other.get_by_label("Courriel").fill("bruno.petit@example.org")
    other.get_by_role("button", name="Demander un code").click()
    expect(other.get_by_role("heading", level=1, name="Entrez le code de connexion")).to_be_visible()
    expect(other).to_have_title(re.compile("^Connexion — "))  # allauth's heading block once replaced <title>
    assert serious_accessibility_violations(other) == []
    other.get_by_label("Code").fill(code_from_last_email_to("bruno.petit@example.org"))
    other.get_by_role("button", name="Confirmer").click()
    expect(other.get_by_text("Place proposée : à confirmer avant le")).to_be_visible()
    other.get_by_role("button", name="Confirmer ma place").click()
    expect(other.get_by_text("Votre place est confirmée.")).to_be_visible()
    expect(other.get_by_text("Inscription confirmée")).to_be_visible()
    assert Registration.objects.get(pk=bruno.pk).state == S.CONFIRMED

    # 5. The organiser sees both registrations, as they now stand, on her page.
    organiser = new_visitor()
    organiser.goto(f"{base}/compte/login/")
    organiser.get_by_label("Courriel").fill("alice@example.org")
    organiser.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    organiser.get_by_role("button", name="Connexion").click()
    expect(organiser.get_by_role("heading", name="Mes événements")).to_be_visible()
    organiser.goto(base + reverse("backoffice:registrations", args=[event.id]))
    rows = organiser.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Anne Durand")).to_contain_text("annulée")
    expect(rows.filter(has_text="Bruno Petit")).to_contain_text("inscription confirmée")
    assert serious_accessibility_violations(organiser) == []
