"""Proceedings: composed from the programme, speakers, public workshop restitutions and resources; a page and a PDF."""

import io

import pypdf
import pytest

from rencontres.events.models import Series
from rencontres.resources import proceedings, services
from rencontres.resources.enums import ResourceKind, ResourceVisibility
from rencontres.resources.exceptions import ResourceError
from rencontres.workshops import services as workshop_services
from rencontres.workshops.enums import RestitutionVisibility
from tests.registrations.builders import make_event
from tests.resources.builders import add_speaker_to_session
from tests.workshops.builders import make_workshop, page_text

pytestmark = pytest.mark.django_db
SITE = "https://rencontres.example.org"


def restituted_workshop(organization, visibility=RestitutionVisibility.PUBLIC):
    workshop = make_workshop(organization, title="Rencontres du développement social")
    workstream = workshop.workstreams.get()
    workshop_services.save_synthesis(
        workstream=workstream, text="Un guichet commun pour les démarches.", retained_ids=[]
    )
    workshop_services.open_vote(workshop=workshop, dots_per_person=3, max_dots_per_item=2)
    workshop_services.close_vote(workshop=workshop)
    workshop_services.publish_restitution(workshop=workshop, visibility=visibility, intro="")
    workshop.refresh_from_db()
    return workshop


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_published_proceedings_gather_the_programme_speakers_restitution_and_resources(client, organization):
    workshop = restituted_workshop(organization)
    event = workshop.event
    add_speaker_to_session(event, name="Claire Dupont")
    resource = services.add_resource(
        event=event, kind=ResourceKind.READING, title="Guide de l'accueil", url="https://example.org/guide"
    )
    composed = proceedings.compose(
        event=event,
        title="Actes des rencontres",
        introduction="Une journée **riche**.\n\n- premier constat\n- second constat",
        workshops=[workshop],
        resources=[resource],
    )

    proceedings.publish(proceedings=composed, site_url=SITE)

    page = page_text(client.get(f"/evenements/{event.slug}/actes/"))
    for text in ("Sommaire", "Introduction", "<strong>riche</strong>", "Claire Dupont", "Un guichet commun", "Guide"):
        assert text in page
    response = client.get(f"/evenements/{event.slug}/actes.pdf")
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    text = pdf_text(pdf)
    for expected in ("Sommaire", "Actes des rencontres", "premier constat", "Claire Dupont", "Un guichet commun"):
        assert expected in text
    assert "Guide de l'accueil" in text or "Guide de l’accueil" in text
    assert composed.pdf_size_bytes == len(pdf)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).outline) >= 3  # the table of contents is also the PDF's bookmarks


def test_draft_proceedings_are_not_public(client, organization):
    event = make_event(organization)
    proceedings.compose(event=event, title="Actes en préparation")

    assert client.get(f"/evenements/{event.slug}/actes/").status_code == 404
    assert client.get(f"/evenements/{event.slug}/actes.pdf").status_code == 404


def test_registered_only_material_never_enters_the_proceedings(organization):
    workshop = restituted_workshop(organization, visibility=RestitutionVisibility.REGISTERED)
    private = services.add_resource(
        event=workshop.event,
        kind=ResourceKind.SYNTHESIS,
        title="Synthèse réservée",
        url="https://example.org/s",
        visibility=ResourceVisibility.REGISTERED,
    )

    with pytest.raises(ResourceError, match="restitutions d'ateliers publiées pour tous"):
        proceedings.compose(event=workshop.event, title="Actes", workshops=[workshop])
    with pytest.raises(ResourceError, match="ressources publiées pour tous"):
        proceedings.compose(event=workshop.event, title="Actes", resources=[private])


def test_a_cycle_page_gathers_the_proceedings_of_its_events(client, organization):
    series = Series.objects.create(organization=organization, title="Cycle régional", slug="cycle-regional")
    first = make_event(organization, title="Journée régionale", series=series)
    second = make_event(organization, title="Séminaire des Alpes-Maritimes", series=series)
    for event in (first, second):
        proceedings.publish(proceedings=proceedings.compose(event=event, title=f"Actes — {event.title}"), site_url=SITE)

    page = page_text(client.get("/cycles/cycle-regional/"))

    assert "Les actes du cycle" in page
    assert page.index("Actes — Journée régionale") < page.index("Actes — Séminaire des Alpes-Maritimes")


def test_the_organiser_composes_and_publishes_from_the_back_office(client, alice, organization):
    workshop = restituted_workshop(organization)
    event = workshop.event
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/actes/",
        {
            "title": "Actes",
            "introduction": "Bienvenue",
            "include_programme": "on",
            "workshops": [workshop.id],
            "publier": "",
        },
    )

    assert response.status_code == 302
    assert event.proceedings.is_published and event.proceedings.pdf


def test_the_compose_form_refuses_bad_input_in_french(client, alice, charlie, organization):
    event = make_event(organization)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/actes/", {"title": "", "workshops": ["99999999999999999999"]}
    )

    assert response.status_code == 400
    page = page_text(response)
    assert "Donnez un titre aux actes" in page
    assert "Choisissez parmi les propositions" in page
    client.force_login(charlie)
    assert client.get(f"/gestion/evenements/{event.id}/actes/").status_code == 404
