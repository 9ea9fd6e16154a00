"""People holding a seat in a public session hear when it moves or goes (issue 11, points 3 and 13):
the new date, time, place or mode old → new with the session's new .ics; a deletion asks first,
saying how many hold a seat, and tells each of them."""

import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from rencontres.backoffice.forms.events import SessionForm
from rencontres.events import services as event_services
from rencontres.events.changes import watch_schedule
from rencontres.events.models import Session
from rencontres.registrations import links, services
from rencontres.registrations.models import SessionSeat
from tests import factories

from .public_sessions import make_lecture, take_seat
from .test_schedule_change import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


@pytest.fixture
def lecture(organization):
    """Cluny's evening lecture: Anne and Paul hold a seat, Léa gave hers up."""
    organization.reply_to_email = "contact@cluny.example.org"
    organization.save()
    session = make_lecture(organization, places=80, title="Rencontre de Cluny")
    take_seat(session, email="anne@example.org")
    take_seat(session, email="paul@example.org", first_name="Paul")
    lea, _created = take_seat(session, email="lea@example.org", first_name="Léa")
    services.give_up_public_seat(seat=lea)
    mail.outbox.clear()
    return session


def edit_session(client, session, **changes):
    data = {**form_data(SessionForm(instance=session, event=session.event)), **changes}
    return client.post(reverse("backoffice:session_edit", args=[session.id]), data, follow=True)


def test_new_times_reach_each_seat_holder_once_with_the_sessions_new_calendar(client, alice, lecture, after_commit):
    client.force_login(alice)
    with after_commit():
        response = edit_session(client, lecture, start_time="20:30", end_time="22:00")

    assert "2 courriel(s) envoyé(s)" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["anne@example.org", "paul@example.org"]
    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Changement pour la séance « Conférence du soir »" in anne.subject
    assert (
        "Date et horaires : jeudi 14 mars 2030, 20\u00a0h – 21\u00a0h\u00a030 → désormais "
        "jeudi 14 mars 2030, 20\u00a0h\u00a030 – 22\u00a0h"
    ) in anne.body
    seat = SessionSeat.objects.get(email="anne@example.org")
    assert "Votre place est maintenue" in anne.body and links.seat_cancel_path(seat) in anne.body
    (name, content, mimetype) = anne.attachments[0]
    assert mimetype == "text/calendar" and name.endswith(f"-seance-{lecture.id}.ics")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert entry.decoded("dtstart").time() == dt.time(20, 30)
    assert anne.reply_to == ["contact@cluny.example.org"]


def test_a_day_moved_is_told_as_the_sessions_new_date(client, alice, lecture, after_commit):
    client.force_login(alice)
    day = lecture.day
    with after_commit():
        client.post(reverse("backoffice:day_edit", args=[day.id]), {"date": "2030-03-21", "title": day.title})

    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Date et horaires : jeudi 14 mars 2030, 20\u00a0h" in anne.body
    assert "→ désormais jeudi 21 mars 2030, 20\u00a0h – 21\u00a0h\u00a030" in anne.body


def test_the_events_new_place_is_the_sessions_new_place_when_it_has_no_room_of_its_own(
    organization, lecture, after_commit
):
    new = factories.make_venue(organization, name="Abbaye de Cluny", city="Cluny", postcode="71250")
    with after_commit():
        with watch_schedule(lecture.event) as changes:
            event_services.update_event(event=lecture.event, venue=new)
        told = services.notify_schedule_change(event=lecture.event, changes=changes)

    assert told == 2
    anne = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "Lieu :" in anne.body and "→ désormais Abbaye de Cluny, 71250 Cluny" in anne.body


def test_a_change_to_another_session_or_to_texts_tells_no_seat_holder(client, alice, lecture, after_commit):
    other = event_services.add_session(day=lecture.day, title="Atelier", start_time=dt.time(14))
    client.force_login(alice)
    with after_commit():
        edit_session(client, other, start_time="15:00", end_time="16:00")
        edit_session(client, lecture, title="Conférence inaugurale", description="Par Jacques Ion")
    assert mail.outbox == []


def test_deleting_the_session_says_who_holds_a_seat_then_tells_them(client, alice, lecture, after_commit):
    client.force_login(alice)
    url = reverse("backoffice:session_delete", args=[lecture.id])

    asked = client.post(url)
    assert "2 personnes du public y ont une place" in asked.content.decode()
    assert Session.objects.filter(id=lecture.id).exists() and mail.outbox == []

    with after_commit():
        response = client.post(url, {"confirme": "1"}, follow=True)

    assert not Session.objects.filter(id=lecture.id).exists() and not SessionSeat.objects.exists()
    assert "2 courriels envoyés aux personnes du public" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["anne@example.org", "paul@example.org"]
    paul = next(m for m in mail.outbox if m.to == ["paul@example.org"])
    assert "Séance annulée : Conférence du soir" in paul.subject
    assert "Bonjour Paul" in paul.body and "jeudi 14 mars 2030, 20\u00a0h – 21\u00a0h\u00a030" in paul.body
    assert "n'aura pas lieu" in paul.body and paul.reply_to == ["contact@cluny.example.org"]


def test_deleting_the_day_tells_the_seat_holders_of_its_sessions(client, alice, lecture, after_commit):
    event_services.add_day(event=lecture.event, date=dt.date(2030, 3, 15))
    client.force_login(alice)
    url = reverse("backoffice:day_delete", args=[lecture.day_id])

    assert "2 personnes du public y ont une place" in client.post(url).content.decode()
    with after_commit():
        client.post(url, {"confirme": "1"})

    seat_emails = [m for m in mail.outbox if "Séance annulée" in m.subject]
    assert sorted(m.to[0] for m in seat_emails) == ["anne@example.org", "paul@example.org"]


def test_a_session_without_seats_is_deleted_without_a_word_about_the_public(client, alice, organization):
    session = make_lecture(organization, places=10)
    client.force_login(alice)
    asked = client.post(reverse("backoffice:session_delete", args=[session.id]))
    assert "du public" not in asked.content.decode()


def test_the_editor_sends_a_public_sessions_deletion_to_its_confirmation_page(client, alice, lecture):
    """htmx's dialog would skip the page that says who holds a seat: the public session's form posts plainly."""
    event_services.add_session(day=lecture.day, title="Atelier", start_time=dt.time(14))
    client.force_login(alice)
    page = client.get(reverse("backoffice:event_edit", args=[lecture.event_id])).content.decode()
    public_form = page.split(reverse("backoffice:session_delete", args=[lecture.id]))[1].split("</form>")[0]
    assert "hx-confirm" not in public_form and "confirme" not in public_form
    other = Session.objects.exclude(id=lecture.id).get()
    other_form = page.split(f'action="{reverse("backoffice:session_delete", args=[other.id])}"')[1].split("</form>")[0]
    assert "hx-confirm" in other_form
