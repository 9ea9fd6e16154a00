"""Signing on one's own phone: the projected code opens the slot, the person proves who they are."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from rencontres.attendance import qr, services
from rencontres.attendance.enums import SigningMode
from rencontres.attendance.models import Attendance, OnlineJoin
from rencontres.events import services as event_services
from rencontres.registrations import links
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db

NINE = dt.datetime(2030, 3, 14, 8, 0, 5, tzinfo=dt.UTC)


@pytest.fixture
def day(organization):
    return training_day(organization)


def test_with_the_current_code_and_the_emailed_digits_a_person_signs_from_their_phone(client, day):
    _, morning, _, (camille, *_) = day
    with time_machine.travel(NINE, tick=False):
        assert client.get(f"/emargement/{morning.id}/code/{qr.current_code(morning)}/").status_code == 302
        assert client.get(f"/emargement/{morning.id}/signer/")["Location"].endswith("/qui-etes-vous/")
        client.post(f"/emargement/{morning.id}/qui-etes-vous/", {"email": camille.email.upper()})
        code = mail.outbox[-1].subject.split()[-1]
        response = client.post(f"/emargement/{morning.id}/qui-etes-vous/", {"code": code})
        assert response["Location"].endswith("/signer/")
        page = client.post(f"/emargement/{morning.id}/signer/", {"signature": SIGNATURE}, HTTP_USER_AGENT="Téléphone")

    assert "Votre présence est signée" in page.content.decode()
    attendance = Attendance.objects.get()
    assert (attendance.registration, attendance.mode, attendance.user_agent) == (
        camille,
        SigningMode.PHONE,
        "Téléphone",
    )


def test_a_code_older_than_its_window_is_refused(client, day):
    _, morning, _, _ = day
    with time_machine.travel(NINE, tick=False):
        code = qr.current_code(morning)
    with time_machine.travel(NINE + dt.timedelta(seconds=45), tick=False):
        response = client.get(f"/emargement/{morning.id}/code/{code}/")

    assert response.status_code == 400
    assert "Ce QR code a expiré" in response.content.decode()


def test_without_scanning_nobody_reaches_the_signature(client, day):
    _, morning, _, (camille, *_) = day
    client.get(f"/emargement/moi/{links.personal_token(camille)}/")

    response = client.post(f"/emargement/{morning.id}/signer/", {"signature": SIGNATURE})

    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_the_personal_link_skips_the_code(client, day):
    _, morning, _, (camille, *_) = day
    with time_machine.travel(NINE, tick=False):
        client.get(f"/emargement/moi/{links.personal_token(camille)}/")
        client.get(f"/emargement/{morning.id}/code/{qr.current_code(morning)}/")
        client.post(f"/emargement/{morning.id}/signer/", {"signature": SIGNATURE})

    assert Attendance.objects.get().registration == camille


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, day):
    _, morning, _, _ = day
    with time_machine.travel(NINE, tick=False):
        client.get(f"/emargement/{morning.id}/code/{qr.current_code(morning)}/")
        response = client.post(
            f"/emargement/{morning.id}/qui-etes-vous/", {"email": "inconnu@example.org"}, follow=True
        )

    assert "Si cette adresse est inscrite, un code vient d&#x27;y être envoyé." in response.content.decode()
    assert mail.outbox == []


def test_a_wrong_code_is_refused_in_french(client, day):
    _, morning, _, (camille, *_) = day
    with time_machine.travel(NINE, tick=False):
        client.get(f"/emargement/{morning.id}/code/{qr.current_code(morning)}/")
        client.post(f"/emargement/{morning.id}/qui-etes-vous/", {"email": camille.email})
        response = client.post(f"/emargement/{morning.id}/qui-etes-vous/", {"code": "000000"})

    assert response.status_code == 400
    assert "Ce code n&#x27;est pas le bon" in response.content.decode()


def test_a_counter_signed_slot_is_closed_to_phones(client, alice, day):
    _, morning, _, _ = day
    services.validate_slot(slot=morning, trainer_name="Claire", signature=SIGNATURE, by=alice)

    assert client.get(f"/emargement/{morning.id}/code/{qr.current_code(morning)}/").status_code == 410


def test_the_personal_webinar_link_records_the_join_then_opens_the_videoconference(client, organization):
    event, _, _, (camille, *_) = training_day(organization)
    webinar = event_services.add_session(
        day=event.days.get(), title="Webinaire", mode="online", online_url="https://visio.example.org/salle"
    )

    response = client.get(f"/en-ligne/{links.personal_token(camille)}/{webinar.id}/")

    assert response["Location"] == "https://visio.example.org/salle"
    assert OnlineJoin.objects.get().registration == camille
    assert client.get(f"/en-ligne/forged-token/{webinar.id}/").status_code == 404
