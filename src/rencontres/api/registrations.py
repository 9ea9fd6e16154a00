"""The registrations face of the API: register to an event, and an organisation reads its registrations.

Registering binds the web form (`forms.RegistrationForm`) to the JSON payload and calls
`services.register`, so the API has exactly the form's rules and goes through the one
locked place counter. Organisations authenticate with an API token (`ApiToken`) and see
the registrations of their own events only: any other event is a 404, so nothing leaks.
"""

import datetime as dt

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status
from ninja.security import HttpBearer

from rencontres.api.events import MAX_ID, NO_NUL, SLUG_RE, ErrorOut
from rencontres.events.enums import PayerKind
from rencontres.events.models import Event
from rencontres.organizations.models import ApiToken
from rencontres.registrations import selectors, services
from rencontres.registrations.enums import QuestionKind, RegistrationState
from rencontres.registrations.models import Registration
from rencontres.site.forms.registration import RegistrationForm

router = Router(tags=["Inscriptions"])

Id = Field(ge=1, le=MAX_ID)


class OrganizationToken(HttpBearer):
    """`Authorization: Bearer <token>`: the organisation whose token it is, in `request.auth`."""

    openapi_description = "Jeton d'API d'un organisme (administration ou `rencontres create_api_token`)."

    def authenticate(self, request, token: str) -> ApiToken | None:
        return ApiToken.find(token)


# ---------------------------------------------------------------------------
# Registering
# ---------------------------------------------------------------------------


class RegistrationIn(Schema):
    """What a person gives to register; the same fields as the form on the event's page."""

    first_name: str = Field(max_length=100, pattern=NO_NUL, description="Prénom.")
    last_name: str = Field(max_length=100, pattern=NO_NUL, description="Nom.")
    email: str = Field(
        max_length=254,
        pattern=NO_NUL,
        description="Adresse électronique : la confirmation y est envoyée.",
        json_schema_extra={"format": "email"},
    )
    job_title: str = Field(max_length=150, pattern=NO_NUL, description="Fonction, par exemple : assistante sociale.")
    employer_name: str = Field(
        "", max_length=200, pattern=NO_NUL, description="Employeur ; obligatoire quand l'employeur paie."
    )
    employer_address: str = Field(
        "", max_length=300, pattern=NO_NUL, description="Adresse de l'employeur ; obligatoire quand l'employeur paie."
    )
    employer_siret: str = Field("", max_length=20, pattern=NO_NUL, description="SIRET de l'employeur, 14 chiffres.")
    price_tier: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description=(
            "Identifiant du tarif choisi (voir `prices` de l'événement) : il dit qui paie. "
            "Obligatoire si l'événement a des tarifs, interdit sinon."
        ),
    )
    payer_name: str = Field(
        "", max_length=200, pattern=NO_NUL, description="Nom de l'OPCO, quand le tarif choisi est payé par un OPCO."
    )
    payer_contact_email: str = Field(
        "",
        max_length=254,
        pattern=NO_NUL,
        description=("Adresse d'un contact chez le financeur (employeur ou OPCO), qui reçoit un accusé de réception."),
    )
    sessions: list[int] = Field(
        [],
        max_length=100,
        description=("Identifiants des séances à places limitées choisies (ateliers, conférence publique)."),
    )
    answers: dict[str, str] = Field(
        {},
        max_length=100,
        description=(
            "Réponses aux questions de l'organisateur : identifiant de la question → réponse "
            "(« oui » ou « non » pour une question oui/non, l'un des choix pour une question à choix)."
        ),
    )


class RegistrationOut(Schema):
    id: int
    event: str = Field(description="Identifiant de l'événement.")
    state: RegistrationState
    state_label: str
    waiting_position: int | None = Field(description="Rang sur la liste d'attente (1 = la prochaine place libre).")
    created: bool = Field(description="false quand cette adresse était déjà inscrite : rien n'a été ajouté.")
    message: str = Field(description="Ce que la personne doit savoir, en français.")


STATE_MESSAGES = {
    RegistrationState.CONFIRMED: gettext_lazy("Inscription confirmée : un accusé de réception part à %(email)s."),
    RegistrationState.WAITING: gettext_lazy(
        "L'événement est complet : vous êtes sur la liste d'attente (rang %(position)s). "
        "Vous recevrez un message si une place se libère."
    ),
    RegistrationState.PENDING: gettext_lazy(
        "Candidature reçue : l'organisateur l'examinera et vous écrira à %(email)s."
    ),
    RegistrationState.OFFERED: gettext_lazy("Une place vous est proposée : confirmez-la depuis votre espace."),
}


class InvalidPayload(Exception):
    """The payload breaks a rule of the form; `errors` lists {field, message} in French."""

    def __init__(self, errors: list[dict]):
        super().__init__(errors)
        self.errors = errors


def _error(field: str, message: str) -> dict:
    return {"field": field, "message": str(message)}


def _form_data(payload: RegistrationIn, form_fields, questions) -> tuple[dict, list[dict]]:
    """The form's POST data from the JSON payload, and the fields the form would not even show."""
    data = payload.model_dump(exclude={"sessions", "answers", "price_tier"})
    errors = []
    for name, message in [
        ("price_tier", _("Cet événement n'a pas de tarif : n'envoyez pas price_tier.")),
        ("payer_name", _("Aucun tarif de cet événement n'est payé par un OPCO : n'envoyez pas payer_name.")),
        (
            "payer_contact_email",
            _(
                "Aucun tarif de cet événement n'est payé par un employeur ou un OPCO : "
                "n'envoyez pas payer_contact_email."
            ),
        ),
        ("sessions", _("Cet événement n'a pas de séance à choisir : n'envoyez pas sessions.")),
    ]:
        value = getattr(payload, name)
        if name not in form_fields and value not in (None, "", []):
            errors.append(_error(name, message))
        data.pop(name, None)
    if payload.price_tier is not None:
        data["price_tier"] = str(payload.price_tier)
    if payload.payer_name:
        data["payer_name"] = payload.payer_name
    if payload.payer_contact_email:
        data["payer_contact_email"] = payload.payer_contact_email
    if payload.sessions:
        data["sessions"] = [str(s) for s in payload.sessions]
    known = {str(q.id): q for q in questions}
    for key, value in payload.answers.items():
        question = known.get(key.strip())
        if question is None:
            errors.append(
                _error(
                    f"answers.{key[:20]}",
                    _("Cet événement n'a pas de question %(id)s. Questions : %(ids)s.")
                    % {"id": key[:20], "ids": ", ".join(known) or _("aucune")},
                )
            )
        elif question.kind == QuestionKind.FILE:
            errors.append(
                _error(
                    f"answers.{key}", _("Cette question attend un fichier : répondez-y avec le formulaire en ligne.")
                )
            )
        else:
            data[f"question_{question.id}"] = value
    return data, errors


def _api_field(form_field: str) -> str:
    """The payload's name for a field of the form."""
    if form_field.startswith("question_"):
        return "answers." + form_field.removeprefix("question_")
    if form_field == "__all__":
        return "corps de la requête"
    return form_field


def _form_errors(form: RegistrationForm) -> list[dict]:
    errors = []
    for name, messages in form.errors.items():
        for message in messages:
            if name == "price_tier" and form.fields.get("price_tier") is not None:
                ids = ", ".join(str(t.id) for t in form.fields["price_tier"].queryset)
                message = f"{message} " + _("Tarifs de cet événement : %(ids)s.") % {"ids": ids}
            if name == "sessions" and form.fields.get("sessions") is not None:
                ids = ", ".join(str(s.id) for s in form.optional_sessions)
                message = f"{message} " + _("Séances à choisir : %(ids)s.") % {"ids": ids}
            errors.append(_error(_api_field(name), message))
    return errors


def _refuse_files(event: Event, form: RegistrationForm, request) -> None:
    """Files cannot travel in JSON: an event that asks for some is registered to through the web form."""
    needs = list(form.application_labels) + [
        q.label for q in form.questions if q.kind == QuestionKind.FILE and q.is_required
    ]
    if needs:
        url = request.build_absolute_uri(reverse("site:register", args=[event.slug]))
        raise InvalidPayload(
            [
                _error(
                    "corps de la requête",
                    _(
                        "Cette inscription demande des fichiers (%(files)s) : faites-la avec le formulaire en ligne, %(url)s."
                    )
                    % {"files": ", ".join(needs), "url": url},
                )
            ]
        )


def _bound_form(request, event: Event, payload: RegistrationIn) -> RegistrationForm:
    """The web form, bound to the payload and validated; raises InvalidPayload with every error at once."""
    data = {}
    # Building the form tells which fields this event asks for (tiers, sessions, questions);
    # the data it is bound to is filled in afterwards, before validation reads it.
    form = RegistrationForm(data=data, event=event)
    _refuse_files(event, form, request)
    translated, errors = _form_data(payload, form.fields, form.questions)
    data.update(translated)
    if not form.is_valid():
        errors += _form_errors(form)
    if errors:
        raise InvalidPayload(errors)
    return form


@router.post(
    "/{slug}/registrations",
    response={200: RegistrationOut, 201: RegistrationOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="S'inscrire à un événement",
    operation_id="register",
)
def register(request, slug: str, payload: RegistrationIn):
    """Inscrit une personne, avec les règles du formulaire en ligne.

    Une place si l'une est libre (201, `confirmed`), sinon la liste d'attente (`waiting`) ou,
    pour un événement sur candidature, une candidature à examiner (`pending`). Envoyer deux fois
    la même adresse renvoie l'inscription existante (200, `created: false`). Un refus des règles
    (inscriptions closes, adresse non invitée…) est un 400 ; une saisie invalide, un 422 qui
    liste les champs à corriger.
    """
    event = selectors.event_to_register(slug) if SLUG_RE.match(slug) else None
    if event is None:
        raise Http404(_("Aucun événement public n'a l'identifiant « %(slug)s ».") % {"slug": slug[:120]})
    form = _bound_form(request, event, payload)
    registration = services.register(event=event, **form.service_arguments())
    position = registration.waiting_position if registration.just_created else selectors.waiting_position(registration)
    message = str(STATE_MESSAGES.get(registration.state, "")) % {"email": registration.email, "position": position}
    if not registration.just_created:
        message = _("Cette adresse était déjà inscrite : rien n'a été ajouté. ") + message
    body = {
        "id": registration.id,
        "event": event.slug,
        "state": registration.state,
        "state_label": str(registration.get_state_display()),
        "waiting_position": position,
        "created": registration.just_created,
        "message": message,
    }
    return Status(201 if registration.just_created else 200, body)


# ---------------------------------------------------------------------------
# Reading an organisation's registrations
# ---------------------------------------------------------------------------


class RegistrationRowOut(Schema):
    id: int
    state: RegistrationState
    state_label: str
    queue_number: int | None = Field(description="Ordre sur la liste d'attente.")
    first_name: str
    last_name: str
    email: str
    job_title: str
    employer_name: str
    employer_address: str
    employer_siret: str
    payer_kind: PayerKind
    price_label: str
    amount_cents: int
    payer_name: str
    payer_contact_email: str
    session_ids: list[int]
    commitment_received_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime


class RegistrationPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[RegistrationRowOut]


class RegistrationFilters(Schema):
    state: RegistrationState | None = Field(None, description="Seulement les inscriptions dans cet état.")
    limit: int = Field(100, ge=1, le=500, description="Nombre d'inscriptions par page (500 au plus).")
    offset: int = Field(0, ge=0, le=1_000_000)


def _own_event_or_404(token: ApiToken, slug: str) -> Event:
    """The event if it belongs to the token's organisation, whatever its status; a 404 otherwise."""
    event = (
        Event.objects.filter(slug=slug, organization_id=token.organization_id).first() if SLUG_RE.match(slug) else None
    )
    if event is None:
        raise Http404(_("Votre organisme n'a pas d'événement « %(slug)s ».") % {"slug": slug[:120]})
    return event


@router.get(
    "/{slug}/registrations",
    response={200: RegistrationPageOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=OrganizationToken(),
    summary="Les inscriptions à un événement de votre organisme",
    operation_id="list_registrations",
)
def list_registrations(request, slug: str, filters: Query[RegistrationFilters]):
    """Les inscriptions, dans l'ordre d'arrivée. Réservé à l'organisme de l'événement (jeton d'API)."""
    event = _own_event_or_404(request.auth, slug)
    registrations = Registration.objects.filter(event=event).prefetch_related("session_choices").order_by("id")
    if filters.state:
        registrations = registrations.filter(state=filters.state)
    count = registrations.count()
    page = registrations[filters.offset : filters.offset + filters.limit]
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [
            {
                "id": r.id,
                "state": r.state,
                "state_label": str(r.get_state_display()),
                "queue_number": r.queue_number,
                "first_name": r.first_name,
                "last_name": r.last_name,
                "email": r.email,
                "job_title": r.job_title,
                "employer_name": r.employer_name,
                "employer_address": r.employer_address,
                "employer_siret": r.employer_siret,
                "payer_kind": r.payer_kind,
                "price_label": r.price_label,
                "amount_cents": r.amount_cents,
                "payer_name": r.payer_name,
                "payer_contact_email": r.payer_contact_email,
                "session_ids": [c.session_id for c in r.session_choices.all()],
                "commitment_received_at": r.commitment_received_at,
                "created_at": r.created_at,
                "updated_at": r.updated_at,
            }
            for r in page
        ],
    }
