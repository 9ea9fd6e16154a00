"""The REST API: one NinjaAPI for the whole site, mounted at /api/ (docs at /api/docs).

Each app brings its router (`events/api.py`, `registrations/api.py`); this module sets
what is common: the title and description of the OpenAPI document, and how errors are
answered — always JSON `{"detail": "<French sentence saying what to fix>"}` with a 4xx,
plus `errors` (one entry per field) when the input is at fault. A server error is a bug.
"""

from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from rencontres.api.attendance import router as attendance_router
from rencontres.api.certificates import router as certificates_router
from rencontres.api.events import router as events_router
from rencontres.api.invoices import router as invoices_router
from rencontres.api.registrations import InvalidPayload
from rencontres.api.registrations import router as registrations_router
from rencontres.core.views import database_unavailable
from rencontres.registrations.exceptions import RegistrationError, TooManyRegistrations
from rencontres.reporting.exceptions import ReportingError

VERSION = "1.0.0"

DESCRIPTION = gettext_lazy(
    "API publique de Rencontres : les événements publiés (programme, tarifs, places restantes) "
    "et l'inscription à un événement, avec exactement les règles du formulaire en ligne.\n\n"
    "Les organismes lisent les inscriptions à leurs événements avec un jeton d'API, envoyé dans "
    "l'en-tête `Authorization: Bearer <jeton>`. Un jeton se crée dans l'administration ou avec "
    "la commande `rencontres create_api_token IDENTIFIANT_ORGANISME USAGE` ; il n'est affiché qu'une fois.\n\n"
    'Toute erreur est une réponse JSON `{"detail": "..."}` en français qui dit quoi corriger ; '
    'les erreurs de saisie ajoutent `errors`, une liste de `{"field", "message"}`.\n\n'
    "Une réponse 503 (base de données momentanément indisponible) porte l'en-tête `Retry-After` : "
    "renvoyez la même demande après ce nombre de secondes. L'inscription est idempotente : "
    "une même adresse n'est jamais inscrite deux fois au même événement."
)


api = NinjaAPI(
    title="Rencontres",
    version=VERSION,
    description=str(DESCRIPTION),
    urls_namespace="api",
)


def error_response(request, status: int, detail: str, errors: list[dict] | None = None, headers=None):
    response = api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# What pydantic reports, said in French. Keys are pydantic's error types
# (https://docs.pydantic.dev/latest/errors/validation_errors/).
PYDANTIC_MESSAGES = {
    "missing": gettext_lazy("Ce champ est obligatoire."),
    "string_type": gettext_lazy("Donnez une chaîne de caractères."),
    "string_too_long": gettext_lazy("Au plus %(max_length)s caractères."),
    "string_too_short": gettext_lazy("Au moins %(min_length)s caractère(s)."),
    "string_pattern_mismatch": gettext_lazy("Cette valeur n'a pas le format attendu."),
    "int_type": gettext_lazy("Donnez un nombre entier."),
    "int_parsing": gettext_lazy("Donnez un nombre entier."),
    "int_from_float": gettext_lazy("Donnez un nombre entier, sans décimale."),
    "greater_than_equal": gettext_lazy("Donnez un nombre supérieur ou égal à %(ge)s."),
    "less_than_equal": gettext_lazy("Donnez un nombre inférieur ou égal à %(le)s."),
    "bool_type": gettext_lazy("Donnez true ou false."),
    "bool_parsing": gettext_lazy("Donnez true ou false."),
    "list_type": gettext_lazy("Donnez une liste."),
    "too_long": gettext_lazy("Cette liste est trop longue (au plus %(max_length)s éléments)."),
    "dict_type": gettext_lazy("Donnez un objet JSON."),
    "model_attributes_type": gettext_lazy("Donnez un objet JSON."),
    "model_type": gettext_lazy("Donnez un objet JSON."),
    "enum": gettext_lazy("Choisissez l'une de ces valeurs : %(expected)s."),
    "literal_error": gettext_lazy("Choisissez l'une de ces valeurs : %(expected)s."),
    "extra_forbidden": gettext_lazy("Ce champ n'existe pas : retirez-le."),
}

# Where pydantic locates an error: the first item says which part of the request.
LOCATIONS = {"body": "", "query": "", "path": "", "header": "en-tête "}


def _field_name(loc) -> str:
    parts = [str(p) for p in loc]
    prefix = LOCATIONS.get(parts[0], "") if parts else ""
    if parts and parts[0] in LOCATIONS:
        parts = parts[1:]
    # Ninja nests the body under the parameter's name ("payload"); the client never sees it.
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return prefix + (".".join(parts) or _("corps de la requête"))


def _french(error: dict) -> str:
    template = PYDANTIC_MESSAGES.get(error.get("type", ""))
    if template is None:
        return _("Valeur invalide.")
    context = dict(error.get("ctx") or {})
    try:
        return str(template) % context if "%(" in str(template) else str(template)
    except (KeyError, TypeError, ValueError):
        return _("Valeur invalide.")


def field_errors_detail(errors: list[dict]) -> str:
    lines = [f"{e['field']} : {e['message']}" for e in errors]
    return _("Corrigez ces champs : %(errors)s") % {"errors": " ; ".join(lines)}


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = [{"field": _field_name(e.get("loc", ())), "message": _french(e)} for e in exc.errors]
    return error_response(request, 422, field_errors_detail(errors), errors)


@api.exception_handler(InvalidPayload)
def on_invalid_payload(request, exc: InvalidPayload):
    """The registration form's rules, broken by the payload."""
    return error_response(request, 422, field_errors_detail(exc.errors), exc.errors)


@api.exception_handler(RegistrationError)
def on_registration_error(request, exc: RegistrationError):
    errors = [{"field": field, "message": str(message)} for field, message in exc.errors]
    return error_response(request, 400, exc.message, errors)


@api.exception_handler(ReportingError)
def on_reporting_error(request, exc: ReportingError):
    errors = [{"field": field, "message": str(message)} for field, message in exc.errors]
    return error_response(request, 400, exc.message, errors)


@api.exception_handler(TooManyRegistrations)
def on_too_many_registrations(request, exc: TooManyRegistrations):
    return error_response(request, 429, exc.message, headers={"Retry-After": str(exc.retry_after)})


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc: AuthenticationError):
    return error_response(
        request,
        401,
        _(
            "Jeton d'API manquant ou invalide : envoyez l'en-tête « Authorization: Bearer <jeton> » avec un jeton "
            "de votre organisme (administration ou commande create_api_token)."
        ),
        headers={"WWW-Authenticate": 'Bearer realm="rencontres"'},
    )


# Ninja's own English messages for the errors it raises itself.
HTTP_ERROR_MESSAGES = {
    "Cannot parse request body": gettext_lazy(
        "Le corps de la requête n'est pas du JSON valide : envoyez un objet JSON encodé en UTF-8."
    ),
}


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    detail = str(HTTP_ERROR_MESSAGES.get(exc.message, exc.message))
    return error_response(request, exc.status_code, detail)


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def on_database_unavailable(request, exc):
    """A 503 to retry after Retry-After, logged in one line (core.views.database_unavailable)."""
    return database_unavailable(request, exc)


@api.exception_handler(Http404)
def on_not_found(request, exc: Http404):
    detail = str(exc.args[0]) if exc.args and exc.args[0] else _("Ressource introuvable.")
    return error_response(request, 404, detail)


api.add_router("/events/", events_router)
api.add_router("/events/", registrations_router)
api.add_router("/events/", attendance_router)
api.add_router("/events/", certificates_router)
api.add_router("/events/", invoices_router)

from rencontres.api.surveys import router as surveys_router  # noqa: E402
from rencontres.api.workshops import router as workshops_router  # noqa: E402

api.add_router("/events/", workshops_router)
api.add_router("/events/", surveys_router)

from rencontres.api.search import router as search_router  # noqa: E402

api.add_router("/", search_router)

from rencontres.api.reporting import router as reporting_router  # noqa: E402

api.add_router("/organizations/", reporting_router)
