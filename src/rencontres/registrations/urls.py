from django.urls import path

from .views import backoffice, public

app_name = "registrations"

urlpatterns = [
    path("evenements/<slug:slug>/inscription/", public.register, name="register"),
    path("evenements/<slug:slug>/inscription/reponse/<str:token>/", public.thanks, name="thanks"),
    path("mon-espace/", public.my_space, name="my_space"),
    path("mon-espace/inscriptions/<int:registration_id>/annuler/", public.my_cancel, name="my_cancel"),
    path("mon-espace/inscriptions/<int:registration_id>/confirmer/", public.my_confirm, name="my_confirm"),
    path("mon-espace/inscriptions/<int:registration_id>/<slug:kind>.pdf", public.my_paper, name="my_paper"),
    path("gestion/evenements/<int:event_id>/inscriptions/", backoffice.manage, name="manage"),
    path("gestion/evenements/<int:event_id>/inscriptions/export.csv", backoffice.export_csv, name="export_csv"),
    path("gestion/evenements/<int:event_id>/inscriptions/export.xlsx", backoffice.export_xlsx, name="export_xlsx"),
    path("gestion/evenements/<int:event_id>/inscriptions/ecrire/", backoffice.write_message, name="write"),
    path("gestion/evenements/<int:event_id>/inscriptions/reglages/", backoffice.setup, name="setup"),
    path("gestion/evenements/<int:event_id>/inscriptions/questions/", backoffice.question_add, name="question_add"),
    path("gestion/evenements/<int:event_id>/inscriptions/invitations/", backoffice.invitations_add, name="invitations_add"),
    path("gestion/evenements/<int:event_id>/inscriptions/places-libres/", backoffice.fill_places, name="fill_places"),
    path("gestion/evenements/<int:event_id>/inscriptions/decision/", backoffice.decide, name="decide"),
    path("gestion/questions/<int:question_id>/supprimer/", backoffice.question_delete, name="question_delete"),
    path("gestion/invitations/<int:invitation_id>/supprimer/", backoffice.invitation_delete, name="invitation_delete"),
    path("gestion/inscriptions/<int:registration_id>/", backoffice.detail, name="detail"),
    path("gestion/inscriptions/<int:registration_id>/<slug:action>/", backoffice.act, name="act"),
    path("gestion/inscriptions/<int:registration_id>/<slug:kind>.pdf", backoffice.paper, name="paper"),
    path("gestion/pieces/<int:file_id>/", backoffice.application_file, name="application_file"),
    path("gestion/reponses/<int:answer_id>/", backoffice.answer_file, name="answer_file"),
]
