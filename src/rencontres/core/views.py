"""Error pages in French, in the site's layout."""

import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger("rencontres.database")

# How long a client is asked to wait before sending the same request again: a fast restart of
# PostgreSQL is under a second, a crash and its recovery about five (reviews/db-faults.md).
RETRY_AFTER_SECONDS = 5

# The database refused or lost the connection (or, SQLite, could not open or lock its file):
# the request can be sent again as it was; registering is idempotent.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def _error(request, status: int, title: str, text: str):
    return render(
        request, "core/error.html", {"status": status, "error_title": title, "error_text": text}, status=status
    )


def bad_request(request, exception=None):
    return _error(
        request,
        400,
        _("Requête incorrecte"),
        _("La demande n'a pas pu être comprise. Vérifiez l'adresse ou le formulaire."),
    )


def permission_denied(request, exception=None):
    return _error(
        request,
        403,
        _("Accès refusé"),
        _("Vous n'avez pas accès à cette page. Connectez-vous avec un compte membre de l'organisme."),
    )


def page_not_found(request, exception=None):
    return _error(request, 404, _("Page introuvable"), _("La page que vous cherchez n'existe pas ou a été déplacée."))


def server_error(request):
    """A bug's page (Django mails ADMINS its traceback); a 503 when the database is what failed."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return database_unavailable(request, error)
    return render(request, "core/error_500.html", {"admins_notified": bool(settings.ADMINS)}, status=500)


def database_unavailable(request, error: Exception):
    """A 503 with Retry-After, French JSON under /api/, the site's page elsewhere; one log line, no traceback.

    The page is drawn without the database: as for an anonymous visitor, without the messages
    kept in the session. A crash under load would otherwise log one 70-line traceback a request.
    """
    reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
    logger.warning("Database unavailable: %s %s: %s: %s", request.method, request.path, type(error).__name__, reason)
    detail = _(
        "Le service est momentanément indisponible. Réessayez dans quelques instants avec la même demande : "
        "elle ne sera pas enregistrée deux fois."
    )
    if request.path.startswith("/api/"):
        # The API's error shape (rencontres.api): {"detail", "errors"}.
        response = JsonResponse({"detail": detail, "errors": []}, status=503)
    else:
        request.user = AnonymousUser()
        request._messages = CookieStorage(request)
        response = render(
            request,
            "core/error.html",
            {"status": 503, "error_title": _("Service momentanément indisponible"), "error_text": detail},
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Logged above in one line: Django would add its own with the whole traceback.
    response._has_been_logged = True
    return response
