"""Reads of surveys: results per question, response rate, satisfaction rate (Qualiopi 2)."""

from dataclasses import dataclass, field

from django.db.models import Count

from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .enums import SurveyQuestionKind
from .models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

SATISFIED_SCORES = (4, 5)


def surveys_of(event: Event) -> list[Survey]:
    return list(Survey.objects.filter(event=event).annotate(response_count=Count("responses")).order_by("kind"))


@dataclass
class Bar:
    label: str
    count: int
    percent: int  # of the answers to this question, rounded


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answer_count: int
    bars: list[Bar] = field(default_factory=list)
    average: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: Survey
    invited: int
    response_count: int
    questions: list[QuestionResult]
    satisfaction_rate: float | None  # 0..1, None without any scale answer that counts

    @property
    def response_rate(self) -> float | None:
        return self.response_count / self.invited if self.invited else None


def _bars(labels: list[str], counts: dict[str, int], total: int) -> list[Bar]:
    return [
        Bar(label, counts.get(label, 0), round(100 * counts.get(label, 0) / total) if total else 0) for label in labels
    ]


def satisfaction_rate(survey: Survey) -> float | None:
    """Share of satisfied scores (4 or 5 out of 5) among the scores given to the questions that count.

    The questions that count are those marked `counts_for_satisfaction`; if none is, every scale question.
    """
    scores = SurveyAnswer.objects.filter(
        response__survey=survey, question__kind=SurveyQuestionKind.SCALE, score__isnull=False
    )
    if survey.questions.filter(counts_for_satisfaction=True).exists():
        scores = scores.filter(question__counts_for_satisfaction=True)
    total = scores.count()
    if not total:
        return None
    return scores.filter(score__in=SATISFIED_SCORES).count() / total


def invited_count(survey: Survey) -> int:
    return Registration.objects.filter(event_id=survey.event_id, state=RegistrationState.CONFIRMED).count()


def results(survey: Survey) -> SurveyResults:
    """Every question's answers: a bar per score or choice, the average score, the free texts in order."""
    questions = list(survey.questions.all())
    answers = list(
        SurveyAnswer.objects.filter(response__survey=survey)
        .order_by("response__submitted_at", "id")
        .values("question_id", "score", "value")
    )
    by_question: dict[int, list[dict]] = {}
    for answer in answers:
        by_question.setdefault(answer["question_id"], []).append(answer)
    out = []
    for question in questions:
        rows = by_question.get(question.id, [])
        result = QuestionResult(question=question, answer_count=len(rows))
        if question.kind == SurveyQuestionKind.SCALE:
            scores = [r["score"] for r in rows if r["score"] is not None]
            counts = {str(s): scores.count(s) for s in range(1, 6)}
            result.bars = _bars(["1", "2", "3", "4", "5"], counts, len(scores))
            result.average = round(sum(scores) / len(scores), 1) if scores else None
        elif question.kind == SurveyQuestionKind.CHOICE:
            values = [r["value"] for r in rows]
            result.bars = _bars(question.choice_list, {c: values.count(c) for c in question.choice_list}, len(values))
        else:
            result.texts = [r["value"] for r in rows if r["value"]]
        out.append(result)
    return SurveyResults(
        survey=survey,
        invited=invited_count(survey),
        response_count=survey.responses.count(),
        questions=out,
        satisfaction_rate=satisfaction_rate(survey),
    )


@dataclass
class PublishedFigure:
    survey: Survey
    satisfaction_rate: float | None
    response_count: int


def has_published_figures(event: Event) -> bool:
    """Whether the organiser published any survey's figures (publishing moves the event's `updated_at`)."""
    return Survey.objects.filter(event=event, results_published=True).exists()


def published_figures(event: Event) -> list[PublishedFigure]:
    """The figures the organiser chose to publish on the event page (Qualiopi indicator 2)."""
    return [
        PublishedFigure(survey=s, satisfaction_rate=satisfaction_rate(s), response_count=s.response_count)
        for s in surveys_of(event)
        if s.results_published
    ]


def personal_data(registration_ids) -> dict[int, list[dict]]:
    """Each registration's survey answers, question by question, for the person's download."""
    answers: dict[int, list[dict]] = {}
    responses = (
        SurveyResponse.objects.filter(registration_id__in=list(registration_ids))
        .select_related("survey")
        .prefetch_related("answers__question")
        .order_by("submitted_at", "id")
    )
    for response in responses:
        answers.setdefault(response.registration_id, []).append(
            {
                "questionnaire": response.survey.title,
                "repondu_le": response.submitted_at.isoformat(),
                "reponses": [
                    {"question": a.question.label, "note": a.score, "reponse": a.value} for a in response.answers.all()
                ],
            }
        )
    return answers
