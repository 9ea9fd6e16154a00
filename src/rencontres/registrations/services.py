"""The only code that changes registrations: places, waiting list, decisions, journal.

Every change that can take or free a place runs under `lock_event`, a row lock on the
event, so concurrent requests on one event serialise there (STYLE.md: lock, count,
write, journal; emails after the commit). Places are counted by `availability`.
"""

import datetime as dt
import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db import DatabaseBackend

from rencontres.events.enums import EventStatus, PayerKind
from rencontres.events.models import Event, PriceTier

from . import availability, tasks
from .enums import LIVE_STATES, AvailabilityState, MinimumDecision, RegistrationState
from .exceptions import RegistrationError
from .models import (
    Answer,
    ApplicationFile,
    EventRegistrationSettings,
    Invitation,
    Registration,
    RegistrationLogEntry,
    SessionChoice,
)
from .uploads import checked_file_type

S = RegistrationState


def lock_event(event_id: int, *, fields: tuple[str, ...] = ()) -> Event:
    """Take the row lock every change of places waits on, and read the event afresh under it.

    `fields` reads only those columns (the others load on first use): registering reads
    just what its rules need, a third of the CPU of reading the whole row and building it.
    The tests swap it for a no-op to show it matters. Plain SQL: every request on the event
    queues behind this lock, and the ORM took twice as long to build the query as to run it.
    """
    if not connection.in_atomic_block:
        raise TransactionManagementError("lock_event() holds its lock until the end of a transaction.atomic() block.")
    columns = ", ".join(["id", *(Event._meta.get_field(name).column for name in fields)]) if fields else "*"
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""  # SQLite: the transaction is the lock
    for event in Event.objects.raw(f"SELECT {columns} FROM {Event._meta.db_table} WHERE id = %s{lock}", [event_id]):
        return event
    raise Event.DoesNotExist(f"No event {event_id}.")


def settings_of(event: Event) -> EventRegistrationSettings:
    """The event's registration settings, or the defaults (unsaved) when it has none."""
    if getattr(event, "has_registration_settings", True):  # see selectors.event_to_register
        try:
            return event.registration_settings
        except EventRegistrationSettings.DoesNotExist:
            pass
    return EventRegistrationSettings(event=event)


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def queue_email(email_name: str, registration_id: int, **params) -> None:
    """Queue an email that leaves only if the change commits: never sent while holding the lock, never for a rolled-back change.

    With the database task backend the task is a row written in the transaction itself (a
    short INSERT, no sending): the worker sees it only once the change is committed, and one
    commit (one disk flush) covers both. Other backends (the immediate one sends at once)
    are called after the commit.
    """
    enqueue_with_the_change(tasks.send_registration_email, email_name, registration_id, params)


def enqueue_with_the_change(task, *args) -> None:
    """Enqueue a task so that it runs only if the current change commits (see `queue_email`)."""
    enqueue = functools.partial(task.enqueue, *args)
    if connection.in_atomic_block and isinstance(task.get_backend(), DatabaseBackend):
        enqueue()
    else:
        transaction.on_commit(enqueue)


@functools.cache
def _insert_statement(model, names: tuple[str, ...], ignore_conflicts: bool, returning: str) -> tuple[str, list]:
    fields = [model._meta.get_field(name) for name in names]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    conflict = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    returning = f" RETURNING {connection.ops.quote_name(returning)}" if returning else ""
    return f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({placeholders}){conflict}{returning}", fields


def _insert(model, *, ignore_conflicts: bool = False, returning: str = "", **values):
    """INSERT one row of `model`, values prepared by their fields as the ORM would; the `returning` column's value.

    For the rows written on every registration, most of them while the event lock is held:
    the ORM's save() cost two to three times the CPU of this (bench/registration_rush.py).
    """
    sql, fields = _insert_statement(model, tuple(values), ignore_conflicts, returning)
    params = [field.get_db_prep_save(value, connection) for field, value in zip(fields, values.values(), strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0] if returning else None


def _insert_new(instance) -> None:
    """Save a new instance as save() would (timestamps set, id read back), through `_insert`."""
    model, now = type(instance), timezone.now()
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            setattr(instance, field.attname, now)
    values = {field.name: getattr(instance, field.attname) for field in fields}
    instance.pk = _insert(model, returning=model._meta.pk.column, **values)
    instance._state.adding, instance._state.db = False, connection.alias  # what save() leaves


def _log(registration: Registration, from_state: str, to_state: str, *, actor=None, note: str = "") -> None:
    _insert(
        RegistrationLogEntry,
        registration=registration.id,
        actor=actor.pk if actor and actor.is_authenticated else None,
        created_at=timezone.now(),
        from_state=from_state,
        to_state=to_state,
        note=note[:250],
    )


def _set_state(registration: Registration, to_state: str, *, actor=None, note: str = "", fields=()) -> None:
    from_state = registration.state
    registration.state = to_state
    registration.save(update_fields=["state", "updated_at", *fields])
    _log(registration, from_state, to_state, actor=actor, note=note)


def _next_queue_number(event_id: int) -> int:
    last = Registration.objects.filter(event_id=event_id).aggregate(n=Max("queue_number"))["n"]
    return (last or 0) + 1


def _ensure_user(email: str) -> None:
    """A passwordless account, so the person can sign in with a code sent to this address.

    One INSERT ... ON CONFLICT DO NOTHING: it does nothing when an account has this address
    in any case (accounts are unique on UPPER(email)), including one another registration of
    the same person is creating meanwhile. No savepoint, no password hashing: the password is unusable.
    """
    _insert(
        get_user_model(),
        ignore_conflicts=True,
        email=email,
        username=email,
        password=make_password(None),
        first_name="",
        last_name="",
        is_active=True,
        is_staff=False,
        is_superuser=False,
        date_joined=timezone.now(),
    )


def claim_acknowledgement(*, event_id: int, email: str) -> int | None:
    """The id of the person's live registration whose acknowledgement is still to send, now marked sent; else None.

    A conditional UPDATE, so that of two tasks queued for one registration (a repeated
    submission) only one sends it.
    """
    pending = Registration.objects.filter(
        event_id=event_id, email=normalize_email(email), state__in=LIVE_STATES, acknowledged_at__isnull=True
    )
    registration_id = pending.values_list("id", flat=True).first()
    if registration_id is None:
        return None
    claimed = pending.filter(id=registration_id).update(acknowledged_at=timezone.now())
    return registration_id if claimed == 1 else None


def _fill_free_places(event: Event, *, now: dt.datetime, actor=None) -> list[Registration]:
    """Offer each free place to the first person waiting; call only while holding the event lock."""
    current = availability.event_availability(event, now=now)
    if not current.has_free_place or current.waiting == 0:
        return []
    waiting = Registration.objects.filter(event=event, state=S.WAITING).order_by("queue_number", "id")
    offered = list(waiting if current.places_left is None else waiting[: current.places_left])
    expires_at = now + dt.timedelta(hours=settings_of(event).offer_hours)
    for registration in offered:
        registration.offer_expires_at = expires_at
        _set_state(registration, S.OFFERED, actor=actor, note=_("place libérée proposée"), fields=["offer_expires_at"])
        queue_email("place_offered", registration.id)
    return offered


def _check_can_register(event: Event, email: str, current: availability.Availability) -> None:
    if current.state == AvailabilityState.EXTERNAL:
        raise RegistrationError(_("Les inscriptions à cet événement se font sur le site indiqué par l'organisateur."))
    if current.state == AvailabilityState.NOT_YET_OPEN:
        raise RegistrationError(_("Les inscriptions ne sont pas encore ouvertes."))
    if not current.accepts_registrations:
        raise RegistrationError(_("Les inscriptions à cet événement sont closes."))
    if event.is_invitation_only and not Invitation.objects.filter(event=event, email__iexact=email).exists():
        raise RegistrationError(
            _(
                "Cet événement est sur invitation : l'adresse %(email)s n'a pas été invitée. "
                "Utilisez l'adresse à laquelle vous avez reçu l'invitation."
            )
            % {"email": email},
            field="email",
        )


def _check_session_places(event: Event, sessions) -> None:
    if not sessions:
        return
    left = availability.session_places_left(sessions)
    for session in sessions:
        if left[session.id] == 0:
            raise RegistrationError(
                _("La séance « %(title)s » est complète : décochez-la pour vous inscrire.") % {"title": session.title},
                field="sessions",
            )


@transaction.atomic
def register(
    *,
    event: Event,
    email: str,
    first_name: str,
    last_name: str,
    job_title: str,
    employer_name: str = "",
    employer_address: str = "",
    employer_siret: str = "",
    price_tier: PriceTier | None = None,
    payer_name: str = "",
    payer_contact_email: str = "",
    sessions=(),
    answers: dict | None = None,
    application_files=(),
    actor=None,
    now: dt.datetime | None = None,
) -> Registration:
    """Register a person once per event: a place if one is free, else the waiting list (or a pending application).

    Idempotent: a second call for the same address returns the live registration it
    already has (with `just_created = False`). A new registration also carries its
    `waiting_position`, known under the lock (None when not waiting). `answers` maps Question → str or file;
    `application_files` is a list of (label, uploaded file), type-checked here again.
    """
    now = now or timezone.now()
    email = normalize_email(email)
    sessions = list(sessions)
    if price_tier is not None and price_tier.event_id != event.id:
        raise RegistrationError(_("Ce tarif n'appartient pas à cet événement."), field="price_tier")
    if price_tier is None and getattr(event, "has_price_tiers", True) and event.price_tiers.exists():
        raise RegistrationError(_("Choisissez qui paie l'inscription."), field="price_tier")
    if any(s.event_id != event.id for s in sessions):
        raise RegistrationError(_("Cette séance n'appartient pas à cet événement."), field="sessions")
    try:
        files = [(label, uploaded, checked_file_type(uploaded)) for label, uploaded in application_files]
    except ValidationError as error:
        raise RegistrationError(error.messages[0], field="application_files") from None

    # What holds no place comes first, so the lock below is held for less time (and a
    # refusal rolls it back with the rest): the account, and the acknowledgement's task.
    _ensure_user(email)
    enqueue_with_the_change(tasks.acknowledge_registration, event.id, email)
    # Read before the lock, like the form did: the settings row is not locked either way.
    reg_settings = settings_of(event)
    event = lock_event(event.id, fields=availability.EVENT_FIELDS)
    found = availability.registering(event, email, now=now)
    if found.live_registration_id is not None:
        existing = Registration.objects.get(pk=found.live_registration_id)
        existing.just_created = False
        return existing
    current = found.availability
    _check_can_register(event, email, current)
    _check_session_places(event, sessions)

    registration = Registration(
        event=event,
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        job_title=job_title.strip(),
        employer_name=employer_name.strip(),
        employer_address=employer_address.strip(),
        employer_siret=employer_siret.strip(),
        price_tier=price_tier,
        payer_kind=price_tier.payer_kind if price_tier else PayerKind.FREE,
        amount_cents=price_tier.amount_cents if price_tier else 0,
        price_label=price_tier.label if price_tier else "",
        payer_name=payer_name.strip(),
        payer_contact_email=normalize_email(payer_contact_email),
    )
    if reg_settings.requires_application:
        registration.state = S.PENDING
    elif current.has_free_place and current.waiting == 0:
        registration.state = S.CONFIRMED
    else:
        registration.state = S.WAITING
        registration.queue_number = found.last_queue_number + 1
    _insert_new(registration)
    SessionChoice.objects.bulk_create([SessionChoice(registration=registration, session=s) for s in sessions])
    for question, value in (answers or {}).items():
        if hasattr(value, "read"):
            Answer.objects.create(registration=registration, question=question, file=value)
        else:
            Answer.objects.create(registration=registration, question=question, value=str(value))
    for label, uploaded, file_type in files:
        ApplicationFile.objects.create(
            registration=registration, label=label, file=uploaded, file_type=file_type, size_bytes=uploaded.size
        )
    _log(registration, "", registration.state, actor=actor, note=_("inscription"))
    if registration.payer_contact_email and registration.payer_kind in {PayerKind.EMPLOYER, PayerKind.OPCO}:
        queue_email("payer_acknowledgement", registration.id)
    ahead = current.waiting  # every other person waiting has a lower queue number
    if registration.state == S.WAITING and current.has_free_place:
        # A place is free while people wait (capacity raised since): it goes to the first of them.
        ahead -= len(_fill_free_places(event, now=now, actor=actor))
        registration.refresh_from_db()
    registration.waiting_position = ahead + 1 if registration.state == S.WAITING else None
    registration.just_created = True
    return registration


def _locked_registration(registration: Registration) -> tuple[Event, Registration]:
    """Lock the event, then read the registration afresh: its state may have changed meanwhile."""
    event = lock_event(registration.event_id)
    return event, Registration.objects.get(pk=registration.pk)


@transaction.atomic
def cancel(*, registration: Registration, actor=None, note: str = "", now: dt.datetime | None = None) -> Registration:
    """Cancel a live registration; a place it held goes to the first person waiting. Cancelling twice changes nothing."""
    now = now or timezone.now()
    event, registration = _locked_registration(registration)
    if not registration.is_live:
        return registration
    held_place = registration.holds_place
    registration.offer_expires_at = None
    _set_state(registration, S.CANCELLED, actor=actor, note=note or _("annulation"), fields=["offer_expires_at"])
    queue_email("registration_cancelled", registration.id)
    if held_place:
        _fill_free_places(event, now=now, actor=actor)
    return registration


@transaction.atomic
def accept(*, registration: Registration, actor=None, now: dt.datetime | None = None) -> Registration:
    """Accept an application: it takes a place if one is free, otherwise it joins the waiting list."""
    now = now or timezone.now()
    event, registration = _locked_registration(registration)
    if registration.state != S.PENDING:
        raise RegistrationError(_("Seule une candidature à examiner peut être acceptée."))
    current = availability.event_availability(event, now=now)
    if current.has_free_place and current.waiting == 0:
        _set_state(registration, S.CONFIRMED, actor=actor, note=_("candidature acceptée"))
    else:
        registration.queue_number = _next_queue_number(event.id)
        _set_state(
            registration,
            S.WAITING,
            actor=actor,
            note=_("candidature acceptée, plus de place libre"),
            fields=["queue_number"],
        )
    queue_email("application_decision", registration.id)
    return registration


@transaction.atomic
def refuse(*, registration: Registration, actor=None, note: str = "") -> Registration:
    """Refuse an application still to be examined."""
    _event, registration = _locked_registration(registration)
    if registration.state != S.PENDING:
        raise RegistrationError(_("Seule une candidature à examiner peut être refusée."))
    _set_state(registration, S.REFUSED, actor=actor, note=note or _("candidature refusée"))
    queue_email("application_decision", registration.id)
    return registration


@transaction.atomic
def promote(*, registration: Registration, actor=None, now: dt.datetime | None = None) -> Registration:
    """Offer a free place to one chosen person on the waiting list (the organiser's choice, journaled)."""
    now = now or timezone.now()
    event, registration = _locked_registration(registration)
    if registration.state != S.WAITING:
        raise RegistrationError(_("Seule une personne sur liste d'attente peut recevoir une place."))
    if not availability.event_availability(event, now=now).has_free_place:
        raise RegistrationError(
            _("Aucune place n'est libre : augmentez le nombre de places ou attendez un désistement.")
        )
    registration.offer_expires_at = now + dt.timedelta(hours=settings_of(event).offer_hours)
    _set_state(
        registration, S.OFFERED, actor=actor, note=_("place proposée par l'organisateur"), fields=["offer_expires_at"]
    )
    queue_email("place_offered", registration.id)
    return registration


@transaction.atomic
def fill_free_places(*, event: Event, actor=None, now: dt.datetime | None = None) -> list[Registration]:
    """Offer every free place (after a cancellation or a raised capacity) to the waiting list, in its order."""
    event = lock_event(event.id)
    return _fill_free_places(event, now=now or timezone.now(), actor=actor)


@transaction.atomic
def confirm_offer(*, registration: Registration, now: dt.datetime | None = None) -> Registration:
    """The person takes the place offered to them, before the deadline."""
    now = now or timezone.now()
    event, registration = _locked_registration(registration)
    if registration.state == S.CONFIRMED:
        return registration
    if registration.state != S.OFFERED:
        raise RegistrationError(_("Aucune place ne vous est proposée pour cet événement."))
    if registration.offer_expires_at and now >= registration.offer_expires_at:
        raise RegistrationError(
            _("Le délai pour confirmer cette place est dépassé ; elle a été proposée à la personne suivante.")
        )
    registration.offer_expires_at = None
    _set_state(registration, S.CONFIRMED, note=_("place confirmée par la personne"), fields=["offer_expires_at"])
    queue_email("acknowledgement", registration.id)
    return registration


def expire_offers(*, now: dt.datetime | None = None) -> int:
    """Offers not confirmed by their deadline lapse, and the place goes to the next person waiting."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(state=S.OFFERED, offer_expires_at__lte=now).values_list("event_id", flat=True)
    )
    # A raised capacity also frees places: fill those of every event with a waiting list.
    waiting = Registration.objects.filter(state=S.WAITING).exclude(event__ends_on__lt=timezone.localdate(now))
    event_ids |= set(waiting.values_list("event_id", flat=True))
    expired = 0
    for event_id in sorted(event_ids):
        with transaction.atomic():
            event = lock_event(event_id)
            for registration in Registration.objects.filter(event=event, state=S.OFFERED, offer_expires_at__lte=now):
                _set_state(registration, S.EXPIRED, note=_("délai de confirmation dépassé"))
                queue_email("offer_expired", registration.id)
                expired += 1
            if event.status == EventStatus.PUBLISHED:
                _fill_free_places(event, now=now)
    return expired


@transaction.atomic
def record_commitment(*, registration: Registration, actor, received_on: dt.date | None = None) -> Registration:
    """Note that the written commitment (signed quote or agreement) has arrived."""
    received = (
        timezone.now()
        if received_on is None
        else dt.datetime.combine(received_on, dt.time(12), tzinfo=timezone.get_current_timezone())
    )
    registration.commitment_received_at = received
    registration.save(update_fields=["commitment_received_at", "updated_at"])
    _log(registration, registration.state, registration.state, actor=actor, note=_("engagement écrit reçu"))
    return registration


def registrations_to_tell(event: Event):
    return Registration.objects.filter(event=event, state__in=LIVE_STATES)


@transaction.atomic
def confirm_event_takes_place(*, event: Event, actor) -> None:
    """The organiser maintains the event at the decision date; everyone registered is told."""
    event = lock_event(event.id)
    reg_settings, _created = EventRegistrationSettings.objects.get_or_create(event=event)
    reg_settings.minimum_decision = MinimumDecision.CONFIRMED
    reg_settings.save(update_fields=["minimum_decision"])
    for registration in registrations_to_tell(event):
        _log(registration, registration.state, registration.state, actor=actor, note=_("événement maintenu"))
        queue_email("event_confirmed", registration.id)


@transaction.atomic
def cancel_event(*, event: Event, actor, reason: str = "") -> int:
    """Cancel the event and every live registration; everyone registered is told. Returns how many."""
    event = lock_event(event.id)
    # Event.status belongs to the events app; until it has a cancel service, the change is made here.
    Event.objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
    reg_settings, _created = EventRegistrationSettings.objects.get_or_create(event=event)
    reg_settings.minimum_decision = MinimumDecision.CANCELLED
    reg_settings.save(update_fields=["minimum_decision"])
    count = 0
    for registration in registrations_to_tell(event):
        registration.offer_expires_at = None
        _set_state(registration, S.CANCELLED, actor=actor, note=_("événement annulé"), fields=["offer_expires_at"])
        queue_email("event_cancelled", registration.id, reason=reason)
        count += 1
    return count
