"""Seed 000's satisfaction surveys as answered (Cluny, 2-day training seminar): à chaud and à froid.

`rencontres.demo` calls `answer_seed_000_surveys` with the event's confirmed registrations.
"""

from django.db import transaction

from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from . import services
from .enums import SurveyKind, SurveyQuestionKind
from .jobs import REMINDER_AFTER
from .models import Survey

# One row per respondent: the scores given to the scale questions, in order, then the choice.
HOT_SCORES = ["5545", "4444", "5554", "4535", "5455", "3433", "5555", "4544", "4453", "5445", "4343", "5554"]
HOT_RHYTHM = ["adapté"] * 9 + ["trop rapide", "adapté", "trop rapide"]
HOT_TEXTS = [
    ("La visite de terrain et les échanges avec les équipes", "Plus de temps pour les questions"),
    ("La conférence du soir, ouverte aux étudiants", ""),
    ("Les apports sur le développement social local", "Un support écrit remis avant la session"),
    ("", "Des pauses un peu plus longues le deuxième jour"),
    ("La qualité des intervenants", ""),
    ("Rencontrer des collègues d'autres départements", "Des études de cas plus proches de nos publics"),
]
COLD_SCORES = ["54", "43", "55", "44", "45", "33", "54", "44"]
COLD_RECOMMEND = ["oui", "oui", "oui", "peut-être", "oui", "non", "oui", "oui"]
COLD_TEXTS = [
    "Je prépare maintenant les réunions partenariales avec une carte des acteurs",
    "Nous avons lancé un diagnostic partagé avec le centre social",
    "J'associe davantage les habitants aux projets",
    "",
]
SURVEY_ROWS = {SurveyKind.HOT: HOT_SCORES, SurveyKind.COLD: COLD_SCORES}


def _answers(survey: Survey, i: int) -> dict[int, str]:
    scores = iter(SURVEY_ROWS[survey.kind][i % len(SURVEY_ROWS[survey.kind])])
    texts = iter(
        HOT_TEXTS[i % len(HOT_TEXTS)] if survey.kind == SurveyKind.HOT else (COLD_TEXTS[i % len(COLD_TEXTS)], "")
    )
    answers = {}
    for question in survey.questions.all():
        if question.kind == SurveyQuestionKind.SCALE:
            answers[question.id] = next(scores, "4")
        elif question.kind == SurveyQuestionKind.CHOICE:
            answers[question.id] = (HOT_RHYTHM if survey.kind == SurveyKind.HOT else COLD_RECOMMEND)[i % 8]
        else:
            answers[question.id] = next(texts, "")
    return answers


@transaction.atomic
def answer_seed_000_surveys(event: Event, registrations: list[Registration]) -> list[Survey]:
    """Creates seed 000's à chaud and à froid surveys, answered by most confirmed registrations; returns both.

    À chaud: all but two people answer (about 85 %), the results are published on the event page
    (Qualiopi indicator 2); à froid, eight weeks later: about 60 % answer, after the one reminder.
    """
    people = [r for r in registrations if r.state == RegistrationState.CONFIRMED and r.event_id == event.id]
    surveys = []
    for kind, share in ((SurveyKind.HOT, 0.85), (SurveyKind.COLD, 0.6)):
        survey = Survey.objects.filter(event=event, kind=kind).first() or services.create_from_template(
            event=event, kind=kind
        )
        respondents = people[: max(1, round(len(people) * share))] if people else []
        for i, registration in enumerate(respondents):
            services.submit_response(survey=survey, registration=registration, answers=_answers(survey, i))
        sent = services.send_time(survey)
        # As if `send_surveys` had sent them and reminded once: the demo sends no email.
        if sent is not None:
            Survey.objects.filter(id=survey.id).update(sent_at=sent, reminded_at=sent + REMINDER_AFTER)
        if kind == SurveyKind.HOT:
            services.set_results_published(survey=survey, published=True)
        survey.refresh_from_db()
        surveys.append(survey)
    return surveys
