import datetime as dt

import pytest

from rencontres.attendance import services
from rencontres.attendance.enums import Half
from rencontres.attendance.exceptions import AttendanceError
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db


def test_each_day_is_split_into_morning_and_afternoon_from_its_sessions_without_the_meal(organization):
    event, morning, afternoon, _ = training_day(organization)

    assert (morning.half, morning.start_time, morning.end_time, morning.planned_minutes) == (
        Half.MORNING,
        dt.time(9),
        dt.time(12, 30),
        210,
    )
    assert (afternoon.half, afternoon.start_time, afternoon.end_time, afternoon.planned_minutes) == (
        Half.AFTERNOON,
        dt.time(14),
        dt.time(17),
        180,
    )


def test_deriving_again_keeps_the_slots_as_the_organiser_edited_them(organization):
    event, morning, _, _ = training_day(organization)
    services.update_slot(slot=morning, start_time=dt.time(9, 30), end_time=dt.time(12, 30), planned_minutes=180)

    assert services.derive_slots(event=event) == []
    morning.refresh_from_db()
    assert (morning.start_time, morning.planned_minutes) == (dt.time(9, 30), 180)


def test_planned_minutes_cannot_exceed_the_slot(organization):
    _, morning, _, _ = training_day(organization)

    with pytest.raises(AttendanceError, match="entre 1 minute et la durée du créneau"):
        services.update_slot(slot=morning, start_time=dt.time(9), end_time=dt.time(10), planned_minutes=90)


def test_a_counter_signed_slot_cannot_be_edited(organization, alice):
    _, morning, _, _ = training_day(organization)
    services.validate_slot(slot=morning, trainer_name="Claire Formatrice", signature=SIGNATURE, by=alice)

    with pytest.raises(AttendanceError, match="déjà contresigné"):
        services.update_slot(slot=morning, start_time=dt.time(9), end_time=dt.time(12), planned_minutes=180)
