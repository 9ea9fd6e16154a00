"""The Django admin for registrations: to look things up and correct a person's details.

Places, states and the waiting list change only through `services` (under the event lock,
with the journal), so the admin shows them read-only and cannot add or delete a
registration; organisers act from the back-office (/gestion/).
"""

from django.contrib import admin

from rencontres.core.admin import ReadOnlyAdmin

from .models import (
    Answer,
    ApplicationFile,
    DataAccessLogEntry,
    EventRegistrationSettings,
    Invitation,
    Paperwork,
    Question,
    Registration,
    RegistrationLogEntry,
    SessionChoice,
    SessionSeat,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SessionChoiceInline(ReadOnlyInline):
    model = SessionChoice


class AnswerInline(ReadOnlyInline):
    model = Answer


class ApplicationFileInline(ReadOnlyInline):
    model = ApplicationFile
    fields = ["label", "file", "file_type", "size_bytes"]


class PaperworkInline(ReadOnlyInline):
    model = Paperwork
    fields = ["kind", "number", "amount_cents", "issued_at"]
    readonly_fields = ["issued_at"]


class LogEntryInline(ReadOnlyInline):
    model = RegistrationLogEntry
    fields = ["created_at", "actor", "from_state", "to_state", "note"]
    readonly_fields = ["created_at"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "event", "state", "payer_kind", "created_at"]
    list_filter = ["state", "payer_kind"]
    search_fields = ["email", "last_name", "first_name", "event__title"]
    list_select_related = ["event"]
    readonly_fields = [
        "event",
        "state",
        "queue_number",
        "price_tier",
        "payer_kind",
        "amount_cents",
        "price_label",
        "offer_expires_at",
        "commitment_received_at",
        "created_at",
        "updated_at",
    ]
    inlines = [SessionChoiceInline, AnswerInline, ApplicationFileInline, PaperworkInline, LogEntryInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EventRegistrationSettings)
class EventRegistrationSettingsAdmin(admin.ModelAdmin):
    list_display = ["event", "requires_application", "offer_hours", "minimum_decision_on", "minimum_decision"]
    list_filter = ["requires_application", "minimum_decision"]
    search_fields = ["event__title"]
    autocomplete_fields = ["event"]
    readonly_fields = ["minimum_decision"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["label", "event", "kind", "is_required"]
    search_fields = ["label", "event__title"]
    autocomplete_fields = ["event"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "event", "created_at"]
    search_fields = ["email", "event__title"]
    autocomplete_fields = ["event"]


@admin.register(SessionSeat)
class SessionSeatAdmin(admin.ModelAdmin):
    """To correct a name; seats are taken and given up only through `services.public_sessions` (the session lock)."""

    list_display = ["full_name", "email", "session", "created_at", "cancelled_at"]
    search_fields = ["email", "last_name", "session__title", "session__event__title"]
    readonly_fields = ["session", "created_at", "cancelled_at", "anonymised_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DataAccessLogEntry)
class DataAccessLogEntryAdmin(ReadOnlyAdmin):
    """The journal of personal data read in the back-office: nobody rewrites what was read."""

    list_display = ["created_at", "actor_email", "kind", "organization", "event", "detail"]
    list_filter = ["kind", "organization"]
    search_fields = ["actor_email", "event__title", "detail"]
