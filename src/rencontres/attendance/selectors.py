"""Reads of attendance: who is expected at a slot, what they signed, hours per person and per event."""

from dataclasses import dataclass

from django.db.models import Prefetch

from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .enums import AttendanceStatus
from .hours import PersonHours, attended_minutes
from .models import Attendance, AttendanceSlot, OnlineJoin, WalkIn


def slots_of(event: Event) -> list[AttendanceSlot]:
    return list(AttendanceSlot.objects.filter(event=event).select_related("day"))


def slot_for_event(event: Event, slot_id: int) -> AttendanceSlot:
    return AttendanceSlot.objects.select_related("day", "event__organization").get(event=event, id=slot_id)


@dataclass
class RosterLine:
    """One expected person of a slot, with their presence if any."""

    registration: Registration
    attendance: Attendance | None

    @property
    def has_signed(self) -> bool:
        return self.attendance is not None and bool(self.attendance.signature)


def roster(slot: AttendanceSlot) -> list[RosterLine]:
    """The confirmed people of the slot's event, by name, each with their presence at this slot."""
    registrations = Registration.objects.filter(event_id=slot.event_id, state=RegistrationState.CONFIRMED).order_by(
        "last_name", "first_name", "id"
    )
    by_registration = {a.registration_id: a for a in slot.attendances.filter(registration__isnull=False)}
    return [RosterLine(r, by_registration.get(r.id)) for r in registrations]


def names_still_to_sign(slot: AttendanceSlot) -> list[Registration]:
    """For the shared tablet: first and last names of those who have not signed, nothing more."""
    return [line.registration for line in roster(slot) if not line.has_signed]


def walk_ins_of(slot: AttendanceSlot) -> list[Attendance]:
    return list(slot.attendances.filter(walk_in__isnull=False).select_related("walk_in"))


@dataclass
class EventHours:
    slots: list[AttendanceSlot]
    people: list[PersonHours]

    @property
    def planned_minutes_per_person(self) -> int:
        return sum(slot.planned_minutes for slot in self.slots if slot.is_validated)

    @property
    def minutes_done(self) -> int:
        return sum(person.minutes for person in self.people)

    @property
    def completion_rate(self) -> float | None:
        """Hours done over hours planned, for everyone, on counter-signed slots; None before any."""
        planned = self.planned_minutes_per_person * len(self.people)
        return round(self.minutes_done / planned, 3) if planned else None

    @property
    def completion_percent(self) -> float | None:
        rate = self.completion_rate
        return None if rate is None else round(rate * 100, 1)

    def minutes_by_payer(self) -> list[tuple[str, int, int]]:
        """(payer, people, minutes), the biggest first."""
        totals: dict[str, list[int]] = {}
        for person in self.people:
            line = totals.setdefault(person.payer, [0, 0])
            line[0] += 1
            line[1] += person.minutes
        return sorted(((payer, n, m) for payer, (n, m) in totals.items()), key=lambda t: (-t[2], t[0]))


def event_hours(event: Event) -> EventHours:
    """Hours per person from counter-signed slots only, in two queries whatever the number of people."""
    slots = slots_of(event)
    validated = {slot.id: slot for slot in slots if slot.is_validated}
    registrations = (
        Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED)
        .order_by("last_name", "first_name", "id")
        .prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.filter(slot_id__in=list(validated)).only(
                    "slot_id", "registration_id", "status", "minutes_missed"
                ),
            )
        )
    )
    people = []
    for registration in registrations:
        person = PersonHours(
            registration_id=registration.id,
            name=f"{registration.last_name} {registration.first_name}",
            payer=registration.payer_name or registration.get_payer_kind_display(),
        )
        for attendance in registration.attendances.all():
            person.minutes_by_slot[attendance.slot_id] = attended_minutes(
                status=attendance.status,
                minutes_missed=attendance.minutes_missed,
                planned_minutes=validated[attendance.slot_id].planned_minutes,
            )
        people.append(person)
    return EventHours(slots=slots, people=people)


def validated_minutes(*, event_ids, start, end) -> dict[int, int]:
    """Validated minutes per confirmed registration of these events, on their counter-signed half-days dated
    from `start` to `end` (the BPF's accounting year).

    The rule of `event_hours` (each presence counts `attended_minutes`), read as plain values for
    a whole year of actions: 20,000 presences in ~0.1 s where instances take ~1 s. Three simple
    reads rather than one join, so that PostgreSQL plans them well even before it has statistics
    on freshly loaded tables (the join took 3 s then).
    """
    event_ids = list(event_ids)
    planned = dict(
        AttendanceSlot.objects.filter(
            event_id__in=event_ids, validated_at__isnull=False, day__date__gte=start, day__date__lte=end
        ).values_list("id", "planned_minutes")
    )
    confirmed = set(
        Registration.objects.filter(event_id__in=event_ids, state=RegistrationState.CONFIRMED).values_list(
            "id", flat=True
        )
    )
    minutes: dict[int, int] = {}
    rows = Attendance.objects.filter(slot_id__in=list(planned), registration__isnull=False).values_list(
        "registration_id", "slot_id", "status", "minutes_missed"
    )
    for registration_id, slot_id, status, missed in rows:
        if registration_id in confirmed:
            done = attended_minutes(status=status, minutes_missed=missed, planned_minutes=planned[slot_id])
            minutes[registration_id] = minutes.get(registration_id, 0) + done
    return minutes


def to_follow_up(event: Event) -> list[Attendance]:
    """Absences without excuse on counter-signed slots: whom to call (Qualiopi indicator 12)."""
    return list(
        Attendance.objects.filter(
            slot__event=event,
            slot__validated_at__isnull=False,
            status=AttendanceStatus.ABSENT,
            registration__isnull=False,
        )
        .select_related("registration", "slot__day")
        .order_by("registration__last_name", "slot__day__date", "slot__start_time")
    )


def expected_people(slot: AttendanceSlot) -> list[Registration]:
    return [line.registration for line in roster(slot)]


def personal_data(registration_ids) -> dict[int, list[dict]]:
    """Each registration's presences (slot, status, signing time and mode, the signature drawing), for their download."""
    presences: dict[int, list[dict]] = {}
    rows = (
        Attendance.objects.filter(registration_id__in=list(registration_ids))
        .select_related("slot__day")
        .order_by("slot__day__date", "slot__start_time")
    )
    for attendance in rows:
        presences.setdefault(attendance.registration_id, []).append(
            {
                "demi_journee": f"{attendance.slot.day.date.isoformat()} {attendance.slot.get_half_display()}",
                "presence": attendance.get_status_display(),
                "minutes_manquees": attendance.minutes_missed,
                "mode": attendance.get_mode_display(),
                "signe_le": attendance.signed_at.isoformat() if attendance.signed_at else None,
                "signature": attendance.signature,
                "adresse_ip": attendance.ip_address,
                "navigateur": attendance.user_agent,
            }
        )
    return presences


def online_joins(registration_ids) -> dict[int, list[dict]]:
    """When each registration opened its personal link to an online session, for the person's download."""
    joins: dict[int, list[dict]] = {}
    for join in OnlineJoin.objects.filter(registration_id__in=list(registration_ids)).select_related("session"):
        joins.setdefault(join.registration_id, []).append(
            {"seance": join.session.title, "connexion_le": join.joined_at.isoformat()}
        )
    return joins


def walk_ins_of_address(email: str) -> list[dict]:
    """Where this address came without being registered, for the person's download."""
    return [
        {
            "evenement": walk_in.event.title,
            "prenom": walk_in.first_name,
            "nom": walk_in.last_name,
            "employeur": walk_in.employer_name,
            "presences": [
                {
                    "demi_journee": f"{a.slot.day.date.isoformat()} {a.slot.get_half_display()}",
                    "signe_le": a.signed_at.isoformat() if a.signed_at else None,
                    "signature": a.signature,
                }
                for a in walk_in.attendances.all()
            ],
        }
        for walk_in in WalkIn.objects.filter(email=(email or "").strip().lower(), anonymised_at__isnull=True)
        .select_related("event")
        .prefetch_related("attendances__slot__day")
    ]
