from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    EVENT = "event", _("événement")
    SESSION = "session", _("séance")
    SPEAKER = "speaker", _("intervenant")
    RESOURCE = "resource", _("ressource")
    PROCEEDINGS = "proceedings", _("actes")
    EXPERIENCE = "experience", _("expérience")


class TagFacet(models.TextChoices):
    THEME = "theme", _("thème")
    PUBLIC = "public", _("public")
