"""The participant's side: the notice on every form that collects data, the download and the erasure from « Mon espace »."""

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse

from rencontres.accounts.services import get_or_create_person
from rencontres.attendance import qr
from rencontres.registrations.models import Registration
from rencontres.surveys import links as survey_links
from rencontres.workshops import links as workshop_links
from tests.attendance.builders import training_day
from tests.registrations.builders import make_event, register
from tests.workshops.builders import page_text

from .builders import EMAIL, leave_a_trail

pytestmark = pytest.mark.django_db


def notice_of(response) -> str:
    page = page_text(response)
    assert 'id="donnees-personnelles"' in page, "no privacy notice"
    return page.split('id="donnees-personnelles"', 1)[1].split("</div>", 1)[0]


def test_the_registration_form_says_who_holds_the_data_why_how_long_and_how_to_reach_them(client, organization):
    organization.retention_months = 24
    organization.contact_email = "dpo@saint-germain.example"
    organization.save()
    event = make_event(organization)

    notice = notice_of(client.get(reverse("site:register", args=[event.slug])))

    assert "Ville de Saint-Germain, qui organise cet événement, en est responsable" in notice
    assert "qui exploite la plateforme, les traite pour son compte" in notice
    assert "gérer votre inscription" in notice
    assert "anonymisées 24 mois après la fin de l'événement" in notice
    assert 'href="mailto:dpo@saint-germain.example"' in notice
    assert f'href="{reverse("site:personal_data")}"' in notice


def test_the_survey_workshop_attendance_and_sign_in_forms_carry_the_notice(client, organization):
    trail = leave_a_trail(organization, others=1)
    not_answered = register(trail.event, email="pas.encore@example.org", price_tier=trail.others[0].price_tier)
    survey_page = client.get(
        reverse("site:survey_answer", args=[survey_links.answer_token(trail.survey, not_answered)])
    )
    assert "mesurer la satisfaction" in notice_of(survey_page)
    workshop_page = client.get(
        reverse("site:workshop", args=[workshop_links.participant_token(trail.workshop, trail.registration)])
    )
    assert "recueillir les contributions" in notice_of(workshop_page)
    join_page = client.get(reverse("site:workshop_join", args=[trail.event.slug, trail.workshop.id]))
    assert "recueillir les contributions" in notice_of(join_page)

    _event, morning, _afternoon, _people = training_day(organization, people=1)
    with time_machine.travel(dt.datetime(2030, 3, 14, 8, 0, 5, tzinfo=dt.UTC), tick=False):
        client.get(f"/emargement/{morning.id}/code/{qr.current_code(morning)}/")
        assert "prouver votre présence" in notice_of(client.get(f"/emargement/{morning.id}/qui-etes-vous/"))

    for page in ("account_login", "account_request_login_code"):
        notice = notice_of(client.get(reverse(page)))
        assert "qui exploite la plateforme, en est responsable" in notice and "code de connexion" in notice


def test_the_personal_data_page_gives_purposes_legal_bases_recipients_and_the_cnil(client):
    page = page_text(client.get(reverse("site:personal_data")))

    for words in ("sous-traitant", "Base légale", "6.1.c", "Qui les voit", "Combien de temps", "portabilité", "CNIL"):
        assert words in page, words


@pytest.fixture
def person(client):
    user = get_or_create_person(email=EMAIL)
    client.force_login(user)
    return user


def test_my_space_offers_the_download_and_the_erasure(client, person):
    page = client.get(reverse("site:my_space")).content.decode()

    assert reverse("site:my_data") in page and reverse("site:my_erase") in page


def test_the_download_is_a_json_file_of_the_signed_in_person_only(client, organization, person):
    trail = leave_a_trail(organization)

    response = client.get(reverse("site:my_data"))

    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-')
    data = json.loads(response.content)
    assert [r["id"] for r in data["inscriptions"]] == [trail.registration.id]
    assert all(other.last_name not in response.content.decode() for other in trail.others)


def test_without_signing_in_nothing_is_downloaded_or_erased(client, organization):
    trail = leave_a_trail(organization, others=0)

    for url in (reverse("site:my_data"), reverse("site:my_erase")):
        assert client.get(url).status_code == 302
    assert client.post(reverse("site:my_erase"), {"confirm": "on"}).status_code == 302
    assert Registration.objects.get(pk=trail.registration.pk).anonymised_at is None


def test_erasing_without_ticking_the_box_is_refused_in_french_and_erases_nothing(client, organization, person):
    trail = leave_a_trail(organization, others=0)

    for data in ({}, {"confirm": ""}, {"confirm": "false"}, {"autre": "on"}):
        response = client.post(reverse("site:my_erase"), data)
        assert response.status_code == 400
        assert "Cochez la case pour confirmer l'effacement : rien n'a été effacé." in page_text(response)
        assert Registration.objects.get(pk=trail.registration.pk).anonymised_at is None
    assert person.is_active


def test_the_confirmation_page_says_what_goes_what_stays_and_which_places_are_cancelled(client, organization, person):
    trail = leave_a_trail(organization, others=0)

    page = page_text(client.get(reverse("site:my_erase")))

    assert "Ce qui est effacé" in page and "Ce qui reste, sans votre nom" in page
    assert "Inscriptions annulées" in page and trail.event.title in page


def test_erasing_with_the_box_ticked_anonymises_closes_the_account_and_signs_out(client, organization, person):
    trail = leave_a_trail(organization, others=0)

    response = client.post(reverse("site:my_erase"), {"confirm": "on"})

    assert response.status_code == 200 and "Vos données sont effacées" in page_text(response)
    assert Registration.objects.get(pk=trail.registration.pk).full_name == "Personne anonymisée"
    assert client.get(reverse("site:my_space")).status_code == 302  # signed out
    person.refresh_from_db()
    assert not person.is_active


def test_an_organiser_is_told_in_french_to_ask_an_admin(client, alice):
    client.force_login(alice)

    response = client.post(reverse("site:my_erase"), {"confirm": "on"})

    assert response.status_code == 400 and "membre d'un organisme" in page_text(response)


def test_a_forged_registration_id_in_my_space_is_a_404(client, organization, person):
    other = register(make_event(organization), email="other@example.org")

    assert client.post(reverse("site:my_cancel", args=[other.id])).status_code == 404
    assert client.post(reverse("site:my_cancel", args=[2**40])).status_code == 404
