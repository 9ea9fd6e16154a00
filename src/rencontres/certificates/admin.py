"""The Django admin for certificates: to look them up. An issued certificate is evidence: read-only here."""

from django.contrib import admin

from rencontres.attendance.admin import ReadOnlyAdmin

from .models import Certificate


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ["registration", "event", "kind", "version", "code", "minutes", "issued_at", "replaced_at"]
    list_filter = ["kind"]
    list_select_related = ["registration__event", "event"]
    search_fields = ["code", "registration__last_name", "registration__email"]
