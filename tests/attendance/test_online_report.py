"""Videoconference attendance reports, as the tools export them, matched to registrations."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.attendance import online_report
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.exceptions import AttendanceError
from rencontres.attendance.models import Attendance
from tests.attendance.builders import training_day

pytestmark = pytest.mark.django_db

ZOOM = b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
TEAMS = "Nom complet\tHeure d'arrivée\tHeure de départ\tDurée\tE-mail\n".encode("utf-16")


def test_a_zoom_report_adds_up_the_minutes_of_someone_who_came_back():
    report = ZOOM + (
        b"Camille Stagiaire,camille@example.org,03/14/2030 09:00:00 AM,03/14/2030 10:00:00 AM,60,No\n"
        b"Camille Stagiaire,camille@example.org,03/14/2030 10:05:00 AM,03/14/2030 12:25:00 PM,140,No\n"
    )

    assert [(line.email, line.minutes) for line in online_report.read_report(report)] == [("camille@example.org", 200)]


def test_a_teams_report_in_utf16_with_tabs_and_french_headers_is_read():
    report = TEAMS + "Dominique Martin\t14/03/2030 09:00\t14/03/2030 11:30\t2h 30m\tdominique@example.org\n".encode(
        "utf-16-le"
    )

    assert [(line.name, line.minutes) for line in online_report.read_report(report)] == [("Dominique Martin", 150)]


def test_a_bigbluebutton_style_report_with_join_and_leave_times_only_is_read():
    report = b"Name;Join;Leave\nEli Durand;2030-03-14 09:00:00;2030-03-14 12:30:00\n"

    assert [line.minutes for line in online_report.read_report(report)] == [210]


@pytest.mark.parametrize(
    "report, message",
    [
        (b"colonne1,colonne2\n1,2\n", "aucune colonne"),
        (b"Name,Email\nCamille,camille@example.org\n", "pas de colonne de durée"),
        (b"\x00\x01\x02binaire", "aucune colonne"),
    ],
)
def test_a_file_with_the_wrong_columns_is_refused_in_french(report, message):
    with pytest.raises(AttendanceError, match=message):
        online_report.read_report(report)


def test_lines_are_matched_by_address_then_by_name_and_recorded_for_the_trainer(client, alice, organization):
    event, morning, _, (camille, dominique, eli) = training_day(organization)
    report = (
        ZOOM
        + (
            f"Quelqu'un,{camille.email.upper()},,,210,No\n"
            f"{dominique.last_name} {dominique.first_name},autre@example.org,,,150,No\n"
            "Inconnu Total,inconnu@example.org,,,210,No\n"
        ).encode()
    )
    client.force_login(alice)
    url = f"/gestion/emargement/{morning.id}/visio/"

    preview = client.post(url, {"report-report": SimpleUploadedFile("zoom.csv", report)}).content.decode()
    assert "aucune inscription trouvée" in preview
    client.post(url, {"confirm": "1"})

    recorded = {a.registration_id: (a.status, a.minutes_missed, a.mode) for a in Attendance.objects.all()}
    assert recorded == {
        camille.id: (AttendanceStatus.PRESENT, 0, SigningMode.ONLINE),
        dominique.id: (AttendanceStatus.LEFT_EARLY, 60, SigningMode.ONLINE),
    }
    assert eli.id not in recorded


def test_uploading_a_wrong_report_says_what_to_fix(client, alice, organization):
    _, morning, _, _ = training_day(organization)
    client.force_login(alice)

    response = client.post(
        f"/gestion/emargement/{morning.id}/visio/", {"report-report": SimpleUploadedFile("x.csv", b"a,b\n1,2\n")}
    )

    assert response.status_code == 400
    assert "aucune colonne" in response.content.decode()
