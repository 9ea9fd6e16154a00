"""The demo's commons: seed 001's resources and proceedings, seed 002's restitution in its proceedings, eight fiches."""

import pytest

from rencontres.experiences.models import Experience
from rencontres.search import indexing, search
from tests.workshops.builders import page_text

pytestmark = pytest.mark.django_db


def test_seed_001_publishes_its_proceedings_and_the_cycle_page_gathers_them(demo, client):
    event = next(e for e in demo if e.title == "L'innovation comme outil des politiques de cohésion sociale")

    assert event.proceedings.is_published and event.proceedings.pdf_size_bytes > 0
    assert [r.title for r in event.proceedings.resources.all()][:1] == ["Programme du 15 juin 2011"]
    cycle = page_text(client.get(event.series.get_absolute_url()))
    assert "Actes de la journée régionale du 15 juin 2011" in cycle
    assert client.get(f"/evenements/{event.slug}/actes.pdf")["Content-Type"] == "application/pdf"


def test_seed_002_proceedings_carry_its_workshops_restitution(demo, client):
    event = next(e for e in demo if e.slug.startswith("rencontres-de-l-action-sociale") or "action sociale" in e.title)
    proceedings = event.proceedings

    assert proceedings.workshops.exists()
    page = page_text(client.get(proceedings.get_absolute_url()))
    synthesis = proceedings.workshops.first().workstreams.first().synthesis.text
    assert synthesis[:40] in page


def test_eight_fiches_from_the_seeds_are_published_and_linked_to_their_events(demo, client):
    experiences = Experience.objects.filter(status="published")

    assert experiences.count() == 8
    assert all(e.events.exists() for e in experiences)
    mureaux = experiences.get(title__contains="Vivre les Mureaux")
    assert "Les rencontres de l'action sociale" in page_text(client.get(mureaux.get_absolute_url()))


def test_a_visitor_finds_the_demo_commons_without_accents(demo):
    indexing.rebuild()

    assert "Actes de la journée régionale du 15 juin 2011" in [i.title for i in search("journee regionale actes").items]
    assert [i.title for i in search("tremblay", kind="experience").items] == [
        "Une action collective avec les habitants à Tremblay-en-France"
    ]
