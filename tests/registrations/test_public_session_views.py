"""The visitor's face of a session open to the public: the event page, the short form, the email, the cancel link."""

import datetime as dt
import re

import icalendar
import pytest
from django.core import mail, signing
from django.urls import reverse

from rencontres.registrations import links
from rencontres.registrations.models import Registration, SessionSeat
from tests import factories

from .public_sessions import make_lecture, take_seat

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

VISITOR = {"first_name": "Anne", "last_name": "Durand", "email": "anne@example.org"}


def form_url(session):
    return reverse("site:public_session_register", args=[session.event.slug, session.id])


def test_the_event_page_invites_to_the_session_with_its_places_left(client, organization):
    session = make_lecture(organization, places=80)
    take_seat(session, email="paul@example.org")

    page = client.get(session.event.get_absolute_url()).content.decode()

    assert "Ouverte au public · gratuit" in page
    assert "S'inscrire à cette séance" in page and form_url(session) in page
    assert "79 places restantes" in page


def test_a_past_session_on_the_event_page_invites_nobody_and_counts_who_came(client, organization):
    session = make_lecture(organization, places=80, days=(dt.date(2021, 10, 12),))
    take_seat(session, email="paul@example.org", now=dt.datetime(2021, 10, 1, tzinfo=dt.UTC))

    page = client.get(session.event.get_absolute_url()).content.decode()

    assert "Ouverte au public · gratuit" in page
    assert "S'inscrire à cette séance" not in page
    assert "Séance passée : 1 personne du public y était inscrite." in page


def test_the_form_has_autocomplete_and_the_privacy_notice_and_asks_nothing_else(client, organization):
    session = make_lecture(organization, places=80)

    page = client.get(form_url(session)).content.decode()

    for token in ("given-name", "family-name", "email"):
        assert f'autocomplete="{token}"' in page
    assert 'id="donnees-personnelles"' in page
    assert "job_title" not in page and "payer" not in page and "price_tier" not in page
    assert "80 places restantes" in page


def test_registering_takes_a_seat_and_sends_the_email_with_the_session_calendar(client, organization, after_commit):
    organization.reply_to_email = "contact@cluny.example.org"
    organization.save()
    venue = factories.make_venue(organization, name="Théâtre de Cluny", transport_access="Bus 7")
    session = make_lecture(organization, places=80, venue=venue)

    with after_commit():
        response = client.post(form_url(session), VISITOR, follow=True)

    assert response.status_code == 200
    assert "Votre place à « Conférence du soir » est réservée" in response.content.decode()
    assert SessionSeat.objects.get().email == "anne@example.org"
    assert not Registration.objects.exists()
    (message,) = mail.outbox
    assert message.to == ["anne@example.org"] and message.reply_to == ["contact@cluny.example.org"]
    assert "Conférence du soir" in message.subject
    assert "jeudi 14 mars 2030, 20\u00a0h – 21\u00a0h\u00a030" in message.body
    assert "Théâtre de Cluny" in message.body and "Bus 7" in message.body
    html = message.alternatives[0][0]
    assert "Libérez votre place" in html and "20\u00a0h – 21\u00a0h\u00a030" in html
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar" and name.endswith(".ics")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert "Conférence du soir" in str(entry["SUMMARY"])
    assert entry.decoded("DTSTART").hour == 20 and "Théâtre de Cluny" in str(entry["LOCATION"])


def test_bad_input_is_answered_in_french_with_the_error_summary(client, organization):
    session = make_lecture(organization, places=80)

    response = client.post(form_url(session), {"first_name": "", "last_name": "Durand", "email": "pas-une-adresse"})

    page = response.content.decode()
    assert response.status_code == 400
    assert re.search(r"<title>Erreur :", page)
    assert "nom@domaine.fr" in page and "Ce champ est obligatoire" in page
    assert not SessionSeat.objects.exists()


def test_a_second_time_with_the_same_address_says_so_and_takes_no_place(client, organization):
    session = make_lecture(organization, places=80)
    client.post(form_url(session), VISITOR)

    response = client.post(form_url(session), VISITOR, follow=True)

    assert "aucune seconde place" in response.content.decode()
    assert SessionSeat.objects.count() == 1


def test_a_full_session_says_so_in_french(client, organization):
    session = make_lecture(organization, places=1)
    take_seat(session, email="paul@example.org")

    page = client.get(form_url(session)).content.decode()
    assert "Cette séance est complète" in page and '<form method="post"' not in page

    response = client.post(form_url(session), VISITOR)
    assert response.status_code == 400
    assert "Cette séance est complète" in response.content.decode()
    assert SessionSeat.objects.count() == 1


def test_a_session_not_open_to_the_public_or_of_a_draft_has_no_form(client, organization):
    draft = make_lecture(organization, places=10, published=False)
    assert client.get(form_url(draft)).status_code == 404

    event = make_lecture(organization, places=10).event
    other = event.sessions.create(day=event.days.get(), title="Réservée aux stagiaires")
    assert client.get(reverse("site:public_session_register", args=[event.slug, other.id])).status_code == 404
    assert client.get(reverse("site:public_session_register", args=["autre", other.id])).status_code == 404


def test_the_cancel_link_asks_first_then_frees_the_place(client, organization, after_commit):
    session = make_lecture(organization, places=1)
    with after_commit():
        client.post(form_url(session), VISITOR)
    (cancel_url,) = re.findall(r"Libérez votre place : (\S+)", mail.outbox[0].body)
    path = cancel_url.removeprefix("http://127.0.0.1:8000").removeprefix("http://testserver")

    page = client.get(path)
    assert page.status_code == 200 and "Je ne peux plus venir : libérer ma place" in page.content.decode()
    assert SessionSeat.objects.get().is_live  # nothing changes on opening the link

    done = client.post(path, follow=True)
    assert "est libérée" in done.content.decode()
    assert not SessionSeat.objects.get().is_live
    assert "1 place restante" in client.get(form_url(session)).content.decode()


def test_a_forged_or_registration_cancel_link_frees_nothing(client, organization):
    session = make_lecture(organization, places=1)
    seat, _created = take_seat(session)
    other_purpose = signing.dumps(seat.id, salt=links.CANCEL_LINK_SALT)

    for token in ("abc", other_purpose):
        response = client.post(reverse("site:public_seat_cancel", args=[token]))
        assert response.status_code == 404

    seat.refresh_from_db()
    assert seat.is_live


def test_my_space_lists_the_seats_to_come_with_their_link_to_give_them_up(client, organization):
    coming = make_lecture(organization, places=10)
    past = make_lecture(organization, places=10, days=(dt.date(2029, 12, 1),))
    seat, _created = take_seat(coming, email="anne@example.org")
    take_seat(past, email="anne@example.org", now=dt.datetime(2029, 11, 1, tzinfo=dt.UTC))
    take_seat(coming, email="paul@example.org")
    client.force_login(factories.prove_address(factories.make_user("anne@example.org")))

    page = client.get(reverse("site:my_space")).content.decode()

    assert "Mes places aux séances ouvertes au public" in page
    assert links.seat_cancel_path(seat) in page
    assert page.count("Libérer ma place") == 1  # the past seat and Paul's are not offered
    assert "Aucune inscription avec cette adresse." not in page
    assert "Aucune inscription à un événement avec cette adresse ; vos places aux séances" in page
