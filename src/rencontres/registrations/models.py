"""Registrations to events: places, waiting list, payers, answers, files, paperwork, journal.

Places are counted and taken only in `services/`, under a lock on the event's places row
(`EventPlaces`); the numbers shown anywhere come from `availability.py`.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.enums import PayerKind
from rencontres.events.models import Event, PriceTier, Session
from rencontres.organizations.models import Organization, siret_validator

from .enums import (
    LIVE_STATES,
    PLACE_HOLDING_STATES,
    DataAccessKind,
    MinimumDecision,
    OpcoScheme,
    PaperworkKind,
    PayerCategory,
    QuestionKind,
    RegistrationState,
    TraineeType,
)

# The count of `EventPlaces` kept for each live state.
COUNT_FIELDS = {
    RegistrationState.CONFIRMED: "confirmed",
    RegistrationState.OFFERED: "offered",
    RegistrationState.WAITING: "waiting",
    RegistrationState.PENDING: "pending",
}


class EventPlaces(models.Model):
    """An event's places: its capacity and its live registrations counted by state, in one row.

    Its row lock (`select_for_update`) is the lock every change of places waits on, and each
    change of state updates the counts in the same transaction, so reading this one row
    tells how many places are left without counting registrations.
    """

    event = models.OneToOneField(Event, on_delete=models.CASCADE, primary_key=True, related_name="places")
    capacity_max = models.PositiveIntegerField(
        _("nombre maximum de participants"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    capacity_min = models.PositiveIntegerField(_("nombre minimum de participants"), null=True, blank=True)
    confirmed = models.PositiveIntegerField(default=0, editable=False)
    offered = models.PositiveIntegerField(default=0, editable=False)
    waiting = models.PositiveIntegerField(default=0, editable=False)
    pending = models.PositiveIntegerField(default=0, editable=False)
    # The last number given on the waiting list (0 when nobody ever waited): the next is one more.
    last_queue_number = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("places d'un événement")
        verbose_name_plural = _("places des événements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity_min__isnull=True)
                | models.Q(capacity_max__isnull=True)
                | models.Q(capacity_min__lte=models.F("capacity_max")),
                name="places_capacity_min_not_above_max",
            )
        ]

    def __str__(self) -> str:
        return str(self.event)

    @property
    def held(self) -> int:
        """Places taken: by the states that hold one (confirmed, and offered from the waiting list)."""
        return sum(getattr(self, COUNT_FIELDS[state]) for state in PLACE_HOLDING_STATES)

    def count_change(self, from_state: str, to_state: str) -> list[str]:
        """Move one registration from one state's count to the other's; the fields changed."""
        changed = []
        for state, step in ((from_state, -1), (to_state, 1)):
            if state in COUNT_FIELDS:
                name = COUNT_FIELDS[state]
                setattr(self, name, getattr(self, name) + step)
                changed.append(name)
        return changed


class EventRegistrationSettings(models.Model):
    """What an event asks of the people who register, beyond the event's own fields."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="registration_settings")
    requires_application = models.BooleanField(
        _("sur candidature"),
        default=False,
        help_text=_(
            "Chaque inscription est examinée : l'organisateur l'accepte ou la refuse. Sans cette case, les places "
            "vont dans l'ordre d'arrivée, même si un dossier est demandé."
        ),
    )
    # Independent of `requires_application`: seed 004 asks for a file while places go in order of arrival.
    application_files = models.TextField(
        _("pièces du dossier de candidature"),
        blank=True,
        help_text=_(
            "Une pièce par ligne, par exemple : CV, lettre de motivation. Elles sont demandées à l'inscription, "
            "que l'inscription soit examinée ou non."
        ),
    )
    offer_hours = models.PositiveIntegerField(
        _("délai pour confirmer une place libérée (heures)"),
        default=48,
    )
    minimum_decision_on = models.DateField(
        _("date de décision sur le nombre minimum"),
        null=True,
        blank=True,
        help_text=_("Ce jour-là, vous recevez le bilan des inscriptions et décidez de maintenir ou d'annuler."),
    )
    minimum_decision = models.CharField(
        _("décision"), max_length=10, choices=MinimumDecision.choices, default=MinimumDecision.UNDECIDED
    )
    minimum_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("réglages des inscriptions")
        verbose_name_plural = _("réglages des inscriptions")

    @property
    def is_undecided(self) -> bool:
        return self.minimum_decision == MinimumDecision.UNDECIDED

    @property
    def application_file_labels(self) -> list[str]:
        return [line.strip() for line in self.application_files.splitlines() if line.strip()]


class Invitation(models.Model):
    """An address allowed to register to an invitation-only event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse électronique"))
    created_at = models.DateTimeField(auto_now_add=True)
    # When its email last left (None: never sent, e.g. added while the event was a draft).
    sent_at = models.DateTimeField(_("invitation envoyée le"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="one_invitation_per_address")]

    def __str__(self) -> str:
        return self.email


class Question(models.Model):
    """A question the organiser asks everyone registering to one event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registration_questions")
    label = models.CharField(_("question"), max_length=250)
    kind = models.CharField(
        _("type de réponse"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(_("choix possibles"), blank=True, help_text=_("Un choix par ligne."))
    is_required = models.BooleanField(_("réponse obligatoire"), default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    # First come, first served: registrations are inserted under the event lock, so the
    # order of their ids within an event is the order of arrival.
    # Order on the waiting list, given (max + 1, under the lock) when the registration joins it.
    queue_number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    state = models.CharField(_("état"), max_length=10, choices=RegistrationState.choices)
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("adresse électronique"))
    job_title = models.CharField(_("fonction"), max_length=150)
    employer_name = models.CharField(_("employeur"), max_length=200, blank=True)
    employer_address = models.CharField(_("adresse de l'employeur"), max_length=300, blank=True)
    employer_siret = models.CharField(
        _("SIRET de l'employeur"), max_length=14, blank=True, validators=[siret_validator]
    )
    price_tier = models.ForeignKey(
        PriceTier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("tarif"),
    )
    payer_kind = models.CharField(_("qui paie"), max_length=10, choices=PayerKind.choices)
    # Copied from the tier when registering: a later change of price never changes a commitment.
    amount_cents = models.PositiveIntegerField(_("montant (centimes)"), default=0)
    price_label = models.CharField(_("tarif"), max_length=120, blank=True)
    payer_name = models.CharField(_("financeur"), max_length=200, blank=True)
    payer_contact_email = models.EmailField(_("adresse du contact chez le financeur"), blank=True)
    # For the papers and the BPF of a training action; filled in by the organiser.
    trainee_type = models.CharField(_("type de stagiaire"), max_length=20, choices=TraineeType.choices, blank=True)
    payer_category = models.CharField(
        _("catégorie du financeur"), max_length=20, choices=PayerCategory.choices, blank=True
    )
    opco_scheme = models.CharField(_("dispositif de l'OPCO"), max_length=20, choices=OpcoScheme.choices, blank=True)
    offer_expires_at = models.DateTimeField(_("à confirmer avant"), null=True, blank=True)
    commitment_received_at = models.DateTimeField(_("engagement écrit reçu le"), null=True, blank=True)
    # The task that sends the acknowledgement claims it for a lease, then marks it sent, so that
    # it leaves once even with several workers, one of them killed (see tasks.acknowledge_registration).
    acknowledgement_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    acknowledged_at = models.DateTimeField(_("accusé de réception envoyé le"), null=True, blank=True, editable=False)
    last_reminder_on = models.DateField(null=True, blank=True, editable=False)
    # Set once, when the person's data is removed (their request, or the organisation's retention
    # period); the conditional UPDATE that sets it is what claims the registration for anonymising.
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event_id", "id"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(state__in=LIVE_STATES),
                name="one_live_registration_per_person",
            ),
            models.UniqueConstraint(fields=["event", "queue_number"], name="one_queue_number_per_event"),
        ]
        indexes = [models.Index(fields=["event", "state"]), models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.event}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_live(self) -> bool:
        return self.state in LIVE_STATES

    @property
    def pays_own_training(self) -> bool:
        """Paying for themselves, the person signs a training contract, not an agreement (Code du travail, L. 6353-3)."""
        return self.payer_kind == PayerKind.INDIVIDUAL

    @property
    def holds_place(self) -> bool:
        return self.state in PLACE_HOLDING_STATES

    # One property per state the pages and emails tell apart, so templates compare no strings.
    @property
    def is_confirmed(self) -> bool:
        return self.state == RegistrationState.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.state == RegistrationState.WAITING

    @property
    def is_offered(self) -> bool:
        return self.state == RegistrationState.OFFERED

    @property
    def is_pending(self) -> bool:
        return self.state == RegistrationState.PENDING

    @property
    def is_refused(self) -> bool:
        return self.state == RegistrationState.REFUSED

    @property
    def needs_commitment(self) -> bool:
        return self.amount_cents > 0 and self.state == RegistrationState.CONFIRMED and not self.commitment_received_at


class SessionChoice(models.Model):
    """An optional session (a workshop, the public lecture) the person chose; it has its own places."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="session_choices")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registration_choices")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "session"], name="one_choice_per_session")]


class SessionSeat(models.Model):
    """A place taken by anyone, free and without registering to the event, in a session open to the public.

    Counted under a lock on the session's row (`services.public_sessions`), against the
    session's `public_capacity`; a seat given up (`cancelled_at`) frees its place.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="public_seats")
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("adresse électronique"))
    created_at = models.DateTimeField(_("inscrite le"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["session_id", "id"]
        verbose_name = _("place à une séance ouverte au public")
        verbose_name_plural = _("places aux séances ouvertes au public")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=models.Q(cancelled_at__isnull=True),
                name="one_public_seat_per_address",
            )
        ]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.session}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_live(self) -> bool:
        return self.cancelled_at is None


def answer_upload_path(answer: "Answer", filename: str) -> str:
    return f"registrations/{answer.registration.event_id}/{answer.registration_id}/answers/{filename}"


def application_upload_path(application_file: "ApplicationFile", filename: str) -> str:
    registration = application_file.registration
    return f"registrations/{registration.event_id}/{registration.id}/dossier/{filename}"


class Answer(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(_("réponse"), blank=True)
    file = models.FileField(_("fichier"), upload_to=answer_upload_path, blank=True, max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "question"], name="one_answer_per_question")]


class ApplicationFile(models.Model):
    """One piece of an application file (CV, letter...), type checked from its content."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="application_files")
    label = models.CharField(_("pièce"), max_length=150)
    file = models.FileField(_("fichier"), upload_to=application_upload_path, max_length=300)
    file_type = models.CharField(_("format"), max_length=5)
    size_bytes = models.PositiveBigIntegerField(_("taille"), default=0)

    class Meta:
        ordering = ["id"]


class RegistrationLogEntry(models.Model):
    """The journal: every change of state of a registration, who made it and when."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="log_entries")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    from_state = models.CharField(max_length=10, choices=RegistrationState.choices, blank=True)
    to_state = models.CharField(max_length=10, choices=RegistrationState.choices, blank=True)
    note = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal des inscriptions")


class DataAccessLogEntry(models.Model):
    """The journal of personal data read in the back-office: who exported or opened what, and when.

    Separate from `RegistrationLogEntry`, which follows one registration's states: an export
    reads a whole event at once, so an entry names the event and, when it is one person's
    page or file, the registration.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="data_access_log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    # The address at that moment: the journal still says who it was if the account goes.
    actor_email = models.EmailField(_("par"), blank=True)
    kind = models.CharField(_("consultation"), max_length=24, choices=DataAccessKind.choices)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    detail = models.CharField(_("détail"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consultation de données personnelles")
        verbose_name_plural = _("journal des consultations de données personnelles")
        indexes = [models.Index(fields=["organization", "-created_at"])]


class PaperworkCounter(models.Model):
    """The last number given to a quote or an agreement of an organisation in a year (locked to avoid gaps)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="paperwork_counters")
    kind = models.CharField(max_length=10, choices=PaperworkKind.choices)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind", "year"], name="one_counter_per_kind_and_year")
        ]


class Paperwork(models.Model):
    """A quote or a training agreement issued for one registration, with its definitive number."""

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="paperwork")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="paperwork")
    kind = models.CharField(max_length=10, choices=PaperworkKind.choices)
    year = models.PositiveIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("numéro"), max_length=30)
    amount_cents = models.PositiveIntegerField()
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_paper_of_each_kind_per_registration"),
            models.UniqueConstraint(
                fields=["organization", "kind", "year", "sequence"], name="paperwork_number_unique"
            ),
        ]
