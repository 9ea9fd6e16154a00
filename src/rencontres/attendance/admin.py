"""The Django admin for attendance: to look things up. Signatures and presences change only
through the services (the journal of corrections depends on it), so they are read-only here."""

from django.contrib import admin

from rencontres.core.admin import ReadOnlyAdmin

from .models import Attendance, AttendanceCorrection, AttendanceSlot, OnlineJoin, WalkIn


@admin.register(AttendanceSlot)
class AttendanceSlotAdmin(ReadOnlyAdmin):
    list_display = ["event", "day", "half", "start_time", "end_time", "planned_minutes", "validated_at"]
    list_select_related = ["event", "day"]


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["slot", "registration", "walk_in", "status", "minutes_missed", "mode", "signed_at"]
    list_filter = ["status", "mode"]
    list_select_related = ["slot__day", "slot__event", "registration__event", "walk_in"]


@admin.register(AttendanceCorrection)
class AttendanceCorrectionAdmin(ReadOnlyAdmin):
    list_display = ["attendance", "corrected_by", "reason", "created_at"]


@admin.register(WalkIn)
class WalkInAdmin(ReadOnlyAdmin):
    list_display = ["first_name", "last_name", "event", "merged_into"]


@admin.register(OnlineJoin)
class OnlineJoinAdmin(ReadOnlyAdmin):
    list_display = ["registration", "session", "joined_at"]
