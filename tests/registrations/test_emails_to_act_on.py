"""Emails a person can act on (issue 11, points 3 and 4): what they need to come, their own links,
the calendar file, « je ne peux plus venir » with a confirmation, and the payer told."""

import re

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind, SessionMode
from rencontres.registrations import links
from rencontres.registrations.enums import RegistrationState as S
from tests import factories

from .builders import add_tier, make_event, register

pytestmark = pytest.mark.django_db


def message_to(address: str):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def test_the_acknowledgement_has_times_place_access_contact_webinar_link_and_calendar(organization, after_commit):
    organization.reply_to_email = "contact@saint-germain.example.org"
    organization.save()
    venue = factories.make_venue(organization, name="Abbaye de Cluny", transport_access="Bus 7, arrêt Abbaye")
    event = make_event(
        organization, capacity=5, venue=venue, contact_name="Marie Durand", contact_phone="03 85 00 00 00"
    )
    session = event.sessions.get()
    event_services.update_session(session=session, mode=SessionMode.HYBRID, online_url="https://visio.example.org/s")
    with after_commit():
        register(event, "anne@example.org")

    message = message_to("anne@example.org")

    assert "jeudi 14 mars 2030, 9\u00a0h – 10\u00a0h" in message.body
    assert "Abbaye de Cluny" in message.body and "Bus 7, arrêt Abbaye" in message.body
    assert "Marie Durand" in message.body and "03 85 00 00 00" in message.body
    (join_url,) = re.findall(r"votre lien de connexion (\S+)", message.body)
    assert "/en-ligne/" in join_url and "visio.example.org" not in message.body
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == (f"{event.slug}.ics", "text/calendar")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert "Abbaye de Cluny" in str(entry["LOCATION"])
    assert message.reply_to == ["contact@saint-germain.example.org"]


def test_someone_waiting_gets_no_webinar_link(organization, after_commit):
    event = make_event(organization, capacity=1)
    event_services.update_session(
        session=event.sessions.get(), mode=SessionMode.ONLINE, online_url="https://visio.example.org/s"
    )
    with after_commit():
        register(event, "anne@example.org")
        register(event, "paul@example.org")
    assert "/en-ligne/" in message_to("anne@example.org").body
    assert "/en-ligne/" not in message_to("paul@example.org").body


def test_je_ne_peux_plus_venir_asks_first_shows_the_terms_then_frees_the_place_and_tells_the_payer(
    client, organization, after_commit
):
    organization.cancellation_terms = "Toute annulation moins de 10 jours avant est due à 50 %."
    organization.save()
    event = make_event(organization, capacity=1)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=30000)
    with after_commit():
        anne = register(
            event,
            "anne@example.org",
            price_tier=tier,
            employer_name="CCAS de Cluny",
            employer_address="1 place de la Mairie, Cluny",
            payer_contact_email="rh@ccas-cluny.fr",
        )
        paul = register(
            event,
            "paul@example.org",
            price_tier=tier,
            employer_name="CCAS de Mâcon",
            employer_address="Mâcon",
            payer_contact_email="rh@ccas-macon.fr",
        )
    (cancel_url,) = re.findall(r"Libérez votre place : (\S+)", message_to("anne@example.org").body)
    path = cancel_url.removeprefix("http://127.0.0.1:8000").removeprefix("http://testserver")
    mail.outbox.clear()

    page = client.get(path).content.decode()
    anne.refresh_from_db()
    assert anne.state == S.CONFIRMED  # opening the link (or a mail scanner following it) changes nothing
    assert "moins de 10 jours avant est due à 50 %" in page and "rh@ccas-cluny.fr" in page

    with after_commit():
        client.post(path)
    anne.refresh_from_db()
    paul.refresh_from_db()
    assert (anne.state, paul.state) == (S.CANCELLED, S.OFFERED)
    assert "Annulation de l'inscription de Camille" in message_to("rh@ccas-cluny.fr").subject
    assert "moins de 10 jours" in message_to("rh@ccas-cluny.fr").body


def test_a_forged_or_other_purpose_cancel_link_is_refused_in_french(client, organization):
    event = make_event(organization, capacity=3)
    anne = register(event, "anne@example.org")
    attendance_token = links.personal_token(anne)  # the phone link must not give up the place
    for token in ("abc", attendance_token):
        response = client.post(reverse("site:cancel_by_link", args=[token]))
        assert response.status_code == 404 and "Page introuvable" in response.content.decode()
    anne.refresh_from_db()
    assert anne.state == S.CONFIRMED


def test_cancelling_from_my_space_asks_for_confirmation(client, organization):
    from rencontres.accounts.models import User

    event = make_event(organization, capacity=3)
    anne = register(event, "anne@example.org")
    client.force_login(User.objects.get(email="anne@example.org"))
    page = client.get(reverse("site:my_cancel", args=[anne.id]))
    anne.refresh_from_db()
    assert page.status_code == 200 and anne.state == S.CONFIRMED
    assert "Confirmer l'annulation" in page.content.decode(), page.content.decode()[-3000:]
    client.post(reverse("site:my_cancel", args=[anne.id]))
    anne.refresh_from_db()
    assert anne.state == S.CANCELLED


def test_the_reminder_has_a_je_ne_peux_plus_venir_link(organization, after_commit):
    import datetime as dt

    from rencontres.registrations import jobs

    event = make_event(organization, capacity=3)
    register(event, "anne@example.org")
    with after_commit():
        jobs.send_day_before_reminders(today=dt.date(2030, 3, 13))
    assert re.search(r"Je ne peux plus venir : \S+/inscriptions/annuler/", message_to("anne@example.org").body)
