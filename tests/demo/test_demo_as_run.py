"""The demo tells the story: the five seed events with their real dates, shown as run.

Figures are computed from what was loaded (slots, presences), not copied from the demo's data,
so that these tests say what a newcomer must see whatever the cast.
"""

import io

import pypdf
import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation

from rencontres.attendance import selectors as attendance_selectors
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.models import Attendance
from rencontres.events.demo_data import DEMO_EVENTS, DEMO_ORGANISER_EMAIL
from rencontres.events.enums import PayerKind
from rencontres.registrations import availability
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Invitation, Registration
from rencontres.registrations.services.places import counted_from_registrations
from rencontres.surveys import selectors as survey_selectors
from rencontres.surveys.enums import SurveyKind
from rencontres.workshops import selectors as workshop_selectors
from rencontres.workshops.demo import SEED_002
from rencontres.workshops.enums import RestitutionVisibility, WorkshopPhase
from tests.api.builders import token_for
from tests.events.test_demo import demo_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, demo):
    from rencontres.accounts.models import User

    client.force_login(User.objects.get(email=DEMO_ORGANISER_EMAIL))
    return client


def test_the_five_events_keep_their_programme(demo):
    assert len(demo) == 5
    for data, event in zip(DEMO_EVENTS, demo, strict=True):
        event.refresh_from_db()
        dates = [day.date for day in data.days]
        assert event.title == data.title
        assert (event.starts_on, event.ends_on) == (min(dates), max(dates))
        assert event.sessions.count() == sum(len(day.sessions) for day in data.days)


def test_every_event_has_registrations_within_its_places_and_a_few_cancellations(demo):
    for event in demo:
        places = availability.event_availability(event)
        assert places.confirmed >= 10, event.title
        assert places.capacity is None or places.confirmed <= places.capacity
        assert Registration.objects.filter(event=event, state=RegistrationState.CANCELLED).exists(), event.title
        # The places row equals the registrations counted by state: they went through the services.
        row = event.places
        counted = counted_from_registrations(event.id)
        assert {name: getattr(row, name) for name in counted} == counted
    assert not Registration.objects.exclude(email__endswith=".example").exists()  # nobody real


def test_the_cnam_certificate_is_full_with_a_waiting_list_in_order(demo):
    event = demo_event("004")
    places = availability.event_availability(event)
    assert places.confirmed == places.capacity == 30
    waiting = list(Registration.objects.filter(event=event, state=RegistrationState.WAITING).order_by("queue_number"))
    assert len(waiting) == places.waiting >= 2
    confirmed = Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED)
    assert max(r.created_at for r in confirmed) < min(r.created_at for r in waiting)  # first come, first served
    assert {r.payer_kind for r in confirmed} == {PayerKind.EMPLOYER, PayerKind.INDIVIDUAL}


def test_payers_are_as_each_seed_requires(demo):
    cluny = Registration.objects.filter(event=demo_event("000"))
    assert all(
        r.payer_kind == PayerKind.EMPLOYER and r.amount_cents == 85000 and r.employer_name and r.payer_contact_email
        for r in cluny
    )
    paying = Registration.objects.filter(state=RegistrationState.CONFIRMED, amount_cents__gt=0)
    assert paying.exists() and not any(r.needs_commitment for r in paying)  # the written commitments came back
    for seed in ("001", "002", "003"):
        registrations = Registration.objects.filter(event=demo_event(seed))
        assert {(r.payer_kind, r.amount_cents) for r in registrations} == {(PayerKind.FREE, 0)}
    event = demo_event("003")
    invited = set(Invitation.objects.filter(event=event).values_list("email", flat=True))
    assert set(Registration.objects.filter(event=event).values_list("email", flat=True)) < invited


def test_cluny_is_a_training_action_whose_four_half_days_are_signed_and_counter_signed(demo):
    event = demo_event("000")
    assert event.is_training_action
    slots = attendance_selectors.slots_of(event)
    assert len(slots) == 4 and all(slot.is_validated and slot.trainer_signature for slot in slots)
    people = Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED).count()
    assert 12 <= people <= 16
    attended = Attendance.objects.filter(slot__event=event).exclude(status=AttendanceStatus.ABSENT)
    assert attended.count() == 4 * people - 1
    assert all(a.signature and a.mode == SigningMode.TABLET for a in attended)


def _cluny_hours():
    event = demo_event("000")
    table = attendance_selectors.event_hours(event)
    [absent] = Attendance.objects.filter(slot__event=event, status=AttendanceStatus.ABSENT).select_related("slot")
    [late] = Attendance.objects.filter(slot__event=event, status=AttendanceStatus.LATE)
    return event, table, absent, late


def test_cluny_hours_show_one_person_absent_one_afternoon_and_one_late(demo):
    _, table, absent, late = _cluny_hours()
    planned = table.planned_minutes_per_person
    minutes = {person.registration_id: person.minutes for person in table.people}
    assert absent.slot.half == "afternoon" and late.minutes_missed > 0
    assert minutes.pop(absent.registration_id) == planned - absent.slot.planned_minutes
    assert minutes.pop(late.registration_id) == planned - late.minutes_missed
    assert set(minutes.values()) == {planned}
    assert 0.9 < table.completion_rate < 1


def test_the_organiser_sees_hours_per_person_and_whom_to_follow_up(demo, organiser):
    event, table, absent, _late = _cluny_hours()
    page = organiser.get(f"/gestion/evenements/{event.id}/heures/").content.decode()
    with translation.override("fr"):
        for person in table.people:
            assert f"<td>{person.name}</td><td>{person.payer}</td><td>{floatformat(person.hours, '-2')}</td>" in page
    follow_up = organiser.get(f"/gestion/evenements/{event.id}/emargement/").content.decode()
    assert absent.registration.last_name in follow_up


def test_the_api_gives_cluny_hours_per_person(demo, client):
    event, table, absent, late = _cluny_hours()
    response = client.get(
        f"/api/events/{event.slug}/attendance", headers={"Authorization": f"Bearer {token_for(event.organization)}"}
    )
    body = response.json()
    assert response.status_code == 200
    assert len(body["slots"]) == 4 and all(slot["validated"] for slot in body["slots"])
    hours = {person["registration"]: person["hours"] for person in body["people"]}
    assert hours == {person.registration_id: person.hours for person in table.people}
    assert hours[absent.registration_id] < hours[late.registration_id] < max(hours.values())


def test_cluny_attendance_sheets_render_with_the_signatures(demo, organiser):
    event = demo_event("000")
    response = organiser.get(f"/gestion/evenements/{event.id}/emargement/feuilles.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) == 4
    text = pdf.pages[0].extract_text()
    assert event.title.split()[0] in text
    assert attendance_selectors.slots_of(event)[0].trainer_name in text


def test_saint_germain_two_days_are_signed_online_then_on_site(demo):
    event = demo_event("002")
    slots = attendance_selectors.slots_of(event)
    assert len(slots) == 4 and all(slot.is_validated for slot in slots)
    modes = {(a.slot.day.date, a.mode) for a in Attendance.objects.filter(slot__event=event).exclude(status="absent")}
    assert {mode for _date, mode in modes} == {SigningMode.ONLINE, SigningMode.TABLET}
    assert len({date for date, _mode in modes}) == 2
    assert Attendance.objects.filter(slot__event=event, status=AttendanceStatus.LEFT_EARLY).exists()


def test_saint_germain_workshops_are_restored_to_all_on_the_event_page(demo, client):
    event = demo_event("002")
    workshops = workshop_selectors.workshops_of(event)
    assert len(workshops) == len(SEED_002)
    for workshop in workshops:
        assert workshop.phase == WorkshopPhase.CLOSED
        assert workshop.restitution_visibility == RestitutionVisibility.PUBLIC
        streams = workshop_selectors.restitution(workshop)
        assert all(len(stream.retained) == 3 and stream.next_steps and stream.text for stream in streams)
        assert sum(workshop_selectors.contribution_votes(workshop).values()) > 0
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Restitution des ateliers" in page
    restitution = reverse("site:workshop_restitution", args=[event.slug, workshops[0].id])
    assert restitution in page
    first_synthesis = SEED_002[0][0][4]
    assert first_synthesis.split(" :")[0] in client.get(restitution).content.decode()


def test_cluny_surveys_are_answered_and_the_satisfaction_is_published(demo, client):
    event = demo_event("000")
    surveys = {survey.kind: survey for survey in survey_selectors.surveys_of(event)}
    hot, cold = survey_selectors.results(surveys[SurveyKind.HOT]), survey_selectors.results(surveys[SurveyKind.COLD])
    people = Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED).count()
    assert 0 < cold.response_count < hot.response_count <= people
    assert 0.7 < hot.satisfaction_rate <= 1
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Satisfaction des participants" in page and f"{hot.response_count} réponses" in page


def test_seine_saint_denis_morning_was_ticked_on_the_paper_sheet(demo):
    event = demo_event("003")
    [slot] = attendance_selectors.slots_of(event)
    assert slot.is_validated
    statuses = list(Attendance.objects.filter(slot=slot).values_list("status", "mode"))
    assert statuses.count((AttendanceStatus.EXCUSED, SigningMode.PAPER)) == 1
    assert sum(1 for status, _mode in statuses if status == AttendanceStatus.ABSENT) == 1
    assert statuses.count((AttendanceStatus.PRESENT, SigningMode.PAPER)) == len(statuses) - 2


def test_each_cluny_trainee_has_a_certificate_of_the_hours_done_that_the_verification_page_confirms(demo, client):
    from rencontres.certificates import selectors as certificate_selectors
    from rencontres.certificates.enums import CertificateKind

    event, table, _absent, _late = _cluny_hours()
    certificates = certificate_selectors.of_event(event)
    minutes_done = {person.registration_id: person.minutes for person in table.people if person.minutes}
    realisations = {c.registration_id: c for c in certificates if c.kind == CertificateKind.REALISATION}
    assert {r: c.minutes for r, c in realisations.items()} == minutes_done
    assert {c.kind for c in certificates} == {CertificateKind.REALISATION, CertificateKind.END_OF_TRAINING}
    certificate = next(iter(realisations.values()))
    page = client.get(reverse("site:certificate_verify", args=[certificate.code])).content.decode()
    assert certificate.registration.last_name in page and event.title in page


def test_the_cnam_certificate_asks_for_a_file_without_approval_and_each_trainee_sent_it(demo):
    from rencontres.registrations.services import settings_of

    event = demo_event("004")
    reg_settings = settings_of(event)
    assert not reg_settings.requires_application
    assert reg_settings.application_file_labels == ["CV", "Lettre de motivation", "Fiche d'inscription complétée"]
    for registration in Registration.objects.filter(event=event):
        assert [f.label for f in registration.application_files.all()] == reg_settings.application_file_labels
        assert {f.file_type for f in registration.application_files.all()} == {"PDF"}


def test_the_cnam_certificate_has_its_90_hours_counter_signed_theses_jury_and_certificates(demo):
    from rencontres.certificates.models import Certificate
    from rencontres.theses import selectors as thesis_selectors

    event = demo_event("004")
    slots = attendance_selectors.slots_of(event)
    assert len(slots) == 30 and all(slot.is_validated for slot in slots)
    table = attendance_selectors.event_hours(event)
    assert table.planned_minutes_per_person == 90 * 60
    minutes = {person.registration_id: person.minutes for person in table.people}
    assert sum(1 for m in minutes.values() if m < 90 * 60) == 2  # one absent a journée, one left early

    trainees = thesis_selectors.trainees_of(event)
    assert len(trainees) == 30
    without_thesis = [t for t in trainees if t.thesis is None]
    assert len(without_thesis) == 1 and not without_thesis[0].decisions
    assert any(len(t.theses) == 2 for t in trainees)  # handed in again, the first version kept
    jury = thesis_selectors.jury_of(event)
    assert jury.date.month == 6 and jury.members.count() >= 3
    decisions = [t.decision for t in trainees if t.decision]
    deferred = [d for d in decisions if not d.is_admitted]
    assert len(decisions) == 29 and len(deferred) == 1 and deferred[0].comment

    certificates = Certificate.objects.filter(event=event, kind="certificat_specialisation")
    admitted = {d.registration_id for d in decisions if d.is_admitted}
    assert set(certificates.values_list("registration_id", flat=True)) == admitted
    assert all(c.minutes == minutes[c.registration_id] for c in certificates)
    assert all(c.snapshot["jury"]["date"] == jury.date.isoformat() for c in certificates)


def test_the_next_editions_of_cluny_and_the_cnam_are_open_for_registration_from_today(demo, client):
    """A newcomer can try registering: seeds 000 and 004 come again, dated from the day the demo was loaded."""
    from django.utils import timezone

    from rencontres.events.models import Event
    from rencontres.registrations.enums import AvailabilityState

    today = timezone.localdate()
    upcoming = Event.objects.filter(starts_on__gt=today).order_by("starts_on")
    past = {data.seed[:3]: event for data, event in zip(DEMO_EVENTS, demo, strict=True)}

    assert [e.title for e in upcoming] == [past["000"].title, past["004"].title]
    cluny, cnam = upcoming
    assert cluny.starts_on.weekday() == past["000"].starts_on.weekday()
    assert cluny.days.count() == past["000"].days.count()
    assert cnam.starts_on.month == past["004"].starts_on.month and cnam.dates_are_months
    for event, edition_of in [(cluny, past["000"]), (cnam, past["004"])]:
        assert availability.event_availability(event).state == AvailabilityState.OPEN
        assert availability.places_of(event).capacity_max == availability.places_of(edition_of).capacity_max
        assert event.price_tiers.count() == edition_of.price_tiers.count()
        page = client.get(f"/evenements/{event.slug}/").content.decode()
        assert "S'inscrire" in page
