"""Seed 000's surveys as the demo will show them (answer_seed_000_surveys, not yet in load_demo)."""

import pytest

from rencontres.events.enums import PayerKind
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from rencontres.surveys import selectors
from rencontres.surveys.demo import answer_seed_000_surveys
from rencontres.surveys.enums import SurveyKind
from tests.events.test_demo import demo_event

pytestmark = pytest.mark.django_db


def confirmed(event, n):
    """Registrations as the demo loader will make them (the past event's registration is closed, or external)."""
    return [
        Registration.objects.create(
            event=event,
            state=RegistrationState.CONFIRMED,
            first_name="Camille",
            last_name=f"Participant {i}",
            email=f"stagiaire{i}@example.org",
            job_title="travailleuse sociale",
            payer_kind=PayerKind.FREE,
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def demo(demo_loaded):
    return demo_loaded


@pytest.fixture(autouse=True)
def _media_root(settings, demo_media_root):
    settings.MEDIA_ROOT = demo_media_root


def test_seed_000_has_answered_hot_and_cold_surveys_with_published_figures(demo, client):
    event = demo_event("000")
    people = confirmed(event, 14)
    hot, cold = answer_seed_000_surveys(event, people)
    assert (hot.kind, cold.kind) == (SurveyKind.HOT, SurveyKind.COLD)
    hot_results, cold_results = selectors.results(hot), selectors.results(cold)
    assert (hot_results.response_count, cold_results.response_count) == (12, 8)
    assert 0.7 < hot_results.satisfaction_rate < 1
    assert hot.sent_at and hot.reminded_at and cold.sent_at > hot.sent_at
    assert hot.results_published and not cold.results_published
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Satisfaction des participants" in page and "12 réponses" in page
