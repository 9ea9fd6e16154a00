"""Attendance: half-day slots of an event, each person's signed presence, corrections, walk-ins.

The evidence a funder asks for (Code du travail art. R6332-26 and the OPCOs' rules: hours are
paid as done, proven by an attendance sheet signed per half-day by the trainee and the
trainer): every signature keeps its drawing, time, address, browser and how it was made, and
nothing changes after the trainer's counter-signature except through a journaled correction.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Day, Event, Session
from rencontres.registrations.models import Registration

from .enums import AttendanceStatus, Half, SigningMode


def new_qr_secret() -> str:
    return secrets.token_hex(16)


class AttendanceSlot(models.Model):
    """A half-day of an event, signed for as one (matin / après-midi), with its planned minutes."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance_slots")
    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="attendance_slots", verbose_name=_("journée"))
    half = models.CharField(_("demi-journée"), max_length=10, choices=Half.choices)
    start_time = models.TimeField(_("début"))
    end_time = models.TimeField(_("fin"))
    planned_minutes = models.PositiveIntegerField(_("durée prévue (minutes)"))
    qr_secret = models.CharField(max_length=32, default=new_qr_secret, editable=False)
    validated_at = models.DateTimeField(_("contresigné le"), null=True, blank=True, editable=False)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    trainer_name = models.CharField(_("formateur ou formatrice"), max_length=200, blank=True)
    trainer_signature = models.TextField(_("signature du formateur"), blank=True, editable=False)
    scan = models.FileField(_("feuille signée numérisée"), upload_to="emargement/", blank=True)
    scan_type = models.CharField(max_length=10, blank=True, editable=False)

    class Meta:
        ordering = ["day__date", "start_time"]
        constraints = [
            models.UniqueConstraint(fields=["day", "half"], name="one_slot_per_half_day"),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")), name="slot_ends_after_start"
            ),
        ]
        verbose_name = _("créneau d'émargement")
        verbose_name_plural = _("créneaux d'émargement")

    def __str__(self) -> str:
        return f"{self.day.date:%d/%m/%Y} {self.get_half_display()}"

    @property
    def is_validated(self) -> bool:
        return self.validated_at is not None


class WalkIn(models.Model):
    """Someone who came without being registered; merged into a registration later if they register."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="walk_ins")
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("adresse électronique"), blank=True)
    employer_name = models.CharField(_("employeur"), max_length=200, blank=True)
    merged_into = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personne venue sans inscription")
        verbose_name_plural = _("personnes venues sans inscription")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Attendance(models.Model):
    """One person's presence at one slot: status, minutes missed, and the signature that proves it."""

    slot = models.ForeignKey(AttendanceSlot, on_delete=models.CASCADE, related_name="attendances")
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, null=True, blank=True, related_name="attendances"
    )
    walk_in = models.ForeignKey(WalkIn, on_delete=models.PROTECT, null=True, blank=True, related_name="attendances")
    status = models.CharField(_("présence"), max_length=12, choices=AttendanceStatus.choices)
    minutes_missed = models.PositiveIntegerField(_("minutes manquées"), default=0)
    mode = models.CharField(_("mode"), max_length=10, choices=SigningMode.choices)
    signature = models.TextField(_("signature"), blank=True, editable=False)
    signed_at = models.DateTimeField(_("signé le"), null=True, blank=True, editable=False)
    ip_address = models.GenericIPAddressField(null=True, blank=True, editable=False)
    user_agent = models.CharField(max_length=300, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "registration"],
                condition=models.Q(registration__isnull=False),
                name="one_attendance_per_registration_and_slot",
            ),
            models.UniqueConstraint(
                fields=["slot", "walk_in"],
                condition=models.Q(walk_in__isnull=False),
                name="one_attendance_per_walk_in_and_slot",
            ),
            models.CheckConstraint(
                condition=models.Q(registration__isnull=True, walk_in__isnull=False)
                | models.Q(registration__isnull=False, walk_in__isnull=True),
                name="attendance_of_a_registration_or_a_walk_in",
            ),
        ]
        verbose_name = _("présence")
        verbose_name_plural = _("présences")

    def __str__(self) -> str:
        return f"{self.slot} · {self.get_status_display()}"


class AttendanceCorrection(models.Model):
    """The journal of every change made to a presence after its slot was counter-signed."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="corrections")
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("motif"))
    before = models.JSONField()
    after = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("correction de présence")
        verbose_name_plural = _("corrections de présence")


class OnlineJoin(models.Model):
    """A registered person opened their personal link to an online session: when."""

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="online_joins")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="online_joins")
    joined_at = models.DateTimeField()

    class Meta:
        ordering = ["joined_at"]
        verbose_name = _("connexion en ligne")
        verbose_name_plural = _("connexions en ligne")
