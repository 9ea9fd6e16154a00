"""The next editions of seeds 000 and 004, dated from the day the demo is loaded and open for registration.

The five seed events are past: a newcomer who wants to try registering (a place, the waiting
list, the papers of a paid training) needs an event to come. These editions are made as an
organiser makes them, with Dupliquer (`events.services.duplicate_event`), then published.
"""

import datetime as dt

from django.utils import timezone

from rencontres.events import services as event_services
from rencontres.events.models import PARIS, Event
from rencontres.registrations import configuration as registration_configuration
from rencontres.registrations import services as registration_services
from rencontres.registrations.models import EventRegistrationSettings

# Cluny's two days (seed 000) about two months ahead, on the same weekday as in 2021; the
# Cnam certificate (seed 004) from the next November at least three months ahead, as its
# monthly modules run from November to June.
CLUNY_WEEKS_AHEAD = 8
CNAM_MONTHS_AHEAD = 3


def first_date_of_next_cluny(past: Event, today: dt.date) -> dt.date:
    """The same weekday as the past edition's first day, at least CLUNY_WEEKS_AHEAD weeks after today."""
    earliest = today + dt.timedelta(weeks=CLUNY_WEEKS_AHEAD)
    return earliest + dt.timedelta(days=(past.starts_on.weekday() - earliest.weekday()) % 7)


def first_date_of_next_cnam(past: Event, today: dt.date) -> dt.date:
    """The 1st of the past edition's first month, in the first year at least CNAM_MONTHS_AHEAD months after today."""
    earliest = event_services.add_months(today.replace(day=1), CNAM_MONTHS_AHEAD)
    year = earliest.year if (earliest.month <= past.starts_on.month) else earliest.year + 1
    return dt.date(year, past.starts_on.month, 1)


def open_next_edition(past: Event, first_date: dt.date) -> Event:
    """A copy of the past event from `first_date`, its places and registration settings, open from now until a week before."""
    copy = event_services.duplicate_event(event=past, shift_days=(first_date - past.starts_on).days)
    registration_services.copy_capacity(from_event=past, to_event=copy)
    past_settings = EventRegistrationSettings.objects.filter(event=past).first()
    if past_settings is not None:
        registration_configuration.save_settings(
            event=copy,
            requires_application=past_settings.requires_application,
            application_files=past_settings.application_files,
            offer_hours=past_settings.offer_hours,
        )
    closes_on = copy.starts_on - dt.timedelta(days=7)
    # The seed registered on its organiser's own site; the demo's next edition registers here, to be tried.
    event_services.update_event(
        event=copy,
        registration_url="",
        registration_opens_at=timezone.now() - dt.timedelta(hours=1),
        registration_closes_at=dt.datetime.combine(closes_on, dt.time(23, 59), tzinfo=PARIS),
    )
    return event_services.publish_event(event=copy)


def open_next_editions(by_seed: dict[str, Event], *, today: dt.date | None = None) -> list[Event]:
    """The next editions of Cluny's training (seed 000) and of the Cnam certificate (seed 004), published and open."""
    today = today or timezone.localdate()
    return [
        open_next_edition(by_seed["000"], first_date_of_next_cluny(by_seed["000"], today)),
        open_next_edition(by_seed["004"], first_date_of_next_cnam(by_seed["004"], today)),
    ]
