"""Error pages in French, in the site's layout."""

from django.shortcuts import render
from django.utils.translation import gettext as _


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
    return render(request, "core/error_500.html", status=500)
