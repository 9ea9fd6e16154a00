"""Events and their programme.

A programme is a list of days, each holding timed sessions. A day of a long training
(seed 004) may be known only to the month: `Day.is_month_only` keeps one model for
one-day seminars and eight-month certificates alike, and lets the organiser fill in
the exact date later without moving any session.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rencontres.organizations.models import Organization

from . import nsf
from .enums import (
    BpfObjective,
    DocumentKind,
    EventFormat,
    EventStatus,
    PayerKind,
    RncpLevel,
    SessionKind,
    SessionMode,
    SpeakerRole,
    TrainerStatus,
    TrainingNature,
)

PARIS = ZoneInfo("Europe/Paris")

department_validator = RegexValidator(
    r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$",
    _("Indiquez un code de département français : 01 à 95, 2A, 2B ou 971 à 976."),
)


class Theme(models.Model):
    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self) -> str:
        return self.name


class Series(models.Model):
    """A cycle: events grouped under one title, each with its own organiser and territory."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="series")
    title = models.CharField(_("titre"), max_length=250)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("présentation"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site:series", args=[self.slug])


class Venue(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("nom du lieu"), max_length=200)
    street = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(
        _("code postal"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Le code postal compte 5 chiffres."))],
    )
    city = models.CharField(_("commune"), max_length=120, blank=True)
    transport_access = models.TextField(_("accès en transports en commun"), blank=True)
    accessibility_notes = models.TextField(_("accessibilité"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name

    @property
    def address_line(self) -> str:
        return ", ".join(p for p in [self.street, f"{self.postcode} {self.city}".strip()] if p)


class Event(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="events")
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="events", verbose_name=_("cycle")
    )
    title = models.CharField(_("titre"), max_length=250)
    subtitle = models.CharField(_("sous-titre"), max_length=300, blank=True)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=120, unique=True)
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    status = models.CharField(_("état"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT)
    description = models.TextField(_("présentation"), blank=True)
    audience = models.TextField(_("public visé"), blank=True)
    objectives = models.TextField(_("objectifs"), blank=True)
    prerequisites = models.TextField(_("prérequis"), blank=True)
    partners = models.TextField(_("partenaires"), blank=True, help_text=_("Un partenaire par ligne."))
    themes = models.ManyToManyField(Theme, blank=True, related_name="events", verbose_name=_("thèmes"))
    department_code = models.CharField(_("département"), max_length=3, blank=True, validators=[department_validator])
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    venue = models.ForeignKey(
        Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="events", verbose_name=_("lieu principal")
    )
    # An event can be announced before its dates are known (seed 001: « un séminaire par
    # département prévu courant 2e semestre 2011 »): it is published with the period the
    # organiser writes, stays out of calendars and takes no registration until it has a day.
    period_label = models.CharField(
        _("période annoncée"),
        max_length=80,
        blank=True,
        help_text=_(
            "Si les dates ne sont pas encore connues : la période annoncée, par exemple « 2e semestre 2027 ». "
            "Elle s'affiche avec « dates et lieux à venir » jusqu'à ce que le programme ait une journée."
        ),
    )
    period_ends_on = models.DateField(
        _("fin de la période annoncée"),
        null=True,
        blank=True,
        help_text=_(
            "Le dernier jour de la période : passé ce jour, l'événement non daté rejoint les événements passés."
        ),
    )
    registration_opens_at = models.DateTimeField(_("ouverture des inscriptions"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("clôture des inscriptions"), null=True, blank=True)
    registration_url = models.URLField(_("lien d'inscription externe"), blank=True, max_length=500)
    is_invitation_only = models.BooleanField(_("sur invitation uniquement"), default=False)
    is_training_action = models.BooleanField(
        _("action de formation"),
        default=False,
        help_text=_(
            "Formation professionnelle continue : l'émargement par demi-journée est obligatoire et fonde les "
            "heures réalisées, les attestations et le bilan pédagogique et financier."
        ),
    )
    # What the papers of a training action and the BPF need (kept on the event itself, not in a
    # one-to-one row: every paper reads them with the event, and `is_training_action` and
    # `objectives` already live here).
    training_nature = models.CharField(
        _("nature de l'action"), max_length=20, choices=TrainingNature.choices, default=TrainingNature.TRAINING
    )
    bpf_objective = models.CharField(
        _("objectif (bilan pédagogique et financier)"), max_length=10, choices=BpfObjective.choices, blank=True
    )
    rncp_level = models.PositiveSmallIntegerField(
        _("niveau du diplôme ou titre RNCP"), choices=RncpLevel.choices, null=True, blank=True
    )
    nsf_code = models.CharField(
        _("spécialité de formation (NSF)"),
        max_length=3,
        choices=nsf.choices,
        blank=True,
        help_text=_("Code à trois chiffres de la nomenclature des spécialités de formation."),
    )
    assessment_method = models.TextField(
        _("évaluation des acquis"),
        blank=True,
        help_text=_("Comment les acquis sont évalués ; repris sur l'attestation de fin de formation."),
    )
    # Its places (capacity, counts) belong to the registrations app: `registrations.EventPlaces`.
    total_hours = models.DecimalField(_("durée totale (heures)"), max_digits=6, decimal_places=1, null=True, blank=True)
    contact_name = models.CharField(_("personne à contacter"), max_length=120, blank=True)
    contact_email = models.EmailField(_("adresse électronique de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    # Kept in step with the programme by services.refresh_event_dates: the catalogue
    # filters and sorts on them without joining the sessions.
    starts_on = models.DateField(_("début"), null=True, blank=True, editable=False)
    ends_on = models.DateField(_("fin"), null=True, blank=True, editable=False)
    dates_are_months = models.BooleanField(default=False, editable=False)
    # Lower-case, accent-free text the catalogue search matches on both databases.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        indexes = [
            models.Index(fields=["status", "starts_on"]),
            models.Index(fields=["status", "ends_on"]),
            # The catalogue's cache key reads the latest change (selectors.catalogue_version).
            models.Index(fields=["updated_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site:event_detail", args=[self.slug])

    def clean(self) -> None:
        # An organisation files its events under its own cycles only: another's cycle page
        # would otherwise list events its organiser never chose.
        if self.series_id and self.series.organization_id != self.organization_id:
            raise ValidationError({"series": _("Choisissez un cycle de votre organisme.")})
        if self.period_ends_on and not self.period_label.strip():
            raise ValidationError(
                {"period_label": _("Indiquez la période annoncée, par exemple « 2e semestre 2027 ».")}
            )
        if self.bpf_objective == BpfObjective.RNCP and self.rncp_level is None:
            raise ValidationError({"rncp_level": _("Indiquez le niveau du diplôme ou du titre inscrit au RNCP.")})
        if self.bpf_objective != BpfObjective.RNCP and self.rncp_level is not None:
            raise ValidationError(
                {"rncp_level": _("Le niveau ne s'indique que pour un diplôme ou un titre inscrit au RNCP.")}
            )

    @property
    def nsf_label(self) -> str:
        return nsf.label_of(self.nsf_code)

    @property
    def reply_to_address(self) -> str:
        """Where answers to the event's emails go: its contact, else the organisation's reply-to or contact."""
        organization = self.organization
        return self.contact_email or organization.reply_to_email or organization.contact_email

    @property
    def is_dated(self) -> bool:
        """Whether the programme has at least one day; an event announced for a period has none yet."""
        return self.starts_on is not None

    @property
    def announced_period_is_over(self) -> bool:
        """Whether an event announced for a period is still undated after its period's last day."""
        return self.starts_on is None and self.period_ends_on is not None and self.period_ends_on < timezone.localdate()

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_visible_to_public(self) -> bool:
        return self.status in {EventStatus.PUBLISHED, EventStatus.CANCELLED}

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class Day(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    is_month_only = models.BooleanField(
        _("seul le mois est connu"), default=False, help_text=_("Pour les modules d'une formation longue.")
    )
    title = models.CharField(_("intitulé de la journée"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("journée")
        verbose_name_plural = _("journées")

    def __str__(self) -> str:
        return f"{self.event} – {self.date}"


class Speaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("nom"), max_length=120)
    affiliation = models.CharField(_("fonction et structure"), max_length=250, blank=True)
    bio = models.TextField(_("présentation"), blank=True)
    role = models.CharField(
        _("rôle dans l'événement"), max_length=12, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    trainer_status = models.CharField(
        _("formateur"),
        max_length=10,
        choices=TrainerStatus.choices,
        blank=True,
        help_text=_("Pour une action de formation : formateur interne ou externe (bilan pédagogique et financier)."),
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("intervenant")
        verbose_name_plural = _("intervenants")

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("journée"))
    start_time = models.TimeField(_("début"), null=True, blank=True)
    end_time = models.TimeField(_("fin"), null=True, blank=True)
    title = models.CharField(_("titre"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=SessionKind.choices, default=SessionKind.TALK)
    mode = models.CharField(_("modalité"), max_length=8, choices=SessionMode.choices, default=SessionMode.ON_SITE)
    is_open_to_public = models.BooleanField(_("ouverte au public"), default=False)
    venue = models.ForeignKey(
        Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions", verbose_name=_("lieu")
    )
    online_url = models.URLField(
        _("lien de connexion"), blank=True, max_length=500, help_text=_("Montré aux seules personnes inscrites.")
    )
    capacity = models.PositiveIntegerField(
        _("places pour cette séance"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    # Seats of a session open to the public, registered on their own and free (registrations.SessionSeat);
    # apart from `capacity`, which counts the event's participants who chose the session.
    public_capacity = models.PositiveIntegerField(
        _("places pour le public"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Pour une séance ouverte au public : combien de personnes peuvent s'inscrire à cette seule séance, "
            "gratuitement. Vide : sans limite."
        ),
    )
    speakers = models.ManyToManyField(Speaker, through="SessionSpeaker", related_name="sessions", blank=True)

    class Meta:
        ordering = ["day__date", "day_id", "start_time", "id"]
        verbose_name = _("séance")
        verbose_name_plural = _("séances")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_time__isnull=True)
                | models.Q(end_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def starts_at(self) -> dt.datetime | None:
        if self.start_time is None or self.day.is_month_only:
            return None
        return dt.datetime.combine(self.day.date, self.start_time, tzinfo=PARIS)

    def ends_at(self) -> dt.datetime | None:
        if self.end_time is None or self.day.is_month_only:
            return None
        return dt.datetime.combine(self.day.date, self.end_time, tzinfo=PARIS)

    @property
    def is_online(self) -> bool:
        return self.mode in {SessionMode.ONLINE, SessionMode.HYBRID}


class SessionSpeaker(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="session_speakers")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="session_speakers")
    role = models.CharField(_("rôle"), max_length=12, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["session", "speaker"], name="speaker_once_per_session")]


class PriceTier(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="price_tiers")
    label = models.CharField(_("intitulé"), max_length=120)
    amount_cents = models.PositiveIntegerField(_("montant (centimes)"))
    payer_kind = models.CharField(_("qui paie"), max_length=10, choices=PayerKind.choices)
    includes = models.CharField(_("ce que le prix comprend"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("tarif")
        verbose_name_plural = _("tarifs")

    def __str__(self) -> str:
        return self.label

    @property
    def is_free(self) -> bool:
        return self.amount_cents == 0


def document_upload_path(document: "Document", filename: str) -> str:
    return f"events/{document.event_id}/{filename}"


class Document(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    day = models.ForeignKey(
        Day, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("journée")
    )
    title = models.CharField(_("titre"), max_length=250)
    kind = models.CharField(_("nature"), max_length=12, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    file = models.FileField(_("fichier"), upload_to=document_upload_path, max_length=300)
    file_type = models.CharField(_("format du fichier"), max_length=10, editable=False)
    size_bytes = models.PositiveBigIntegerField(_("taille"), editable=False, default=0)
    is_public = models.BooleanField(_("public"), default=True, help_text=_("Sinon, réservé aux personnes inscrites."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day__date", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title
