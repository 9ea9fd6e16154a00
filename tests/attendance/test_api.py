"""GET /api/events/{slug}/attendance: slots, each person's presence and validated hours, for the organisation only."""

import datetime as dt

import pytest

from rencontres.attendance import services
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from tests.api.builders import token_for
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db


def test_the_attendance_gives_minutes_per_slot_and_hours_from_validated_slots_only(client, organization, alice):
    event, morning, afternoon, (camille, dominique, _) = training_day(organization)
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)
    services.mark(slot=morning, registration=dominique, status=AttendanceStatus.LATE, minutes_missed=30, by=alice)
    services.validate_slot(slot=morning, trainer_name="Claire", signature=SIGNATURE, by=alice)
    services.sign(slot=afternoon, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)

    body = client.get(
        f"/api/events/{event.slug}/attendance", headers={"Authorization": f"Bearer {token_for(organization)}"}
    ).json()

    assert body["slots"][0] | {"id": 0} == {
        "id": 0,
        "date": "2030-03-14",
        "half": "morning",
        "start": "09:00:00",
        "end": "12:30:00",
        "planned_hours": 3.5,
        "validated": True,
    }
    people = {p["registration"]: p for p in body["people"]}
    assert people[camille.id]["hours"] == 3.5
    assert [(s["minutes"], s["validated"]) for s in people[camille.id]["slots"]] == [(210, True), (180, False)]
    assert people[dominique.id]["hours"] == 3.0
    assert people[dominique.id]["slots"][0]["status"] == "late"


def test_another_organisations_token_gets_a_french_404(client, organization, other_organization):
    event, *_ = training_day(organization)

    response = client.get(
        f"/api/events/{event.slug}/attendance", headers={"Authorization": f"Bearer {token_for(other_organization)}"}
    )

    assert response.status_code == 404
    assert "Votre organisme n'a pas d'événement" in response.json()["detail"]
    assert client.get(f"/api/events/{event.slug}/attendance").status_code == 401


def test_dates_are_the_days_dates(client, organization):
    event, *_ = training_day(organization, date=dt.date(2031, 1, 9))
    body = client.get(
        f"/api/events/{event.slug}/attendance", headers={"Authorization": f"Bearer {token_for(organization)}"}
    ).json()
    assert {s["date"] for s in body["slots"]} == {"2031-01-09"}
