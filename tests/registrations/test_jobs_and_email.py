import datetime as dt
import email
import re
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.test import Client

from rencontres.attendance.models import OnlineJoin
from rencontres.events import services as event_services
from rencontres.events.enums import SessionMode
from rencontres.events.models import Session
from rencontres.registrations import jobs
from rencontres.registrations.models import EventRegistrationSettings
from tests import factories

from .builders import make_event, register

pytestmark = pytest.mark.django_db


def test_reminders_go_once_the_day_before_with_online_links(organization, after_commit):
    venue = factories.make_venue(organization, transport_access="RER A, arrêt Saint-Germain")
    event = make_event(organization, capacity=5, days=(dt.date(2030, 3, 14),), venue=venue)
    session = Session.objects.get(event=event)
    event_services.update_session(session=session, mode=SessionMode.ONLINE, online_url="https://visio.example.org/abc")
    register(event, "anne@example.org")
    with after_commit():
        assert jobs.send_day_before_reminders(today=dt.date(2030, 3, 12)) == 0
        assert jobs.send_day_before_reminders(today=dt.date(2030, 3, 13)) == 1
        assert jobs.send_day_before_reminders(today=dt.date(2030, 3, 13)) == 0
    (message,) = mail.outbox
    assert "RER A" in message.body
    # The webinar link is the person's own redirect (it records the join); the attendance link signs as them.
    (join_url,) = re.findall(r"connexion : (\S+)", message.body)
    response = Client().get(join_url)
    assert response.status_code == 302 and response["Location"] == "https://visio.example.org/abc"
    assert OnlineJoin.objects.filter(registration__email="anne@example.org").exists()
    (attendance_url,) = re.findall(r"(http\S+/emargement/moi/\S+)", message.body)
    assert Client().get(attendance_url).status_code == 200


def test_the_minimum_report_goes_to_organisers_once_at_the_decision_date(organization, alice, after_commit):
    event = make_event(organization, capacity=10, capacity_min=3)
    EventRegistrationSettings.objects.create(event=event, minimum_decision_on=dt.date(2030, 2, 1))
    register(event)
    with after_commit():
        assert jobs.notify_minimum_decisions(today=dt.date(2030, 1, 31)) == 0
        assert jobs.notify_minimum_decisions(today=dt.date(2030, 2, 1)) == 1
        assert jobs.notify_minimum_decisions(today=dt.date(2030, 2, 2)) == 0
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"]
    assert "non atteint" in message.subject and "minimum : 3" in message.body


def test_periodic_commands_state_their_rule_and_run(capsys):
    from rencontres.registrations.management.commands import expire_offers, notify_minimum_decisions, send_reminders

    assert "délai" in expire_offers.Command.help and "veille" in send_reminders.Command.help
    assert "date de décision" in notify_minimum_decisions.Command.help
    for name in ["expire_offers", "send_reminders", "notify_minimum_decisions"]:
        call_command(name)
    assert "proposition(s) expirée(s)" in capsys.readouterr().out


class _Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_acknowledgement_crosses_a_real_smtp_server(settings, organization, django_capture_on_commit_callbacks):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        event = make_event(organization, capacity=5, title="Séminaire de Cluny")
        with django_capture_on_commit_callbacks(execute=True):
            register(event, "anne@example.org", first_name="Anne")
    finally:
        controller.stop()
    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["anne@example.org"]
    raw = envelope.content.decode("utf-8", "replace")
    assert "multipart/alternative" in raw and "text/html" in raw
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    assert "Séminaire de Cluny" in message["Subject"]
    assert "Bonjour Anne" in message.get_body(("plain",)).get_content()
