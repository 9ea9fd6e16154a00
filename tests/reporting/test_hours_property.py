"""Property: the BPF's hours are the certificates' hours — whatever happened on each half-day, the year's reading
(`validated_minutes`) gives each person what `event_hours` (the certificates' table) gives them."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rencontres.attendance import selectors
from rencontres.attendance import services as attendance
from rencontres.attendance.enums import SigningMode
from tests.attendance.builders import SIGNATURE, training_day
from tests.factories import make_member, make_organization

HALF_DAY = st.tuples(
    st.sampled_from(["sign", "late", "left_early", "excused", "absent", "nothing"]), st.integers(1, 170)
)


class YearHoursAreCertificateHours(TestCase):
    @settings(max_examples=12, deadline=None)
    @given(
        plans=st.lists(st.lists(HALF_DAY, min_size=2, max_size=2), min_size=1, max_size=3),
        validated=st.lists(st.booleans(), min_size=2, max_size=2),
    )
    def test_validated_minutes_equal_the_certificates_hours(self, plans, validated):
        organization = make_organization()
        trainer = make_member(organization)
        event, morning, afternoon, people = training_day(organization, people=len(plans))
        for person, plan in zip(people, plans, strict=True):
            for slot, (action, minutes) in zip((morning, afternoon), plan, strict=True):
                if action == "sign":
                    attendance.sign(slot=slot, registration=person, mode=SigningMode.TABLET, signature=SIGNATURE)
                elif action != "nothing":
                    attendance.mark(slot=slot, registration=person, status=action, minutes_missed=minutes, by=trainer)
        for slot, counter_signed in zip((morning, afternoon), validated, strict=True):
            if counter_signed:
                attendance.validate_slot(slot=slot, trainer_name="Claire", signature=SIGNATURE, by=trainer)

        year = selectors.validated_minutes(event_ids=[event.id], start=dt.date(2030, 1, 1), end=dt.date(2030, 12, 31))

        table = selectors.event_hours(event)
        assert {p.registration_id: p.minutes for p in table.people if p.minutes} == {
            registration_id: minutes for registration_id, minutes in year.items() if minutes
        }
        outside = selectors.validated_minutes(
            event_ids=[event.id], start=dt.date(2031, 1, 1), end=dt.date(2031, 12, 31)
        )
        assert outside == {}
