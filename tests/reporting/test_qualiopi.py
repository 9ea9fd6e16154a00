"""Qualiopi evidence of a training action: indicator 2 figures, and the audit ZIP opened entry by entry."""

import csv
import io
import zipfile

import pytest
import time_machine
from openpyxl import load_workbook
from pypdf import PdfReader

from rencontres.certificates import services as certificate_services
from rencontres.registrations.models import DataAccessLogEntry
from rencontres.reporting import qualiopi
from tests.certificates.builders import AFTER, finished_event
from tests.surveys.builders import answer, make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(organization):
    """A one-day training (3 h 30 + 3 h), 3 people, 2 signed both half-days; certificates issued; 2 survey answers."""
    event, morning, afternoon, people = finished_event(organization, people=3, signers=2)
    certificate_services.issue_for_event(event=event, notify=False, now=AFTER)
    survey = make_survey(event=event)
    with time_machine.travel(AFTER):
        answer(survey, people[0], score="5")
        answer(survey, people[1], score="2")
    return event, people


def test_indicator_2_gives_trainees_completion_satisfaction_and_period(action):
    event, _people = action

    figures = qualiopi.indicator_2(event)

    # 3 confirmed, 2 with hours; 2 × 390 min done of 3 × 390 planned: 66,7 %.
    assert (figures.trainees, figures.followed, figures.planned_hours) == (3, 2, 6.5)
    assert figures.completion_percent == 66.7
    (survey,) = figures.surveys
    assert (survey.responses, survey.invited) == (2, 3)
    assert survey.satisfaction_percent == 50.0  # every scale answered 5 by one, 2 by the other
    assert figures.period == "jeudi 14 mars 2030"


def unzip(response) -> zipfile.ZipFile:
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_audit_zip_holds_programme_sheets_certificates_surveys_journal_and_figures(client, action, alice):
    event, people = action
    client.force_login(alice)

    archive = unzip(client.get(f"/gestion/evenements/{event.id}/qualiopi.zip"))

    names = archive.namelist()
    certificates = [n for n in names if n.startswith("attestations/")]
    assert names[0] == "LISEZMOI.txt"
    assert {"programme.pdf", "emargement/feuilles-d-emargement.pdf", "inscriptions/inscriptions.csv"} <= set(names)
    assert {"inscriptions/journal-des-inscriptions.csv", "indicateurs-qualiopi.csv"} <= set(names)
    assert len(certificates) == 4  # two people, a certificat de réalisation and an attestation each
    assert archive.testzip() is None
    sheets = PdfReader(io.BytesIO(archive.read("emargement/feuilles-d-emargement.pdf")))
    morning = sheets.pages[0].extract_text()
    assert len(sheets.pages) == 2 and "FEUILLE D'ÉMARGEMENT" in morning and "Claire Formatrice" in morning
    assert archive.read("programme.pdf").startswith(b"%PDF")
    for name in certificates:
        assert archive.read(name).startswith(b"%PDF")
    (survey_file,) = [n for n in names if n.startswith("questionnaires/")]
    assert load_workbook(io.BytesIO(archive.read(survey_file)))["Synthèse"]["B2"].value == 2
    journal = list(
        csv.reader(
            io.StringIO(archive.read("inscriptions/journal-des-inscriptions.csv").decode("utf-8-sig")), delimiter=";"
        )
    )
    assert journal[0][:4] == ["Date", "N° d'inscription", "Prénom", "Nom"]
    assert {row[1] for row in journal[1:]} == {str(p.id) for p in people}
    figures = dict(csv.reader(io.StringIO(archive.read("indicateurs-qualiopi.csv").decode("utf-8-sig")), delimiter=";"))
    assert figures["Taux de réalisation des heures (%)"] == "66,7"
    assert figures["Taux de satisfaction à chaud (%)"] == "50"
    assert "- programme.pdf" in archive.read("LISEZMOI.txt").decode()


def test_downloading_the_zip_is_journaled_and_an_outsider_gets_nothing(client, action, alice, charlie):
    event, _people = action
    client.force_login(charlie)
    assert client.get(f"/gestion/evenements/{event.id}/qualiopi.zip").status_code == 404
    assert client.get(f"/gestion/evenements/{event.id}/qualiopi/").status_code == 404
    assert not DataAccessLogEntry.objects.exists()

    client.force_login(alice)
    b"".join(client.get(f"/gestion/evenements/{event.id}/qualiopi.zip").streaming_content)

    entry = DataAccessLogEntry.objects.get()
    assert (entry.actor, entry.event, entry.detail) == (alice, event, "Dossier Qualiopi (ZIP)")


def test_the_page_shows_the_figures_and_what_the_archive_holds(client, action, alice):
    event, _people = action
    client.force_login(alice)

    page = client.get(f"/gestion/evenements/{event.id}/qualiopi/").content.decode()

    assert "Indicateur 2" in page and "66,7 %" in page and "50 %" in page
    assert "emargement/feuilles-d-emargement.pdf" in page
    assert "Télécharger le dossier Qualiopi (ZIP)" in page


def test_the_archive_is_streamed_one_entry_at_a_time():
    built = []

    def entry(name):
        def build():
            built.append(name)
            return name.encode() * 1000

        return name, build

    stream = qualiopi.stream_zip([entry("a.txt"), entry("b.txt")])
    first = next(stream)

    assert built == ["a.txt"] and first  # the second document is not built before the first is sent
    rest = b"".join(stream)
    assert zipfile.ZipFile(io.BytesIO(first + rest)).read("b.txt") == b"b.txt" * 1000
