"""Builders for API tests: the registration builders, plus request bodies and tokens."""

import itertools

from rencontres.organizations.models import ApiToken
from tests.registrations.builders import add_tier, make_event, register  # noqa: F401  (re-exported)

_counter = itertools.count(1)


def payload(**fields) -> dict:
    n = next(_counter)
    body = {
        "first_name": "Camille",
        "last_name": f"Martin {n}",
        "email": f"api{n}@example.org",
        "job_title": "assistante sociale",
    }
    body.update(fields)
    return body


def token_for(organization, label="tableur") -> str:
    _token, clear = ApiToken.issue(organization=organization, label=label)
    return clear
