"""Builders for attendance tests: a training day with its two half-days and people confirmed."""

import datetime as dt

from rencontres.attendance import services
from rencontres.events import services as event_services
from tests.registrations.builders import make_event, register

# A stroke across the signature box: what the pad posts for a real signature.
SIGNATURE = "M10 80 L60 40 L120 90 L200 30 L300 100"


def training_day(organization=None, *, people: int = 3, capacity=None, date=dt.date(2030, 3, 14)):
    """An event with one day: 9 h-12 h 30 in the morning, lunch, 14 h-17 h in the afternoon; `people` confirmed."""
    event = make_event(organization, capacity=capacity, days=(), published=False)
    day = event_services.add_day(event=event, date=date)
    event_services.add_session(day=day, title="Accueil et apports", start_time=dt.time(9), end_time=dt.time(12, 30))
    event_services.add_session(day=day, title="Déjeuner", start_time=dt.time(12, 30), end_time=dt.time(14), kind="meal")
    event_services.add_session(day=day, title="Ateliers", start_time=dt.time(14), end_time=dt.time(17))
    event_services.publish_event(event=event)
    event.refresh_from_db()
    registrations = [
        register(event, email=f"stagiaire{i}@example.org", last_name=f"Stagiaire {i}") for i in range(people)
    ]
    morning, afternoon = services.derive_slots(event=event)
    return event, morning, afternoon, registrations
