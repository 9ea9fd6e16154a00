"""Builders for the tests of sessions open to the public (seed 000's evening lecture)."""

import datetime as dt

from rencontres.events import services as event_services
from rencontres.registrations import services

from .builders import make_event


def make_lecture(organization, *, places=None, **event_fields):
    """An event of 14 March 2030 whose one session, 20 h – 21 h 30, is open to the public with `places` seats."""
    event = make_event(organization, **event_fields)
    session = event.sessions.get()
    event_services.update_session(
        session=session,
        title="Conférence du soir",
        start_time=dt.time(20),
        end_time=dt.time(21, 30),
        is_open_to_public=True,
        public_capacity=places,
    )
    session.refresh_from_db()
    return session


def take_seat(session, email="anne@example.org", first_name="Anne", last_name="Durand", **kwargs):
    visitor = services.Visitor(first_name=first_name, last_name=last_name, email=email)
    return services.take_public_seat(session=session, visitor=visitor, **kwargs)
