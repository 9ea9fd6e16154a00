"""Seed 000's certificates as the demo will show them (issue_seed_000_certificates, not yet in load_demo)."""

import pytest

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import AttendanceStatus
from rencontres.certificates.demo import issue_seed_000_certificates
from rencontres.certificates.enums import CertificateKind
from rencontres.events import services as event_services
from tests.attendance.builders import SIGNATURE
from tests.events.test_demo import demo_event
from tests.workshops.test_demo import _media_root, confirmed, demo  # noqa: F401  (the demo's fixtures)

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo")
def test_seed_000_run_and_counter_signed_gives_each_participant_their_two_papers(mailoutbox):
    event = demo_event("000")
    event_services.update_event(event=event, is_training_action=True)
    people = confirmed(event, 4)
    slots = attendance.derive_slots(event=event)
    absent = people[-1]
    for slot in slots:
        for person in people[:-1]:
            attendance.sign(slot=slot, registration=person, mode="tablet", signature=SIGNATURE)
        attendance.mark(slot=slot, registration=absent, status=AttendanceStatus.ABSENT, by=None)
        attendance.validate_slot(slot=slot, trainer_name="Coordination", signature=SIGNATURE, by=None)
    mailoutbox.clear()

    issued = issue_seed_000_certificates(event)

    assert len(slots) >= 2
    assert sorted((c.registration_id, c.kind) for c in issued) == sorted(
        (p.id, kind) for p in people[:-1] for kind in (CertificateKind.REALISATION, CertificateKind.END_OF_TRAINING)
    )
    assert {c.minutes for c in issued} == {sum(slot.planned_minutes for slot in slots)}
    assert all(c.pdf.size > 1000 for c in issued)
    assert mailoutbox == []
