"""Schemathesis fuzzes every operation of the OpenAPI document: no input makes the server fail.

Bounded (25 examples per operation, derandomized) so it runs with the suite in CI in a few seconds.
"""

import datetime as dt

import pytest
import schemathesis
import time_machine
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.registrations import configuration
from rencontres.registrations.enums import QuestionKind
from rencontres.wsgi import application

from .builders import add_tier, make_event, register, token_for

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

# Slugs of the events the fixture creates: half of the generated requests aim at one of them.
known_slugs: list[str] = []


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    if not path_parameters or "slug" not in path_parameters or not known_slugs:
        return st.just(path_parameters)
    return st.one_of(
        st.just(path_parameters), st.sampled_from(list(known_slugs)).map(lambda slug: {**path_parameters, "slug": slug})
    )


@pytest.fixture
def token(db, organization, other_organization):
    """Events of every kind the API must handle, and a token of their organisation."""
    free = make_event(organization, title="Matinée gratuite", capacity=3, sessions_per_day=2)
    configuration.add_question(event=free, label="Régime ?", kind=QuestionKind.YES_NO, is_required=True)
    paid = make_event(organization, title="Formation payante", capacity=30)
    add_tier(paid, payer_kind=PayerKind.EMPLOYER, amount_cents=300000)
    add_tier(paid, payer_kind=PayerKind.OPCO, amount_cents=300000)
    event_services.update_session(session=paid.sessions.get(), capacity=2)
    invited = make_event(other_organization, title="Sur invitation", is_invitation_only=True)
    register(free)
    known_slugs[:] = [free.slug, paid.slug, invited.slug]
    yield token_for(organization)
    known_slugs.clear()


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """Calls go straight to the WSGI handler, whose request signals would close the
    connection that holds the test's transaction; Django's test client disconnects them too."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _before_the_events():
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=True):
        yield


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_the_api_fail(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
