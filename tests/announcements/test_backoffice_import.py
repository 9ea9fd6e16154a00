"""The organiser's side of the importer: paste or upload, get a draft to review."""

import pytest
import typst
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.announcements.models import AnnouncementImport
from rencontres.events.enums import EventStatus
from rencontres.events.models import Event

pytestmark = pytest.mark.django_db

ANNOUNCEMENT = """Séminaire de formation
Quelles solidarités pour demain dans les territoires ?

Mardi 12 octobre 2021
9h00 - 10h30 : Introduction théorique
10h45 - 12h30 : Table ronde - de nouvelles solidarités après la Covid-19 ?

Mercredi 13 octobre 2021
9h00 - 12h30 : Les outils pour diagnostiquer les besoins sociaux
14h00 - 13h00 : Exercices pratiques

Tarif : 850 € déjeuners inclus
Contact : contact@collegecluny.eu
"""


def test_pasting_an_announcement_makes_a_draft_with_its_programme(client, alice, organization):
    client.force_login(alice)
    response = client.post("/gestion/importer/", {"organization": organization.id, "text": ANNOUNCEMENT})
    event = Event.objects.get()
    assert response["Location"] == f"/gestion/evenements/{event.id}/"
    assert event.status == EventStatus.DRAFT
    assert "solidarités" in event.title
    assert event.days.count() == 2
    intro = event.sessions.get(title__startswith="Introduction")
    assert (str(intro.day.date), intro.start_time.strftime("%H:%M"), intro.end_time.strftime("%H:%M")) == (
        "2021-10-12",
        "09:00",
        "10:30",
    )
    assert event.price_tiers.get().amount_cents == 85000
    assert event.contact_email == "contact@collegecluny.eu"


def test_doubts_are_shown_in_the_section_they_concern(client, alice, organization):
    client.force_login(alice)
    client.post("/gestion/importer/", {"organization": organization.id, "text": ANNOUNCEMENT})
    event = Event.objects.get()
    doubts = event.announcement_import.doubts
    assert any(d["section"] == "programme" and "13" in d["message"] for d in doubts), doubts
    page = client.get(f"/gestion/evenements/{event.id}/").content.decode()
    programme = page[page.index('id="programme-title"') : page.index('id="speakers-title"')]
    assert "À vérifier" in programme


def test_the_source_is_kept_as_a_private_document(client, alice, organization):
    client.force_login(alice)
    client.post("/gestion/importer/", {"organization": organization.id, "text": ANNOUNCEMENT})
    document = Event.objects.get().documents.get()
    assert not document.is_public
    assert document.file.read().decode() == ANNOUNCEMENT.strip()


def test_uploading_a_pdf_announcement(client, alice, organization):
    pdf = typst.compile(
        "= Matinée d'étude\nJeudi 6 novembre 2014, de 8h30 à 12h30\n\nContact : 01 43 93 87 80".encode()
    )
    client.force_login(alice)
    client.post(
        "/gestion/importer/",
        {"organization": organization.id, "file": SimpleUploadedFile("flyer.pdf", pdf, content_type="application/pdf")},
    )
    event = Event.objects.get()
    assert str(event.starts_on) == "2014-11-06"
    assert event.documents.get().file_type == "PDF"


def test_an_unreadable_file_is_refused_in_french_and_nothing_is_created(client, alice, organization):
    scan = typst.compile(b"#rect(width: 5cm, height: 5cm, fill: black)")
    client.force_login(alice)
    response = client.post(
        "/gestion/importer/",
        {"organization": organization.id, "file": SimpleUploadedFile("scan.pdf", scan, content_type="application/pdf")},
    )
    assert response.status_code == 400
    assert "texte" in response.content.decode()
    assert not Event.objects.exists()


def test_an_empty_form_says_what_to_do(client, alice, organization):
    client.force_login(alice)
    response = client.post("/gestion/importer/", {"organization": organization.id, "text": "  "})
    assert response.status_code == 400
    assert "Collez le texte de l&#x27;annonce ou déposez son fichier." in response.content.decode()


def test_only_members_may_mark_an_import_as_reviewed(client, alice, charlie, organization):
    client.force_login(alice)
    client.post("/gestion/importer/", {"organization": organization.id, "text": ANNOUNCEMENT})
    record = AnnouncementImport.objects.get()
    client.force_login(charlie)
    assert client.post(f"/gestion/importer/{record.id}/verifie/").status_code == 404
    client.force_login(alice)
    client.post(f"/gestion/importer/{record.id}/verifie/")
    record.refresh_from_db()
    assert record.reviewed_at is not None
    assert "À vérifier" not in client.get(f"/gestion/evenements/{record.event_id}/").content.decode()
