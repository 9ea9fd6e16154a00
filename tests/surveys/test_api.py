import pytest

from tests.api.builders import token_for

from .builders import answer, make_survey, register

pytestmark = pytest.mark.django_db


def test_the_surveys_of_an_event_with_questions_counts_and_results(client, organization):
    survey = make_survey(organization)
    answer(survey, register(survey.event), score="5", text="Utile")
    answer(survey, register(survey.event), score="3", text="")
    response = client.get(
        f"/api/events/{survey.event.slug}/surveys", headers={"Authorization": f"Bearer {token_for(organization)}"}
    )
    assert response.status_code == 200
    [body] = response.json()
    assert set(body) == {"id", "title", "kind", "questions", "response_count", "results"}
    assert (body["id"], body["kind"], body["response_count"]) == (survey.id, "hot", 2)
    first = body["questions"][0]
    assert first["kind"] == "scale" and first["label"].startswith("Globalement")
    result = body["results"][0]
    assert result["question"] == first["id"] and result["average"] == 4.0
    assert {c["value"]: c["count"] for c in result["counts"]} == {"1": 0, "2": 0, "3": 1, "4": 0, "5": 1}
    texts = next(r for r, q in zip(body["results"], body["questions"]) if q["kind"] == "text")
    assert texts["texts"] == ["Utile"]


def test_the_surveys_need_the_event_s_organisation_token(client, organization, other_organization):
    survey = make_survey(organization)
    url = f"/api/events/{survey.event.slug}/surveys"
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": f"Bearer {token_for(other_organization)}"}).status_code == 404
