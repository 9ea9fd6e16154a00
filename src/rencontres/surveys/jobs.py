"""The periodic sending of surveys (command `send_surveys`).

Each sending is claimed with a conditional UPDATE that must change exactly one row, so two
workers running the command at once never send the same survey twice.
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from rencontres.events.enums import EventStatus

from . import emails, services
from .models import Survey

REMINDER_AFTER = dt.timedelta(days=7)


def claim(survey: Survey, field: str, now: dt.datetime) -> bool:
    """True for the one run that stamps `field` (sent_at, reminded_at); a run on another host at once finds it set."""
    return Survey.objects.filter(id=survey.id, **{f"{field}__isnull": True}).update(**{field: now}) == 1


def send_survey(survey: Survey, *, now: dt.datetime | None = None) -> int:
    """Sends the survey to every confirmed participant, once; returns how many emails left (0 if already sent)."""
    now = now or timezone.now()
    if not claim(survey, "sent_at", now):
        return 0
    people = services.recipients(survey)
    for registration in people:
        emails.invitation(survey, registration)
    return len(people)


def send_due_surveys(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Sends the open surveys whose time has come, and the one reminder a week later; returns (sent, reminded)."""
    now = now or timezone.now()
    sent = reminded = 0
    open_surveys = Survey.objects.filter(is_open=True, event__status=EventStatus.PUBLISHED).select_related("event")
    for survey in open_surveys.filter(sent_at__isnull=True):
        due = services.send_time(survey)
        if due is not None and due <= now:
            sent += send_survey(survey, now=now)
    for survey in open_surveys.filter(Q(reminded_at__isnull=True), sent_at__lte=now - REMINDER_AFTER):
        if claim(survey, "reminded_at", now):
            for registration in services.recipients(survey, without_response=True):
                emails.reminder(survey, registration)
                reminded += 1
    return sent, reminded
