import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rencontres.surveys import links, services
from rencontres.surveys.enums import SurveyKind
from rencontres.surveys.models import Survey, SurveyQuestion, SurveyResponse

from .builders import answer, answers_for, make_survey, page_text, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(organization):
    return make_survey(organization)


@pytest.fixture
def organiser(client, alice):
    client.force_login(alice)
    return client


def answer_url(survey, person):
    return reverse("site:survey_answer", args=[links.answer_token(survey, person)])


def form_data(survey, **kwargs):
    return {f"question_{qid}": value for qid, value in answers_for(survey, **kwargs).items()}


def test_a_participant_answers_through_their_link_once(client, survey):
    person = register(survey.event)
    url = answer_url(survey, person)
    page = page_text(client.get(url))
    assert "Globalement, êtes-vous satisfait·e de cette action ?" in page
    response = client.post(url, form_data(survey), follow=True)
    assert "Merci pour vos réponses" in page_text(response)
    assert SurveyResponse.objects.filter(registration=person).count() == 1
    again = client.post(url, form_data(survey), follow=True)
    assert "Merci pour vos réponses" in page_text(again)
    assert SurveyResponse.objects.count() == 1


def test_a_forged_survey_link_gets_a_french_404(client, survey):
    response = client.get(reverse("site:survey_answer", args=["eyJzIjoxfQ:faux:signature"]))
    assert response.status_code == 404
    assert "Ce lien de questionnaire n'est pas valable" in page_text(response)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing", "Répondez à cette question."),
        ("score", "Choisissez une note de 1 à 5."),
        ("choice", "l'une des réponses proposées"),
    ],
)
def test_bad_answers_are_refused_in_french(client, survey, change, message):
    person = register(survey.event)
    data = form_data(survey)
    required = survey.questions.filter(is_required=True).first()
    choice = survey.questions.filter(kind="choice").first()
    if change == "missing":
        data.pop(f"question_{required.id}")
    elif change == "score":
        data[f"question_{required.id}"] = "9"
    else:
        data[f"question_{choice.id}"] = "autre"
    response = client.post(answer_url(survey, person), data)
    assert response.status_code == 400
    assert message in page_text(response)
    assert not SurveyResponse.objects.exists()


def test_a_too_long_text_is_refused_in_french(client, survey):
    person = register(survey.event)
    data = form_data(survey, text="x" * 3001)
    response = client.post(answer_url(survey, person), data)
    assert response.status_code == 400
    assert "Au plus 3000 caractères." in page_text(response)


def test_the_organiser_creates_surveys_from_the_templates(organiser, organization):
    from tests.registrations.builders import make_event

    event = make_event(organization)
    url = reverse("backoffice:event_surveys", args=[event.id])
    response = organiser.post(url, {"kind": "hot"})
    survey = Survey.objects.get(event=event)
    assert response.status_code == 302 and response["Location"] == reverse("backoffice:survey", args=[survey.id])
    assert "Questionnaire de satisfaction à chaud" in page_text(organiser.get(url))


@pytest.mark.parametrize("kind", ["", "tiede"])
def test_an_unknown_template_is_refused_in_french(organiser, survey, kind):
    response = organiser.post(reverse("backoffice:event_surveys", args=[survey.event.id]), {"kind": kind})
    assert response.status_code == 400
    assert "Choisissez à chaud ou à froid." in page_text(response)


def test_a_second_survey_of_the_same_kind_is_refused_in_french(organiser, survey):
    response = organiser.post(reverse("backoffice:event_surveys", args=[survey.event.id]), {"kind": "hot"})
    assert response.status_code == 400
    assert "déjà son questionnaire à chaud" in page_text(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"survey-title": "", "survey-weeks_after": "0"}, "Donnez un titre."),
        ({"survey-title": "T", "survey-weeks_after": "six"}, "Indiquez un nombre entier de semaines."),
        ({"survey-title": "T", "survey-weeks_after": "60"}, "Au plus 52 semaines."),
        ({"survey-title": "T", "survey-weeks_after": "-1"}, "Au moins 0."),
    ],
)
def test_bad_survey_settings_are_refused_in_french(organiser, survey, data, message):
    response = organiser.post(reverse("backoffice:survey", args=[survey.id]), data)
    assert response.status_code == 400
    assert message in page_text(response)


def test_a_cold_survey_sent_the_same_week_is_refused_in_french(organiser, survey):
    cold = services.create_from_template(event=survey.event, kind=SurveyKind.COLD)
    response = organiser.post(
        reverse("backoffice:survey", args=[cold.id]), {"survey-title": "À froid", "survey-weeks_after": "0"}
    )
    assert response.status_code == 400
    assert "au moins une semaine après la fin" in page_text(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"question-label": "", "question-kind": "text"}, "Écrivez la question."),
        ({"question-label": "Q", "question-kind": "couleur"}, "Choisissez le type de réponse."),
        ({"question-label": "Q", "question-kind": "choice", "question-choices": "un seul"}, "au moins deux choix"),
    ],
)
def test_bad_questions_are_refused_in_french(organiser, survey, data, message):
    response = organiser.post(reverse("backoffice:survey_question_add", args=[survey.id]), data)
    assert response.status_code == 400
    assert message in page_text(response)


def test_the_organiser_adds_and_deletes_a_question(organiser, survey):
    organiser.post(
        reverse("backoffice:survey_question_add", args=[survey.id]),
        {"question-label": "Reviendriez-vous ?", "question-kind": "choice", "question-choices": "oui\nnon"},
    )
    question = SurveyQuestion.objects.get(label="Reviendriez-vous ?")
    asked = organiser.post(reverse("backoffice:survey_question_delete", args=[question.id]))
    assert "Supprimer la question « Reviendriez-vous ? » ?" in asked.content.decode()
    assert SurveyQuestion.objects.filter(id=question.id).exists()
    organiser.post(reverse("backoffice:survey_question_delete", args=[question.id]), {"confirme": "1"})
    assert not SurveyQuestion.objects.filter(id=question.id).exists()


def test_the_results_show_rates_svg_charts_and_free_texts(organiser, survey):
    people = [register(survey.event) for _ in range(2)]
    answer(survey, people[0], score="5", text="Les échanges entre CCAS")
    page = page_text(organiser.get(reverse("backoffice:survey_results", args=[survey.id])))
    assert "1 réponse sur 2 personnes inscrites" in page and "50 %" in page
    assert "<svg" in page and 'role="img"' in page and "<title>" in page
    assert "Les échanges entre CCAS" in page


def test_the_export_is_a_workbook_with_one_row_per_answer(organiser, survey):
    answer(survey, register(survey.event, first_name="Awa", last_name="Diallo"), score="4")
    response = organiser.get(reverse("backoffice:survey_export", args=[survey.id]))
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Réponses"].iter_rows(values_only=True))
    assert rows[0][1] == "Nom" and rows[1][1] == "Awa Diallo" and rows[1][3] == 4
    assert "Synthèse" in workbook.sheetnames


def test_published_figures_appear_on_the_event_page(client, organiser, survey):
    answer(survey, register(survey.event), score="5")
    event_url = survey.event.get_absolute_url()
    assert "Satisfaction des participants" not in page_text(client.get(event_url))
    organiser.post(reverse("backoffice:survey_publish", args=[survey.id]), {"published": "on"})
    page = page_text(client.get(event_url))
    assert "Satisfaction des participants" in page and "100 %" in page and "1 réponse" in page
    organiser.post(reverse("backoffice:survey_publish", args=[survey.id]), {})
    assert "Satisfaction des participants" not in page_text(client.get(event_url))


def test_sending_now_mails_each_confirmed_participant_once(organiser, survey, mailoutbox):
    register(survey.event)
    mailoutbox.clear()
    organiser.post(reverse("backoffice:survey_send", args=[survey.id]))
    response = organiser.post(reverse("backoffice:survey_send", args=[survey.id]), follow=True)
    assert len(mailoutbox) == 1
    assert "déjà été envoyé" in page_text(response)


def test_another_organisation_gets_404(client, charlie, survey):
    client.force_login(charlie)
    for url in [
        reverse("backoffice:survey", args=[survey.id]),
        reverse("backoffice:survey_results", args=[survey.id]),
        reverse("backoffice:survey_export", args=[survey.id]),
        reverse("backoffice:event_surveys", args=[survey.event.id]),
    ]:
        assert client.get(url).status_code == 404, url
