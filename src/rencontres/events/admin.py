from django.contrib import admin

from .models import Day, Document, Event, PriceTier, Series, Session, SessionSpeaker, Speaker, Theme, Venue


class DayInline(admin.TabularInline):
    model = Day
    extra = 0


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0


class PriceTierInline(admin.TabularInline):
    model = PriceTier
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "format", "status", "starts_on", "department_code"]
    list_filter = ["status", "format", "organization"]
    search_fields = ["title", "subtitle"]
    autocomplete_fields = ["organization", "series", "venue", "themes"]
    inlines = [DayInline, SpeakerInline, PriceTierInline, DocumentInline]


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 0


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "day", "start_time", "end_time", "kind", "mode"]
    list_filter = ["kind", "mode", "is_open_to_public"]
    search_fields = ["title", "event__title"]
    inlines = [SessionSpeakerInline]


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "organization"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "organization"]
    search_fields = ["name", "city"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register([Day, Speaker, PriceTier, Document])
