from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from rencontres.core import views as core_views

urlpatterns = [
    path("", include("rencontres.events.urls")),
    path("gestion/", include("rencontres.events.backoffice_urls")),
    path("", include("rencontres.registrations.urls")),
    path("compte/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
