"""Fiches expérience: proposed by anyone signed in, moderated by the organisation, public once published."""

import pytest

from rencontres.experiences import services, territories
from rencontres.experiences.enums import CarrierKind, ExperienceStatus, Public, Stage
from rencontres.experiences.models import Experience
from rencontres.search import indexing, search
from tests import factories
from tests.registrations.builders import make_event
from tests.workshops.builders import page_text

pytestmark = pytest.mark.django_db


def fiche(organization, **fields):
    fields.setdefault("title", "Action collective contre l'isolement")
    values = {
        "summary": "Des habitants et le CCAS rompent l'isolement des personnes âgées.",
        "department_code": "93",
        "stage": Stage.EXPERIMENT,
        "carrier_name": "CCAS de Tremblay-en-France",
        "carrier_kind": CarrierKind.CCAS,
        "year": 2022,
        "publics": [Public.ELDERLY],
        **fields,
    }
    return services.propose(proposer=None, organization=organization, **values)


def form_data(**fields):
    return {
        "title": "Jardin partagé solidaire",
        "summary": "Un jardin cultivé avec les résidents.",
        "carrier_name": "Association Les Racines",
        "carrier_kind": CarrierKind.ASSOCIATION,
        "department_code": "78",
        "stage": Stage.EMERGENCE,
        "year": "2024",
        "publics": [Public.RESIDENTS],
        **fields,
    }


def test_the_territory_list_has_every_departement_with_its_region():
    assert len(territories.departments()) == 101
    assert territories.department_name("2A") == "Corse-du-Sud"
    assert territories.region_name(territories.region_of("93")) == "Île-de-France"
    assert territories.region_name(territories.region_of("974")) == "La Réunion"
    assert all(territories.region_name(region) for _name, region in territories.departments().values())


def test_a_signed_in_person_proposes_to_the_organisation_of_the_event(client, organization):
    event = make_event(organization, title="Rencontres territoriales")
    person = factories.make_user("travailleuse@example.org")
    client.force_login(person)

    response = client.post("/experiences/proposer/", form_data(events=[event.id]))

    assert response.status_code == 302
    experience = Experience.objects.get()
    assert (experience.organization, experience.status, experience.proposed_by) == (
        organization,
        ExperienceStatus.PROPOSED,
        person,
    )
    assert list(experience.events.all()) == [event]
    assert client.get(experience.get_absolute_url()).status_code == 404


def test_proposing_needs_a_sign_in(client):
    response = client.get("/experiences/proposer/")

    assert response.status_code == 302 and "/compte/" in response["Location"]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": ""}, "Donnez un titre"),
        ({"year": "deux mille"}, "Donnez une année"),
        ({"commune_code": "123"}, "compte 5 caractères"),
        ({"documents": "javascript:alert(1)"}, "n'est pas une adresse web"),
        ({"events": ["99999999999999999999999"]}, "Choisissez parmi les propositions"),
        ({}, "ou l'organisme à qui la proposer"),
    ],
)
def test_a_bad_proposal_says_what_to_fix_and_keeps_what_was_typed(client, organization, fields, message):
    client.force_login(factories.make_user())

    response = client.post("/experiences/proposer/", form_data(**fields))

    assert response.status_code == 400
    assert message in page_text(response)
    assert "Un jardin cultivé avec les résidents." in page_text(response)
    assert not Experience.objects.exists()


def test_the_organisation_publishes_and_the_fiche_is_public_with_its_events(client, alice, charlie, organization):
    event = make_event(organization, title="Rencontres territoriales")
    experience = fiche(organization, events=[event])
    client.force_login(charlie)
    assert client.post(f"/gestion/experiences/{experience.id}/publier/").status_code == 404
    client.force_login(alice)
    assert "Action collective" in page_text(client.get(f"/gestion/organismes/{organization.id}/experiences/"))

    client.post(f"/gestion/experiences/{experience.id}/publier/")
    client.logout()

    page = page_text(client.get(experience.get_absolute_url()))
    assert "CCAS de Tremblay-en-France" in page and "Seine-Saint-Denis" in page and "Rencontres territoriales" in page
    feed = client.get("/experiences.atom").content.decode()
    assert "Action collective contre l'isolement" in feed or "Action collective contre l&#x27;isolement" in feed


def test_a_refused_fiche_stays_private(client, organization):
    experience = fiche(organization)
    services.refuse(experience=experience)

    assert client.get(experience.get_absolute_url()).status_code == 404
    assert client.get(f"/api/experiences/{experience.slug}").status_code == 404


def test_published_fiches_are_found_by_search_with_their_facets(organization):
    theme = factories.make_event(organization).themes.model.objects.create(name="Vieillissement", slug="vieillissement")
    services.publish(experience=fiche(organization, themes=[theme]))
    fiche(organization, title="Fiche en attente")
    indexing.rebuild()

    results = search("isolement agees", kind="experience")

    assert [i.title for i in results.items] == ["Action collective contre l'isolement"]
    assert [(f.value, f.count) for f in results.facets["public"]] == [("elderly", 1)]
    assert [(f.value, f.count) for f in results.facets["theme"]] == [("vieillissement", 1)]
    assert search("attente").count == 0
    assert search("", kind="experience", public="elderly", territory="93").count == 1
    assert search("", kind="experience", public="youth").count == 0


def test_the_api_lists_published_fiches_and_gives_one_with_its_events(client, organization):
    event = make_event(organization, title="Rencontres territoriales")
    services.publish(experience=fiche(organization, events=[event]))
    fiche(organization, title="Pas encore publiée")

    listing = client.get("/api/experiences").json()
    assert listing["count"] == 1
    (item,) = listing["items"]
    assert item["territory"]["department"] == {"code": "93", "name": "Seine-Saint-Denis"}
    assert item["territory"]["region"]["name"] == "Île-de-France"
    detail = client.get(f"/api/experiences/{item['slug']}").json()
    assert [e["slug"] for e in detail["events"]] == [event.slug]
    assert client.get("/api/experiences?territory=9999").status_code == 422


def test_the_territory_view_counts_published_fiches_by_departement(client, organization):
    services.publish(experience=fiche(organization))
    fiche(organization, title="En attente", department_code="93")

    page = client.get("/experiences/territoires/").content.decode()

    assert "Seine-Saint-Denis : 1 fiche" in page
    assert "Yvelines : 0 fiche" in page
    assert "<svg" in page and "tile" not in page.lower()
