from django.urls import path

from . import views

app_name = "announcements"

urlpatterns = [
    path("importer/", views.import_announcement, name="import"),
    path("importer/<int:import_id>/verifie/", views.mark_reviewed, name="mark_reviewed"),
]
