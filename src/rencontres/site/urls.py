"""The public face's addresses: catalogue, event pages, cycles, registering, the personal space."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from .sitemaps import SITEMAPS
from .views import attendance, events, feeds, invitations, legal, privacy, public_sessions, registrations

app_name = "site"

urlpatterns = [
    path("", events.catalogue, name="catalogue"),
    path("evenements/<slug:slug>/", events.event_detail, name="event_detail"),
    path("evenements/<slug:slug>/agenda.ics", events.event_ical, name="event_ical"),
    path("evenements/<slug:slug>/programme.pdf", events.event_programme_pdf, name="event_programme_pdf"),
    path("documents/<int:document_id>/", events.document_download, name="document"),
    path("cycles/<slug:slug>/", events.series_detail, name="series"),
    path("evenements/<slug:slug>/inscription/", registrations.register, name="register"),
    path("evenements/<slug:slug>/inscription/reponse/<str:token>/", registrations.thanks, name="thanks"),
    path(
        "evenements/<slug:slug>/seances/<int:session_id>/inscription/",
        public_sessions.register,
        name="public_session_register",
    ),
    path("seances/annuler/<str:token>/", public_sessions.cancel_by_link, name="public_seat_cancel"),
    path("mon-espace/", registrations.my_space, name="my_space"),
    path("mon-espace/mes-donnees.json", privacy.my_data, name="my_data"),
    path("mon-espace/effacer-mes-donnees/", privacy.my_erase, name="my_erase"),
    path("mon-espace/inscriptions/<int:registration_id>/annuler/", registrations.my_cancel, name="my_cancel"),
    path("inscriptions/annuler/<str:token>/", registrations.cancel_by_link, name="cancel_by_link"),
    path("mon-espace/inscriptions/<int:registration_id>/confirmer/", registrations.my_confirm, name="my_confirm"),
    path("emargement/<int:slot_id>/code/<str:code>/", attendance.qr_landing, name="attendance_qr"),
    path("emargement/<int:slot_id>/signer/", attendance.sign, name="attendance_sign"),
    path("emargement/<int:slot_id>/qui-etes-vous/", attendance.identify, name="attendance_identify"),
    path("emargement/moi/<str:token>/", attendance.personal_link, name="attendance_me"),
    path("emargement/oublier/<int:event_id>/", attendance.forget, name="attendance_forget"),
    path("en-ligne/<str:token>/<int:session_id>/", attendance.online_join, name="online_join"),
    path("agenda.ics", feeds.site_calendar, name="calendar"),
    path("organismes/<slug:slug>/agenda.ics", feeds.organization_calendar, name="organization_calendar"),
    path("organismes/<slug:slug>/logo/", feeds.organization_logo, name="organization_logo"),
    path("themes/<slug:slug>/agenda.ics", feeds.theme_calendar, name="theme_calendar"),
    path("evenements.atom", feeds.NewEventsFeed(), name="atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", feeds.robots, name="robots"),
    path("rejoindre/<str:token>/", invitations.member_invitation, name="member_invitation"),
    path("mentions-legales/", legal.legal_notice, name="legal_notice"),
    path("donnees-personnelles/", legal.personal_data, name="personal_data"),
    path("accessibilite/", legal.accessibility, name="accessibility"),
    path("mon-espace/inscriptions/<int:registration_id>/<slug:kind>.pdf", registrations.my_paper, name="my_paper"),
]

from .views import certificates, resources, search, surveys, theses, workshops  # noqa: E402

urlpatterns += [
    path("mon-espace/inscriptions/<int:registration_id>/memoire/", theses.my_thesis, name="my_thesis"),
    path("mon-espace/memoires/<int:thesis_id>/", theses.my_thesis_file, name="my_thesis_file"),
    path("verifier/", certificates.verify, name="certificate_verify_form"),
    path("verifier/<str:code>/", certificates.verify, name="certificate_verify"),
    path("mon-espace/attestations/<int:certificate_id>.pdf", certificates.my_certificate, name="my_certificate"),
    path("evenements/<slug:slug>/ateliers/<int:workshop_id>/", workshops.join, name="workshop_join"),
    path(
        "evenements/<slug:slug>/ateliers/<int:workshop_id>/restitution/",
        workshops.restitution,
        name="workshop_restitution",
    ),
    path(
        "evenements/<slug:slug>/ateliers/<int:workshop_id>/restitution.pdf",
        workshops.restitution_download,
        name="workshop_restitution_pdf",
    ),
    path("ateliers/<str:token>/", workshops.workshop_page, name="workshop"),
    path("ateliers/<str:token>/chantiers/<int:workstream_id>/", workshops.contribute, name="workshop_contribute"),
    path("ateliers/<str:token>/contributions/<int:contribution_id>/", workshops.vote, name="workshop_vote"),
    path("questionnaires/<str:token>/", surveys.answer, name="survey_answer"),
    path("ressources/<int:resource_id>/", resources.resource_download, name="resource"),
    path("intervenants/depot/<str:token>/", resources.speaker_upload, name="speaker_upload"),
    path("evenements/<slug:slug>/actes/", resources.proceedings_page, name="proceedings"),
    path("evenements/<slug:slug>/actes.pdf", resources.proceedings_pdf, name="proceedings_pdf"),
    path("recherche/", search.search_page, name="search"),
    path("experiences/", search.experiences, name="experiences"),
    path("experiences/proposer/", search.experience_propose, name="experience_propose"),
    path("experiences/territoires/", search.experience_territories, name="experience_territories"),
    path("experiences.atom", search.ExperiencesFeed(), name="experiences_atom"),
    path("experiences/<slug:slug>/", search.experience_detail, name="experience"),
]
