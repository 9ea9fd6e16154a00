"""Registering is limited per address and per client, on the form and the API, in French, counted in the shared cache."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from rencontres.registrations.models import Registration

from .builders import make_event

pytestmark = pytest.mark.django_db

PERSON = {"first_name": "Anne", "last_name": "Durand", "job_title": "éducatrice"}


@pytest.fixture
def limits(settings):
    """The limits on (the test settings switch them off), small enough to reach."""
    settings.RATELIMIT_ENABLE = True
    settings.REGISTRATIONS_PER_ADDRESS = "2/h"
    settings.REGISTRATIONS_PER_CLIENT = "3/h"
    return settings


def form_post(client, event, email, **extra):
    return client.post(reverse("site:register", args=[event.slug]), {**PERSON, "email": email}, **extra)


def api_post(client, event, email, **extra):
    body = {**PERSON, "email": email}
    return client.post(f"/api/events/{event.slug}/registrations", body, content_type="application/json", **extra)


def test_the_form_refuses_a_third_registration_of_one_address_with_a_french_429_keeping_the_form(
    client, organization, limits
):
    events = [make_event(organization, title=f"Journée {n}") for n in range(3)]
    for event in events[:2]:
        assert form_post(client, event, "anne@example.org").status_code == 302

    response = form_post(client, events[2], "Anne@Example.org", REMOTE_ADDR="192.0.2.9")

    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    page = response.content.decode()
    assert escape("Trop d'inscriptions ont été demandées pour l'adresse anne@example.org") in page
    assert 'value="Durand"' in page  # the form comes back as it was filled in
    assert not Registration.objects.filter(event=events[2]).exists()


def test_the_form_refuses_a_fourth_registration_from_one_client(client, organization, limits):
    event = make_event(organization)
    for n in range(3):
        assert form_post(client, event, f"personne{n}@example.org").status_code == 302

    response = form_post(client, event, "personne3@example.org")

    assert response.status_code == 429
    assert escape("Trop d'inscriptions ont été envoyées depuis votre connexion") in response.content.decode()
    assert Registration.objects.count() == 3
    assert form_post(client, event, "personne3@example.org", REMOTE_ADDR="198.51.100.4").status_code == 302


def test_the_api_answers_a_json_429_in_french(client, organization, limits):
    events = [make_event(organization, title=f"Journée {n}") for n in range(3)]
    assert [api_post(client, e, "anne@example.org").status_code for e in events[:2]] == [201, 201]

    response = api_post(client, events[2], "anne@example.org")

    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Trop d'inscriptions ont été demandées pour l'adresse anne@example.org" in response.json()["detail"]
    assert "Réessayez dans" in response.json()["detail"]


def test_the_form_and_the_api_share_the_counts(client, organization, limits):
    event, other = make_event(organization), make_event(organization, title="Autre")
    form_post(client, event, "anne@example.org")
    api_post(client, other, "anne@example.org")

    assert api_post(client, make_event(organization, title="Troisième"), "anne@example.org").status_code == 429


def test_the_switch_turns_the_limits_off(client, organization, limits):
    limits.RATELIMIT_ENABLE = False
    events = [make_event(organization, title=f"Journée {n}") for n in range(4)]

    assert [api_post(client, e, "anne@example.org").status_code for e in events] == [201] * 4


def test_without_the_proxy_setting_a_forwarded_for_header_does_not_escape_the_client_limit(
    client, organization, limits
):
    limits.BEHIND_PROXY = False
    event = make_event(organization)
    answers = [
        api_post(client, event, f"p{n}@example.org", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(4)
    ]

    assert answers == [201, 201, 201, 429]


def test_behind_the_proxy_the_client_is_the_address_the_proxy_appended(client, organization, limits):
    limits.BEHIND_PROXY = True
    event = make_event(organization)

    def send(n, forwarded):
        return api_post(client, event, f"p{n}@example.org", HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The same client behind the proxy, whatever it writes first in the header itself.
    same = [send(n, f"10.0.0.{n}, 203.0.113.7") for n in range(4)]
    other = send(9, "203.0.113.8")

    assert same == [201, 201, 201, 429]
    assert other == 201
