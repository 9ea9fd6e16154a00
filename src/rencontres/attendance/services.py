"""The only code that changes attendance: slots, signatures, counter-signatures, corrections."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.events.enums import SessionKind
from rencontres.events.models import Day, Event, Session
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from . import tasks
from .enums import PARTIAL_STATUSES, AttendanceStatus, Half, SigningMode
from .exceptions import AttendanceError
from .models import Attendance, AttendanceCorrection, AttendanceSlot, OnlineJoin, WalkIn
from .signatures import clean_signature

# A session starting before this hour belongs to the morning.
AFTERNOON_STARTS = dt.time(13, 0)


def _minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


@transaction.atomic
def derive_slots(*, event: Event) -> list[AttendanceSlot]:
    """One slot per half-day that has timed sessions (meals left out); slots already there are kept as edited."""
    existing = set(AttendanceSlot.objects.filter(event=event).values_list("day_id", "half"))
    created = []
    for day in event.days.prefetch_related("sessions"):
        if day.is_month_only:
            continue  # a module known by its month only: its slots are added once its dates are set
        timed = [s for s in day.sessions.all() if s.start_time and s.end_time and s.kind != SessionKind.MEAL]
        for half, sessions in (
            (Half.MORNING, [s for s in timed if s.start_time < AFTERNOON_STARTS]),
            (Half.AFTERNOON, [s for s in timed if s.start_time >= AFTERNOON_STARTS]),
        ):
            if not sessions or (day.id, half) in existing:
                continue
            start, end = min(s.start_time for s in sessions), max(s.end_time for s in sessions)
            created.append(
                AttendanceSlot.objects.create(
                    event=event,
                    day=day,
                    half=half,
                    start_time=start,
                    end_time=end,
                    planned_minutes=_minutes_between(start, end),
                )
            )
    return created


def _check_times(start_time: dt.time, end_time: dt.time, planned_minutes: int) -> None:
    if end_time <= start_time:
        raise AttendanceError(_("La fin du créneau doit venir après son début."), field="end_time")
    if not 0 < planned_minutes <= _minutes_between(start_time, end_time):
        raise AttendanceError(
            _("La durée prévue doit être comprise entre 1 minute et la durée du créneau (%(minutes)s minutes).")
            % {"minutes": _minutes_between(start_time, end_time)},
            field="planned_minutes",
        )


def add_slot(*, day: Day, half: str, start_time: dt.time, end_time: dt.time, planned_minutes: int) -> AttendanceSlot:
    """A slot typed by the organiser, for a day whose programme does not give it."""
    _check_times(start_time, end_time, planned_minutes)
    if AttendanceSlot.objects.filter(day=day, half=half).exists():
        raise AttendanceError(_("Cette demi-journée a déjà son créneau."), field="half")
    return AttendanceSlot.objects.create(
        event_id=day.event_id,
        day=day,
        half=half,
        start_time=start_time,
        end_time=end_time,
        planned_minutes=planned_minutes,
    )


@transaction.atomic
def update_slot(
    *, slot: AttendanceSlot, start_time: dt.time, end_time: dt.time, planned_minutes: int
) -> AttendanceSlot:
    """Times and planned minutes, until the trainer counter-signs: after that the hours are evidence."""
    slot = _locked(slot)
    _refuse_if_validated(slot)
    _check_times(start_time, end_time, planned_minutes)
    slot.start_time, slot.end_time, slot.planned_minutes = start_time, end_time, planned_minutes
    slot.save(update_fields=["start_time", "end_time", "planned_minutes"])
    return slot


def _locked(slot: AttendanceSlot) -> AttendanceSlot:
    return AttendanceSlot.objects.select_for_update().select_related("event").get(pk=slot.pk)


def _counter_signed() -> AttendanceError:
    return AttendanceError(_("Ce créneau est déjà contresigné : toute modification passe par une correction motivée."))


def _refuse_if_validated(slot: AttendanceSlot) -> None:
    if slot.is_validated:
        raise _counter_signed()


def _refuse_unless_expected(slot: AttendanceSlot, registration: Registration) -> None:
    if registration.event_id != slot.event_id:
        raise AttendanceError(_("Cette personne n'est pas inscrite à cet événement."))
    if registration.state != RegistrationState.CONFIRMED:
        raise AttendanceError(_("Seules les personnes dont la place est confirmée émargent."))


def sign(
    *,
    slot: AttendanceSlot,
    registration: Registration,
    mode: str,
    signature: str,
    ip_address: str | None = None,
    user_agent: str = "",
    recorded_by_id: int | None = None,
    now: dt.datetime | None = None,
) -> Attendance:
    """The person's signature for the slot, once; refused after the counter-signature or for a stranger.

    `recorded_by_id` is the member whose device took it (the shared tablet's opener), if any.

    The hot path of a room signing at once: one transaction takes the slot's lock (only its
    counter-signature is read) and inserts. Only when the insert meets a row already there (the
    organiser marked the person, or they signed already) does a second transaction look at it:
    no savepoint on the common path.
    """
    _refuse_unless_expected(slot, registration)
    strokes = clean_signature(signature)
    if strokes is None:
        raise AttendanceError(_("La signature est vide ou illisible : signez dans le cadre."), field="signature")
    values = {
        "mode": mode,
        "signature": strokes,
        "signed_at": now or timezone.now(),
        "ip_address": ip_address,
        "user_agent": (user_agent or "")[:300],
        "recorded_by_id": recorded_by_id,
    }
    try:
        return _insert_signature(slot, registration, values)
    except IntegrityError:
        return _complete_mark(slot, registration, values)


def _refuse_if_slot_counter_signed(slot: AttendanceSlot) -> None:
    """Locks the slot's row until the transaction ends, so that no counter-signature slips in between."""
    locked = AttendanceSlot.objects.select_for_update().filter(pk=slot.pk).values_list("validated_at", flat=True)
    if locked.get() is not None:
        raise _counter_signed()


@transaction.atomic
def _insert_signature(slot: AttendanceSlot, registration: Registration, values: dict) -> Attendance:
    _refuse_if_slot_counter_signed(slot)
    return Attendance.objects.create(slot=slot, registration=registration, status=AttendanceStatus.PRESENT, **values)


@transaction.atomic
def _complete_mark(slot: AttendanceSlot, registration: Registration, values: dict) -> Attendance:
    """Marked by the organiser before signing (late, ticked on paper): the signature completes the mark."""
    _refuse_if_slot_counter_signed(slot)
    existing = Attendance.objects.get(slot=slot, registration=registration)
    if existing.signature:
        raise AttendanceError(_("Vous avez déjà signé pour cette demi-journée."))
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save(update_fields=[*values, "updated_at"])
    return existing


def _check_status(status: str, minutes_missed: int, planned_minutes: int) -> int:
    if status not in AttendanceStatus.values:
        raise AttendanceError(_("Choisissez une présence dans la liste."), field="status")
    if status not in PARTIAL_STATUSES:
        return 0
    if not 0 < minutes_missed < planned_minutes:
        raise AttendanceError(
            _("Pour un retard ou un départ anticipé, indiquez les minutes manquées (entre 1 et %(max)s).")
            % {"max": planned_minutes - 1},
            field="minutes_missed",
        )
    return minutes_missed


@transaction.atomic
def mark(
    *,
    slot: AttendanceSlot,
    registration: Registration,
    status: str,
    minutes_missed: int = 0,
    mode: str = SigningMode.ORGANISER,
    by,
) -> Attendance:
    """The trainer's or organiser's record before counter-signing: late, left early, excused, or ticked on paper."""
    slot = _locked(slot)
    _refuse_if_validated(slot)
    _refuse_unless_expected(slot, registration)
    minutes_missed = _check_status(status, minutes_missed, slot.planned_minutes)
    attendance, created = Attendance.objects.get_or_create(
        slot=slot,
        registration=registration,
        defaults={"status": status, "minutes_missed": minutes_missed, "mode": mode, "recorded_by": by},
    )
    if not created:
        attendance.status, attendance.minutes_missed = status, minutes_missed
        update = ["status", "minutes_missed", "updated_at"]
        if not attendance.signature:
            attendance.mode, attendance.recorded_by = mode, by
            update += ["mode", "recorded_by"]
        attendance.save(update_fields=update)
    return attendance


@transaction.atomic
def mark_sheet(*, slot: AttendanceSlot, entries: list[tuple[Registration, str, int]], mode: str, by) -> int:
    """A whole sheet at once (a ticked paper sheet, a videoconference report): `mark` for each
    (registration, status, minutes missed), under one lock of the slot and with one insert."""
    slot = _locked(slot)
    _refuse_if_validated(slot)
    checked = {}
    for registration, status, minutes_missed in entries:
        _refuse_unless_expected(slot, registration)
        checked[registration.id] = (status, _check_status(status, minutes_missed, slot.planned_minutes))
    existing = {a.registration_id: a for a in Attendance.objects.filter(slot=slot, registration_id__in=checked)}
    new = []
    for registration_id, (status, minutes_missed) in checked.items():
        attendance = existing.get(registration_id)
        if attendance is None:
            new.append(
                Attendance(
                    slot=slot,
                    registration_id=registration_id,
                    status=status,
                    minutes_missed=minutes_missed,
                    mode=mode,
                    recorded_by=by,
                )
            )
            continue
        attendance.status, attendance.minutes_missed = status, minutes_missed
        update = ["status", "minutes_missed", "updated_at"]
        if not attendance.signature:
            attendance.mode, attendance.recorded_by = mode, by
            update += ["mode", "recorded_by"]
        attendance.save(update_fields=update)
    Attendance.objects.bulk_create(new)
    return len(checked)


def expected_registrations(event: Event):
    return Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED).order_by(
        "last_name", "first_name", "id"
    )


@transaction.atomic
def validate_slot(
    *,
    slot: AttendanceSlot,
    trainer_name: str,
    signature: str,
    by,
    now: dt.datetime | None = None,
    notify_absent: bool = True,
) -> AttendanceSlot:
    """The trainer's counter-signature: from now on the slot's presences count, and nobody may sign it.

    Every confirmed person with no record is written absent; those absent without excuse get
    an email once the change commits (Qualiopi indicator 12: absences are followed up), unless
    `notify_absent` is False: a sheet of a half-day long past (the demo's) tells nobody.
    """
    slot = _locked(slot)
    _refuse_if_validated(slot)
    trainer_name = " ".join((trainer_name or "").split())
    if not trainer_name:
        raise AttendanceError(
            _("Indiquez le nom du formateur ou de la formatrice qui contresigne."), field="trainer_name"
        )
    strokes = clean_signature(signature)
    if strokes is None:
        raise AttendanceError(
            _("La signature du formateur est vide ou illisible : signez dans le cadre."), field="signature"
        )
    recorded = set(
        Attendance.objects.filter(slot=slot, registration__isnull=False).values_list("registration_id", flat=True)
    )
    Attendance.objects.bulk_create(
        [
            Attendance(
                slot=slot, registration=r, status=AttendanceStatus.ABSENT, mode=SigningMode.ORGANISER, recorded_by=by
            )
            for r in expected_registrations(slot.event)
            if r.id not in recorded
        ]
    )
    slot.validated_at, slot.validated_by = now or timezone.now(), by
    slot.trainer_name, slot.trainer_signature = trainer_name, strokes
    slot.save(update_fields=["validated_at", "validated_by", "trainer_name", "trainer_signature"])
    if not notify_absent:
        return slot
    absent = list(
        Attendance.objects.filter(slot=slot, status=AttendanceStatus.ABSENT, registration__isnull=False).values_list(
            "id", flat=True
        )
    )
    for attendance_id in absent:
        transaction.on_commit(lambda attendance_id=attendance_id: tasks.send_absence_email.enqueue(attendance_id))
    return slot


def _snapshot(attendance: Attendance) -> dict:
    return {"status": attendance.status, "minutes_missed": attendance.minutes_missed}


@transaction.atomic
def correct(*, attendance: Attendance, status: str, minutes_missed: int = 0, reason: str, by) -> Attendance:
    """A change after the counter-signature, with its reason, kept in the journal; the signature itself never changes."""
    attendance = Attendance.objects.select_for_update().select_related("slot").get(pk=attendance.pk)
    if not attendance.slot.is_validated:
        raise AttendanceError(_("Ce créneau n'est pas encore contresigné : modifiez la présence directement."))
    reason = (reason or "").strip()
    if not reason:
        raise AttendanceError(_("Indiquez le motif de la correction : il est gardé au journal."), field="reason")
    minutes_missed = _check_status(status, minutes_missed, attendance.slot.planned_minutes)
    before = _snapshot(attendance)
    attendance.status, attendance.minutes_missed = status, minutes_missed
    if _snapshot(attendance) == before:
        raise AttendanceError(_("La correction ne change rien à la présence enregistrée."))
    attendance.save(update_fields=["status", "minutes_missed", "updated_at"])
    AttendanceCorrection.objects.create(
        attendance=attendance, corrected_by=by, reason=reason, before=before, after=_snapshot(attendance)
    )
    return attendance


@transaction.atomic
def add_walk_in(
    *,
    slot: AttendanceSlot,
    first_name: str,
    last_name: str,
    email: str = "",
    employer_name: str = "",
    signature: str = "",
    by=None,
    now: dt.datetime | None = None,
) -> Attendance:
    """Someone on site who is not registered: recorded present, to be merged with a registration later."""
    slot = _locked(slot)
    _refuse_if_validated(slot)
    first_name, last_name = first_name.strip(), last_name.strip()
    if not first_name or not last_name:
        raise AttendanceError(_("Indiquez le prénom et le nom de la personne."), field="last_name")
    strokes = clean_signature(signature) if signature else ""
    if strokes is None:
        raise AttendanceError(_("La signature est vide ou illisible : signez dans le cadre."), field="signature")
    walk_in = WalkIn.objects.create(
        event_id=slot.event_id,
        first_name=first_name,
        last_name=last_name,
        email=email.strip().lower(),
        employer_name=employer_name.strip(),
    )
    return Attendance.objects.create(
        slot=slot,
        walk_in=walk_in,
        status=AttendanceStatus.PRESENT,
        mode=SigningMode.TABLET if strokes else SigningMode.ORGANISER,
        signature=strokes,
        signed_at=(now or timezone.now()) if strokes else None,
        recorded_by=by,
    )


@transaction.atomic
def merge_walk_in(*, walk_in: WalkIn, registration: Registration) -> int:
    """Move a walk-in's presences to their registration; refused where the registration already has one."""
    if walk_in.merged_into_id:
        raise AttendanceError(_("Cette personne a déjà été rattachée à une inscription."))
    if registration.event_id != walk_in.event_id:
        raise AttendanceError(_("Cette inscription est celle d'un autre événement."))
    attendances = list(Attendance.objects.select_for_update().filter(walk_in=walk_in))
    taken = set(
        Attendance.objects.filter(registration=registration, slot__in=[a.slot_id for a in attendances]).values_list(
            "slot_id", flat=True
        )
    )
    if taken:
        raise AttendanceError(_("L'inscription a déjà une présence sur une des demi-journées de cette personne."))
    for attendance in attendances:
        attendance.walk_in, attendance.registration = None, registration
        attendance.save(update_fields=["walk_in", "registration", "updated_at"])
    walk_in.merged_into = registration
    walk_in.save(update_fields=["merged_into"])
    return len(attendances)


def attach_scan(*, slot: AttendanceSlot, uploaded_file) -> AttendanceSlot:
    """The signed paper sheet, scanned: a PDF or an image, checked from its content."""
    try:
        kind = files.sniff(uploaded_file)
    except files.ArchiveTooLarge:
        kind = None
    if kind not in (files.PDF, files.PNG, files.JPEG):
        raise AttendanceError(_("Déposez la feuille numérisée en PDF, PNG ou JPEG."), field="scan")
    if uploaded_file.size > 20 * 1000 * 1000:
        raise AttendanceError(_("La feuille numérisée ne peut pas dépasser 20 Mo."), field="scan")
    slot.scan = uploaded_file
    slot.scan_type = kind.label
    slot.save(update_fields=["scan", "scan_type"])
    return slot


def record_online_join(*, registration: Registration, session: Session, now: dt.datetime | None = None) -> OnlineJoin:
    """The person opened their personal link to an online session: when, as evidence of presence online."""
    if session.event_id != registration.event_id or registration.state != RegistrationState.CONFIRMED:
        raise AttendanceError(_("Ce lien de connexion n'est pas valable pour cette séance."))
    return OnlineJoin.objects.create(registration=registration, session=session, joined_at=now or timezone.now())


# Minutes a person may miss of an online slot (joining late, a dropped connection) and still be present.
ONLINE_TOLERANCE_MINUTES = 5


def apply_online_report(*, slot: AttendanceSlot, matched: list[tuple[int, int]], by) -> int:
    """Presences from a videoconference report: (registration id, minutes connected) pairs, for the trainer to confirm."""
    registrations = {
        r.id: r for r in Registration.objects.filter(id__in=[rid for rid, _ in matched], event_id=slot.event_id)
    }
    entries = []
    for registration_id, minutes in matched:
        registration = registrations.get(registration_id)
        if registration is None or registration.state != RegistrationState.CONFIRMED:
            continue
        missed = max(slot.planned_minutes - minutes, 0)
        if missed <= ONLINE_TOLERANCE_MINUTES:
            status, missed = AttendanceStatus.PRESENT, 0
        elif missed >= slot.planned_minutes:
            status, missed = AttendanceStatus.ABSENT, 0
        else:
            status = AttendanceStatus.LEFT_EARLY
        entries.append((registration, status, missed))
    return mark_sheet(slot=slot, entries=entries, mode=SigningMode.ONLINE, by=by)


# What stays of a presence once its person is anonymised, and why (RGPD art. 17.3.b: what a
# legal obligation requires is not erased). A training body proves the hours it bills with
# per-half-day presences counter-signed by the trainer (Code du travail R. 6332-26, funders'
# rules): so the status, minutes missed, signing mode and time stay, with the slot's trainer
# counter-signature (the trainer's own data, certifying the whole sheet) and the scanned paper
# sheet (the whole group's document, which cannot be redacted for one person). The signature
# drawing goes, with the address and browser it was made from: once the name is replaced it
# proves nothing about who signed, yet it is still a trace of an identifiable person's hand.
ANONYMISED_ATTENDANCE = {"signature": "", "ip_address": None, "user_agent": ""}


@transaction.atomic
def anonymise_signatures(*, registration: Registration) -> int:
    """Remove the person's signature drawings and device traces from their presences; how many presences."""
    return Attendance.objects.filter(registration=registration).update(**ANONYMISED_ATTENDANCE)


@transaction.atomic
def anonymise_walk_ins(*, email: str = "", event_ids=(), now: dt.datetime | None = None) -> int:
    """Anonymise the walk-ins of this address (their request) or of these events (retention); how many.

    Names, address and employer are replaced and their signature drawings removed, as for a
    registration; their presences stay. Claimed by the conditional UPDATE on `anonymised_at`.
    """
    walk_ins = WalkIn.objects.filter(anonymised_at__isnull=True)
    if email:
        walk_ins = walk_ins.filter(email=email.strip().lower())
    elif event_ids:
        walk_ins = walk_ins.filter(event_id__in=list(event_ids))
    else:
        return 0
    ids = list(walk_ins.values_list("id", flat=True))
    if not ids:
        return 0
    count = WalkIn.objects.filter(id__in=ids, anonymised_at__isnull=True).update(
        first_name=_("Personne"),
        last_name=_("anonymisée"),
        email="",
        employer_name="",
        anonymised_at=now or timezone.now(),
    )
    Attendance.objects.filter(walk_in_id__in=ids).update(**ANONYMISED_ATTENDANCE)
    return count
