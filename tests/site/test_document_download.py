"""Event documents are served so that none can run script on the site, and reach those they are for."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.accounts.models import User
from rencontres.events import services
from rencontres.events.enums import DocumentKind
from rencontres.events.exceptions import EventRuleError
from rencontres.events.models import Document
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


def add(event, name, content, *, is_public=True):
    return services.add_document(
        event=event,
        title="Programme",
        uploaded_file=SimpleUploadedFile(name, content),
        kind=DocumentKind.PROGRAMME,
        is_public=is_public,
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("programme.html", b"<html><script>alert(document.cookie)</script></html>"),
        ("programme.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("programme.xhtml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'),
        ("programme.pdf", b"<html><body onload=alert(1)>"),
    ],
)
def test_a_document_a_browser_could_run_is_refused_in_french(organization, name, content):
    event = make_event(organization)

    with pytest.raises(EventRuleError, match="n'est pas d'un format accepté"):
        add(event, name, content)
    assert not Document.objects.exists()


def test_the_editor_says_why_a_document_is_refused_and_keeps_the_others(client, alice, organization):
    event = make_event(organization)
    add(event, "programme.pdf", b"%PDF-1.4 programme")
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/documents/",
        {
            "document-title": "Piège",
            "document-kind": DocumentKind.PROGRAMME,
            "document-file": SimpleUploadedFile("piege.svg", b"<svg onload=alert(1)>"),
        },
    )

    assert "Formats acceptés : PDF" in response.content.decode()
    assert list(event.documents.values_list("title", flat=True)) == ["Programme"]


def test_a_pdf_opens_in_the_browser_typed_from_its_content_and_sandboxed(client, organization):
    document = add(make_event(organization), "programme.txt", b"%PDF-1.4 programme")

    response = client.get(f"/documents/{document.id}/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_an_office_document_or_text_is_downloaded_not_shown(client, organization):
    document = add(make_event(organization), "notes.txt", "Notes de la journée".encode())

    response = client.get(f"/documents/{document.id}/")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_a_file_of_an_unknown_type_from_before_the_checks_is_served_as_bytes_to_download(client, organization):
    document = add(make_event(organization), "programme.pdf", b"%PDF-1.4")
    Document.objects.filter(id=document.id).update(file_type="HTML")

    response = client.get(f"/documents/{document.id}/")

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_document_for_registered_people_downloads_for_a_confirmed_participant_only(client, organization):
    event = make_event(organization, capacity=1)
    document = add(event, "supports.pdf", b"%PDF-1.4 supports", is_public=False)
    register(event, email="confirmee@example.org")
    register(event, email="en-attente@example.org")

    client.force_login(User.objects.get(email="confirmee@example.org"))
    assert client.get(f"/documents/{document.id}/").status_code == 200
    client.force_login(User.objects.get(email="en-attente@example.org"))
    assert client.get(f"/documents/{document.id}/").status_code == 404
    client.logout()
    assert client.get(f"/documents/{document.id}/").status_code == 404
