"""The emails of attendance, each a subject/text/HTML triple under attendance/emails/."""

from rencontres.core.emails import absolute_url, send_templated_email

from .models import Attendance


def _reply_to(event) -> str:
    return event.reply_to_address


def absence(attendance_id: int) -> None:
    """To a person recorded absent at a counter-signed half-day: we noticed, here is whom to tell."""
    attendance = Attendance.objects.select_related("slot__day", "slot__event__organization", "registration").get(
        id=attendance_id
    )
    registration, event = attendance.registration, attendance.slot.event
    send_templated_email(
        "attendance/emails/absence",
        to=[registration.email],
        context={
            "registration": registration,
            "event": event,
            "slot": attendance.slot,
            "event_url": absolute_url(event.get_absolute_url()),
            "contact": _reply_to(event),
        },
        reply_to=_reply_to(event),
    )


def signing_code(*, registration, slot, code: str) -> None:
    """The six digits that prove, on a personal phone, that the person signing is the one registered."""
    event = slot.event
    send_templated_email(
        "attendance/emails/signing_code",
        to=[registration.email],
        context={"registration": registration, "event": event, "slot": slot, "code": code},
        reply_to=_reply_to(event),
    )
