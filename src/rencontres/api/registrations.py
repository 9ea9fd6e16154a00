"""The registrations face of the API: register to an event, and an organisation reads its registrations.

Registering checks the JSON payload against what the event asks (tiers, sessions,
questions), builds an `Applicant` and a `Payer` and calls `services.register`, which holds
the rules (payer rules included) and the one locked place counter, as the web form does. Organisations authenticate with an API token (`ApiToken`) and see
the registrations of their own events only: any other event is a 404, so nothing leaks.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from rencontres.api.auth import OrganizationToken, own_event_or_404
from rencontres.api.events import MAX_ID, NO_NUL, SLUG_RE, ErrorOut
from rencontres.events.enums import PayerKind
from rencontres.events.models import Event, PriceTier, Session
from rencontres.registrations import limits, selectors, services
from rencontres.registrations.enums import QuestionKind, RegistrationState
from rencontres.registrations.models import Question, Registration

router = Router(tags=["Inscriptions"])

Id = Field(ge=1, le=MAX_ID)


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
    """The payload breaks a rule of the registration; `errors` lists {field, message} in French."""

    def __init__(self, errors: list[dict]):
        super().__init__(errors)
        self.errors = errors


def _error(field: str, message: str) -> dict:
    return {"field": field, "message": str(message)}


REQUIRED = gettext_lazy("Ce champ est obligatoire.")
EMAIL_MESSAGES = {
    "email": gettext_lazy("Saisissez une adresse électronique complète, par exemple nom@domaine.fr."),
    "payer_contact_email": gettext_lazy("Saisissez une adresse électronique complète, par exemple rh@structure.fr."),
}
YES_NO = ("oui", "non")
MAX_ANSWER = 2000


def _text_errors(payload: RegistrationIn) -> list[dict]:
    errors = [
        _error(name, REQUIRED)
        for name in ("first_name", "last_name", "job_title")
        if not getattr(payload, name).strip()
    ]
    for name, message in EMAIL_MESSAGES.items():
        value = getattr(payload, name).strip()
        if name == "email" or value:
            try:
                validate_email(value)
            except ValidationError:
                errors.append(_error(name, message))
    return errors


def _price_tier(payload: RegistrationIn, tiers: list[PriceTier], errors: list[dict]) -> PriceTier | None:
    """The tier the payload names, among the event's; None, with an error, when it names none of them."""
    ids = _("Tarifs de cet événement : %(ids)s.") % {"ids": ", ".join(str(t.id) for t in tiers)}
    if not tiers:
        if payload.price_tier is not None:
            errors.append(_error("price_tier", _("Cet événement n'a pas de tarif : n'envoyez pas price_tier.")))
        return None
    if payload.price_tier is None:
        errors.append(_error("price_tier", _("Choisissez qui paie l'inscription : cela fixe le tarif.") + " " + ids))
        return None
    tier = next((t for t in tiers if t.id == payload.price_tier), None)
    if tier is None:
        errors.append(_error("price_tier", _("Choisissez l'un des tarifs proposés.") + " " + ids))
    return tier


def _payer_fields_asked(payload: RegistrationIn, tiers: list[PriceTier]) -> list[dict]:
    """Payer fields sent for an event none of whose tiers asks for them."""
    kinds = {t.payer_kind for t in tiers}
    errors = []
    if payload.payer_name and PayerKind.OPCO not in kinds:
        errors.append(
            _error("payer_name", _("Aucun tarif de cet événement n'est payé par un OPCO : n'envoyez pas payer_name."))
        )
    if payload.payer_contact_email and not kinds & {PayerKind.EMPLOYER, PayerKind.OPCO}:
        message = _(
            "Aucun tarif de cet événement n'est payé par un employeur ou un OPCO : n'envoyez pas payer_contact_email."
        )
        errors.append(_error("payer_contact_email", message))
    return errors


def _sessions(event: Event, payload: RegistrationIn, errors: list[dict]) -> list[Session]:
    if not payload.sessions:
        return []
    offered = selectors.optional_sessions(event)
    if not offered:
        errors.append(_error("sessions", _("Cet événement n'a pas de séance à choisir : n'envoyez pas sessions.")))
        return []
    by_id = {s.id: s for s in offered}
    unknown = [str(i) for i in payload.sessions if i not in by_id]
    if unknown:
        errors.append(
            _error(
                "sessions",
                _("Ces séances ne se choisissent pas : %(unknown)s. Séances à choisir : %(ids)s.")
                % {"unknown": ", ".join(unknown), "ids": ", ".join(str(i) for i in by_id)},
            )
        )
    return [by_id[i] for i in dict.fromkeys(payload.sessions) if i in by_id]


def _answer_error(question: Question, value: str) -> str | None:
    if question.kind == QuestionKind.CHOICE and value not in question.choice_list:
        return _("Répondez à la question « %(label)s » par l'un de ces choix : %(choices)s.") % {
            "label": question.label,
            "choices": ", ".join(question.choice_list),
        }
    if question.kind == QuestionKind.YES_NO and value not in YES_NO:
        return _("Répondez à la question « %(label)s » par « oui » ou « non ».") % {"label": question.label}
    if len(value) > MAX_ANSWER:
        return _("Une réponse compte au plus %(n)s caractères.") % {"n": MAX_ANSWER}
    return None


def _answers(payload: RegistrationIn, questions: list[Question], errors: list[dict]) -> dict:
    known = {str(q.id): q for q in questions}
    answers = {}
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
        elif value.strip() and (message := _answer_error(question, value.strip())):
            errors.append(_error(f"answers.{question.id}", message))
        elif value.strip():
            answers[question] = value.strip()
    refused = {e["field"] for e in errors}
    for question in questions:
        if question.is_required and question not in answers and f"answers.{question.id}" not in refused:
            errors.append(
                _error(f"answers.{question.id}", _("Répondez à la question « %(label)s ».") % {"label": question.label})
            )
    return answers


def _refuse_files(request, event: Event, questions: list[Question]) -> None:
    """Files cannot travel in JSON: an event that asks for some is registered to through the web form."""
    reg_settings = services.settings_of(event)
    needs = list(reg_settings.application_file_labels)
    needs += [q.label for q in questions if q.kind == QuestionKind.FILE and q.is_required]
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


def _registration_arguments(request, event: Event, payload: RegistrationIn) -> dict:
    """The keyword arguments of `services.register` from the payload; raises InvalidPayload with every error at once."""
    questions = list(Question.objects.filter(event=event))
    _refuse_files(request, event, questions)
    tiers = list(event.price_tiers.all())
    errors = _text_errors(payload)
    tier = _price_tier(payload, tiers, errors)
    errors += _payer_fields_asked(payload, tiers)
    sessions = _sessions(event, payload, errors)
    answers = _answers(payload, questions, errors)
    applicant = services.Applicant(
        email=payload.email,
        first_name=payload.first_name,
        last_name=payload.last_name,
        job_title=payload.job_title,
        employer_name=payload.employer_name,
        employer_address=payload.employer_address,
        employer_siret=payload.employer_siret,
    )
    payer = services.Payer(price_tier=tier, name=payload.payer_name, contact_email=payload.payer_contact_email)
    reported = {e["field"] for e in errors}
    errors += [
        _error(field, message)
        for field, message in services.registration_problems(applicant=applicant, payer=payer)
        if field not in reported
    ]
    if errors:
        raise InvalidPayload(errors)
    return {"applicant": applicant, "payer": payer, "sessions": sessions, "answers": answers}


@router.post(
    "/{slug}/registrations",
    response={200: RegistrationOut, 201: RegistrationOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="S'inscrire à un événement",
    operation_id="register",
)
def register(request, slug: str, payload: RegistrationIn):
    """Inscrit une personne, avec les règles du formulaire en ligne.

    Une place si l'une est libre (201, `confirmed`), sinon la liste d'attente (`waiting`) ou,
    pour un événement sur candidature, une candidature à examiner (`pending`). Envoyer deux fois
    la même adresse renvoie l'inscription existante (200, `created: false`). Un refus des règles
    (inscriptions closes, adresse non invitée…) est un 400 ; une saisie invalide, un 422 qui
    liste les champs à corriger. Trop d'inscriptions pour une même adresse, ou depuis un même
    client, en peu de temps : un 429, avec l'en-tête `Retry-After` (secondes à attendre).
    """
    event = selectors.event_to_register(slug) if SLUG_RE.match(slug) else None
    if event is None:
        raise Http404(_("Aucun événement public n'a l'identifiant « %(slug)s ».") % {"slug": slug[:120]})
    arguments = _registration_arguments(request, event, payload)
    limits.count_client_attempt(request)
    limits.count_address_attempt(request, email=arguments["applicant"].email)
    registration = services.register(event=event, **arguments)
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


@router.get(
    "/{slug}/registrations",
    response={200: RegistrationPageOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=OrganizationToken(),
    summary="Les inscriptions à un événement de votre organisme",
    operation_id="list_registrations",
)
def list_registrations(request, slug: str, filters: Query[RegistrationFilters]):
    """Les inscriptions, dans l'ordre d'arrivée. Réservé à l'organisme de l'événement (jeton d'API)."""
    event = own_event_or_404(request.auth, slug)
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
