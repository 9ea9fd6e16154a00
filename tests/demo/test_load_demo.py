"""Loading the demo: into an empty database only, once, saying how to sign in, telling nobody."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from rencontres.attendance.models import Attendance
from rencontres.demo.loader import load_demo
from rencontres.events.demo_data import DEMO_ORGANISER_EMAIL, DEMO_ORGANISER_PASSWORD
from rencontres.events.models import Event, Session
from rencontres.organizations.models import Organization
from rencontres.registrations.models import Registration
from rencontres.surveys.models import SurveyResponse
from rencontres.workshops.models import Contribution
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    models = (Event, Session, Organization, Registration, Attendance, Contribution, SurveyResponse)
    return {model.__name__: model.objects.count() for model in models}


def test_load_demo_loads_the_events_as_run_once_says_how_to_sign_in_and_sends_no_email(
    django_capture_on_commit_callbacks,
):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=out)
    assert "5 événements de démonstration chargés" in out.getvalue()
    assert DEMO_ORGANISER_EMAIL in out.getvalue() and DEMO_ORGANISER_PASSWORD in out.getvalue()
    loaded = counts()
    assert all(loaded.values()), loaded  # events, registrations, presences, contributions, answers
    assert mail.outbox == []  # nobody in the demo is real: no acknowledgement, no absence email

    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert "n'ont pas été chargées" in again.getvalue()
    assert counts() == loaded


def test_nothing_is_loaded_when_the_database_already_has_an_event(organization):
    make_event(organization)

    assert load_demo() == []
    assert Event.objects.count() == 1 and not Registration.objects.exists()
