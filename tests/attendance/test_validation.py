import pytest
from django.core import mail

from rencontres.attendance import services
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.exceptions import AttendanceError
from rencontres.attendance.models import Attendance, AttendanceCorrection
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db


def test_counter_signing_writes_the_missing_people_absent_and_tells_them(
    organization, alice, django_capture_on_commit_callbacks
):
    _, morning, _, (camille, dominique, eli) = training_day(organization)
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)
    services.mark(slot=morning, registration=dominique, status=AttendanceStatus.EXCUSED, by=alice)

    with django_capture_on_commit_callbacks(execute=True):
        services.validate_slot(slot=morning, trainer_name="Claire Formatrice", signature=SIGNATURE, by=alice)

    statuses = dict(Attendance.objects.values_list("registration__email", "status"))
    assert statuses == {
        camille.email: AttendanceStatus.PRESENT,
        dominique.email: AttendanceStatus.EXCUSED,
        eli.email: AttendanceStatus.ABSENT,
    }
    assert [m.to for m in mail.outbox] == [[eli.email]]
    assert "noté·e absent·e" in mail.outbox[0].body


def test_counter_signing_a_sheet_long_past_may_write_the_absent_without_telling_them(
    organization, alice, django_capture_on_commit_callbacks
):
    _, morning, _, (camille, _dominique, eli) = training_day(organization)
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)

    with django_capture_on_commit_callbacks(execute=True):
        services.validate_slot(
            slot=morning, trainer_name="Claire Formatrice", signature=SIGNATURE, by=alice, notify_absent=False
        )

    assert Attendance.objects.get(registration=eli).status == AttendanceStatus.ABSENT
    assert mail.outbox == []


def test_nobody_signs_a_counter_signed_slot(organization, alice):
    _, morning, _, (camille, *_) = training_day(organization)
    services.validate_slot(slot=morning, trainer_name="Claire Formatrice", signature=SIGNATURE, by=alice)

    with pytest.raises(AttendanceError, match="déjà contresigné"):
        services.sign(slot=morning, registration=camille, mode=SigningMode.PHONE, signature=SIGNATURE)


def test_the_trainer_must_name_themselves_and_sign(organization, alice):
    _, morning, _, _ = training_day(organization)

    with pytest.raises(AttendanceError, match="nom du formateur"):
        services.validate_slot(slot=morning, trainer_name="  ", signature=SIGNATURE, by=alice)
    with pytest.raises(AttendanceError, match="signature du formateur"):
        services.validate_slot(slot=morning, trainer_name="Claire", signature="", by=alice)
    morning.refresh_from_db()
    assert not morning.is_validated


def test_after_counter_signing_a_change_is_a_correction_with_its_reason_in_the_journal(organization, alice):
    _, morning, _, (camille, *_) = training_day(organization)
    services.validate_slot(slot=morning, trainer_name="Claire Formatrice", signature=SIGNATURE, by=alice)
    absent = Attendance.objects.get(registration=camille)

    with pytest.raises(AttendanceError, match="motif"):
        services.correct(attendance=absent, status=AttendanceStatus.EXCUSED, reason="", by=alice)
    services.correct(attendance=absent, status=AttendanceStatus.EXCUSED, reason="Arrêt maladie reçu", by=alice)

    correction = AttendanceCorrection.objects.get()
    assert (correction.before, correction.after, correction.reason, correction.corrected_by) == (
        {"status": "absent", "minutes_missed": 0},
        {"status": "excused", "minutes_missed": 0},
        "Arrêt maladie reçu",
        alice,
    )


def test_late_needs_the_minutes_missed_within_the_slot(organization, alice):
    _, morning, _, (camille, *_) = training_day(organization)

    with pytest.raises(AttendanceError, match="minutes manquées"):
        services.mark(slot=morning, registration=camille, status=AttendanceStatus.LATE, minutes_missed=0, by=alice)
    with pytest.raises(AttendanceError, match="minutes manquées"):
        services.mark(slot=morning, registration=camille, status=AttendanceStatus.LATE, minutes_missed=210, by=alice)
    services.mark(slot=morning, registration=camille, status=AttendanceStatus.LATE, minutes_missed=20, by=alice)
    assert Attendance.objects.get().minutes_missed == 20
