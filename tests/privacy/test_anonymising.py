"""Anonymising one registration: the person's data goes in every app, what the organisation must keep stays."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rencontres.attendance import selectors as attendance_selectors
from rencontres.attendance.models import Attendance
from rencontres.privacy import services
from rencontres.registrations import availability, paperwork
from rencontres.registrations.enums import PaperworkKind
from rencontres.registrations.models import Answer, ApplicationFile, Registration
from rencontres.surveys import selectors as survey_selectors
from rencontres.surveys.models import SurveyAnswer
from rencontres.workshops.models import Contribution
from tests.registrations.builders import make_event, register

from .builders import leave_a_trail, row_values

pytestmark = pytest.mark.django_db

REASON = "test"


def test_the_person_leaves_every_field_of_the_registration_and_the_papers_keep_their_number(
    organization, django_capture_on_commit_callbacks
):
    trail = leave_a_trail(organization)
    quote = paperwork.issue_paperwork(registration=trail.registration, kind=PaperworkKind.QUOTE)
    stored = [a.file.name for a in Answer.objects.filter(registration=trail.registration) if a.file]
    stored += [f.file.name for f in ApplicationFile.objects.filter(registration=trail.registration)]
    assert len(stored) == 2 and all(default_storage.exists(name) for name in stored)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.anonymise_registration(registration_id=trail.registration.id, reason=REASON)

    values = " ".join(row_values(trail.registration)).lower()
    for trace in ("camille", "durand", "poissy", "21780498700010", "rh.poissy", "conseillère"):
        assert trace not in values
    registration = Registration.objects.get(pk=trail.registration.pk)
    assert registration.full_name == "Personne anonymisée"
    assert registration.email.endswith("@anonyme.invalid")
    assert (registration.state, registration.amount_cents, registration.price_label) == (
        trail.registration.state,
        45000,
        "Employeur",
    )
    assert not Answer.objects.filter(registration=registration).exists()
    assert not ApplicationFile.objects.filter(registration=registration).exists()
    assert not any(default_storage.exists(name) for name in stored)
    quote.refresh_from_db()
    data = paperwork.paperwork_data(quote)
    assert data["number"] == quote.number and data["trainee"]["name"] == "Personne anonymisée"
    assert registration.log_entries.last().note == REASON


def test_signature_drawings_and_devices_go_while_presences_and_hours_stay(organization):
    trail = leave_a_trail(organization)
    hours_before = {p.name: p.minutes for p in attendance_selectors.event_hours(trail.event).people}

    services.anonymise_registration(registration_id=trail.registration.id, reason=REASON)

    presence = Attendance.objects.get(registration=trail.registration)
    assert (presence.signature, presence.ip_address, presence.user_agent) == ("", None, "")
    assert presence.signed_at is not None and presence.status == "present"
    others = Attendance.objects.exclude(registration=trail.registration).filter(slot=trail.morning)
    assert all(other.signature for other in others)  # only this person's drawing went
    trail.morning.refresh_from_db()
    assert trail.morning.trainer_signature  # the trainer's counter-signature stays
    hours_after = {p.name: p.minutes for p in attendance_selectors.event_hours(trail.event).people}
    assert sorted(hours_after.values()) == sorted(hours_before.values())
    assert "anonymisée Personne" in hours_after  # listed by last name


def test_free_text_survey_answers_go_and_the_satisfaction_rate_stays(organization):
    trail = leave_a_trail(organization)
    rate = survey_selectors.satisfaction_rate(trail.survey)
    others_texts = SurveyAnswer.objects.filter(response__survey=trail.survey, value="Bien").count()

    services.anonymise_registration(registration_id=trail.registration.id, reason=REASON)

    texts = SurveyAnswer.objects.filter(response__registration=trail.registration).values_list("value", flat=True)
    assert not any("Camille" in text for text in texts)
    assert SurveyAnswer.objects.filter(response__registration=trail.registration, score=4).exists()
    assert survey_selectors.satisfaction_rate(trail.survey) == rate
    assert SurveyAnswer.objects.filter(response__survey=trail.survey, value="Bien").count() == others_texts > 0


def test_a_contribution_only_its_author_had_goes_and_one_the_group_voted_for_stays(organization):
    trail = leave_a_trail(organization)

    services.anonymise_registration(registration_id=trail.registration.id, reason=REASON)

    assert not Contribution.objects.filter(pk=trail.own_contribution.pk).exists()
    assert Contribution.objects.get(pk=trail.kept_contribution.pk).text == "Un guichet unique"


def test_anonymising_twice_changes_nothing_the_second_time(organization):
    trail = leave_a_trail(organization, others=0)

    assert services.anonymise_registration(registration_id=trail.registration.id, reason=REASON) is True
    first = row_values(trail.registration)
    assert services.anonymise_registration(registration_id=trail.registration.id, reason=REASON) is False

    assert row_values(trail.registration) == first
    assert trail.registration.log_entries.filter(note=REASON).count() == 1


def test_the_event_counts_are_unchanged(organization):
    event = make_event(organization, capacity=3)
    people = [register(event) for _ in range(5)]  # 3 confirmed, 2 waiting
    before = availability.event_availability(event)

    for person in people[::2]:
        services.anonymise_registration(registration_id=person.id, reason=REASON)

    after = availability.event_availability(event)
    assert (after.places_left, after.state) == (before.places_left, before.state)
    assert sorted(Registration.objects.filter(event=event).values_list("state", flat=True)) == sorted(
        p.state for p in people
    )


# Any letters, after a mark no placeholder, state or date contains, so that a hit is a leak.
names = st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=1, max_size=30).map(lambda s: "Ŵ" + s)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=names, last=names, employer=names, job=names, local=st.from_regex(r"[a-z]{3,12}", fullmatch=True))
def test_after_anonymising_no_field_holds_the_name_the_address_or_the_employer(
    organization, first, last, employer, job, local
):
    """Whatever the person typed, none of it stays in the registration's row."""
    event = make_event(organization, capacity=2, days=(dt.date(2030, 5, 2),))
    registration = register(
        event,
        email=f"{local}@exemple-{local}.fr",
        first_name=first,
        last_name=last,
        job_title=job,
        employer_name=employer,
    )
    confirmed_before = availability.event_availability(event).places_left
    registration.refresh_from_db()  # as stored (trimmed)
    traces = [registration.first_name, registration.last_name, registration.employer_name, registration.job_title]
    traces.append(registration.email)

    services.anonymise_registration(registration_id=registration.id, reason=REASON)

    values = row_values(registration)
    for trace in traces:
        assert not any(trace.lower() in value.lower() for value in values), trace
    assert availability.event_availability(event).places_left == confirmed_before


def test_an_old_survey_link_of_an_anonymised_registration_takes_no_answer(organization):
    from rencontres.surveys.exceptions import SurveyError
    from tests.surveys.builders import answer, make_survey

    survey = make_survey(organization)
    registration = register(survey.event)
    services.anonymise_registration(registration_id=registration.id, reason=REASON)
    registration.refresh_from_db()

    with pytest.raises(SurveyError, match="les données de cette inscription ont été effacées"):
        answer(survey, registration)
