import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rencontres.attendance import selectors, services
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.hours import attended_minutes, format_hours
from tests.attendance.builders import SIGNATURE, training_day
from tests.factories import make_member, make_organization

pytestmark = pytest.mark.django_db

STATUSES = st.sampled_from(list(AttendanceStatus.values))


@given(status=STATUSES, missed=st.integers(0, 1000), planned=st.integers(1, 600))
def test_a_presence_never_counts_more_than_planned_nor_less_than_nothing(status, missed, planned):
    minutes = attended_minutes(status=status, minutes_missed=missed, planned_minutes=planned)

    assert 0 <= minutes <= planned
    if status in {AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED}:
        assert minutes == 0


class HoursAreTheSumOfCounterSignedSlots(TestCase):
    @settings(max_examples=15, deadline=None)
    @given(
        plan=st.lists(
            st.tuples(st.sampled_from(["sign", "late", "left_early", "excused", "nothing"]), st.integers(1, 170)),
            min_size=2,
            max_size=2,
        ),
        validate_afternoon=st.booleans(),
    )
    def test_hours_per_person_are_the_sum_over_validated_slots(self, plan, validate_afternoon):
        organization = make_organization()
        trainer = make_member(organization)
        event, morning, afternoon, (person,) = training_day(organization, people=1)
        expected = 0
        for slot, (action, minutes) in zip((morning, afternoon), plan, strict=True):
            if action == "sign":
                services.sign(slot=slot, registration=person, mode=SigningMode.TABLET, signature=SIGNATURE)
            elif action != "nothing":
                services.mark(slot=slot, registration=person, status=action, minutes_missed=minutes, by=trainer)
            counted = slot is morning or validate_afternoon
            if counted:
                services.validate_slot(slot=slot, trainer_name="Claire", signature=SIGNATURE, by=trainer)
                if action == "sign":
                    expected += slot.planned_minutes
                elif action in {"late", "left_early"}:
                    expected += slot.planned_minutes - minutes

        hours = selectors.event_hours(event)

        assert [p.minutes for p in hours.people] == [expected]
        planned = morning.planned_minutes + (afternoon.planned_minutes if validate_afternoon else 0)
        assert hours.completion_rate == round(expected / planned, 3)


def test_hours_are_written_as_french_papers_write_them():
    assert [format_hours(m) for m in (360, 210, 45)] == ["6\u00a0h", "3\u00a0h\u00a030", "0\u00a0h\u00a045"]
