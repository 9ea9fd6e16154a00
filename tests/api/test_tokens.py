"""Organisation tokens: an organiser reads the registrations of its own events, and nobody else's."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from rencontres.organizations.models import ApiToken

from .builders import make_event, register, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _before_the_events():
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        yield


def get_registrations(client, event, token=None, query=""):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(f"/api/events/{event.slug}/registrations{query}", headers=headers)


def test_an_organisation_token_reads_its_event_registrations_in_order_of_arrival(client, organization, alice):
    event = make_event(organization, capacity=1)
    first = register(event, email="premiere@example.org")
    second = register(event, email="second@example.org")

    response = get_registrations(client, event, token_for(organization))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(r["id"], r["email"], r["state"]) for r in body["items"]] == [
        (first.id, "premiere@example.org", "confirmed"),
        (second.id, "second@example.org", "waiting"),
    ]
    waiting = get_registrations(client, event, token_for(organization), "?state=waiting").json()
    assert [r["id"] for r in waiting["items"]] == [second.id]


def test_a_token_reads_draft_events_of_its_organisation_too(client, organization):
    event = make_event(organization, published=False)

    assert get_registrations(client, event, token_for(organization)).status_code == 200


def test_another_organisations_token_gets_a_404(client, organization, other_organization):
    event = make_event(organization)
    register(event, email="confidentiel@example.org")

    response = get_registrations(client, event, token_for(other_organization))

    assert response.status_code == 404
    assert "confidentiel" not in response.content.decode()
    assert "Votre organisme n'a pas d'événement" in response.json()["detail"]


@pytest.mark.parametrize("token", [None, "faux-jeton", "x" * 5000])
def test_without_a_valid_token_the_answer_is_401_in_french(client, organization, token):
    event = make_event(organization)

    response = get_registrations(client, event, token)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in response.json()["detail"]


def test_only_the_hash_of_a_token_is_stored_and_its_use_is_noted(client, organization):
    token, clear = ApiToken.issue(organization=organization, label="tableur")
    event = make_event(organization)

    assert clear not in token.token_hash and len(token.token_hash) == 64
    assert token.last_used_at is None
    get_registrations(client, event, clear)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_command_prints_a_working_token_once(client, organization):
    out = io.StringIO()
    call_command("create_api_token", organization.slug, "export tableur", stdout=out)
    clear = out.getvalue().strip()

    token = ApiToken.objects.get()
    assert (token.organization, token.label) == (organization, "export tableur")
    assert token.token_hash == ApiToken.hash_of(clear)
    assert get_registrations(client, make_event(organization), clear).status_code == 200


def test_the_command_refuses_an_unknown_organisation(db):
    with pytest.raises(CommandError, match="Aucun organisme"):
        call_command("create_api_token", "inconnu", "export")


def test_the_admin_shows_the_clear_token_once_when_adding(client, organization, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="motdepasse-solide-42")
    client.force_login(admin)

    response = client.post(
        "/admin/organizations/apitoken/add/", {"organization": organization.id, "label": "CRM"}, follow=True
    )

    token = ApiToken.objects.get()
    [message] = [str(m) for m in response.context["messages"] if "Jeton créé" in str(m)]
    clear = message.rsplit(" ", 1)[1]
    assert token.token_hash == ApiToken.hash_of(clear)
    assert clear not in client.get(f"/admin/organizations/apitoken/{token.id}/change/").content.decode()
