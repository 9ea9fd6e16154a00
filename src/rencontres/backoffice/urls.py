"""The organiser's addresses, all under /gestion/: events, registrations, imports."""

from django.urls import path

from .views import announcements, events, registrations

app_name = "backoffice"

urlpatterns = [
    path("", events.home, name="home"),
    path("evenements/nouveau/", events.event_create, name="event_create"),
    path("evenements/<int:event_id>/", events.event_edit, name="event_edit"),
    path("evenements/<int:event_id>/publier/", events.event_publish, name="event_publish"),
    path("evenements/<int:event_id>/depublier/", events.event_unpublish, name="event_unpublish"),
    path("evenements/<int:event_id>/dupliquer/", events.event_duplicate, name="event_duplicate"),
    path("evenements/<int:event_id>/journees/", events.day_add, name="day_add"),
    path("evenements/<int:event_id>/intervenants/", events.speaker_add, name="speaker_add"),
    path("evenements/<int:event_id>/lieux/", events.venue_add, name="venue_add"),
    path("evenements/<int:event_id>/tarifs/", events.price_add, name="price_add"),
    path("evenements/<int:event_id>/documents/", events.document_add, name="document_add"),
    path("journees/<int:day_id>/supprimer/", events.day_delete, name="day_delete"),
    path("journees/<int:day_id>/seances/", events.session_add, name="session_add"),
    path("seances/<int:session_id>/", events.session_edit, name="session_edit"),
    path("seances/<int:session_id>/supprimer/", events.session_delete, name="session_delete"),
    path("intervenants/<int:speaker_id>/supprimer/", events.speaker_delete, name="speaker_delete"),
    path("tarifs/<int:tier_id>/supprimer/", events.price_delete, name="price_delete"),
    path("documents/<int:document_id>/supprimer/", events.document_delete, name="document_delete"),
    path("evenements/<int:event_id>/inscriptions/", registrations.manage, name="registrations"),
    path("evenements/<int:event_id>/inscriptions/export.csv", registrations.export_csv, name="export_csv"),
    path("evenements/<int:event_id>/inscriptions/export.xlsx", registrations.export_xlsx, name="export_xlsx"),
    path("evenements/<int:event_id>/inscriptions/ecrire/", registrations.write_message, name="write"),
    path("evenements/<int:event_id>/inscriptions/reglages/", registrations.setup, name="registration_setup"),
    path("evenements/<int:event_id>/inscriptions/questions/", registrations.question_add, name="question_add"),
    path("evenements/<int:event_id>/inscriptions/invitations/", registrations.invitations_add, name="invitations_add"),
    path("evenements/<int:event_id>/inscriptions/places-libres/", registrations.fill_places, name="fill_places"),
    path("evenements/<int:event_id>/inscriptions/decision/", registrations.decide, name="decide"),
    path("questions/<int:question_id>/supprimer/", registrations.question_delete, name="question_delete"),
    path("invitations/<int:invitation_id>/supprimer/", registrations.invitation_delete, name="invitation_delete"),
    path("inscriptions/<int:registration_id>/", registrations.detail, name="registration_detail"),
    path("inscriptions/<int:registration_id>/<slug:action>/", registrations.act, name="registration_act"),
    path("inscriptions/<int:registration_id>/<slug:kind>.pdf", registrations.paper, name="registration_paper"),
    path("pieces/<int:file_id>/", registrations.application_file, name="application_file"),
    path("reponses/<int:answer_id>/", registrations.answer_file, name="answer_file"),
    path("importer/", announcements.import_announcement, name="import_announcement"),
    path("importer/<int:import_id>/verifie/", announcements.mark_reviewed, name="import_reviewed"),
]

from .views import surveys, workshops  # noqa: E402

urlpatterns += [
    path("evenements/<int:event_id>/ateliers/", workshops.event_workshops, name="event_workshops"),
    path("evenements/<int:event_id>/ateliers/preparer/", workshops.workshop_create, name="workshop_create"),
    path("ateliers/<int:workshop_id>/", workshops.facilitate, name="workshop"),
    path("ateliers/<int:workshop_id>/chantiers/", workshops.workstream_add, name="workstream_add"),
    path("ateliers/<int:workshop_id>/vote/ouvrir/", workshops.vote_open, name="workshop_vote_open"),
    path("ateliers/<int:workshop_id>/vote/clore/", workshops.vote_close, name="workshop_vote_close"),
    path("ateliers/<int:workshop_id>/liens/", workshops.send_links, name="workshop_send_links"),
    path("ateliers/<int:workshop_id>/projection/", workshops.projector, name="workshop_projector"),
    path(
        "ateliers/<int:workshop_id>/projection/resultats/",
        workshops.projector_results,
        name="workshop_projector_results",
    ),
    path("ateliers/<int:workshop_id>/restitution/", workshops.restitution_publish, name="workshop_restitution"),
    path("ateliers/<int:workshop_id>/restitution.pdf", workshops.restitution_download, name="workshop_restitution_pdf"),
    path("chantiers/<int:workstream_id>/supprimer/", workshops.workstream_delete, name="workstream_delete"),
    path("chantiers/<int:workstream_id>/contributions/", workshops.paper_add, name="paper_contribution_add"),
    path("chantiers/<int:workstream_id>/synthese/", workshops.synthesis, name="workstream_synthesis"),
    path("chantiers/<int:workstream_id>/suites/", workshops.next_step_add, name="next_step_add"),
    path("suites/<int:step_id>/supprimer/", workshops.next_step_delete, name="next_step_delete"),
    path("contributions/<int:contribution_id>/masquer/", workshops.contribution_hide, name="contribution_hide"),
    path("contributions/<int:contribution_id>/regrouper/", workshops.contribution_group, name="contribution_group"),
    path("evenements/<int:event_id>/questionnaires/", surveys.event_surveys, name="event_surveys"),
    path("questionnaires/<int:survey_id>/", surveys.survey_edit, name="survey"),
    path("questionnaires/<int:survey_id>/questions/", surveys.question_add, name="survey_question_add"),
    path("questionnaires/<int:survey_id>/publication/", surveys.survey_publish, name="survey_publish"),
    path("questionnaires/<int:survey_id>/envoi/", surveys.survey_send, name="survey_send"),
    path("questionnaires/<int:survey_id>/resultats/", surveys.survey_results, name="survey_results"),
    path("questionnaires/<int:survey_id>/export.xlsx", surveys.survey_export, name="survey_export"),
    path(
        "questions-questionnaire/<int:question_id>/supprimer/", surveys.question_delete, name="survey_question_delete"
    ),
]
