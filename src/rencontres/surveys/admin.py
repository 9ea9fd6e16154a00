from django.contrib import admin

from .models import Survey, SurveyQuestion


class SurveyQuestionInline(admin.TabularInline):
    model = SurveyQuestion
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "is_open", "results_published", "sent_at"]
    list_filter = ["kind", "is_open", "results_published"]
    raw_id_fields = ["event"]
    inlines = [SurveyQuestionInline]
