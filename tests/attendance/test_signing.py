import pytest

from rencontres.attendance import services
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.exceptions import AttendanceError
from rencontres.attendance.models import Attendance
from tests.attendance.builders import SIGNATURE, training_day
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


def test_a_signature_keeps_its_drawing_time_address_browser_and_mode(organization):
    _, morning, _, (camille, *_) = training_day(organization)

    attendance = services.sign(
        slot=morning,
        registration=camille,
        mode=SigningMode.TABLET,
        signature=SIGNATURE,
        ip_address="192.0.2.7",
        user_agent="Tablette de la salle",
    )

    assert (attendance.status, attendance.mode, attendance.ip_address) == (
        AttendanceStatus.PRESENT,
        SigningMode.TABLET,
        "192.0.2.7",
    )
    assert attendance.signature == SIGNATURE and attendance.signed_at is not None


def test_signing_twice_is_refused_and_the_first_signature_stays(organization):
    _, morning, _, (camille, *_) = training_day(organization)
    first = services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)

    with pytest.raises(AttendanceError, match="déjà signé"):
        services.sign(slot=morning, registration=camille, mode=SigningMode.PHONE, signature="M1 1 L390 140 L200 20")
    assert Attendance.objects.get().signature == first.signature


def test_a_person_marked_late_by_the_trainer_then_signs_and_stays_late(organization, alice):
    _, morning, _, (camille, *_) = training_day(organization)
    services.mark(slot=morning, registration=camille, status=AttendanceStatus.LATE, minutes_missed=20, by=alice)

    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)

    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.minutes_missed, attendance.mode) == (
        AttendanceStatus.LATE,
        20,
        SigningMode.TABLET,
    )
    assert attendance.signature == SIGNATURE and attendance.signed_at is not None


def test_nobody_signs_a_counter_signed_slot(organization, alice):
    _, morning, _, (camille, dominique, *_) = training_day(organization)
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)
    services.validate_slot(slot=morning, trainer_name="Boris Chevrot", signature=SIGNATURE, by=alice)

    with pytest.raises(AttendanceError, match="déjà contresigné"):
        services.sign(slot=morning, registration=dominique, mode=SigningMode.TABLET, signature=SIGNATURE)
    assert Attendance.objects.get(registration=dominique).status == AttendanceStatus.ABSENT


@pytest.mark.parametrize(
    "forged",
    [
        "",
        "M10 10",  # a tap
        '<svg onload="alert(1)"/>',
        "M10 10 L20 20 Z",
        "M10 10 L9999 20 L30 30",
        "L10 10 L50 50 L90 90",
    ],
)
def test_a_forged_or_empty_signature_is_refused_in_french(organization, forged):
    _, morning, _, (camille, *_) = training_day(organization)

    with pytest.raises(AttendanceError, match="signature est vide ou illisible"):
        services.sign(slot=morning, registration=camille, mode=SigningMode.PHONE, signature=forged)
    assert not Attendance.objects.exists()


def test_a_registration_of_another_event_cannot_sign_the_slot(organization):
    _, morning, _, _ = training_day(organization)
    stranger = register(make_event(organization), email="ailleurs@example.org")

    with pytest.raises(AttendanceError, match="n'est pas inscrite à cet événement"):
        services.sign(slot=morning, registration=stranger, mode=SigningMode.PHONE, signature=SIGNATURE)


def test_someone_on_the_waiting_list_does_not_sign(organization):
    _, morning, _, (confirmed,) = training_day(organization, people=1, capacity=1)
    waiting = register(confirmed.event, email="attente@example.org")

    with pytest.raises(AttendanceError, match="place est confirmée"):
        services.sign(slot=morning, registration=waiting, mode=SigningMode.PHONE, signature=SIGNATURE)


def test_a_walk_in_is_recorded_present_then_merged_into_their_registration(organization):
    event, morning, _, _ = training_day(organization, people=0)
    attendance = services.add_walk_in(slot=morning, first_name="Sam", last_name="Sansinscription", signature=SIGNATURE)
    registration = register(event, email="sam@example.org", first_name="Sam", last_name="Sansinscription")

    assert services.merge_walk_in(walk_in=attendance.walk_in, registration=registration) == 1
    attendance.refresh_from_db()
    assert (attendance.registration, attendance.walk_in) == (registration, None)
