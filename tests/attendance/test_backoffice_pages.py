"""The organiser's attendance pages: reach, tick, counter-sign, correct, print, export; bad input in French."""

import datetime as dt
import io

import openpyxl
import pytest
import time_machine
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.attendance import qr, services
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.models import Attendance
from rencontres.backoffice.views import attendance as attendance_views
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(organization):
    return training_day(organization)


def test_an_outsider_reaches_none_of_the_attendance_pages(client, charlie, day):
    event, morning, _, (camille, *_) = day
    client.force_login(charlie)
    for url in (
        f"/gestion/evenements/{event.id}/emargement/",
        f"/gestion/evenements/{event.id}/heures/",
        f"/gestion/evenements/{event.id}/heures.xlsx",
        f"/gestion/emargement/{morning.id}/",
        f"/gestion/emargement/{morning.id}/tablette/",
        f"/gestion/emargement/{morning.id}/qr/",
        f"/gestion/emargement/{morning.id}/feuille.pdf",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/gestion/emargement/{morning.id}/contresigner/", {}).status_code == 404
    assert not Attendance.objects.filter(slot=morning).exists()


def open_tablet(client, member, slot) -> str:
    """The trainer opens the shared tablet: the address it is sent to, signed, needing no session."""
    client.force_login(member)
    response = client.get(f"/gestion/emargement/{slot.id}/tablette/")
    assert response.status_code == 302
    return response["Location"]


def test_the_tablet_signs_without_the_trainers_session_and_refuses_a_forged_or_old_address(client, alice, day):
    _, morning, _, (camille, dominique, _) = day
    tablet = open_tablet(client, alice, morning)
    client.logout()  # the tablet's address carries what signing needs: no back office on it

    assert client.get(tablet).status_code == 200
    assert client.post(f"{tablet}{camille.id}/", {"signature": SIGNATURE}).status_code == 302
    assert Attendance.objects.get(registration=camille).recorded_by == alice

    forged = f"/gestion/emargement/tablette/{signing.dumps([morning.id, alice.id])}/"
    altered = tablet[:-2] + ("A" if tablet[-2] != "A" else "B") + "/"
    for refused in (forged, altered):
        response = client.post(f"{refused}{dominique.id}/", {"signature": SIGNATURE})
        assert response.status_code == 404
        assert "rouvrez la tablette depuis la page de la demi-journée" in response.content.decode()
    with time_machine.travel(dt.timedelta(hours=13)):
        response = client.post(f"{tablet}{dominique.id}/", {"signature": SIGNATURE})
        assert response.status_code == 404 and "plus valable" in response.content.decode()
    assert not Attendance.objects.filter(registration=dominique).exists()


def test_the_tablet_shows_only_the_names_of_those_still_to_sign(client, alice, day):
    _, morning, _, (camille, dominique, eli) = day
    services.sign(slot=morning, registration=camille, mode=SigningMode.PHONE, signature=SIGNATURE)

    page = client.get(open_tablet(client, alice, morning)).content.decode()

    assert f"{dominique.first_name} {dominique.last_name}" in page
    assert camille.last_name not in page
    assert eli.email not in page and "fr-header__tools" not in page


def test_signing_on_the_tablet_records_the_trainers_device_and_returns_to_the_names(client, alice, day):
    _, morning, _, (camille, *_) = day
    tablet = open_tablet(client, alice, morning)

    response = client.post(f"{tablet}{camille.id}/", {"signature": SIGNATURE}, HTTP_USER_AGENT="Tablette")

    assert response.status_code == 302 and response["Location"] == tablet
    attendance = Attendance.objects.get()
    assert (attendance.mode, attendance.user_agent, attendance.recorded_by) == (SigningMode.TABLET, "Tablette", alice)


def test_an_empty_signature_on_the_tablet_says_what_to_do(client, alice, day):
    _, morning, _, (camille, *_) = day

    response = client.post(f"{open_tablet(client, alice, morning)}{camille.id}/", {"signature": ""})

    assert response.status_code == 400
    assert "signez dans le cadre" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_registration_of_another_event_in_a_post_is_a_404(client, alice, organization, day):
    _, morning, _, _ = day
    _, _, _, (stranger, *_) = training_day(organization, people=1, date=morning.day.date.replace(day=20))
    tablet = open_tablet(client, alice, morning)

    assert client.post(f"{tablet}{stranger.id}/", {"signature": SIGNATURE}).status_code == 404
    assert (
        client.post(
            f"/gestion/emargement/{morning.id}/presence/", {"registration": stranger.id, "status": "present"}
        ).status_code
        == 404
    )


def test_ticking_late_then_counter_signing_then_correcting(client, alice, day):
    _, morning, _, (camille, *_) = day
    client.force_login(alice)
    url = f"/gestion/emargement/{morning.id}"

    client.post(f"{url}/presence/", {"registration": camille.id, "status": "late", "minutes_missed": "20"})
    response = client.post(
        f"{url}/contresigner/", {"validate-trainer_name": "Claire Formatrice", "validate-signature": SIGNATURE}
    )
    assert response.status_code == 302
    client.post(
        f"{url}/correction/",
        {
            "registration": camille.id,
            "status": "present",
            "minutes_missed": "0",
            "reason": "Retard dû au train, rattrapé",
        },
    )

    attendance = Attendance.objects.get(registration=camille)
    assert (attendance.status, attendance.minutes_missed) == (AttendanceStatus.PRESENT, 0)
    page = client.get(f"{url}/").content.decode()
    assert "Retard dû au train, rattrapé" in page and "Demi-journée contresignée" in page


def test_counter_signing_without_a_signature_keeps_the_slot_open_and_says_why(client, alice, day):
    _, morning, _, _ = day
    client.force_login(alice)

    response = client.post(
        f"/gestion/emargement/{morning.id}/contresigner/", {"validate-trainer_name": "Claire", "validate-signature": ""}
    )

    assert response.status_code == 400
    assert "signature du formateur est vide" in response.content.decode()
    morning.refresh_from_db()
    assert not morning.is_validated


def test_bad_slot_times_are_refused_in_french(client, alice, day):
    _, morning, _, _ = day
    client.force_login(alice)

    response = client.post(
        f"/gestion/emargement/{morning.id}/horaires/",
        {"times-start_time": "12:00", "times-end_time": "09:00", "times-planned_minutes": "60"},
    )

    assert response.status_code == 400
    assert "La fin du créneau doit venir après son début." in response.content.decode()


def test_a_scan_must_be_a_pdf_or_an_image(client, alice, day):
    _, morning, _, _ = day
    client.force_login(alice)

    response = client.post(
        f"/gestion/emargement/{morning.id}/feuille-numerisee/",
        {"scan-scan": SimpleUploadedFile("feuille.html", b"<html>")},
    )
    assert response.status_code == 400
    assert "PDF, PNG ou JPEG" in response.content.decode()

    client.post(
        f"/gestion/emargement/{morning.id}/feuille-numerisee/",
        {"scan-scan": SimpleUploadedFile("feuille.pdf", b"%PDF-1.4 scan")},
    )
    download = client.get(f"/gestion/emargement/{morning.id}/feuille-numerisee/fichier/")
    assert download["Content-Type"] == "application/pdf" and download["Content-Security-Policy"].startswith("sandbox")


@time_machine.travel(dt.datetime(2030, 3, 14, 9, 0, 5, tzinfo=dt.UTC), tick=False)
def test_the_projector_shows_the_qr_code_of_this_windows_signing_address(client, alice, day, settings):
    _, morning, _, _ = day
    client.force_login(alice)
    settings.SITE_URL = "https://rencontres.example.org"
    address = f"https://rencontres.example.org/emargement/{morning.id}/code/{qr.current_code(morning)}/"

    page = client.get(f"/gestion/emargement/{morning.id}/qr/").content.decode()

    assert attendance_views._qr_svg(address) in page


def test_hours_page_and_spreadsheet_give_hours_per_person(client, alice, day):
    event, morning, _, (camille, dominique, eli) = day
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)
    services.mark(slot=morning, registration=dominique, status=AttendanceStatus.LEFT_EARLY, minutes_missed=30, by=alice)
    services.validate_slot(slot=morning, trainer_name="Claire", signature=SIGNATURE, by=alice)
    client.force_login(alice)

    assert "Taux de réalisation" in client.get(f"/gestion/evenements/{event.id}/heures/").content.decode()
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"/gestion/evenements/{event.id}/heures.xlsx").content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[f"{camille.last_name} {camille.first_name}"][-3] == 3.5
    assert rows[f"{dominique.last_name} {dominique.first_name}"][-3] == 3.0
    assert rows[f"{eli.last_name} {eli.first_name}"][-3] == 0
    assert sheet.freeze_panes == "A2"


def test_printing_all_sheets_gives_one_pdf(client, alice, day):
    event, *_ = day
    client.force_login(alice)

    response = client.get(f"/gestion/evenements/{event.id}/emargement/feuilles.pdf")

    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
