"""Fiches expérience: field experiences told at events, proposed by anyone signed in, moderated by an organisation."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event, Theme, department_validator
from rencontres.organizations.models import Organization
from rencontres.workshops.models import Contribution

from . import territories
from .enums import CarrierKind, ExperienceStatus, Public, Stage


class Experience(models.Model):
    # The organisation that moderates it: the one of the event where it was presented, or the
    # one the person chose.
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="experiences", verbose_name=_("organisme qui publie")
    )
    title = models.CharField(_("titre"), max_length=250)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    summary = models.TextField(_("résumé"))
    commune_code = models.CharField(
        _("commune (code INSEE)"), max_length=5, blank=True, validators=[territories.commune_validator]
    )
    commune_name = models.CharField(_("commune"), max_length=120, blank=True)
    epci_code = models.CharField(
        _("intercommunalité (SIREN)"), max_length=9, blank=True, validators=[territories.epci_validator]
    )
    epci_name = models.CharField(_("intercommunalité"), max_length=200, blank=True)
    department_code = models.CharField(_("département"), max_length=3, validators=[department_validator])
    themes = models.ManyToManyField(Theme, blank=True, related_name="experiences", verbose_name=_("thèmes"))
    publics = models.JSONField(_("publics"), default=list, blank=True)
    stage = models.CharField(_("étape"), max_length=12, choices=Stage.choices)
    carrier_name = models.CharField(_("structure porteuse"), max_length=250)
    carrier_kind = models.CharField(_("nature de la structure"), max_length=12, choices=CarrierKind.choices)
    partners = models.TextField(_("partenaires"), blank=True, help_text=_("Un partenaire par ligne."))
    funding = models.TextField(_("financements"), blank=True)
    results = models.TextField(_("résultats"), blank=True)
    contacts = models.TextField(_("contacts"), blank=True)
    documents = models.TextField(_("documents (liens)"), blank=True, help_text=_("Une adresse web par ligne."))
    year = models.PositiveSmallIntegerField(
        _("année de lancement"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    events = models.ManyToManyField(Event, blank=True, related_name="experiences", verbose_name=_("présentée lors de"))
    contribution = models.ForeignKey(
        Contribution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiences",
        verbose_name=_("issue de la contribution d'atelier"),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=ExperienceStatus.choices, default=ExperienceStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name = _("fiche expérience")
        verbose_name_plural = _("fiches expérience")
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site:experience", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == ExperienceStatus.PUBLISHED

    @property
    def department_name(self) -> str:
        return territories.department_name(self.department_code)

    @property
    def region_code(self) -> str:
        return territories.region_of(self.department_code)

    @property
    def region_name(self) -> str:
        return territories.region_name(self.region_code)

    @property
    def public_choices(self) -> list[tuple[str, str]]:
        labels = dict(Public.choices)
        return [(value, str(labels[value])) for value in self.publics if value in labels]

    @property
    def public_labels(self) -> list[str]:
        return [label for _value, label in self.public_choices]

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def document_links(self) -> list[str]:
        return [
            line.strip() for line in self.documents.splitlines() if line.strip().startswith(("https://", "http://"))
        ]
