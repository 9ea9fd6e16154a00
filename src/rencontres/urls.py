from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from rencontres.api import api
from rencontres.core import views as core_views

# The admin's own login form would sign staff in without the address proof the site's sign-in
# asks of everyone (ACCOUNT_EMAIL_VERIFICATION): it sends them to the site's sign-in instead.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("rencontres.site.urls")),
    path("gestion/", include("rencontres.backoffice.urls")),
    path("api/", api.urls),
    path("compte/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

# Uploaded documents are served by site.views.events.document_download, which checks
# who may read them; MEDIA_ROOT is never exposed as such.

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
