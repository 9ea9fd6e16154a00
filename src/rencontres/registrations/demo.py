"""The demonstration events with their places: the events app loads the programme, this app the capacity.

The first step of `rencontres.demo.loader.load_demo`, which then records who registered and runs the days.
"""

from django.db import transaction

from rencontres.events.demo import load_demo as load_demo_events
from rencontres.events.demo_data import DEMO_EVENTS
from rencontres.events.models import Event

from .configuration import save_settings
from .services import set_capacity


@transaction.atomic
def load_demo(*, stdout=None) -> list[Event]:
    """The five published demo events (see events.demo.load_demo), each with the capacity its record gives."""
    events = load_demo_events(stdout=stdout)
    if not events:  # the database already had events: nothing was loaded
        return []
    for data, event in zip(DEMO_EVENTS, events, strict=True):
        if data.capacity_max is not None or data.capacity_min is not None:
            set_capacity(event=event, capacity_max=data.capacity_max, capacity_min=data.capacity_min)
        if data.application_files:  # asked with the registration, places in order of arrival (seed 004)
            save_settings(event=event, application_files="\n".join(data.application_files))
    return events
