"""Each organisation's retention period: `anonymise_expired` anonymises what is older, once."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from rencontres.attendance import services as attendance_services
from rencontres.events.selectors import months_before
from rencontres.privacy import services
from rencontres.registrations.models import Registration
from tests.attendance.builders import SIGNATURE
from tests.factories import make_organization
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db

ENDED = dt.date(2030, 3, 14)


def at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(3), tzinfo=dt.UTC), tick=False)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (dt.date(2033, 3, 15), 36, dt.date(2030, 3, 15)),
        (dt.date(2030, 3, 31), 1, dt.date(2030, 2, 28)),
        (dt.date(2032, 3, 31), 1, dt.date(2032, 2, 29)),
        (dt.date(2031, 1, 10), 13, dt.date(2029, 12, 10)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_registrations_are_anonymised_the_day_after_the_retention_period_and_not_before(organization):
    registration = register(make_event(organization, days=(ENDED,)))  # default: 36 months

    with at(dt.date(2033, 3, 14)):
        assert services.anonymise_expired() == 0
    registration.refresh_from_db()
    assert registration.anonymised_at is None

    with at(dt.date(2033, 3, 15)):
        assert services.anonymise_expired() == 1
    registration.refresh_from_db()
    assert registration.full_name == "Personne anonymisée"


def test_each_organisation_keeps_for_its_own_period(organization):
    short = make_organization(retention_months=6)
    kept = register(make_event(organization, days=(ENDED,)))
    expired = register(make_event(short, days=(ENDED,)))

    with at(dt.date(2031, 1, 1)):
        services.anonymise_expired()

    kept.refresh_from_db()
    expired.refresh_from_db()
    assert kept.anonymised_at is None and expired.anonymised_at is not None


def test_running_again_changes_nothing(organization):
    registrations = [register(make_event(organization, days=(ENDED,))) for _ in range(3)]

    with at(dt.date(2034, 1, 1)):
        assert services.anonymise_expired() == 3
        rows = list(Registration.objects.order_by("id").values())
        assert services.anonymise_expired() == 0

    assert list(Registration.objects.order_by("id").values()) == rows
    for registration in registrations:
        assert registration.log_entries.filter(note__contains="durée de conservation").count() == 1


def test_walk_ins_of_an_expired_event_are_anonymised(organization):
    from tests.attendance.builders import training_day

    event, morning, _afternoon, _people = training_day(organization, people=0, date=ENDED)
    presence = attendance_services.add_walk_in(
        slot=morning, first_name="Lou", last_name="Martin", email="lou@example.org", signature=SIGNATURE
    )

    with at(dt.date(2034, 1, 1)):
        services.anonymise_expired()

    presence.refresh_from_db()
    presence.walk_in.refresh_from_db()
    assert (presence.walk_in.first_name, presence.walk_in.email, presence.signature) == ("Personne", "", "")
    assert presence.status == "present"


def test_the_daily_command_says_how_many(organization):
    register(make_event(organization, days=(ENDED,)))
    out = io.StringIO()

    with at(dt.date(2034, 1, 1)):
        call_command("anonymise_expired", stdout=out)

    assert out.getvalue().strip() == "1 inscription(s) anonymisée(s)."
