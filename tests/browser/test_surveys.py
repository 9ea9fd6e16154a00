"""Issue 13, point 6: a participant answers the satisfaction survey from their link, without an
account; the organiser reads the results with their charts. axe-core checks each page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rencontres.surveys import links
from rencontres.surveys.models import SurveyResponse
from tests.browser.conftest import follow, serious_accessibility_violations
from tests.browser.test_workshops import contexts, signed_in_cookie  # noqa: F401  (fixture)
from tests.surveys.builders import make_survey, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_answers_and_the_organiser_reads_the_results(live_server, contexts, alice, organization):  # noqa: F811
    base = live_server.url
    survey = make_survey(organization)
    person = register(survey.event, first_name="Awa")

    page = contexts()
    page.goto(base + reverse("site:survey_answer", args=[links.answer_token(survey, person)]))
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.locator("#resume-erreurs")).to_contain_text("Le formulaire contient des erreurs")  # core/base.html's
    expect(page.locator("#resume-erreurs")).to_be_focused()
    assert serious_accessibility_violations(page) == []
    for question in survey.questions.filter(kind="scale"):
        page.locator(f"input[name='question_{question.id}'][value='5']").check(force=True)
    page.get_by_label("Qu'avez-vous le plus apprécié ?").fill("Les échanges entre CCAS")
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Merci pour vos réponses")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    assert SurveyResponse.objects.filter(registration=person).exists()

    organiser = contexts([signed_in_cookie(alice, base)])
    organiser.goto(base + reverse("backoffice:event_surveys", args=[survey.event.id]))
    assert serious_accessibility_violations(organiser) == []
    follow(organiser.get_by_role("link", name=survey.title, exact=True))
    assert serious_accessibility_violations(organiser) == []
    organiser.get_by_role("link", name="Résultats", exact=True).click()
    expect(organiser.get_by_text("Les échanges entre CCAS")).to_be_visible()
    expect(organiser.locator("svg.survey-chart").first).to_be_visible()
    assert serious_accessibility_violations(organiser) == []
