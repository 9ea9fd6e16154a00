import pytest

from rencontres.workshops import services
from tests.api.builders import token_for

from .builders import make_workshop, participant, voting

pytestmark = pytest.mark.django_db


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_the_workshops_of_an_event_with_contributions_votes_and_synthesis(client, organization):
    workshop = make_workshop(organization, workstreams=("Accès aux droits", "Logement"))
    person = participant(workshop)
    first = workshop.workstreams.first()
    a = services.post_contribution(workstream=first, registration=person, text="Un guichet unique")
    b = services.post_contribution(workstream=first, registration=person, text="Des permanences mobiles")
    hidden = services.post_contribution(workstream=first, registration=person, text="Hors sujet")
    services.set_contribution_hidden(contribution=hidden, hidden=True)
    voting(workshop)
    services.cast_dot(contribution=b, registration=person)
    services.close_vote(workshop=workshop)
    services.save_synthesis(workstream=first, text="Aller vers les publics.", retained_ids=[b.id, a.id])
    response = client.get(f"/api/events/{workshop.event.slug}/workshops", headers=auth(token_for(organization)))
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": workshop.id,
            "title": "Atelier de co-construction",
            "workstreams": [
                {
                    "title": "Accès aux droits",
                    "question": "Que faire ensemble pour accès aux droits ?",
                    "contributions": [
                        {"text": "Des permanences mobiles", "votes": 1},
                        {"text": "Un guichet unique", "votes": 0},
                    ],
                    "synthesis": "Aller vers les publics.",
                },
                {
                    "title": "Logement",
                    "question": "Que faire ensemble pour logement ?",
                    "contributions": [],
                    "synthesis": None,
                },
            ],
        }
    ]


def test_the_workshops_need_a_token_of_the_event_s_organisation(client, organization, other_organization):
    workshop = make_workshop(organization)
    url = f"/api/events/{workshop.event.slug}/workshops"
    assert client.get(url).status_code == 401
    response = client.get(url, headers=auth(token_for(other_organization)))
    assert response.status_code == 404
    assert "Votre organisme n'a pas d'événement" in response.json()["detail"]
