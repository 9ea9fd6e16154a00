"""Issue 11, point 2: free events never speak of quotes or agreements, nor ask who pays; a person
paying for their own training is offered a contract; month-only trainings are dated by months."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from rencontres.accounts.models import User
from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.registrations.models import Paperwork, Registration
from tests.registrations.builders import add_tier, make_event, register

pytestmark = pytest.mark.django_db

PERSON = {"first_name": "Anne", "last_name": "Durand", "email": "anne@example.org", "job_title": "éducatrice"}
PAPER_WORDS = ("devis", "convention", "qui paie", "financeur")


def _free_event(organization, *, with_free_tier=False):
    event = make_event(organization, capacity=30)
    if with_free_tier:
        add_tier(event, payer_kind=PayerKind.FREE, amount_cents=0, label="Gratuit")
    return event


def _mentions_paper(text: str) -> list[str]:
    return [word for word in PAPER_WORDS if word in text.lower()]


@pytest.mark.parametrize("with_free_tier", [False, True])
def test_a_free_event_page_and_form_never_mention_quotes_agreements_or_payers(client, organization, with_free_tier):
    event = _free_event(organization, with_free_tier=with_free_tier)

    page = client.get(event.get_absolute_url()).content.decode()
    form = client.get(reverse("site:register", args=[event.slug])).content.decode()

    assert _mentions_paper(page) == []
    assert _mentions_paper(form) == []
    assert 'name="employer_address"' not in form and 'name="price_tier"' not in form


def test_a_paid_event_form_still_asks_who_pays(client, organization):
    event = make_event(organization, capacity=30)
    add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=30000)

    form = client.get(reverse("site:register", args=[event.slug])).content.decode()

    assert "Votre employeur et qui paie" in form and 'name="price_tier"' in form


def test_registering_to_a_free_event_with_its_one_free_tier_needs_no_choice_and_mails_no_paper(
    client, organization, django_capture_on_commit_callbacks
):
    event = _free_event(organization, with_free_tier=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("site:register", args=[event.slug]), PERSON, follow=True)

    assert response.status_code == 200
    registration = Registration.objects.get(email="anne@example.org")
    assert registration.price_tier.label == "Gratuit" and registration.amount_cents == 0
    (message,) = mail.outbox
    assert _mentions_paper(message.body) == []
    assert _mentions_paper(message.alternatives[0][0]) == []
    assert "TVA" not in message.body and "Tarif" not in message.body  # no price line for a free place


def test_the_personal_space_of_a_free_registration_offers_no_paper(client, organization):
    event = _free_event(organization)
    register(event, "anne@example.org")
    client.force_login(User.objects.get(email="anne@example.org"))

    page = client.get(reverse("site:my_space")).content.decode()

    assert _mentions_paper(page) == []


def test_a_person_paying_for_themselves_gets_a_contract_from_their_space(client, organization):
    event = make_event(organization, capacity=3)
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    registration = register(event, "anne@example.org", price_tier=tier)
    client.force_login(User.objects.get(email="anne@example.org"))

    page = client.get(reverse("site:my_space")).content.decode()
    assert "Contrat de formation (PDF)" in page and "Convention de formation" not in page

    response = client.post(reverse("site:my_paper", args=[registration.id, "contrat"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert Paperwork.objects.get().number.startswith("CTR-")

    refused = client.post(reverse("site:my_paper", args=[registration.id, "convention"]), follow=True)
    assert "contrat de formation, pas une convention" in refused.content.decode()
    assert Paperwork.objects.count() == 1


def test_month_only_trainings_are_dated_by_months_on_the_form_and_in_emails(
    client, organization, django_capture_on_commit_callbacks
):
    event = make_event(organization, capacity=30, days=(), published=False)
    for date in (dt.date(2030, 11, 1), dt.date(2031, 6, 1)):
        event_services.add_day(event=event, date=date, is_month_only=True)
    event_services.publish_event(event=event)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=300000)

    form = client.get(reverse("site:register", args=[event.slug])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("site:register", args=[event.slug]),
            {
                **PERSON,
                "price_tier": tier.id,
                "employer_name": "CCAS de Bobigny",
                "employer_address": "1 rue de la Gare, 93000 Bobigny",
                "payer_contact_email": "rh@ccas.fr",
            },
        )

    assert "de novembre 2030 à juin 2031" in form and "1 novembre" not in form
    payer_email = next(m for m in mail.outbox if m.to == ["rh@ccas.fr"])
    assert "de novembre 2030 à juin 2031" in payer_email.body and "1 novembre" not in payer_email.body
