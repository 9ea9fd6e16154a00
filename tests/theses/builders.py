"""Builders for theses tests: a finished, counter-signed training that asks for a thesis, and its jury."""

import datetime as dt

from rencontres.theses import services
from tests.certificates.builders import finished_event

DEADLINE = dt.date(2030, 3, 31)
BEFORE_DEADLINE = dt.datetime(2030, 3, 25, 9, tzinfo=dt.UTC)
AFTER_DEADLINE = dt.datetime(2030, 4, 1, 9, tzinfo=dt.UTC)
JURY_DAY = dt.date(2030, 4, 10)
AT_THE_JURY = dt.datetime(2030, 4, 10, 15, tzinfo=dt.UTC)
MEMBERS = [("Marie Durand", "présidente"), ("Paul Martin", "formateur")]


def training_with_thesis(organization=None, *, people: int = 2, **options):
    """The certificates builders' finished day (14 March 2030), asking for a thesis by 31 March 2030."""
    event, morning, afternoon, registrations = finished_event(organization, people=people, **options)
    services.save_settings(event=event, is_required=True, deadline=DEADLINE)
    return event, registrations


def with_jury(event):
    return services.set_jury(event=event, date=JURY_DAY, members=MEMBERS)
