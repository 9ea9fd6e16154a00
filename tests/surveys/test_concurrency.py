"""Two submissions of the same answers at the same instant (a double tap) keep one response."""

import threading

import pytest
from django.db import connection, connections

from rencontres.surveys.exceptions import SurveyError
from rencontres.surveys.models import SurveyResponse

from .builders import answer, make_survey, register

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def test_a_double_submission_at_once_keeps_one_response(organization):
    survey = make_survey(organization)
    person = register(survey.event)
    barrier = threading.Barrier(8)
    outcomes, errors = [], []

    def one():
        try:
            barrier.wait()
            answer(survey, person)
            outcomes.append("saved")
        except SurveyError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 — counted, and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(outcomes) == ["refused"] * 7 + ["saved"]
    assert SurveyResponse.objects.filter(registration=person).count() == 1
