"""Reads of reporting across the apps below it."""

import datetime as dt

from django.db.models import Q

from rencontres.attendance.enums import ATTENDED_STATUSES, SigningMode
from rencontres.attendance.models import Attendance, OnlineJoin


def at_distance(registration_ids: list[int], *, event_ids: list[int], start: dt.date, end: dt.date) -> set[int]:
    """Those of these registrations who followed at least part of their action at distance in the period.

    At distance: a validated half-day attended online, or their personal link to an online session opened.
    """
    wanted = set(registration_ids)
    in_period = Q(slot__day__date__gte=start, slot__day__date__lte=end)
    online = Attendance.objects.filter(
        in_period,
        slot__event_id__in=event_ids,
        slot__validated_at__isnull=False,
        mode=SigningMode.ONLINE,
        status__in=ATTENDED_STATUSES,
        registration__isnull=False,
    ).values_list("registration_id", flat=True)
    joined = OnlineJoin.objects.filter(
        session__event_id__in=event_ids, session__day__date__gte=start, session__day__date__lte=end
    ).values_list("registration_id", flat=True)
    return wanted & (set(online) | set(joined))
