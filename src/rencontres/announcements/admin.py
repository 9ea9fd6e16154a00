from django.contrib import admin

from .models import AnnouncementImport


@admin.register(AnnouncementImport)
class AnnouncementImportAdmin(admin.ModelAdmin):
    list_display = ["source_name", "event", "created_at", "reviewed_at"]
    readonly_fields = ["parsed", "doubts"]
