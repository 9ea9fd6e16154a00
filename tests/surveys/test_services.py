import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from rencontres.registrations import services as registration_services
from rencontres.surveys import jobs, selectors, services
from rencontres.surveys.enums import SurveyKind, SurveyQuestionKind
from rencontres.surveys.exceptions import SurveyError

from .builders import answer, answers_for, make_survey, register

pytestmark = pytest.mark.django_db

# make_event's day is 14 March 2030 with one session from 9 to 10 h (Paris).
END = dt.datetime(2030, 3, 14, 10, 0, tzinfo=dt.UTC) - dt.timedelta(hours=1)


def test_a_survey_starts_from_the_template_with_its_questions(organization):
    survey = make_survey(organization)
    kinds = [q.kind for q in survey.questions.all()]
    assert survey.kind == SurveyKind.HOT and survey.weeks_after == 0
    assert {SurveyQuestionKind.SCALE, SurveyQuestionKind.CHOICE, SurveyQuestionKind.TEXT} <= set(kinds)
    with pytest.raises(SurveyError, match="déjà son questionnaire à chaud"):
        services.create_from_template(event=survey.event, kind=SurveyKind.HOT)
    cold = services.create_from_template(event=survey.event, kind=SurveyKind.COLD)
    assert cold.weeks_after == 8


def test_one_answer_per_registration(organization):
    survey = make_survey(organization)
    person = register(survey.event)
    answer(survey, person)
    with pytest.raises(SurveyError, match="déjà répondu"):
        answer(survey, person)
    assert survey.responses.count() == 1


def test_a_required_question_must_be_answered(organization):
    survey = make_survey(organization)
    person = register(survey.event)
    answers = answers_for(survey)
    required = survey.questions.filter(is_required=True).first()
    answers[required.id] = ""
    with pytest.raises(SurveyError, match="Répondez à cette question."):
        services.submit_response(survey=survey, registration=person, answers=answers)
    assert not survey.responses.exists()


@pytest.mark.parametrize("score", ["0", "6", "4.5", "cinq"])
def test_a_score_outside_1_to_5_is_refused(organization, score):
    survey = make_survey(organization)
    with pytest.raises(SurveyError, match="note de 1 à 5"):
        answer(survey, register(survey.event), score=score)


def test_a_choice_outside_the_list_is_refused(organization):
    survey = make_survey(organization)
    with pytest.raises(SurveyError, match="l'une des réponses proposées"):
        answer(survey, register(survey.event), choice="ni l'un ni l'autre")


def test_a_closed_survey_takes_no_answer(organization):
    survey = make_survey(organization)
    services.update_survey(survey=survey, title=survey.title, intro="", weeks_after=0, is_open=False)
    with pytest.raises(SurveyError, match="clos"):
        answer(survey, register(survey.event))


def test_the_satisfaction_and_response_rates(organization):
    survey = make_survey(organization)
    people = [register(survey.event) for _ in range(4)]
    answer(survey, people[0], score="5")
    answer(survey, people[1], score="4")
    answer(survey, people[2], score="2")
    results = selectors.results(survey)
    assert (results.invited, results.response_count) == (4, 3)
    assert results.response_rate == 0.75
    assert results.satisfaction_rate == pytest.approx(2 / 3)
    first = results.questions[0]
    assert [b.count for b in first.bars] == [0, 1, 0, 1, 1] and first.average == pytest.approx(3.7)
    texts = next(r for r in results.questions if r.question.kind == SurveyQuestionKind.TEXT)
    assert texts.texts == ["Très utile"] * 3


def test_only_the_questions_marked_count_in_the_satisfaction_rate(organization):
    survey = make_survey(organization)
    person = register(survey.event)
    answers = answers_for(survey, score="5")
    material = survey.questions.get(label__startswith="Organisation matérielle")
    answers[material.id] = "1"
    services.submit_response(survey=survey, registration=person, answers=answers)
    assert selectors.satisfaction_rate(survey) == 1.0


def test_a_choice_question_needs_two_choices(organization):
    survey = make_survey(organization)
    with pytest.raises(SurveyError, match="au moins deux choix"):
        services.add_question(survey=survey, label="Votre préférence ?", kind=SurveyQuestionKind.CHOICE, choices="seul")
    question = services.add_question(survey=survey, label="Préférence", kind="choice", choices="a\n\n b \n")
    assert question.choice_list == ["a", "b"]


def test_an_answered_question_is_not_deleted(organization):
    survey = make_survey(organization)
    answer(survey, register(survey.event))
    with pytest.raises(SurveyError):
        services.delete_question(question=survey.questions.first())


def test_a_cold_survey_leaves_at_least_a_week_after(organization):
    survey = make_survey(organization, kind=SurveyKind.COLD)
    with pytest.raises(SurveyError, match="au moins une semaine"):
        services.update_survey(survey=survey, title="À froid", intro="", weeks_after=0, is_open=True)


def test_the_hot_survey_leaves_at_the_end_of_the_last_session_once_then_one_reminder(organization):
    survey = make_survey(organization)
    people = [register(survey.event, email=f"p{i}@example.org") for i in range(3)]
    registration_services.cancel(registration=people[2], actor=None, note="")
    mail.outbox.clear()
    with time_machine.travel(END - dt.timedelta(minutes=5)):
        assert jobs.send_due_surveys() == (0, 0)
    with time_machine.travel(END + dt.timedelta(minutes=5)):
        assert jobs.send_due_surveys() == (2, 0)
        assert jobs.send_due_surveys() == (0, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["p0@example.org", "p1@example.org"]
    assert "/questionnaires/" in mail.outbox[0].body
    answer(survey, people[0])
    mail.outbox.clear()
    with time_machine.travel(END + dt.timedelta(days=8)):
        assert jobs.send_due_surveys() == (0, 1)
        assert jobs.send_due_surveys() == (0, 0)
    assert [m.to[0] for m in mail.outbox] == ["p1@example.org"]
    assert "Rappel" in mail.outbox[0].subject


def test_the_cold_survey_leaves_its_number_of_weeks_after(organization):
    survey = make_survey(organization, kind=SurveyKind.COLD)
    services.update_survey(survey=survey, title=survey.title, intro="", weeks_after=6, is_open=True)
    register(survey.event)
    mail.outbox.clear()
    # Six weeks later in Paris time: summer time has begun, 10 h is then 8 h UTC.
    with time_machine.travel(END + dt.timedelta(weeks=6) - dt.timedelta(hours=1, minutes=5)):
        call_command("send_surveys")
        assert not mail.outbox
    with time_machine.travel(END + dt.timedelta(weeks=6) - dt.timedelta(minutes=55)):
        call_command("send_surveys")
    assert len(mail.outbox) == 1


def test_a_draft_event_s_survey_is_not_sent(organization):
    survey = make_survey(organization, published=False)
    register_ok = survey.event
    with time_machine.travel(END + dt.timedelta(days=1)):
        assert jobs.send_due_surveys() == (0, 0)
    assert register_ok.surveys.get().sent_at is None
