import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from rencontres.accounts.models import User
from rencontres.attendance.models import OnlineJoin
from rencontres.events.enums import PayerKind
from rencontres.events.models import Session
from rencontres.registrations import services
from rencontres.registrations.enums import QuestionKind
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import (
    EventRegistrationSettings,
    Invitation,
    Paperwork,
    PaperworkCounter,
    Question,
    Registration,
)
from tests.factories import prove_address

from .builders import add_tier, docx_file, fake_pdf, make_event, odt_file, pdf_file, register

pytestmark = pytest.mark.django_db

PERSON = {"first_name": "Anne", "last_name": "Durand", "email": "anne@example.org", "job_title": "éducatrice"}


def url(event):
    return reverse("site:register", args=[event.slug])


def test_the_form_registers_and_answers_at_once_with_the_place(client, organization, after_commit):
    event = make_event(organization, capacity=3)
    with after_commit():
        response = client.post(url(event), PERSON, follow=True)
    assert response.status_code == 200
    assert "Inscription confirmée" in response.content.decode()
    assert Registration.objects.get(email="anne@example.org").state == S.CONFIRMED
    assert mail.outbox[0].to == ["anne@example.org"]
    assert reverse("site:my_space") in mail.outbox[0].body


def test_a_full_event_shows_the_waiting_position(client, organization):
    event = make_event(organization, capacity=1)
    register(event)
    register(event)
    response = client.post(url(event), PERSON, follow=True)
    assert "position 2" in response.content.decode()


def test_double_submitting_the_form_creates_one_registration(client, organization):
    event = make_event(organization, capacity=3)
    client.post(url(event), PERSON)
    response = client.post(url(event), PERSON, follow=True)
    assert Registration.objects.filter(event=event).count() == 1
    assert "déjà inscrit" in response.content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("email", "anne-at-example", "adresse électronique complète"),
        ("first_name", "", "Ce champ est obligatoire"),
        ("job_title", "", "Ce champ est obligatoire"),
        ("employer_siret", "123", "14 chiffres"),
    ],
)
def test_bad_person_data_is_refused_with_a_french_message_and_kept(client, organization, field, value, message):
    event = make_event(organization, capacity=3)
    # A paid event: only then does the form ask for the employer's SIRET.
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=15000)
    data = {**PERSON, "price_tier": tier.id, "employer_name": "CCAS de Bobigny", field: value}
    response = client.post(url(event), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "CCAS de Bobigny" in page  # the rest of the form is kept
    assert not Registration.objects.exists()


def test_an_employer_paying_needs_the_employer_details(client, organization):
    event = make_event(organization, capacity=3)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=300000)
    response = client.post(url(event), {**PERSON, "price_tier": tier.id})
    page = response.content.decode()
    assert response.status_code == 400
    assert "nom de l&#x27;employeur" in page and "contact chez l&#x27;employeur" in page


def test_a_tier_of_another_event_is_refused(client, organization):
    event, other = make_event(organization, capacity=3), make_event(organization, capacity=3)
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=1000)
    foreign = add_tier(other, payer_kind=PayerKind.FREE)
    response = client.post(url(event), {**PERSON, "price_tier": foreign.id})
    assert response.status_code == 400
    assert "Choisissez l&#x27;un des tarifs proposés" in response.content.decode()


def _application_event(organization):
    event = make_event(organization, capacity=3)
    EventRegistrationSettings.objects.create(
        event=event, requires_application=True, application_files="CV\nLettre\nFormulaire"
    )
    return event


def test_application_files_of_the_three_formats_are_accepted(client, organization):
    event = _application_event(organization)
    response = client.post(
        url(event), {**PERSON, "application_0": pdf_file(), "application_1": docx_file(), "application_2": odt_file()}
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.state == S.PENDING
    assert [f.file_type for f in registration.application_files.all()] == ["PDF", "DOCX", "ODT"]


def test_a_renamed_executable_is_refused_and_the_rest_of_the_form_kept(client, organization):
    event = _application_event(organization)
    response = client.post(
        url(event), {**PERSON, "application_0": fake_pdf(), "application_1": docx_file(), "application_2": odt_file()}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "n&#x27;est pas un document PDF, DOCX ou ODT" in page
    assert 'value="Durand"' in page and 'value="anne@example.org"' in page
    assert not Registration.objects.exists()


def test_a_file_over_10_mo_is_refused(client, organization):
    event = _application_event(organization)
    response = client.post(
        url(event),
        {
            **PERSON,
            "application_0": pdf_file(size=10_000_001),
            "application_1": docx_file(),
            "application_2": odt_file(),
        },
    )
    assert response.status_code == 400
    assert "la limite est de 10 Mo" in response.content.decode()


def test_a_missing_piece_says_which(client, organization):
    event = _application_event(organization)
    response = client.post(url(event), {**PERSON, "application_0": pdf_file(), "application_1": docx_file()})
    assert response.status_code == 400
    assert "Joignez la pièce « Formulaire »" in response.content.decode()


def test_organiser_questions_are_asked_and_stored(client, organization):
    event = make_event(organization, capacity=3)
    diet = Question.objects.create(
        event=event, label="Régime alimentaire", kind=QuestionKind.CHOICE, choices="Aucun\nVégétarien", is_required=True
    )
    lunch = Question.objects.create(event=event, label="Déjeuner sur place ?", kind=QuestionKind.YES_NO)
    attestation = Question.objects.create(event=event, label="Attestation employeur", kind=QuestionKind.FILE)
    response = client.post(url(event), {**PERSON, f"question_{diet.id}": "Gluten"})
    assert response.status_code == 400  # not one of the choices
    response = client.post(
        url(event),
        {
            **PERSON,
            f"question_{diet.id}": "Végétarien",
            f"question_{lunch.id}": "oui",
            f"question_{attestation.id}": pdf_file("attestation.pdf"),
        },
    )
    assert response.status_code == 302
    answers = {a.question.label: (a.value, bool(a.file)) for a in Registration.objects.get().answers.all()}
    assert answers == {
        "Régime alimentaire": ("Végétarien", False),
        "Déjeuner sur place ?": ("oui", False),
        "Attestation employeur": ("", True),
    }


def test_a_required_question_must_be_answered(client, organization):
    event = make_event(organization, capacity=3)
    Question.objects.create(event=event, label="Votre structure", is_required=True)
    response = client.post(url(event), PERSON)
    assert "Répondez à la question « Votre structure »" in response.content.decode()


def test_a_file_question_refuses_a_non_document(client, organization):
    event = make_event(organization, capacity=3)
    question = Question.objects.create(event=event, label="Attestation", kind=QuestionKind.FILE)
    response = client.post(url(event), {**PERSON, f"question_{question.id}": fake_pdf()})
    assert response.status_code == 400
    assert "PDF, DOCX ou ODT" in response.content.decode()


def test_a_full_session_is_refused_with_a_message_on_the_form(client, organization):
    event = make_event(organization, capacity=10, sessions_per_day=2)
    workshop = Session.objects.filter(event=event).last()
    workshop.capacity = 1
    workshop.save()
    register(event, sessions=[workshop])
    response = client.post(url(event), {**PERSON, "sessions": [workshop.id]})
    assert response.status_code == 400
    assert "est complète : décochez-la" in response.content.decode()


def test_an_uninvited_address_is_told_what_to_do(client, organization):
    event = make_event(organization, capacity=10, is_invitation_only=True)
    Invitation.objects.create(event=event, email="someone@example.org")
    response = client.post(url(event), PERSON)
    assert response.status_code == 400
    assert "n&#x27;a pas été invitée" in response.content.decode()


def test_an_external_registration_link_redirects(client, organization):
    event = make_event(organization, capacity=10, registration_url="https://example.org/form")
    assert client.get(url(event))["Location"] == "https://example.org/form"


def test_a_draft_event_form_is_not_found(client, organization):
    event = make_event(organization, capacity=10, published=False)
    assert client.get(url(event)).status_code == 404


def test_my_space_needs_a_signed_in_person(client):
    response = client.get(reverse("site:my_space"))
    assert response.status_code == 302 and "/compte/login/" in response["Location"]


def test_my_space_lists_only_my_registrations_and_lets_me_cancel(client, organization, after_commit):
    event = make_event(organization, capacity=1)
    mine = register(event, "anne@example.org")
    other = register(event, "paul@example.org")
    client.force_login(User.objects.get(email="anne@example.org"))
    page = client.get(reverse("site:my_space")).content.decode()
    assert escape(event.title) in page
    assert client.post(reverse("site:my_cancel", args=[other.id])).status_code == 404
    with after_commit():
        client.post(reverse("site:my_cancel", args=[mine.id]))
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.state, other.state) == (S.CANCELLED, S.OFFERED)
    assert any("Une place s'est libérée" in m.subject for m in mail.outbox)


def test_my_space_shows_the_online_link_only_for_a_confirmed_place(client, organization):
    from rencontres.events import services as event_services
    from rencontres.events.enums import SessionMode

    online = make_event(organization, title="Webinaire", capacity=1)
    event_services.update_session(
        session=online.sessions.get(), mode=SessionMode.ONLINE, online_url="https://visio.example.org/confirmee"
    )
    full = make_event(organization, title="Webinaire complet", capacity=1)
    event_services.update_session(
        session=full.sessions.get(), mode=SessionMode.ONLINE, online_url="https://visio.example.org/attente"
    )
    register(online, "anne@example.org")
    register(full, "paul@example.org")
    register(full, "anne@example.org")
    client.force_login(User.objects.get(email="anne@example.org"))
    page = client.get(reverse("site:my_space")).content.decode()
    (join_path,) = re.findall(r'href="(/en-ligne/[^"]+)"', page)
    # The link is the person's own: it records the join, then opens the videoconference.
    response = client.get(join_path)
    assert response.status_code == 302 and response["Location"] == "https://visio.example.org/confirmee"
    assert OnlineJoin.objects.get().registration.email == "anne@example.org"
    assert "visio.example.org" not in page


def test_a_person_confirms_the_offered_place_from_my_space(client, organization):
    event = make_event(organization, capacity=1)
    holder, waiting = register(event), register(event, "paul@example.org")
    services.cancel(registration=holder)
    client.force_login(User.objects.get(email="paul@example.org"))
    client.post(reverse("site:my_confirm", args=[waiting.id]))
    waiting.refresh_from_db()
    assert waiting.state == S.CONFIRMED


def test_a_paying_person_downloads_a_numbered_quote(client, organization):
    organization.siret, organization.training_body_number = "12345678900012", "11755555575"
    organization.vat_exemption_note = "TVA non applicable, article 261-4-4° a du CGI"
    organization.save()
    event = make_event(organization, capacity=3)
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    registration = register(event, "anne@example.org", price_tier=tier)
    client.force_login(User.objects.get(email="anne@example.org"))
    response = client.post(reverse("site:my_paper", args=[registration.id, "devis"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    again = client.post(reverse("site:my_paper", args=[registration.id, "devis"]))
    assert again.headers["Content-Disposition"] == response.headers["Content-Disposition"]  # same number


def test_opening_the_quote_address_with_a_get_issues_no_number(client, organization):
    event = make_event(organization, capacity=3)
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    registration = register(event, "anne@example.org", price_tier=tier)
    client.force_login(User.objects.get(email="anne@example.org"))

    response = client.get(reverse("site:my_paper", args=[registration.id, "devis"]))

    assert response.status_code == 405
    assert not Paperwork.objects.exists() and not PaperworkCounter.objects.exists()


def test_the_personal_space_offers_the_quote_as_a_button_that_posts(client, organization):
    event = make_event(organization, capacity=3)
    tier = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    registration = register(event, "anne@example.org", price_tier=tier)
    client.force_login(User.objects.get(email="anne@example.org"))

    page = client.get(reverse("site:my_space")).content.decode()

    assert f'<form method="post" action="{reverse("site:my_paper", args=[registration.id, "devis"])}">' in page
    assert not Paperwork.objects.exists()


def test_the_event_page_shows_places_left_and_the_registration_button(client, organization):
    event = make_event(organization, capacity=2)
    register(event)
    page = client.get(reverse("site:event_detail", args=[event.slug])).content.decode()
    assert "1 place restante" in page and url(event) in page
    register(event)
    page = client.get(reverse("site:event_detail", args=[event.slug])).content.decode()
    assert "Complet" in page and "S'inscrire sur la liste d'attente" in page


def test_documents_for_registered_people_appear_once_the_place_is_confirmed(client, organization):
    from rencontres.events import services as event_services

    event = make_event(organization, capacity=1)
    event_services.add_document(
        event=event,
        title="Support de la journée",
        uploaded_file=pdf_file("support.pdf"),
        kind="slides",
        is_public=False,
    )
    register(event, "first@example.org")
    register(event, "anne@example.org")
    from rencontres.accounts.models import User as Person

    client.force_login(Person.objects.get(email="anne@example.org"))
    page_url = reverse("site:event_detail", args=[event.slug])
    assert "Support de la journée" not in client.get(page_url).content.decode()
    services.cancel(registration=Registration.objects.get(email="first@example.org"))
    services.confirm_offer(registration=Registration.objects.get(email="anne@example.org"))
    assert "Support de la journée" in client.get(page_url).content.decode()


def test_a_registered_person_signs_in_with_a_code_and_reaches_my_space(client, organization):
    """The decision: no password; the address is proven by a code allauth sends to it."""
    event = make_event(organization, capacity=3)
    register(event, "anne@example.org")
    mail.outbox.clear()
    response = client.post(
        reverse("account_request_login_code") + "?next=" + reverse("site:my_space"), {"email": "anne@example.org"}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    code = next(
        line.strip() for line in message.body.splitlines() if re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", line.strip())
    )
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    page = client.get(reverse("site:my_space")).content.decode()
    assert escape(event.title) in page


def test_after_signing_in_participants_land_in_their_space_and_organisers_in_the_back_office(client, alice):
    prove_address(User.objects.create_user(email="anne@example.org", password="un-mot-de-passe-long"))
    response = client.post(reverse("account_login"), {"login": "anne@example.org", "password": "un-mot-de-passe-long"})
    assert response.headers["Location"] == reverse("site:my_space")
    client.logout()
    alice.set_password("un-mot-de-passe-long")
    alice.save()
    response = client.post(reverse("account_login"), {"login": alice.email, "password": "un-mot-de-passe-long"})
    assert response.headers["Location"] == reverse("backoffice:home")


def test_the_header_offers_my_space_to_everyone_signed_in_and_the_back_office_to_organisers(client, alice):
    anne = User.objects.create_user(email="anne@example.org", password=None)
    client.force_login(anne)
    header = client.get(reverse("site:catalogue")).content.decode()
    assert reverse("site:my_space") in header and reverse("backoffice:home") not in header
    client.force_login(alice)
    header = client.get(reverse("site:catalogue")).content.decode()
    assert reverse("site:my_space") in header and reverse("backoffice:home") in header
