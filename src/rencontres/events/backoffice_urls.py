from django.urls import path

from .views import backoffice as views

app_name = "backoffice"

urlpatterns = [
    path("", views.home, name="home"),
    path("evenements/nouveau/", views.event_create, name="event_create"),
    path("evenements/<int:event_id>/", views.event_edit, name="event_edit"),
    path("evenements/<int:event_id>/publier/", views.event_publish, name="event_publish"),
    path("evenements/<int:event_id>/depublier/", views.event_unpublish, name="event_unpublish"),
    path("evenements/<int:event_id>/dupliquer/", views.event_duplicate, name="event_duplicate"),
    path("evenements/<int:event_id>/journees/", views.day_add, name="day_add"),
    path("evenements/<int:event_id>/intervenants/", views.speaker_add, name="speaker_add"),
    path("evenements/<int:event_id>/lieux/", views.venue_add, name="venue_add"),
    path("evenements/<int:event_id>/tarifs/", views.price_add, name="price_add"),
    path("evenements/<int:event_id>/documents/", views.document_add, name="document_add"),
    path("journees/<int:day_id>/supprimer/", views.day_delete, name="day_delete"),
    path("journees/<int:day_id>/seances/", views.session_add, name="session_add"),
    path("seances/<int:session_id>/", views.session_edit, name="session_edit"),
    path("seances/<int:session_id>/supprimer/", views.session_delete, name="session_delete"),
    path("intervenants/<int:speaker_id>/supprimer/", views.speaker_delete, name="speaker_delete"),
    path("tarifs/<int:tier_id>/supprimer/", views.price_delete, name="price_delete"),
    path("documents/<int:document_id>/supprimer/", views.document_delete, name="document_delete"),
]
