from django.db import models
from django.utils.translation import gettext_lazy as _


class Half(models.TextChoices):
    MORNING = "morning", _("matin")
    AFTERNOON = "afternoon", _("après-midi")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("présent·e")
    LATE = "late", _("arrivé·e en retard")
    LEFT_EARLY = "left_early", _("parti·e plus tôt")
    EXCUSED = "excused", _("absence excusée")
    ABSENT = "absent", _("absent·e")


# Statuses whose minutes count, less the minutes missed; the others count nothing.
ATTENDED_STATUSES = {AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY}
# Statuses that come with a number of minutes missed.
PARTIAL_STATUSES = {AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY}


class SigningMode(models.TextChoices):
    TABLET = "tablet", _("tablette partagée")
    PHONE = "phone", _("téléphone personnel (QR code)")
    PAPER = "paper", _("feuille papier")
    ONLINE = "online", _("présence en ligne")
    ORGANISER = "organiser", _("relevé par l'organisateur")
