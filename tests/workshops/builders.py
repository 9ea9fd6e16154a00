"""Builders for workshop tests: an event with a workshop session, its workshop, participants."""

import datetime as dt
import html

from rencontres.events import services as event_services
from rencontres.events.enums import SessionKind
from rencontres.workshops import services
from tests.registrations.builders import make_event, register


def make_workshop(organization=None, *, workstreams=("Accès aux droits",), **event_fields):
    """A published event with a workshop session, its workshop and workstreams."""
    event = make_event(organization, **event_fields)
    day = event.days.get()
    session = event_services.add_session(
        day=day,
        title="Atelier de co-construction",
        start_time=dt.time(14),
        end_time=dt.time(16),
        kind=SessionKind.WORKSHOP,
    )
    workshop = services.create_workshop(session=session)
    for title in workstreams:
        services.add_workstream(workshop=workshop, title=title, question=f"Que faire ensemble pour {title.lower()} ?")
    return workshop


def participant(workshop, **fields):
    return register(workshop.event, **fields)


def voting(workshop, *, dots=3, per_item=2):
    services.open_vote(workshop=workshop, dots_per_person=dots, max_dots_per_item=per_item)
    workshop.refresh_from_db()
    return workshop


def page_text(response) -> str:
    """The page as a person reads it: HTML entities (&#x27; for an apostrophe) turned back into characters."""
    return html.unescape(response.content.decode())
