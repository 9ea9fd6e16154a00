"""A person who left data everywhere: registration with employer, payer, answers and files,
signatures on a counter-signed half-day, survey answers, workshop contributions."""

import datetime as dt
from dataclasses import dataclass

from rencontres.attendance import services as attendance_services
from rencontres.attendance.enums import SigningMode
from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind, SessionKind
from rencontres.registrations import configuration
from rencontres.registrations.enums import QuestionKind
from rencontres.registrations.models import EventRegistrationSettings, Registration
from rencontres.surveys.enums import SurveyKind
from rencontres.workshops import services as workshop_services
from tests.attendance.builders import SIGNATURE
from tests.registrations.builders import add_tier, make_event, pdf_file, register
from tests.surveys.builders import answer, make_survey

EMAIL = "camille.durand@example.org"


@dataclass
class Trail:
    event: object
    registration: Registration
    morning: object
    afternoon: object
    survey: object
    workshop: object
    kept_contribution: object
    own_contribution: object
    others: list


def leave_a_trail(organization, *, email=EMAIL, date=dt.date(2030, 3, 14), others=2) -> Trail:
    """An event on `date` (a morning and an afternoon, a workshop) and `email` registered with everything."""
    event = make_event(organization, days=(), published=False)
    day = event_services.add_day(event=event, date=date)
    event_services.add_session(day=day, title="Apports", start_time=dt.time(9), end_time=dt.time(12))
    session = event_services.add_session(
        day=day, title="Atelier", start_time=dt.time(14), end_time=dt.time(17), kind=SessionKind.WORKSHOP
    )
    event_services.publish_event(event=event)
    event.refresh_from_db()
    EventRegistrationSettings.objects.create(event=event, application_files="CV")
    question = configuration.add_question(event=event, label="Vos attentes", kind=QuestionKind.TEXT)
    upload = configuration.add_question(event=event, label="Attestation", kind=QuestionKind.FILE)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=45000, label="Employeur")
    free = add_tier(event, label="Gratuit")
    registration = register(
        event,
        email=email,
        first_name="Camille",
        last_name="Durand",
        job_title="conseillère en économie sociale et familiale",
        employer_name="CCAS de Poissy",
        employer_address="1 place de la République, 78300 Poissy",
        employer_siret="21780498700010",
        price_tier=tier,
        payer_contact_email="rh.poissy@example.org",
        answers={question: "Mieux accompagner les familles Durand-Leroy", upload: pdf_file("attestation-durand.pdf")},
        application_files=[("CV", pdf_file("cv-camille-durand.pdf"))],
    )
    others_registered = [register(event, last_name=f"Autre {i}", price_tier=free) for i in range(others)]
    morning, afternoon = attendance_services.derive_slots(event=event)
    for person in [registration, *others_registered]:
        attendance_services.sign(
            slot=morning,
            registration=person,
            mode=SigningMode.PHONE,
            signature=SIGNATURE,
            ip_address="192.0.2.7",
            user_agent="Mozilla/5.0 (Linux; Android 14) Camille",
        )
    attendance_services.validate_slot(slot=morning, trainer_name="Julie Formatrice", signature=SIGNATURE, by=None)
    survey = make_survey(event=event, kind=SurveyKind.HOT)
    answer(survey, registration, score="4", text="Camille Durand : merci pour l'accueil")
    for person in others_registered:
        answer(survey, person, score="2", text="Bien")
    workshop = workshop_services.create_workshop(session=session)
    stream = workshop_services.add_workstream(workshop=workshop, title="Accès aux droits", question="Que faire ?")
    kept = workshop_services.post_contribution(workstream=stream, registration=registration, text="Un guichet unique")
    own = workshop_services.post_contribution(workstream=stream, registration=registration, text="Moi, Camille D.")
    workshop_services.open_vote(workshop=workshop, dots_per_person=3, max_dots_per_item=2)
    if others_registered:
        workshop_services.cast_dot(contribution=kept, registration=others_registered[0])
    registration.refresh_from_db()
    return Trail(event, registration, morning, afternoon, survey, workshop, kept, own, others_registered)


def row_values(registration: Registration) -> list[str]:
    """Every stored value of the registration's row, as text."""
    fresh = Registration.objects.get(pk=registration.pk)
    return [str(getattr(fresh, field.attname)) for field in Registration._meta.concrete_fields]
