"""The Django admin for theses and the jury: to look them up; changes go through the back-office's services."""

from django.contrib import admin

from rencontres.core.admin import ReadOnlyAdmin

from .models import Decision, Jury, Thesis


@admin.register(Thesis)
class ThesisAdmin(ReadOnlyAdmin):
    list_display = ["registration", "version", "file_type", "size_bytes", "submitted_at", "replaced_at"]
    list_select_related = ["registration"]


@admin.register(Jury)
class JuryAdmin(ReadOnlyAdmin):
    list_display = ["event", "date"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["registration", "outcome", "recorded_at", "recorded_by_email", "replaced_at"]
    list_filter = ["outcome"]
    list_select_related = ["registration"]
