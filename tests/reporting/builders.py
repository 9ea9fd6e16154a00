"""Builders for reporting tests: training actions that ran, with typed trainees, signed half-days and trainers.

The events are registered for in January 2025 and run in 2025 (one day in January 2026):
they are in the past, so `build_year` travels back in time to register, as it happened.
"""

import datetime as dt

import time_machine

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.events import services as event_services
from rencontres.events.enums import BpfObjective, TrainerStatus
from rencontres.registrations import services as registration_services
from tests.attendance.builders import SIGNATURE
from tests.registrations.builders import make_event, register

REGISTERED_AT = dt.datetime(2025, 1, 6, 9, tzinfo=dt.UTC)


def action(organization, *, title: str, dates: tuple[dt.date, ...], training: bool = True, **fields):
    """A training action whose days run 9 h–12 h 30 (« Apports ») and 14 h–17 h (« Ateliers »): 3 h 30 + 3 h."""
    event = make_event(organization, title=title, days=(), published=False)
    event_services.update_event(event=event, is_training_action=training, **fields)
    for date in dates:
        day = event_services.add_day(event=event, date=date)
        event_services.add_session(day=day, title="Apports", start_time=dt.time(9), end_time=dt.time(12, 30))
        event_services.add_session(day=day, title="Ateliers", start_time=dt.time(14), end_time=dt.time(17))
    event_services.publish_event(event=event)
    event.refresh_from_db()
    return event


def trainee(event, name: str, *, trainee_type: str = "", payer_category: str = "", opco_scheme: str = ""):
    registration = register(event, email=f"{name.lower()}@example.org", first_name=name, last_name="Stagiaire")
    return registration_services.set_training_profile(
        registration=registration, trainee_type=trainee_type, payer_category=payer_category, opco_scheme=opco_scheme
    )


def trainer(event, name: str, status: str, *, sessions: list) -> None:
    speaker = event_services.add_speaker(event=event, name=name, trainer_status=status)
    for session in sessions:
        event_services.set_session_speakers(session=session, speakers=[*session.speakers.all(), speaker])


def sessions_of(event, date: dt.date) -> list:
    return list(event.sessions.filter(day__date=date).order_by("start_time"))


def run(event, presences: dict, *, online=()) -> None:
    """Each slot signed by the registrations given for it (a registration or (registration, minutes late)), then
    counter-signed; the others are absent. `online`: (registration, slot index) signed online."""
    slots = attendance.derive_slots(event=event)
    for index, slot in enumerate(slots):
        for who in presences.get(index, ()):
            registration, late = who if isinstance(who, tuple) else (who, 0)
            mode = SigningMode.ONLINE if (registration, index) in online else SigningMode.TABLET
            if late:
                attendance.mark(
                    slot=slot, registration=registration, status=AttendanceStatus.LATE, minutes_missed=late, by=None
                )
            attendance.sign(slot=slot, registration=registration, mode=mode, signature=SIGNATURE)
        attendance.validate_slot(slot=slot, trainer_name="Claire Formatrice", signature=SIGNATURE, by=None)


def build_year(organization, other_organization=None):
    """The test year 2025 of `organization`, written out by hand in tests/reporting/test_bpf.py."""
    with time_machine.travel(REGISTERED_AT):
        accueil = action(
            organization,
            title="Accueil inconditionnel",
            dates=(dt.date(2025, 3, 14),),
            bpf_objective=BpfObjective.OTHER,
            nsf_code="332",
        )
        anne = trainee(accueil, "Anne", trainee_type="private_employee", payer_category="company")
        bruno = trainee(accueil, "Bruno", trainee_type="public_agent", payer_category="public_body")
        trainee(accueil, "Chloe", trainee_type="jobseeker", payer_category="public_body")  # absent all day
        denis = trainee(accueil, "Denis", trainee_type="individual", payer_category="individual")
        morning, afternoon = sessions_of(accueil, dt.date(2025, 3, 14))
        trainer(accueil, "Claire Formatrice", TrainerStatus.INTERNAL, sessions=[morning, afternoon])
        event_services.add_speaker(event=accueil, name="Jeanne Invitée")
        run(accueil, {0: [anne, bruno, (denis, 30)], 1: [anne, denis]})

        diplome = action(
            organization,
            title="Diplôme d'État d'ingénierie sociale",
            dates=(dt.date(2025, 12, 15), dt.date(2026, 1, 12)),
            bpf_objective=BpfObjective.RNCP,
            rncp_level=6,
            nsf_code="330",
        )
        emma = trainee(
            diplome, "Emma", trainee_type="private_employee", payer_category="opco", opco_scheme="skills_plan"
        )
        farid = trainee(diplome, "Farid", trainee_type="private_employee", payer_category="training_body")
        december, january = sessions_of(diplome, dt.date(2025, 12, 15)), sessions_of(diplome, dt.date(2026, 1, 12))
        trainer(diplome, "CLAIRE formatrice", TrainerStatus.INTERNAL, sessions=[december[0], january[0]])
        trainer(diplome, "Paul Expert", TrainerStatus.EXTERNAL, sessions=[december[1]])
        run(diplome, {i: [emma, farid] for i in range(4)}, online={(emma, 1)})

        not_training = action(
            organization, title="Forum des solidarités", dates=(dt.date(2025, 5, 20),), training=False
        )
        gaston = trainee(not_training, "Gaston", trainee_type="private_employee", payer_category="company")
        run(not_training, {0: [gaston], 1: [gaston]})

        if other_organization is not None:
            elsewhere = action(other_organization, title="Ailleurs", dates=(dt.date(2025, 4, 1),), nsf_code="332")
            ines = trainee(elsewhere, "Ines", trainee_type="private_employee", payer_category="company")
            run(elsewhere, {0: [ines], 1: [ines]})
    with time_machine.travel(dt.datetime(2024, 10, 1, 9, tzinfo=dt.UTC)):
        last_year = action(organization, title="Session 2024", dates=(dt.date(2024, 11, 4),), nsf_code="332")
        hugo = trainee(last_year, "Hugo", trainee_type="private_employee", payer_category="company")
        run(last_year, {0: [hugo], 1: [hugo]})
    return {"accueil": accueil, "diplome": diplome, "emma": emma, "farid": farid}
