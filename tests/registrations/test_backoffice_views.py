import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from rencontres.events.enums import EventStatus, PayerKind
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import EventRegistrationSettings, Invitation, Paperwork, Question

from .builders import add_tier, make_event, pdf_file, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(organization):
    return make_event(organization, capacity=2)


def manage_url(event):
    return reverse("backoffice:registrations", args=[event.id])


def test_the_organiser_sees_registrations_with_counts(client, alice, event, django_assert_max_num_queries):
    for _ in range(4):
        register(event)
    client.force_login(alice)
    with django_assert_max_num_queries(20):
        response = client.get(manage_url(event))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Places libres : 0" in page and "Liste d'attente : 2" in page
    assert "Aucune inscription pour le moment." not in page


def test_an_event_without_registrations_says_so(client, alice, event):
    client.force_login(alice)
    assert "Aucune inscription pour le moment." in client.get(manage_url(event)).content.decode()


def test_an_outsider_gets_404_on_every_organiser_page(client, charlie, event):
    registration = register(event)
    client.force_login(charlie)
    for name in ["registrations", "export_csv", "export_xlsx", "write", "registration_setup"]:
        assert client.get(reverse(f"backoffice:{name}", args=[event.id])).status_code == 404, name
    assert client.get(reverse("backoffice:registration_detail", args=[registration.id])).status_code == 404
    assert client.post(reverse("backoffice:registration_act", args=[registration.id, "annuler"])).status_code == 404
    registration.refresh_from_db()
    assert registration.state == S.CONFIRMED


def test_an_anonymous_visitor_is_sent_to_sign_in(client, event):
    assert client.get(manage_url(event)).status_code == 302


def test_a_colleague_may_manage(client, bob, event):
    client.force_login(bob)
    assert client.get(manage_url(event)).status_code == 200


def test_filters_by_state(client, alice, event):
    register(event, "first@example.org")
    register(event, "second@example.org")
    register(event, "third@example.org")
    client.force_login(alice)
    page = client.get(manage_url(event), {"etat": "waiting"}).content.decode()
    assert "third@example.org" in page and "first@example.org" not in page


def test_cancelling_from_the_back_office_promotes_the_first_waiting(client, alice, event):
    first = register(event)
    register(event)
    waiting = register(event)
    client.force_login(alice)
    client.post(reverse("backoffice:registration_act", args=[first.id, "annuler"]))
    waiting.refresh_from_db()
    assert waiting.state == S.OFFERED
    assert waiting.log_entries.last().to_state == S.OFFERED


def test_accept_and_refuse_applications(client, alice, event):
    EventRegistrationSettings.objects.create(event=event, requires_application=True)
    yes, no = register(event), register(event)
    client.force_login(alice)
    client.post(reverse("backoffice:registration_act", args=[yes.id, "accepter"]))
    client.post(reverse("backoffice:registration_act", args=[no.id, "refuser"]))
    yes.refresh_from_db()
    no.refresh_from_db()
    assert (yes.state, no.state) == (S.CONFIRMED, S.REFUSED)
    assert yes.log_entries.last().actor == alice


def test_promoting_without_a_free_place_says_why(client, alice, event):
    register(event)
    register(event)
    waiting = register(event)
    client.force_login(alice)
    response = client.post(reverse("backoffice:registration_act", args=[waiting.id, "proposer-place"]), follow=True)
    assert "Aucune place n&#x27;est libre" in response.content.decode()


def test_recording_the_commitment_and_seeing_who_has_not_sent_it(client, alice, event):
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    sent = register(event, "sent@example.org", price_tier=tier)
    register(event, "late@example.org", price_tier=tier)
    client.force_login(alice)
    client.post(reverse("backoffice:registration_act", args=[sent.id, "engagement"]), {"received_on": "2030-02-01"})
    sent.refresh_from_db()
    assert sent.commitment_received_at.date().isoformat() == "2030-02-01"
    page = client.get(manage_url(event), {"sans_engagement": "on"}).content.decode()
    assert "late@example.org" in page and "sent@example.org" not in page


def test_a_bad_commitment_date_is_refused_in_french(client, alice, event):
    registration = register(event)
    client.force_login(alice)
    response = client.post(
        reverse("backoffice:registration_act", args=[registration.id, "engagement"]),
        {"received_on": "hier"},
        follow=True,
    )
    assert "Saisissez une date valide" in response.content.decode()
    registration.refresh_from_db()
    assert registration.commitment_received_at is None


def test_csv_and_xlsx_exports(client, alice, event):
    register(event, "anne@example.org", first_name='=HYPERLINK("x")')
    client.force_login(alice)
    response = client.get(reverse("backoffice:export_csv", args=[event.id]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["N°", "État", "Prénom"]
    assert rows[1][2].startswith("'=")  # a formula in a name is never run by the spreadsheet
    response = client.get(reverse("backoffice:export_xlsx", args=[event.id]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["E2"].value == "anne@example.org"


def test_writing_to_everyone_registered(client, alice, event, after_commit):
    register(event, "a@example.org")
    register(event, "b@example.org")
    register(event, "waiting@example.org")
    client.force_login(alice)
    with after_commit():
        client.post(
            reverse("backoffice:write", args=[event.id]),
            {"subject": "Salle changée", "body": "Rendez-vous salle B.", "states": ["confirmed"]},
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert "Rendez-vous salle B." in mail.outbox[0].body


def test_an_empty_message_is_refused(client, alice, event):
    client.force_login(alice)
    response = client.post(reverse("backoffice:write", args=[event.id]), {"subject": "Objet", "body": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Écrivez le message à envoyer" in page and 'value="Objet"' in page


def test_settings_questions_and_invitations(client, alice, event):
    client.force_login(alice)
    client.post(
        reverse("backoffice:registration_setup", args=[event.id]),
        {"requires_application": "on", "application_files": "CV", "offer_hours": "24"},
    )
    assert EventRegistrationSettings.objects.get(event=event).offer_hours == 24
    client.post(
        reverse("backoffice:question_add", args=[event.id]),
        {"question-label": "Régime", "question-kind": "choice", "question-choices": "Aucun\nVégétarien"},
    )
    assert Question.objects.get(event=event).choice_list == ["Aucun", "Végétarien"]
    client.post(
        reverse("backoffice:invitations_add", args=[event.id]), {"invitation-emails": "A@example.org, b@example.org"}
    )
    assert sorted(Invitation.objects.values_list("email", flat=True)) == ["a@example.org", "b@example.org"]


@pytest.mark.parametrize(
    "view, data, message",
    [
        ("registration_setup", {"offer_hours": "0"}, "entre 1 heure et 720 heures"),
        ("registration_setup", {"offer_hours": "24", "application_files": "x" * 151}, "150 caractères au plus"),
        (
            "registration_setup",
            {"offer_hours": "24", "application_files": "\n".join(f"Pièce {i}" for i in range(11))},
            "au plus 10 pièces",
        ),
        ("registration_setup", {"offer_hours": "24", "minimum_decision_on": "31/02/2030"}, "Saisissez une date valide"),
        (
            "question_add",
            {"question-label": "Régime", "question-kind": "choice", "question-choices": "Un seul"},
            "au moins deux choix",
        ),
        ("question_add", {"question-label": "", "question-kind": "text"}, "Écrivez la question"),
        ("invitations_add", {"invitation-emails": "ok@example.org, pas-une-adresse"}, "pas-une-adresse"),
    ],
)
def test_setup_forms_refuse_bad_input_in_french(client, alice, event, view, data, message):
    client.force_login(alice)
    response = client.post(reverse(f"backoffice:{view}", args=[event.id]), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_minimum_decision_cancels_the_event_and_tells_everyone(client, alice, organization, after_commit):
    event = make_event(organization, capacity=10, capacity_min=5)
    register(event, "a@example.org")
    client.force_login(alice)
    with after_commit():
        client.post(reverse("backoffice:decide", args=[event.id]), {"decision": "annuler", "reason": "Trop peu"})
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert mail.outbox[0].to == ["a@example.org"] and "annulé" in mail.outbox[0].subject


def test_the_organiser_downloads_an_application_file_but_charlie_cannot(client, alice, charlie, event):
    registration = register(event, application_files=[("CV", pdf_file())])
    piece = registration.application_files.get()
    client.force_login(charlie)
    assert client.get(reverse("backoffice:application_file", args=[piece.id])).status_code == 404
    client.force_login(alice)
    response = client.get(reverse("backoffice:application_file", args=[piece.id]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    # A participant's upload can never run as a page of the site the organiser is signed in to.
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_a_decision_without_a_choice_is_refused_and_changes_nothing(client, alice, organization):
    event = make_event(organization, capacity=10, capacity_min=5)
    client.force_login(alice)
    response = client.post(reverse("backoffice:decide", args=[event.id]), {"reason": "x"}, follow=True)
    assert "Choisissez de maintenir ou d&#x27;annuler" in response.content.decode()
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


def test_the_list_costs_the_same_queries_whatever_the_number_of_registrations(client, alice, event):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alice)
    register(event)
    with CaptureQueriesContext(connection) as few:
        client.get(manage_url(event))
    for _ in range(6):
        register(event, application_files=[("CV", pdf_file())])
    with CaptureQueriesContext(connection) as many:
        client.get(manage_url(event))
    assert len(many) == len(few)


def test_every_organiser_page_renders(client, alice, organization):
    event = make_event(organization, capacity=1, capacity_min=1)
    EventRegistrationSettings.objects.create(event=event, requires_application=True, application_files="CV")
    Question.objects.create(event=event, label="Régime", kind="choice", choices="A\nB")
    tier = add_tier(event, payer_kind=PayerKind.OPCO, amount_cents=300000)
    registration = register(
        event,
        price_tier=tier,
        payer_name="Uniformation",
        payer_contact_email="c@opco.fr",
        application_files=[("CV", pdf_file())],
    )
    client.force_login(alice)
    for response in [
        client.get(manage_url(event)),
        client.get(reverse("backoffice:registration_setup", args=[event.id])),
        client.get(reverse("backoffice:write", args=[event.id])),
        client.get(reverse("backoffice:registration_detail", args=[registration.id])),
        client.get(reverse("site:register", args=[event.slug])),
        client.post(reverse("backoffice:registration_paper", args=[registration.id, "convention"])),
    ]:
        assert response.status_code == 200


def test_the_organiser_cannot_issue_an_agreement_number_with_a_get(client, alice, organization):
    event = make_event(organization, capacity=3)
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    registration = register(event, price_tier=tier)
    client.force_login(alice)

    response = client.get(reverse("backoffice:registration_paper", args=[registration.id, "convention"]))

    assert response.status_code == 405
    assert not Paperwork.objects.exists()


def test_payers_are_counted_under_the_labels_of_their_kind(client, alice, organization):
    event = make_event(organization, capacity=3)
    opco = add_tier(event, payer_kind=PayerKind.OPCO, amount_cents=150000)
    free = add_tier(event)
    register(event, price_tier=opco, payer_name="Uniformation", payer_contact_email="c@opco.fr")
    register(event, price_tier=free)
    client.force_login(alice)

    page = client.get(manage_url(event)).content.decode()

    assert "<li>OPCO : 1</li>" in page and "<li>Gratuit : 1</li>" in page


def test_a_training_body_missing_its_siret_is_warned_before_it_issues_a_paper(client, alice, organization):
    """Issue 11, point 1: warned before a paper is issued, not only on the dashboard."""
    organization.is_training_body, organization.siret = True, ""
    organization.save(update_fields=["is_training_body", "siret"])
    event = make_event(organization, capacity=3)
    registration = register(event, price_tier=add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=85000))
    client.force_login(alice)
    detail = reverse("backoffice:registration_detail", args=[registration.id])

    assert "Il manque à votre organisme le SIRET" in client.get(detail).content.decode()

    organization.siret, organization.training_body_number = "21710270600015", "26710000171"
    organization.street, organization.postcode, organization.city = "1 place de l'Hôtel de Ville", "71000", "Mâcon"
    organization.save()
    assert "Il manque à votre organisme" not in client.get(detail).content.decode()
