"""Application files without organiser approval (seed 004): the file is asked, places go in order of arrival."""

import html

import pytest
from django.urls import reverse

from rencontres.registrations import configuration
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import EventRegistrationSettings, Registration
from tests.registrations.builders import add_tier, docx_file, make_event, odt_file, pdf_file

pytestmark = pytest.mark.django_db

PIECES = "CV\nLettre de motivation\nFiche d'inscription"


def person(n: int) -> dict:
    return {"first_name": "Anne", "last_name": f"Durand {n}", "email": f"anne{n}@example.org", "job_title": "chargée"}


def files() -> dict:
    return {"application_0": pdf_file(), "application_1": docx_file(), "application_2": odt_file()}


def file_event(organization, *, approval: bool, capacity=1):
    event = make_event(organization, capacity=capacity)
    configuration.save_settings(event=event, requires_application=approval, application_files=PIECES)
    return event


def page(client, event) -> str:
    return html.unescape(client.get(reverse("site:register", args=[event.slug])).content.decode())


def test_without_approval_the_file_is_asked_and_the_first_gets_the_place_the_next_waits(
    client, organization, mailoutbox, after_commit
):
    event = file_event(organization, approval=False)
    form = page(client, event)
    assert "Fiche d'inscription" in form and "enregistrées dans l'ordre d'arrivée" in form
    assert "sera examinée par l'organisateur" not in form

    with after_commit():
        client.post(reverse("site:register", args=[event.slug]), {**person(1), **files()})
        client.post(reverse("site:register", args=[event.slug]), {**person(2), **files()})

    first, second = Registration.objects.order_by("id")
    assert (first.state, second.state) == (RegistrationState.CONFIRMED, RegistrationState.WAITING)
    assert [f.label for f in first.application_files.all()] == ["CV", "Lettre de motivation", "Fiche d'inscription"]
    acknowledgement = next(m for m in mailoutbox if m.to == [first.email])
    assert "Votre dossier est bien reçu : CV, Lettre de motivation, Fiche d'inscription." in acknowledgement.body
    assert "confirmée" in acknowledgement.subject


def test_with_approval_the_same_file_makes_a_pending_application(client, organization):
    event = file_event(organization, approval=True, capacity=5)
    assert "sera examinée par l'organisateur" in page(client, event)
    client.post(reverse("site:register", args=[event.slug]), {**person(1), **files()})
    assert Registration.objects.get().state == RegistrationState.PENDING


def test_without_approval_a_missing_piece_is_still_refused_in_french(client, organization):
    event = file_event(organization, approval=False)
    response = client.post(reverse("site:register", args=[event.slug]), {**person(1), "application_0": pdf_file()})
    assert response.status_code == 400
    assert "Joignez la pièce « Lettre de motivation »" in html.unescape(response.content.decode())
    assert not Registration.objects.exists()


def test_the_payers_acknowledgement_names_the_file_received(client, organization, mailoutbox, after_commit):
    event = file_event(organization, approval=False, capacity=5)
    tier = add_tier(event, payer_kind="employer", amount_cents=300000)
    with after_commit():
        client.post(
            reverse("site:register", args=[event.slug]),
            {
                **person(1),
                **files(),
                "price_tier": tier.id,
                "employer_name": "Compagnie La Traversée",
                "employer_address": "93100 Montreuil",
                "payer_contact_email": "rh@traversee.example",
            },
        )
    to_payer = next(m for m in mailoutbox if m.to == ["rh@traversee.example"])
    assert "Dossier reçu : CV, Lettre de motivation, Fiche d'inscription" in to_payer.body


def test_the_api_sends_people_to_the_web_form_even_without_approval(client, organization):
    event = file_event(organization, approval=False)
    response = client.post(f"/api/events/{event.slug}/registrations", person(1), content_type="application/json")
    assert response.status_code == 422 and "CV, Lettre de motivation" in response.json()["detail"]


def test_the_organiser_asks_for_the_file_without_examining_applications(client, alice, organization):
    event = make_event(organization)
    client.force_login(alice)
    response = client.post(
        reverse("backoffice:registration_setup", args=[event.id]), {"application_files": PIECES, "offer_hours": "48"}
    )
    assert response.status_code == 302
    saved = EventRegistrationSettings.objects.get(event=event)
    assert (saved.requires_application, saved.application_file_labels) == (
        False,
        ["CV", "Lettre de motivation", "Fiche d'inscription"],
    )
