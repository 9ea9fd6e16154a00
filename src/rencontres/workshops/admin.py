from django.contrib import admin

from .models import Contribution, Workshop, Workstream


class WorkstreamInline(admin.TabularInline):
    model = Workstream
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["session", "event", "phase", "restitution_visibility"]
    list_filter = ["phase", "restitution_visibility"]
    raw_id_fields = ["event", "session"]
    inlines = [WorkstreamInline]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["text", "workstream", "is_hidden", "group", "frozen_votes"]
    list_filter = ["is_hidden"]
    raw_id_fields = ["workstream", "author", "typed_by"]
