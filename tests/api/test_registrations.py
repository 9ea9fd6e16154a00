"""Registering through the API follows the web form's rules, and answers in French what to fix."""

import datetime as dt

import pytest
import time_machine

from rencontres.events.enums import PayerKind
from rencontres.registrations import configuration
from rencontres.registrations.enums import QuestionKind
from rencontres.registrations.models import Registration

from .builders import add_tier, make_event, payload, register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _before_the_events():
    """The events of these tests are in March 2030; registrations are open in January."""
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        yield


def post(client, event, body):
    return client.post(f"/api/events/{event.slug}/registrations", body, content_type="application/json")


def test_registering_takes_a_free_place(client, organization):
    event = make_event(organization, capacity=2)

    response = post(client, event, payload(email="Camille.Martin@Example.org "))

    assert response.status_code == 201
    body = response.json()
    assert (body["state"], body["created"], body["waiting_position"]) == ("confirmed", True, None)
    registration = Registration.objects.get(id=body["id"])
    assert registration.email == "camille.martin@example.org"
    assert "camille.martin@example.org" in body["message"]


def test_a_full_event_puts_the_person_on_the_waiting_list(client, organization):
    event = make_event(organization, capacity=1)
    register(event)

    body = post(client, event, payload()).json()

    assert (body["state"], body["waiting_position"]) == ("waiting", 1)
    assert "liste d'attente" in body["message"]


def test_submitting_twice_returns_the_same_registration(client, organization):
    event = make_event(organization, capacity=10)
    first = post(client, event, payload(email="dominique@example.org"))

    second = post(client, event, payload(email="DOMINIQUE@example.org", first_name="Autre"))

    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["created"] is False
    assert Registration.objects.filter(event=event).count() == 1


def test_an_invitation_only_event_refuses_an_address_not_invited(client, organization):
    event = make_event(organization, is_invitation_only=True)
    configuration.add_invitations(event=event, emails=["invitee@example.org"])

    refused = post(client, event, payload(email="curieux@example.org"))
    accepted = post(client, event, payload(email="invitee@example.org"))

    assert refused.status_code == 400
    assert "n'a pas été invitée" in refused.json()["detail"]
    assert refused.json()["errors"][0]["field"] == "email"
    assert accepted.status_code == 201


def test_closed_registrations_are_refused_with_a_400(client, organization):
    event = make_event(organization, registration_closes_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))

    response = post(client, event, payload())

    assert response.status_code == 400
    assert response.json()["detail"] == "Les inscriptions à cet événement sont closes."


def test_a_bad_email_gets_a_422_saying_what_to_fix(client, organization):
    event = make_event(organization)

    response = post(client, event, payload(email="camille-at-example"))

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "email", "message": "Saisissez une adresse électronique complète, par exemple nom@domaine.fr."}
    ]
    assert not Registration.objects.exists()


def test_an_unknown_price_tier_is_refused_and_the_valid_ones_are_named(client, organization):
    event = make_event(organization)
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=15000)
    other_event_tier = add_tier(make_event(organization))

    response = post(client, event, payload(price_tier=other_event_tier.id))

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "price_tier"
    assert error["message"] == f"Choisissez l'un des tarifs proposés. Tarifs de cet événement : {tier.id}."


def test_a_missing_payer_is_refused_like_in_the_form(client, organization):
    event = make_event(organization)
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=15000)

    response = post(client, event, payload())

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("Choisissez qui paie l'inscription")


def test_an_employer_paying_needs_its_name_address_and_contact(client, organization):
    event = make_event(organization)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=85000)

    response = post(client, event, payload(price_tier=tier.id))

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {
        "employer_name",
        "employer_address",
        "payer_contact_email",
    }

    complete = payload(
        price_tier=tier.id,
        employer_name="CCAS de Bobigny",
        employer_address="1 rue de la Paix, Bobigny",
        payer_contact_email="rh@ccas.example.org",
        employer_siret="123 456 789 00012",
    )
    created = post(client, event, complete)
    assert created.status_code == 201
    registration = Registration.objects.get(id=created.json()["id"])
    assert (registration.amount_cents, registration.employer_siret) == (85000, "12345678900012")


def test_a_field_the_event_does_not_ask_for_is_refused(client, organization):
    event = make_event(organization)

    response = post(client, event, payload(price_tier=1, sessions=[1]))

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"price_tier", "sessions"}


def test_required_questions_are_answered_by_their_id(client, organization):
    event = make_event(organization)
    question = configuration.add_question(
        event=event, label="Régime alimentaire ?", kind=QuestionKind.TEXT, is_required=True
    )

    missing = post(client, event, payload())
    unknown = post(client, event, payload(answers={"999999": "x"}))
    answered = post(client, event, payload(answers={str(question.id): "végétarien"}))

    assert missing.status_code == 422
    assert missing.json()["errors"] == [
        {"field": f"answers.{question.id}", "message": "Répondez à la question « Régime alimentaire ? »."}
    ]
    assert unknown.status_code == 422
    assert answered.status_code == 201
    assert Registration.objects.get(id=answered.json()["id"]).answers.get().value == "végétarien"


def test_an_event_asking_for_files_sends_people_to_the_web_form(client, organization):
    event = make_event(organization)
    configuration.save_settings(event=event, requires_application=True, application_files="CV")

    response = post(client, event, payload())

    assert response.status_code == 422
    assert "formulaire en ligne" in response.json()["detail"]
    assert f"/evenements/{event.slug}/inscription/" in response.json()["detail"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"first_name": "A"}, "last_name"),
        ({**payload(), "email": 12}, "email"),
        ({**payload(), "first_name": "x" * 101}, "first_name"),
        ({**payload(), "price_tier": 2**70}, "price_tier"),
        ({**payload(), "last_name": "nul\x00"}, "last_name"),
    ],
)
def test_malformed_payloads_get_a_french_422(client, organization, body, field):
    event = make_event(organization)

    response = post(client, event, body)

    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}
    assert response.json()["detail"].startswith("Corrigez ces champs")


def test_a_body_that_is_not_json_gets_a_french_400(client, organization):
    event = make_event(organization)

    response = client.post(f"/api/events/{event.slug}/registrations", "{pas du json", content_type="application/json")

    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_registering_to_an_unknown_or_draft_event_is_a_404(client, organization):
    draft = make_event(organization, published=False)

    assert post(client, draft, payload()).status_code == 404
    response = client.post("/api/events/nexiste-pas/registrations", payload(), content_type="application/json")
    assert response.status_code == 404
    assert "nexiste-pas" in response.json()["detail"]


def test_registering_needs_no_csrf_token(organization):
    from django.test import Client

    event = make_event(organization)
    client = Client(enforce_csrf_checks=True)

    assert post(client, event, payload()).status_code == 201


def test_an_answer_outside_the_choices_or_blank_for_a_required_question_is_refused(client, organization):
    event = make_event(organization)
    meal = configuration.add_question(
        event=event, label="Repas ?", kind=QuestionKind.CHOICE, choices="Midi\nSoir", is_required=True
    )

    outside = post(client, event, payload(answers={str(meal.id): "Matin"}))
    blank = post(client, event, payload(answers={str(meal.id): "  "}))

    assert outside.status_code == blank.status_code == 422
    assert outside.json()["errors"] == [
        {
            "field": f"answers.{meal.id}",
            "message": "Répondez à la question « Repas ? » par l'un de ces choix : Midi, Soir.",
        }
    ]
    assert blank.json()["errors"] == [{"field": f"answers.{meal.id}", "message": "Répondez à la question « Repas ? »."}]
    assert not Registration.objects.exists()


def test_an_opco_paying_through_the_api_needs_its_name_as_in_the_form(client, organization):
    event = make_event(organization)
    opco = add_tier(event, payer_kind=PayerKind.OPCO, amount_cents=85000)

    response = post(client, event, payload(price_tier=opco.id, payer_contact_email="contact@opco.fr"))

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "payer_name", "message": "Indiquez le nom de l'OPCO qui finance l'inscription."}
    ]
