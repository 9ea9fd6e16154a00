"""The back-office's first line in each view: the object if this member may manage it, else a 404."""

from django.http import Http404

from rencontres.attendance.kiosk import Kiosk
from rencontres.attendance.models import AttendanceSlot
from rencontres.events.models import Event
from rencontres.organizations import access
from rencontres.organizations.models import Organization


def event_for_member(user, event_id: int) -> Event:
    """The event if the user belongs to its organisation; otherwise a 404, so nothing leaks."""
    try:
        event = Event.objects.select_related("organization").get(id=event_id)
    except Event.DoesNotExist:
        raise Http404 from None
    if not access.can_manage_event(user, event):
        raise Http404
    return event


def slot_for_member(user, slot_id: int) -> AttendanceSlot:
    """The attendance slot if the user belongs to its event's organisation; otherwise a 404."""
    try:
        slot = AttendanceSlot.objects.select_related("day", "event__organization", "event__venue").get(id=slot_id)
    except AttendanceSlot.DoesNotExist:
        raise Http404 from None
    if not access.can_manage_event(user, slot.event):
        raise Http404
    return slot


def slot_of_kiosk(opened: Kiosk | None, *, with_day_and_event: bool = False) -> AttendanceSlot | None:
    """The slot a shared tablet's token opens, in one query by its ids; None if the token was refused.

    The token was issued to a member of the organisation (backoffice.views.attendance.slot_tablet).
    """
    if opened is None:
        return None
    slots = AttendanceSlot.objects.select_related("day", "event") if with_day_and_event else AttendanceSlot.objects
    try:
        return slots.get(id=opened.slot_id)
    except AttendanceSlot.DoesNotExist:
        return None


def organization_for_admin(user, organization_id: int) -> Organization:
    """The organisation if the user is one of its admins; otherwise a 404."""
    try:
        organization = Organization.objects.get(id=organization_id)
    except Organization.DoesNotExist:
        raise Http404 from None
    if not access.is_admin(user, organization.id):
        raise Http404
    return organization
