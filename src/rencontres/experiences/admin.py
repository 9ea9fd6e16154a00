from django.contrib import admin

from .models import Experience


@admin.register(Experience)
class ExperienceAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "department_code", "stage", "status", "year"]
    list_filter = ["status", "stage", "carrier_kind"]
    search_fields = ["title", "carrier_name"]
    raw_id_fields = ["organization", "contribution", "proposed_by"]
    filter_horizontal = ["themes", "events"]
