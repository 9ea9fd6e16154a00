"""Seed 002's workshops as the demo will show them (run_seed_002_workshops, not yet in load_demo)."""

import pytest

from rencontres.events.enums import PayerKind
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from rencontres.workshops import selectors
from rencontres.workshops.demo import run_seed_002_workshops
from rencontres.workshops.enums import RestitutionVisibility, WorkshopPhase
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
            email=f"acteur{i}@example.org",
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


def test_seed_002_runs_its_two_workshops_to_a_public_restitution(demo, client):
    event = demo_event("002")
    people = confirmed(event, 12)
    workshops = run_seed_002_workshops(event, people)
    assert [w.session.title for w in workshops] == [
        "Ateliers d'interconnaissances et d'échange de pratiques",
        "Ateliers de co-construction de chantiers et d'actions intercommunales autour de l'action sociale",
    ]
    for workshop in workshops:
        assert workshop.phase == WorkshopPhase.CLOSED
        assert workshop.restitution_visibility == RestitutionVisibility.PUBLIC
        votes = selectors.contribution_votes(workshop)
        assert sum(votes.values()) <= 3 * len(people) and sum(votes.values()) > len(people)
        for stream in selectors.restitution(workshop):
            assert len(stream.retained) == 3 and stream.next_steps and stream.text
            assert [i.votes for i in stream.retained] == sorted((i.votes for i in stream.retained), reverse=True)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Restitution des ateliers" in page
