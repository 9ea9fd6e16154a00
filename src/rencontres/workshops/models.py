"""Workshops of an event (seed 002): workstreams, contributions, dot votes, syntheses.

A workshop is one session of kind « atelier ». Participants are confirmed registrations
identified by a personal signed link; each has a `Ballot` row per workshop, which the vote
service locks so that a person's dots are counted exactly under concurrent clicks.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event, Session
from rencontres.registrations.models import Registration

from .enums import RestitutionVisibility, WorkshopPhase

CONTRIBUTION_MAX_LENGTH = 280


class Workshop(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="workshops")
    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="workshop")
    phase = models.CharField(
        _("étape"), max_length=12, choices=WorkshopPhase.choices, default=WorkshopPhase.CONTRIBUTING
    )
    dots_per_person = models.PositiveSmallIntegerField(
        _("gommettes par personne"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    max_dots_per_item = models.PositiveSmallIntegerField(
        _("gommettes au plus sur une même contribution"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    restitution_intro = models.TextField(_("introduction de la restitution"), blank=True)
    restitution_visibility = models.CharField(
        _("restitution"),
        max_length=12,
        choices=RestitutionVisibility.choices,
        default=RestitutionVisibility.UNPUBLISHED,
    )
    vote_opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    vote_closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    restitution_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session__day__date", "session__start_time", "id"]
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_dots_per_item__lte=models.F("dots_per_person")),
                name="max_dots_per_item_within_dots",
            )
        ]

    def __str__(self) -> str:
        return self.session.title

    @property
    def title(self) -> str:
        return self.session.title

    @property
    def is_restitution_published(self) -> bool:
        return self.restitution_visibility != RestitutionVisibility.UNPUBLISHED


class Workstream(models.Model):
    """A chantier: one guiding question the participants contribute to."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="workstreams")
    title = models.CharField(_("intitulé du chantier"), max_length=200)
    question = models.CharField(_("question qui guide le chantier"), max_length=500)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("chantier")
        verbose_name_plural = _("chantiers")

    def __str__(self) -> str:
        return self.title


class Contribution(models.Model):
    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="contributions")
    text = models.CharField(_("contribution"), max_length=CONTRIBUTION_MAX_LENGTH)
    # Posted by a participant from their phone, or typed in by the facilitator from a paper post-it.
    author = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="workshop_contributions"
    )
    typed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    is_hidden = models.BooleanField(_("masquée"), default=False)
    group = models.CharField(_("regroupement"), max_length=80, blank=True)
    # The dots it had when the vote closed; the results read this from then on.
    frozen_votes = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.text

    @property
    def is_from_paper(self) -> bool:
        return self.author_id is None


class Ballot(models.Model):
    """One person's dots in one workshop; locked while they vote, so their total stays within the limit."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="ballots")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="workshop_ballots")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "registration"], name="one_ballot_per_person")]


class Vote(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="votes")
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="votes")
    dots = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "contribution"], name="one_vote_row_per_item")]


class Synthesis(models.Model):
    """What the facilitator retains from a workstream, for the restitution."""

    workstream = models.OneToOneField(Workstream, on_delete=models.CASCADE, related_name="synthesis")
    text = models.TextField(_("synthèse"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synthèse")
        verbose_name_plural = _("synthèses")


class RetainedContribution(models.Model):
    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE, related_name="retained")
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="retained_in")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["synthesis", "contribution"], name="contribution_retained_once")]


class NextStep(models.Model):
    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE, related_name="next_steps")
    action = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("qui s'en charge"), max_length=150)
    due_on = models.DateField(_("pour quand"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("suite à donner")
        verbose_name_plural = _("suites à donner")
