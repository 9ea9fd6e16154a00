"""Theses (mémoires) handed in by trainees, the jury of an event and its decisions.

Nothing here is ever overwritten: a thesis handed in again becomes the next version and the
previous one stays, marked replaced; a decision corrected becomes a new row with its reason,
the previous one kept. Those rows are the journal (who, when) a funder or an auditor reads.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event
from rencontres.registrations.models import Registration

from .enums import Outcome


class ThesisSettings(models.Model):
    """Whether an event asks each trainee for a thesis, and by when."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="thesis_settings")
    is_required = models.BooleanField(
        _("mémoire demandé"),
        default=False,
        help_text=_(
            "Chaque stagiaire dépose son mémoire depuis « Mon espace » ; le jury se prononce au vu du mémoire."
        ),
    )
    deadline = models.DateField(
        _("date limite de dépôt"),
        null=True,
        blank=True,
        help_text=_("Dernier jour de dépôt inclus (heure de Paris)."),
    )

    class Meta:
        verbose_name = _("réglages du mémoire")
        verbose_name_plural = _("réglages du mémoire")


def thesis_upload_path(thesis: "Thesis", filename: str) -> str:
    return f"memoires/{thesis.registration.event_id}/{thesis.registration_id}/{filename}"


class Thesis(models.Model):
    """One version of a trainee's thesis, as handed in."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="theses")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.CharField(_("titre du mémoire"), max_length=300, blank=True)
    file = models.FileField(_("fichier"), upload_to=thesis_upload_path, max_length=300)
    file_type = models.CharField(_("format"), max_length=10)
    size_bytes = models.PositiveBigIntegerField(_("taille (octets)"))
    submitted_at = models.DateTimeField(_("déposé le"))
    replaced_at = models.DateTimeField(_("remplacé le"), null=True, blank=True)

    class Meta:
        ordering = ["registration_id", "version"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "version"], name="one_thesis_per_version"),
            models.UniqueConstraint(
                fields=["registration"], condition=models.Q(replaced_at__isnull=True), name="one_current_thesis"
            ),
        ]
        verbose_name = _("mémoire")
        verbose_name_plural = _("mémoires")

    def __str__(self) -> str:
        return f"{self.registration.full_name} – v{self.version}"

    @property
    def is_current(self) -> bool:
        return self.replaced_at is None


class Jury(models.Model):
    """The jury of an event: the day it sits and who sits on it."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="jury")
    date = models.DateField(_("date du jury"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jury")
        verbose_name_plural = _("jurys")

    def __str__(self) -> str:
        return f"{self.event} – {self.date}"


class JuryMember(models.Model):
    jury = models.ForeignKey(Jury, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("nom"), max_length=150)
    role = models.CharField(_("rôle"), max_length=150)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("membre du jury")
        verbose_name_plural = _("membres du jury")

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class Decision(models.Model):
    """The jury's decision for one trainee; a correction is the next row, the corrected one marked replaced."""

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="jury_decisions")
    jury = models.ForeignKey(Jury, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(_("décision"), max_length=10, choices=Outcome.choices)
    comment = models.TextField(_("commentaire du jury"), blank=True)
    thesis = models.ForeignKey(Thesis, on_delete=models.PROTECT, related_name="decisions")
    recorded_at = models.DateTimeField(_("enregistrée le"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by_email = models.CharField(max_length=254, blank=True)
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    correction_reason = models.TextField(_("motif de la correction"), blank=True)
    replaced_at = models.DateTimeField(_("remplacée le"), null=True, blank=True)

    class Meta:
        ordering = ["registration_id", "recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"], condition=models.Q(replaced_at__isnull=True), name="one_current_decision"
            ),
        ]
        verbose_name = _("décision du jury")
        verbose_name_plural = _("décisions du jury")

    def __str__(self) -> str:
        return f"{self.registration.full_name} – {self.get_outcome_display()}"

    @property
    def is_admitted(self) -> bool:
        return self.outcome == Outcome.ADMITTED
