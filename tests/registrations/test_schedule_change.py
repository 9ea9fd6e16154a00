"""Changes reach the people registered (issue 11, point 13): a new date, time, place or mode of a published event
is written to each person registered and to each payer's contact, once, old → new, with the new .ics."""

import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from rencontres.backoffice.forms.events import EventForm, SessionForm
from rencontres.events import services as event_services
from rencontres.events.changes import ScheduleDiff
from rencontres.events.enums import PayerKind, SessionMode
from rencontres.registrations import services
from rencontres.registrations.enums import RegistrationState as S
from tests import factories

from .builders import add_tier, make_event, register

pytestmark = pytest.mark.django_db

EMPLOYER = {
    "employer_name": "CCAS de Mâcon",
    "employer_address": "1 rue de la Paix, 71000 Mâcon",
    "payer_contact_email": "rh@ccas-macon.example.org",
}


def form_data(form) -> dict:
    """What the editor's page posts when the organiser submits it unchanged."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, dt.time):
            data[name] = value.strftime("%H:%M")
        elif isinstance(value, (list, tuple)):
            data[name] = [getattr(v, "pk", v) for v in value]
        else:
            data[name] = getattr(value, "pk", value)
    return data


@pytest.fixture
def event(organization):
    """Published, two places: Anne holds one, Paul the other (paid by his employer), Léa waits, Jean cancelled."""
    event = make_event(organization, capacity=2, title="Rencontre de Cluny")
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=85000)
    free = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=0)
    register(event, "anne@example.org", price_tier=free)
    register(event, "paul@example.org", price_tier=tier, first_name="Paul", last_name="Girard", **EMPLOYER)
    jean = register(event, "jean@example.org", price_tier=free)
    services.cancel(registration=jean, actor=None)
    register(event, "lea@example.org", price_tier=tier, first_name="Léa", last_name="Bonnet", **EMPLOYER)
    assert sorted(event.registrations.values_list("state", flat=True)) == sorted(
        [S.CONFIRMED, S.CONFIRMED, S.CANCELLED, S.WAITING]
    )
    mail.outbox.clear()
    return event


def edit_session(client, session, **changes):
    data = {**form_data(SessionForm(instance=session, event=session.event)), **changes}
    return client.post(reverse("backoffice:session_edit", args=[session.id]), data, follow=True)


def edit_event(client, event, **changes):
    data = {**form_data(EventForm(instance=event)), **changes}
    return client.post(reverse("backoffice:event_edit", args=[event.id]), data, follow=True)


def test_new_times_reach_everyone_registered_and_the_payer_once_with_the_new_calendar(
    client, alice, event, after_commit
):
    session = event.sessions.get()
    client.force_login(alice)
    with after_commit():
        response = edit_session(client, session, start_time="20:51", end_time="21:30")
    assert response.status_code == 200
    assert "4 courriel(s) envoyé(s)" in response.content.decode()

    # Anne and Paul (places), Léa (waiting), the employer's contact once for Paul and Léa; not Jean (cancelled).
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anne@example.org",
        "lea@example.org",
        "paul@example.org",
        "rh@ccas-macon.example.org",
    ]
    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Changement de programme : Rencontre de Cluny" in anne.subject
    expected = "Horaires de « Séance 1 » : jeudi 14 mars 2030, 9\u00a0h – 10\u00a0h → désormais jeudi 14 mars 2030, 20\u00a0h\u00a051 – 21\u00a0h\u00a030"
    assert expected in anne.body
    (name, content, mimetype) = anne.attachments[0]
    assert (name, mimetype) == (f"{event.slug}.ics", "text/calendar")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert entry.decoded("dtstart").time() == dt.time(20, 51)
    payer = next(m for m in mail.outbox if m.to == ["rh@ccas-macon.example.org"])
    assert "Léa Bonnet, Paul Girard" in payer.body and expected in payer.body
    assert payer.attachments and payer.reply_to == anne.reply_to


def test_a_new_venue_of_the_event_is_told_old_to_new(client, alice, organization, event, after_commit):
    old = factories.make_venue(organization, name="Salle des fêtes", city="Cluny", postcode="71250")
    new = factories.make_venue(organization, name="Abbaye de Cluny", city="Cluny", postcode="71250")
    event_services.update_event(event=event, venue=old)
    client.force_login(alice)
    with after_commit():
        edit_event(client, event, venue=new.id)
    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Lieu : Salle des fêtes, 71250 Cluny → désormais Abbaye de Cluny, 71250 Cluny" in anne.body
    assert len(mail.outbox) == 4


def test_going_online_is_told(client, alice, event, after_commit):
    client.force_login(alice)
    with after_commit():
        edit_session(client, event.sessions.get(), mode=SessionMode.ONLINE, online_url="https://visio.example.org/s")
    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Modalité de « Séance 1 » : sur place → désormais en ligne" in anne.body


def test_a_new_day_changes_the_dates(client, alice, event, after_commit):
    client.force_login(alice)
    with after_commit():
        client.post(reverse("backoffice:day_add", args=[event.id]), {"day-date": "2030-03-15"})
    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Dates : jeudi 14 mars 2030 → désormais jeudi 14 mars 2030 ; vendredi 15 mars 2030" in anne.body


def test_a_new_title_or_description_sends_nothing(client, alice, event, after_commit):
    client.force_login(alice)
    with after_commit():
        edit_event(client, event, title="Rencontre de Cluny, 2e édition", description="Nouvelle présentation.")
        edit_session(client, event.sessions.get(), title="Ouverture", description="Mot d'accueil.")
    event.refresh_from_db()
    assert event.title == "Rencontre de Cluny, 2e édition"
    assert mail.outbox == []


def test_a_draft_sends_nothing(client, alice, organization, after_commit):
    draft = make_event(organization, capacity=5)
    register(draft, "anne@example.org")
    event_services.unpublish_event(event=draft)  # taken back to draft, its registration kept
    mail.outbox.clear()
    client.force_login(alice)
    with after_commit():
        edit_session(client, draft.sessions.get(), start_time="14:00", end_time="15:00")
    assert mail.outbox == []


def test_an_event_without_registrations_sends_nothing(client, alice, organization, after_commit):
    event = make_event(organization, capacity=5)
    client.force_login(alice)
    with after_commit():
        response = edit_session(client, event.sessions.get(), start_time="14:00", end_time="15:00")
    assert mail.outbox == []
    assert "courriel(s) envoyé(s)" not in response.content.decode()


def test_the_service_tells_nobody_without_changes(event, after_commit):
    with after_commit():
        assert services.notify_schedule_change(event=event, changes=ScheduleDiff()) == 0
    assert mail.outbox == []


def test_a_months_module_given_its_precise_date_in_the_back_office(client, alice, organization, after_commit):
    """Seed 004: « le calendrier précis sera transmis au mois de septembre »."""
    event = make_event(organization, capacity=5, days=(dt.date(2030, 11, 1),))
    day = event.days.get()
    event_services.update_day(day=day, date=day.date, is_month_only=True)
    register(event, "anne@example.org")
    mail.outbox.clear()
    client.force_login(alice)
    assert client.get(reverse("backoffice:day_edit", args=[day.id])).status_code == 200
    with after_commit():
        response = client.post(
            reverse("backoffice:day_edit", args=[day.id]), {"date": "2030-11-18", "title": "Module 1"}, follow=True
        )
    assert "Journée enregistrée." in response.content.decode()
    (message,) = mail.outbox
    assert "Dates : novembre 2030 → désormais lundi 18 novembre 2030" in message.body
    assert "Horaires de" not in message.body  # the day moved, its sessions' times did not
    assert "lundi 18 novembre 2030, 9\u00a0h – 10\u00a0h" in message.body  # the schedule as it now is


def test_the_day_page_refuses_a_bad_date_in_french_and_other_organisations(client, alice, charlie, event):
    day = event.days.get()
    client.force_login(alice)
    response = client.post(reverse("backoffice:day_edit", args=[day.id]), {"date": "31/02/2030"})
    assert response.status_code == 400 and "Indiquez une date, par exemple 14/03/2030." in response.content.decode()
    assert mail.outbox == []
    client.force_login(charlie)
    assert client.get(reverse("backoffice:day_edit", args=[day.id])).status_code == 404
