"""Builders for certificate tests: a training day that has happened, its attendance counter-signed."""

import datetime as dt

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import SigningMode
from rencontres.events import services as event_services
from tests.attendance.builders import SIGNATURE, training_day

# After the builders' training day (14 March 2030): the event is over, certificates can be issued.
AFTER = dt.datetime(2030, 3, 20, 10, tzinfo=dt.UTC)


def finished_event(
    organization=None,
    *,
    people: int = 3,
    training: bool = True,
    by=None,
    validate: bool = True,
    signers: int | None = None,
    date: dt.date = dt.date(2030, 3, 14),
):
    """A one-day event (3 h 30 + 3 h): the first `signers` people (all by default) signed both half-days,
    the others nothing (so recorded absent at the counter-signature)."""
    event, morning, afternoon, registrations = training_day(organization, people=people, date=date)
    event_services.update_event(
        event=event,
        is_training_action=training,
        objectives="Connaître le cadre de l'accueil inconditionnel.",
        assessment_method="Quiz final : 8 bonnes réponses sur 10 en moyenne.",
    )
    for slot in (morning, afternoon):
        for registration in registrations[:signers]:
            attendance.sign(slot=slot, registration=registration, mode=SigningMode.TABLET, signature=SIGNATURE)
        if validate:
            attendance.validate_slot(slot=slot, trainer_name="Claire Formatrice", signature=SIGNATURE, by=by)
    event.refresh_from_db()
    return event, morning, afternoon, registrations


def finished_last_week(organization=None, **options):
    """The same, held a week ago: built as it was registered, before the day, so it needs no frozen clock after."""
    import time_machine

    day = dt.date.today() - dt.timedelta(days=7)
    with time_machine.travel(dt.datetime.combine(day - dt.timedelta(days=10), dt.time(9), tzinfo=dt.UTC)):
        return finished_event(organization, date=day, **options)
