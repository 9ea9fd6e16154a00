"""The seed events' days as they ran: signed half-days, counter-signatures, workshops and surveys.

Through the attendance, workshops and surveys services, at the dates and times the days
happened. Nobody is told of an absence: `validate_slot(notify_absent=False)`.
"""

import datetime as dt

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import AttendanceStatus, Half, SigningMode
from rencontres.attendance.models import AttendanceSlot
from rencontres.events.enums import SessionMode
from rencontres.events.models import PARIS, Event
from rencontres.registrations.models import Registration
from rencontres.surveys.demo import answer_seed_000_surveys
from rencontres.workshops.demo import run_seed_002_workshops

TABLET = "Mozilla/5.0 (iPad; CPU OS 14_8 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.2"

# Seed 000: who missed what, by position among the confirmed people (in order of registration).
CLUNY_TRAINER = "Boris Chevrot"
CLUNY_ABSENT = 3  # missed the first afternoon (the field visit)
CLUNY_LATE = 8  # came late on the second morning
CLUNY_LATE_MINUTES = 25

# Seed 004: 15 journées of 9 h 30-12 h 30 and 14 h-17 h (« Horaires : 9h30/12h30 et 14h/17h »),
# at a distance until January 2021 (« en cas de reconfinement, la formation sera organisée
# tout ou partiellement à distance »: France was locked down from 30 October 2020), then at the Cnam.
CNAM_MORNING = (dt.time(9, 30), dt.time(12, 30))
CNAM_AFTERNOON = (dt.time(14), dt.time(17))
CNAM_ON_SITE_FROM = dt.date(2021, 2, 1)
CNAM_TRAINER = "Lucile Rivera-Bailacq (Opale)"
CNAM_ABSENT = 5  # missed one whole journée (module 7)
CNAM_ABSENT_DAY = 7  # the 8th journée of the programme
CNAM_LEFT_EARLY = 11  # left one afternoon an hour early
CNAM_LEFT_EARLY_MINUTES = 60

SAINT_GERMAIN_FACILITATOR = "Julie Ferrand (Les beaux jours)"
SEINE_SAINT_DENIS_COUNTERSIGNS = "Patrice Lauthrey"


def drawn_signature(name: str) -> str:
    """A signature as the pad posts it ("M x y L x y …" in its 400 × 150 box), different for each name.

    One stroke per word, rising and falling with its letters, then a flourish under it.
    """
    strokes, x = [], 30
    for word in name.split()[:3]:
        points = [f"M{x} 95"]
        for i, letter in enumerate(word.lower()):
            x = min(x + 10 + ord(letter) % 6, 385)
            y = 95 - 15 - ord(letter) % 40 if i % 2 == 0 else 95 + ord(letter) % 12
            points.append(f"L{x} {y}")
        strokes.append(" ".join(points))
        x = min(x + 16, 385)
    strokes.append(f"M25 125 L{max(x - 20, 60)} 118")
    return " ".join(strokes)


def _at(slot: AttendanceSlot, minutes_after_start: int) -> dt.datetime:
    start = dt.datetime.combine(slot.day.date, slot.start_time, tzinfo=PARIS)
    return start + dt.timedelta(minutes=minutes_after_start)


def _sign_on_tablet(slot: AttendanceSlot, registration: Registration, *, minutes_after_start: int, organiser) -> None:
    attendance.sign(
        slot=slot,
        registration=registration,
        mode=SigningMode.TABLET,
        signature=drawn_signature(registration.full_name),
        user_agent=TABLET,
        recorded_by_id=organiser.pk,
        now=_at(slot, minutes_after_start),
    )


def _countersign(slot: AttendanceSlot, trainer_name: str, *, organiser) -> None:
    attendance.validate_slot(
        slot=slot,
        trainer_name=trainer_name,
        signature=drawn_signature(trainer_name),
        by=organiser,
        now=_at(slot, slot.planned_minutes + 10),
        notify_absent=False,
    )


def run_cluny(event: Event, people: list[Registration], *, organiser) -> None:
    """Seed 000: everyone signs the four half-days on the tablet, but one person missed the first
    afternoon and one came late on the second morning; the coordinator counter-signs each; the
    à chaud and à froid surveys are answered."""
    slots = attendance.derive_slots(event=event)
    first_afternoon = next(s for s in slots if s.half == Half.AFTERNOON)
    second_morning = [s for s in slots if s.half == Half.MORNING][1]
    for slot in slots:
        for i, registration in enumerate(people):
            if i == CLUNY_ABSENT and slot == first_afternoon:
                continue  # no signature: written absent at the counter-signature
            arrived = 2 + i // 3
            if i == CLUNY_LATE and slot == second_morning:
                attendance.mark(
                    slot=slot,
                    registration=registration,
                    status=AttendanceStatus.LATE,
                    minutes_missed=CLUNY_LATE_MINUTES,
                    by=organiser,
                )
                arrived = CLUNY_LATE_MINUTES
            _sign_on_tablet(slot, registration, minutes_after_start=arrived, organiser=organiser)
        _countersign(slot, CLUNY_TRAINER, organiser=organiser)
    answer_seed_000_surveys(event, people)


def run_saint_germain(event: Event, people: list[Registration], *, organiser) -> None:
    """Seed 002: the webinars' presence from the videoconference report (a few left early, a few never
    joined), day 2 signed on the tablet by those who came, both days counter-signed by the
    facilitator; the day-2 workshops run with the people who came."""
    slots = attendance.derive_slots(event=event)
    webinars = list(event.sessions.filter(mode=SessionMode.ONLINE, end_time__isnull=False))
    came_on_site = []
    for slot in slots:
        online = slot.day.sessions.filter(mode=SessionMode.ONLINE).exists()
        if online:
            report = []
            for i, registration in enumerate(people):
                if i % 9 == 4:
                    continue  # never joined
                minutes = slot.planned_minutes - (35 if i % 7 == 2 else 0)
                report.append((registration.id, minutes))
                for session in webinars:
                    if session.day_id == slot.day_id and _half_of(session.start_time) == slot.half:
                        joined_at = dt.datetime.combine(slot.day.date, session.start_time, tzinfo=PARIS)
                        attendance.record_online_join(
                            registration=registration, session=session, now=joined_at + dt.timedelta(minutes=i % 4 - 2)
                        )
            attendance.apply_online_report(slot=slot, matched=report, by=organiser)
        else:
            for i, registration in enumerate(people):
                if i % 3 == 2:
                    continue  # came to the webinars only: more people follow a webinar than travel
                _sign_on_tablet(slot, registration, minutes_after_start=i // 4, organiser=organiser)
                if slot.half == Half.MORNING:
                    came_on_site.append(registration)
        _countersign(slot, SAINT_GERMAIN_FACILITATOR, organiser=organiser)
    run_seed_002_workshops(event, came_on_site)


def _half_of(start_time: dt.time) -> str:
    return Half.MORNING if start_time < attendance.AFTERNOON_STARTS else Half.AFTERNOON


def run_seine_saint_denis(event: Event, people: list[Registration], *, organiser) -> None:
    """Seed 003: the morning signed on the printed sheet, ticked by the organiser (one excused, one
    absent), then counter-signed."""
    [slot] = attendance.derive_slots(event=event)
    for i, registration in enumerate(people):
        if i == len(people) - 1:
            continue  # absent: written so at the counter-signature
        status = AttendanceStatus.EXCUSED if i == 5 else AttendanceStatus.PRESENT
        attendance.mark(slot=slot, registration=registration, status=status, mode=SigningMode.PAPER, by=organiser)
    _countersign(slot, SEINE_SAINT_DENIS_COUNTERSIGNS, organiser=organiser)


def run_cnam(event: Event, people: list[Registration], *, organiser) -> list[AttendanceSlot]:
    """Seed 004: the 15 journées, two half-days each (known by their month only, so their slots are
    typed), attended at a distance (the videoconference report) until January 2021, then signed on
    the paper sheet at the Cnam; one person missed a whole journée, one left an afternoon early;
    every half-day counter-signed. Returns the slots, in the programme's order."""
    slots = []
    journees = [day for day in event.days.prefetch_related("sessions") if day.sessions.all()]
    for number, day in enumerate(journees):
        for half, (start, end) in ((Half.MORNING, CNAM_MORNING), (Half.AFTERNOON, CNAM_AFTERNOON)):
            slot = attendance.add_slot(day=day, half=half, start_time=start, end_time=end, planned_minutes=180)
            slots.append(slot)
            present = [r for i, r in enumerate(people) if not (i == CNAM_ABSENT and number == CNAM_ABSENT_DAY)]
            left_early = people[CNAM_LEFT_EARLY] if number == 2 and half == Half.AFTERNOON else None
            if day.date < CNAM_ON_SITE_FROM:
                report = [
                    (r.id, slot.planned_minutes - (CNAM_LEFT_EARLY_MINUTES if r == left_early else 0)) for r in present
                ]
                attendance.apply_online_report(slot=slot, matched=report, by=organiser)
            else:
                sheet = [
                    (r, AttendanceStatus.LEFT_EARLY, CNAM_LEFT_EARLY_MINUTES)
                    if r == left_early
                    else (r, AttendanceStatus.PRESENT, 0)
                    for r in present
                ]
                attendance.mark_sheet(slot=slot, entries=sheet, mode=SigningMode.PAPER, by=organiser)
            _countersign(slot, CNAM_TRAINER, organiser=organiser)
    return slots
