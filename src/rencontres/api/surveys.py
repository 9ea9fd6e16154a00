"""The surveys face of the API: an organisation reads its event's satisfaction surveys and their results."""

from ninja import Field, Router, Schema

from rencontres.api.auth import OrganizationToken, own_event_or_404
from rencontres.api.events import ErrorOut
from rencontres.surveys import selectors
from rencontres.surveys.enums import SurveyKind, SurveyQuestionKind

router = Router(tags=["Questionnaires de satisfaction"])


class QuestionOut(Schema):
    id: int
    label: str
    kind: SurveyQuestionKind = Field(description="scale (note de 1 à 5), choice ou text.")
    choices: list[str]
    is_required: bool


class CountOut(Schema):
    value: str = Field(description="La note (« 1 » à « 5 ») ou le choix.")
    count: int


class ResultOut(Schema):
    question: int = Field(description="Identifiant de la question.")
    answer_count: int
    average: float | None = Field(description="Note moyenne sur 5 (questions scale).")
    counts: list[CountOut] = Field(description="Réponses par note ou par choix (questions scale et choice).")
    texts: list[str] = Field(description="Réponses écrites (questions text).")


class SurveyOut(Schema):
    id: int
    title: str
    kind: SurveyKind = Field(description="hot (à chaud) ou cold (à froid).")
    questions: list[QuestionOut]
    response_count: int
    results: list[ResultOut]


@router.get(
    "/{slug}/surveys",
    response={200: list[SurveyOut], 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="Les questionnaires de satisfaction d'un événement de votre organisme",
    operation_id="list_surveys",
)
def list_surveys(request, slug: str):
    """Chaque questionnaire avec ses questions, son nombre de réponses et les résultats par question."""
    event = own_event_or_404(request.auth, slug)
    out = []
    for survey in selectors.surveys_of(event):
        results = selectors.results(survey)
        out.append(
            {
                "id": survey.id,
                "title": survey.title,
                "kind": survey.kind,
                "questions": [
                    {
                        "id": r.question.id,
                        "label": r.question.label,
                        "kind": r.question.kind,
                        "choices": r.question.choice_list,
                        "is_required": r.question.is_required,
                    }
                    for r in results.questions
                ],
                "response_count": results.response_count,
                "results": [
                    {
                        "question": r.question.id,
                        "answer_count": r.answer_count,
                        "average": r.average,
                        "counts": [{"value": b.label, "count": b.count} for b in r.bars],
                        "texts": r.texts,
                    }
                    for r in results.questions
                ],
            }
        )
    return out
