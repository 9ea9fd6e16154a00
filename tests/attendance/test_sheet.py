"""A whole sheet recorded at once (paper sheet ticked, videoconference report): the same rules as one mark."""

import pytest

from rencontres.attendance import services
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.exceptions import AttendanceError
from rencontres.attendance.models import Attendance
from rencontres.registrations.services import cancel
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db


def test_a_sheet_records_everyone_and_keeps_a_signature_already_there(organization, alice):
    _, morning, _, (camille, dominique, eden) = training_day(organization)
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)

    recorded = services.mark_sheet(
        slot=morning,
        entries=[
            (camille, AttendanceStatus.LATE, 20),
            (dominique, AttendanceStatus.PRESENT, 0),
            (eden, AttendanceStatus.EXCUSED, 0),
        ],
        mode=SigningMode.PAPER,
        by=alice,
    )

    assert recorded == 3
    rows = {a.registration_id: a for a in Attendance.objects.filter(slot=morning)}
    assert (rows[camille.id].status, rows[camille.id].minutes_missed, rows[camille.id].mode) == (
        AttendanceStatus.LATE,
        20,
        SigningMode.TABLET,
    )
    assert rows[camille.id].signature
    assert (rows[dominique.id].mode, rows[dominique.id].recorded_by) == (SigningMode.PAPER, alice)
    assert rows[eden.id].status == AttendanceStatus.EXCUSED


def test_a_sheet_with_a_cancelled_person_or_after_the_counter_signature_records_nothing(organization, alice):
    _, morning, afternoon, (camille, dominique, _) = training_day(organization)
    cancel(registration=dominique)
    dominique.refresh_from_db()
    with pytest.raises(AttendanceError, match="place est confirmée"):
        services.mark_sheet(
            slot=morning,
            entries=[(camille, AttendanceStatus.PRESENT, 0), (dominique, AttendanceStatus.PRESENT, 0)],
            mode=SigningMode.PAPER,
            by=alice,
        )
    services.validate_slot(slot=afternoon, trainer_name="Claire", signature=SIGNATURE, by=alice)
    with pytest.raises(AttendanceError, match="déjà contresigné"):
        services.mark_sheet(
            slot=afternoon, entries=[(camille, AttendanceStatus.PRESENT, 0)], mode=SigningMode.PAPER, by=alice
        )
    assert not Attendance.objects.filter(slot=morning).exists()
