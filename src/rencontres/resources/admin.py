from django.contrib import admin

from .models import Proceedings, Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "status", "visibility", "size_bytes"]
    list_filter = ["kind", "status", "visibility", "language"]
    search_fields = ["title", "event__title"]
    raw_id_fields = ["event", "day", "session", "speaker"]


@admin.register(Proceedings)
class ProceedingsAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "status", "published_at"]
    list_filter = ["status"]
    raw_id_fields = ["event"]
    filter_horizontal = ["workshops", "resources"]
