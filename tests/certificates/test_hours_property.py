"""Property: a certificate's hours are the person's validated hours, whatever happened on each half-day."""

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import SigningMode
from rencontres.certificates import services
from rencontres.certificates.models import Certificate
from rencontres.events import services as event_services
from tests.attendance.builders import SIGNATURE, training_day
from tests.certificates.builders import AFTER
from tests.factories import make_member, make_organization

HALF_DAY = st.tuples(
    st.sampled_from(["sign", "late", "left_early", "excused", "absent", "nothing"]), st.integers(1, 170)
)


class CertificateHoursAreValidatedHours(TestCase):
    @settings(max_examples=12, deadline=None)
    @given(plans=st.lists(st.lists(HALF_DAY, min_size=2, max_size=2), min_size=1, max_size=3), training=st.booleans())
    def test_certificate_hours_equal_validated_hours(self, plans, training):
        organization = make_organization()
        trainer = make_member(organization)
        event, morning, afternoon, people = training_day(organization, people=len(plans))
        event_services.update_event(event=event, is_training_action=training)
        expected = {}
        for person, plan in zip(people, plans, strict=True):
            expected[person.id] = 0
            for slot, (action, minutes) in zip((morning, afternoon), plan, strict=True):
                if action == "sign":
                    attendance.sign(slot=slot, registration=person, mode=SigningMode.TABLET, signature=SIGNATURE)
                    expected[person.id] += slot.planned_minutes
                elif action != "nothing":
                    attendance.mark(slot=slot, registration=person, status=action, minutes_missed=minutes, by=trainer)
                    if action in {"late", "left_early"}:
                        expected[person.id] += slot.planned_minutes - minutes
        for slot in (morning, afternoon):
            attendance.validate_slot(slot=slot, trainer_name="Claire", signature=SIGNATURE, by=trainer)
        event.refresh_from_db()

        report = services.issue_for_event(event=event, notify=False, now=AFTER)

        kinds = len(services.kinds_for(event))
        for person in people:
            certificates = list(Certificate.objects.filter(registration=person))
            if expected[person.id] == 0:
                assert certificates == []
                continue
            assert len(certificates) == kinds
            for certificate in certificates:
                assert certificate.minutes == expected[person.id]
                assert certificate.hours == round(expected[person.id] / 60, 2)
                assert certificate.snapshot["minutes"] == expected[person.id]
        assert {p.registration_id for p in report.without_hours} == {pid for pid, m in expected.items() if m == 0}
