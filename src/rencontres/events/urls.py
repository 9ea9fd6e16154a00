from django.urls import path

from .views import public

app_name = "events"

urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("evenements/<slug:slug>/", public.event_detail, name="detail"),
    path("evenements/<slug:slug>/agenda.ics", public.event_ical, name="ical"),
    path("evenements/<slug:slug>/programme.pdf", public.event_programme_pdf, name="programme_pdf"),
    path("documents/<int:document_id>/", public.document_download, name="document"),
    path("cycles/<slug:slug>/", public.series_detail, name="series"),
]
