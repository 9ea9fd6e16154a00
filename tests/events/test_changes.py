"""What counts as a change of schedule (issue 11, point 13), computed in events without knowing who is registered."""

import datetime as dt

import pytest

from rencontres.events import services
from rencontres.events.changes import ScheduleChange, schedule_changes, schedule_of, watch_schedule
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(organization):
    return factories.make_event(organization, days=(dt.date(2030, 3, 14),))


def test_texts_speakers_and_prices_are_no_change_of_schedule(event):
    with watch_schedule(event) as changes:
        services.update_event(event=event, title="Autre titre", description="Autre présentation")
        services.update_session(session=event.sessions.get(), title="Ouverture", description="Accueil")
        services.add_speaker(event=event, name="Jacques Ion")
        services.add_price_tier(event=event, label="Plein tarif", amount_cents=85000, payer_kind="employer")
    assert changes.for_registered == []
    assert changes.for_public_seats == {}


def test_a_months_module_given_its_precise_date(organization):
    """Seed 004: « le calendrier précis sera transmis au mois de septembre »."""
    event = factories.make_event(organization, days=(dt.date(2030, 11, 1),))
    day = event.days.get()
    services.update_day(day=day, date=day.date, is_month_only=True)
    before = schedule_of(event)
    services.update_day(day=day, date=dt.date(2030, 11, 18))
    changes = schedule_changes(before, schedule_of(event))
    assert ScheduleChange("Dates", "novembre 2030", "lundi 18 novembre 2030") in changes


def test_a_session_moved_to_another_room(organization, event):
    room = factories.make_venue(organization, name="Salle Jean-Moulin", city="Bobigny", postcode="93000")
    with watch_schedule(event) as changes:
        services.update_session(session=event.sessions.get(), venue=room)
    assert changes.for_registered == [
        ScheduleChange("Lieu de « Séance 1 »", "le lieu de l'événement", "Salle Jean-Moulin, 93000 Bobigny")
    ]


def test_times_are_written_the_french_way(event):
    with watch_schedule(event) as changes:
        services.update_session(session=event.sessions.get(), start_time=dt.time(20, 51), end_time=dt.time(22, 0))
    (change,) = changes.for_registered
    assert change.after == "jeudi 14 mars 2030, 20\u00a0h\u00a051 – 22\u00a0h"
