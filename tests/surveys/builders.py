"""Builders for survey tests: an event with its surveys, and answers."""

from rencontres.surveys import services
from rencontres.surveys.enums import SurveyKind, SurveyQuestionKind
from tests.registrations.builders import make_event, register  # noqa: F401  (re-exported)
from tests.workshops.builders import page_text  # noqa: F401  (re-exported)


def make_survey(organization=None, *, kind=SurveyKind.HOT, event=None, **event_fields):
    event = event or make_event(organization, **event_fields)
    return services.create_from_template(event=event, kind=kind)


def answers_for(survey, *, score="5", choice=None, text="Très utile"):
    """Answers to every question of the survey: the same score everywhere, the first choice, a text."""
    out = {}
    for question in survey.questions.all():
        if question.kind == SurveyQuestionKind.SCALE:
            out[question.id] = score
        elif question.kind == SurveyQuestionKind.CHOICE:
            out[question.id] = choice or question.choice_list[0]
        else:
            out[question.id] = text
    return out


def answer(survey, registration, **kwargs):
    return services.submit_response(survey=survey, registration=registration, answers=answers_for(survey, **kwargs))
