"""Issue 11, point 3: a visitor registers for the evening lecture open to the public from the event page,
alone and free, gets the email with the session's calendar file, and gives the place up from its link.
axe-core checks the pages on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from rencontres.registrations.models import Registration, SessionSeat
from tests.browser.conftest import serious_accessibility_violations
from tests.registrations.public_sessions import make_lecture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_registers_for_the_lecture_from_the_event_page_and_gets_the_email(live_server, page, organization):
    base = live_server.url
    page.set_default_timeout(10_000)
    session = make_lecture(organization, places=80, title="Former à l'action sociale de proximité")
    mail.outbox.clear()

    # 1. The event page's programme shows the lecture open to the public, free, with its places.
    page.goto(base + session.event.get_absolute_url())
    lecture = page.locator(f"#seance-{session.id}")
    expect(lecture).to_contain_text("Ouverte au public · gratuit")
    expect(lecture).to_contain_text("80 places restantes")
    lecture.get_by_role("link", name=re.compile("S'inscrire à cette séance")).click()
    expect(page.get_by_role("heading", level=1, name="S'inscrire à la séance : Conférence du soir")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    # 2. Sent empty, the short form says what is missing, its title starting « Erreur : ».
    page.get_by_role("button", name="M'inscrire à cette séance").click()
    expect(page).to_have_title(re.compile(r"^Erreur :"))
    assert serious_accessibility_violations(page) == []

    page.get_by_label("Prénom").fill("Anne")
    page.get_by_label("Nom", exact=True).fill("Durand")
    page.get_by_label("Adresse électronique").fill("anne.durand@example.org")
    page.get_by_role("button", name="M'inscrire à cette séance").click()

    # 3. Back on the event page: the place is taken, one fewer is left, and the email is there.
    expect(page.get_by_text("Votre place à « Conférence du soir » est réservée")).to_be_visible()
    expect(page.locator(f"#seance-{session.id}")).to_contain_text("79 places restantes")
    assert serious_accessibility_violations(page) == []
    seat = SessionSeat.objects.get()
    assert (seat.first_name, seat.last_name, seat.email) == ("Anne", "Durand", "anne.durand@example.org")
    assert not Registration.objects.exists()
    (message,) = mail.outbox
    assert message.to == ["anne.durand@example.org"]
    assert "20\u00a0h – 21\u00a0h\u00a030" in message.body
    assert [mimetype for _name, _content, mimetype in message.attachments] == ["text/calendar"]

    # 4. « Je ne peux plus venir »: the link asks first, then frees the place.
    (cancel_url,) = re.findall(r"Libérez votre place : (\S+)", message.body)
    page.goto(base + re.sub(r"^https?://[^/]+", "", cancel_url))
    expect(page.get_by_role("heading", level=1, name="Libérer votre place")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Je ne peux plus venir : libérer ma place").click()
    expect(page.get_by_text("Votre place à « Conférence du soir » est libérée.")).to_be_visible()
    expect(page.locator(f"#seance-{session.id}")).to_contain_text("80 places restantes")
    seat.refresh_from_db()
    assert not seat.is_live
