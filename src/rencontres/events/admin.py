from django.contrib import admin

from . import services
from .models import Day, Document, Event, PriceTier, Series, Session, SessionSpeaker, Speaker, Theme, Venue


class KeepsEventDatesAndSearchInStep(admin.ModelAdmin):
    """For rows of an event's programme: after an edit here, the event's dates, search text and
    `updated_at` (the event page's cache key) follow as the back-office's services do
    (`services.after_programme_change`)."""

    def save_related(self, request, form, formsets, change):
        """After the row and its inlines (a session's speakers) are saved."""
        super().save_related(request, form, formsets, change)
        services.after_programme_change(form.instance.event)

    def delete_model(self, request, obj):
        event = obj.event
        super().delete_model(request, obj)
        services.after_programme_change(event)

    def delete_queryset(self, request, queryset):
        events = {obj.event for obj in queryset.select_related("event")}
        super().delete_queryset(request, queryset)
        for event in events:
            services.after_programme_change(event)


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

    def save_related(self, request, form, formsets, change):
        """Days, speakers and themes are saved with the event: its dates and search text follow."""
        super().save_related(request, form, formsets, change)
        services.after_programme_change(form.instance)


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 0


@admin.register(Session)
class SessionAdmin(KeepsEventDatesAndSearchInStep):
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.touch_events_of_venue(venue=obj)

    def delete_model(self, request, obj):
        services.touch_events_of_venue(venue=obj)
        super().delete_model(request, obj)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.touch_events_with_theme(theme=obj)

    def delete_model(self, request, obj):
        services.touch_events_with_theme(theme=obj)
        super().delete_model(request, obj)


@admin.register(Day)
class DayAdmin(KeepsEventDatesAndSearchInStep):
    list_display = ["date", "event", "title", "is_month_only"]
    search_fields = ["event__title", "title"]


@admin.register(Speaker)
class SpeakerAdmin(KeepsEventDatesAndSearchInStep):
    list_display = ["name", "event", "affiliation", "role"]
    search_fields = ["name", "event__title"]


@admin.register(PriceTier)
class PriceTierAdmin(KeepsEventDatesAndSearchInStep):
    list_display = ["label", "event", "amount_cents", "payer_kind"]
    search_fields = ["label", "event__title"]


@admin.register(Document)
class DocumentAdmin(KeepsEventDatesAndSearchInStep):
    list_display = ["title", "event", "kind", "is_public"]
    search_fields = ["title", "event__title"]
