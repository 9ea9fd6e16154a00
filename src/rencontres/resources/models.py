"""Resources of an event (programme, slides, syntheses, recordings, readings, proceedings) and its proceedings.

A resource hangs on the event, and optionally on one of its days or sessions; a speaker's
upload waits for the organiser's approval, an organiser's own is published at once. Its
text, read within bounds at upload (text.py), feeds the search index.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Day, Event, Session, Speaker
from rencontres.workshops.models import Workshop

from .enums import Language, ProceedingsStatus, ResourceKind, ResourceStatus, ResourceVisibility


def resource_upload_path(resource: "Resource", filename: str) -> str:
    return f"resources/{resource.event_id}/{filename}"


class Resource(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="resources")
    day = models.ForeignKey(
        Day, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources", verbose_name=_("journée")
    )
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources", verbose_name=_("séance")
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("déposée par l'intervenant"),
    )
    kind = models.CharField(_("type"), max_length=12, choices=ResourceKind.choices)
    title = models.CharField(_("titre"), max_length=250)
    description = models.TextField(_("présentation"), blank=True)
    file = models.FileField(_("fichier"), upload_to=resource_upload_path, max_length=300, blank=True)
    url = models.URLField(_("lien"), max_length=500, blank=True, help_text=_("Pour un enregistrement, par exemple."))
    file_type = models.CharField(_("format du fichier"), max_length=10, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(_("taille"), default=0, editable=False)
    language = models.CharField(_("langue"), max_length=5, choices=Language.choices, default=Language.FRENCH)
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=ResourceVisibility.choices, default=ResourceVisibility.PUBLIC
    )
    status = models.CharField(_("état"), max_length=10, choices=ResourceStatus.choices, default=ResourceStatus.PENDING)
    # Bounded (text.MAX_CHARS): the search index reads it, nobody shows it.
    text = models.TextField(blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
        indexes = [models.Index(fields=["event", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(file="") & ~models.Q(url="")) | (~models.Q(file="") & models.Q(url="")),
                name="resource_is_a_file_or_a_link",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url or reverse("site:resource", args=[self.id])

    @property
    def is_public(self) -> bool:
        return self.visibility == ResourceVisibility.PUBLIC

    @property
    def is_link(self) -> bool:
        return bool(self.url)


def proceedings_upload_path(proceedings: "Proceedings", filename: str) -> str:
    return f"proceedings/{proceedings.event_id}/{filename}"


class Proceedings(models.Model):
    """The actes of one event: composed by its organiser from the programme, the workshops and chosen resources."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="proceedings")
    title = models.CharField(_("titre des actes"), max_length=250)
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Mise en forme Markdown."))
    include_programme = models.BooleanField(_("reprendre le programme"), default=True)
    include_speakers = models.BooleanField(_("reprendre les intervenants"), default=True)
    workshops = models.ManyToManyField(
        Workshop, blank=True, related_name="proceedings", verbose_name=_("restitutions d'ateliers")
    )
    resources = models.ManyToManyField(
        Resource, blank=True, related_name="proceedings", verbose_name=_("ressources reprises")
    )
    status = models.CharField(
        _("état"), max_length=10, choices=ProceedingsStatus.choices, default=ProceedingsStatus.DRAFT
    )
    # Frozen at publication, so the PDF a reader downloads is the one the organiser published.
    pdf = models.FileField(upload_to=proceedings_upload_path, max_length=300, blank=True, editable=False)
    pdf_size_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("actes")
        verbose_name_plural = _("actes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site:proceedings", args=[self.event.slug])

    @property
    def is_published(self) -> bool:
        return self.status == ProceedingsStatus.PUBLISHED
