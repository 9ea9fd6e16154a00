"""Periodic work, run by management commands (or a scheduler calling the same functions).

Each job claims its rows with a conditional UPDATE and acts only if it changed exactly one
row, so two workers running at once never send the same email twice (healthchecks' sendalerts):
cron may fire the same command on two app servers at the same minute. The claim and the queued
email are one transaction: a run that dies before its commit leaves the row to the next run, and
with the database task queue a committed claim always has its email queued. The tests swap the
claims for unconditional ones to show the race they close.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rencontres.events.enums import EventStatus
from rencontres.events.models import Day

from . import tasks
from .enums import MinimumDecision, RegistrationState
from .models import EventRegistrationSettings, Registration
from .services.queueing import enqueue_with_the_change, queue_email


def _not_reminded_for(day: dt.date) -> Q:
    return Q(last_reminder_on__isnull=True) | Q(last_reminder_on__lt=day)


def claim_reminder(registration_id: int, day: dt.date) -> bool:
    """True for the one run that marks this person reminded for `day`; any other run finds it done."""
    return Registration.objects.filter(_not_reminded_for(day), id=registration_id).update(last_reminder_on=day) == 1


def send_day_before_reminders(*, today: dt.date | None = None) -> int:
    """For each day of a published event that is tomorrow, remind every confirmed person once."""
    today = today or timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    sent = 0
    days = Day.objects.filter(date=tomorrow, is_month_only=False, event__status=EventStatus.PUBLISHED)
    for day in days:
        candidates = Registration.objects.filter(
            _not_reminded_for(tomorrow), event_id=day.event_id, state=RegistrationState.CONFIRMED
        )
        for registration_id in candidates.values_list("id", flat=True):
            with transaction.atomic():
                if claim_reminder(registration_id, tomorrow):
                    queue_email("reminder", registration_id, day_id=day.id)
                    sent += 1
    return sent


def claim_minimum_report(settings_id: int, now: dt.datetime) -> bool:
    """True for the one run that marks the event's minimum report sent; any other run finds it done."""
    return (
        EventRegistrationSettings.objects.filter(id=settings_id, minimum_notified_at__isnull=True).update(
            minimum_notified_at=now
        )
        == 1
    )


def notify_minimum_decisions(*, today: dt.date | None = None) -> int:
    """On the decision date of an event with a minimum number, tell its organisers whether it is reached."""
    today = today or timezone.localdate()
    due = EventRegistrationSettings.objects.filter(
        minimum_decision_on__lte=today,
        minimum_notified_at__isnull=True,
        minimum_decision=MinimumDecision.UNDECIDED,
        event__places__capacity_min__isnull=False,
        event__status=EventStatus.PUBLISHED,
    )
    sent = 0
    for settings_id, event_id in due.values_list("id", "event_id"):
        with transaction.atomic():
            if claim_minimum_report(settings_id, timezone.now()):
                enqueue_with_the_change(tasks.send_minimum_report, event_id)
                sent += 1
    return sent
