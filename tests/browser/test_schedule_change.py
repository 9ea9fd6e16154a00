"""Issue 11, point 13 in Chromium: the organiser moves a day of a published event from its page; the person
registered gets one email saying what changed, with the new calendar file. axe-core checks the page."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import serious_accessibility_violations
from tests.registrations.builders import make_event, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_moving_a_day_tells_the_person_registered_once_with_the_new_calendar(live_server, page, organization, alice):
    event = make_event(organization, title="Journée des référents RSA", capacity=30, days=(dt.date(2030, 3, 14),))
    register(event, "ines.moreau@example.org")
    mail.outbox.clear()
    day = event.days.get()

    page.goto(f"{live_server.url}/compte/login/")
    page.get_by_label("Courriel").fill("alice@example.org")
    page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Mes événements")).to_be_visible()
    page.goto(live_server.url + reverse("backoffice:day_edit", args=[day.id]))
    expect(page.get_by_role("heading", level=1, name="Modifier la journée")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Date").fill("2030-03-21")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Journée enregistrée.")).to_be_visible()

    (message,) = [m for m in mail.outbox if m.to == ["ines.moreau@example.org"]]
    assert message.subject.endswith("Changement de programme : Journée des référents RSA")
    assert "14 mars 2030" in message.body and "21 mars 2030" in message.body
    (calendar,) = [a for a in message.attachments if a[0].endswith(".ics")]
    assert "DTSTART;TZID=Europe/Paris:20300321" in calendar[1]
