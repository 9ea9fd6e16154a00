"""Answers to an event's emails reach its contact, else the organisation's reply-to address."""

import datetime as dt

import pytest
from django.core import mail

from rencontres.attendance import emails as attendance_emails
from rencontres.attendance import identity
from rencontres.events import services as event_services
from rencontres.surveys import emails as survey_emails
from rencontres.surveys import services as survey_services
from rencontres.workshops import emails as workshop_emails
from rencontres.workshops import services as workshop_services
from tests.attendance.builders import training_day

pytestmark = pytest.mark.django_db


def test_attendance_workshop_and_survey_emails_carry_the_organisations_reply_to(organization):
    organization.reply_to_email = "accueil@ccas.example.org"
    organization.save()
    event, morning, _, (camille, *_) = training_day(organization)
    session = event_services.add_session(
        day=event.days.get(), title="Atelier", kind="workshop", start_time=dt.time(15), end_time=dt.time(16)
    )
    workshop = workshop_services.create_workshop(session=session)
    survey = survey_services.create_from_template(event=event, kind="hot")

    attendance_emails.signing_code(registration=camille, slot=morning, code=identity.signing_code(camille, morning))
    workshop_emails.personal_link(workshop, camille, "https://rencontres.example.org/ateliers/x/")
    survey_emails.invitation(survey, camille)

    assert [m.reply_to for m in mail.outbox] == [["accueil@ccas.example.org"]] * 3


def test_the_events_own_contact_comes_first(organization):
    organization.reply_to_email = "accueil@ccas.example.org"
    organization.save()
    event, morning, _, (camille, *_) = training_day(organization, people=1)
    event.contact_email = "formation@ccas.example.org"
    event.save(update_fields=["contact_email"])
    morning.refresh_from_db()

    attendance_emails.signing_code(registration=camille, slot=morning, code="123456")

    assert mail.outbox[0].reply_to == ["formation@ccas.example.org"]
