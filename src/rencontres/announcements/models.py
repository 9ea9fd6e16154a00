from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rencontres.events.models import Event


class AnnouncementImport(models.Model):
    """What the importer read for a draft event, and the doubts the organiser must check."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="announcement_import")
    source_name = models.CharField(_("source"), max_length=255)
    parsed = models.JSONField(_("lecture de l'annonce"))
    # [{"section": "programme" | "informations" | "speakers" | "venues" | "prices" | "documents", "message": "..."}]
    doubts = models.JSONField(_("points à vérifier"), default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_at = models.DateTimeField(_("vérifié le"), null=True, blank=True)

    class Meta:
        verbose_name = _("import d'annonce")
        verbose_name_plural = _("imports d'annonces")

    def __str__(self) -> str:
        return self.source_name

    def doubts_by_section(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for doubt in self.doubts:
            grouped.setdefault(doubt["section"], []).append(doubt["message"])
        return grouped
