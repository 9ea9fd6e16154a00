"""Who came, from outside the training, to Cluny's evening lecture open to the public (seed 000).

The lecture had its own places for the public (80 in the demo's record); people took them on
their own, free, in the fortnight before. Names are made up and addresses are on example.org:
nobody in the demo is real, and no email leaves.
"""

import datetime as dt

from rencontres.events.models import PARIS, Event
from rencontres.registrations import services as registration_services

FIRST_NAMES = ("Agnès", "Bruno", "Claire", "Denis", "Élise", "Fabien", "Gisèle", "Hugo", "Inès", "Julien", "Karine")
LAST_NAMES = ("Aubert", "Besson", "Chauvin", "Delorme", "Favre", "Girard", "Lacroix", "Morel", "Perrin", "Renaud")
AUDIENCE = 47
REGISTERED_FROM_DAYS_BEFORE = 15


def record_lecture_audience(event: Event) -> int:
    """The public's seats at each session of the event open to the public; how many were recorded."""
    count = 0
    for session in event.sessions.filter(is_open_to_public=True).select_related("day"):
        first = dt.datetime.combine(
            session.day.date - dt.timedelta(days=REGISTERED_FROM_DAYS_BEFORE), dt.time(18), tzinfo=PARIS
        )
        people = []
        for n in range(AUDIENCE):
            first_name, last_name = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[(n * 3) % len(LAST_NAMES)]
            email = f"{first_name[0]}.{last_name}.{n}@example.org".lower().replace("é", "e").replace("è", "e")
            people.append((first_name, last_name, email, first + dt.timedelta(hours=7 * n)))
        count += len(registration_services.record_past_public_seats(session=session, people=people))
    return count
