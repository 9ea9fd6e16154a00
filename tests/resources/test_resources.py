"""Resources of an event: speakers' uploads by their link, approval, visibility, text for search."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.resources import links, services
from rencontres.resources.enums import ResourceKind, ResourceStatus, ResourceVisibility
from rencontres.resources.exceptions import ResourceError
from rencontres.resources.models import Resource
from tests.registrations.builders import make_event, register
from tests.resources.builders import add_speaker_to_session, docx_upload, pdf_upload, pptx_upload
from tests.workshops.builders import page_text

pytestmark = pytest.mark.django_db


def upload_page(speaker):
    return links.speaker_upload_path(speaker)


def test_a_speaker_uploads_slides_by_their_link_and_they_wait_for_approval(client, organization):
    event = make_event(organization)
    speaker, session = add_speaker_to_session(event)

    response = client.post(
        upload_page(speaker),
        {"title": "Le DSL en pratique", "session": session.id, "language": "fr", "file": pptx_upload()},
    )

    assert response.status_code == 302
    resource = Resource.objects.get()
    assert (resource.kind, resource.status, resource.speaker, resource.session) == (
        ResourceKind.SLIDES,
        ResourceStatus.PENDING,
        speaker,
        session,
    )
    assert resource.file_type == "PPTX" and resource.size_bytes > 0
    assert "Médico-social" in resource.text
    assert "Le DSL en pratique" not in page_text(client.get(event.get_absolute_url()))


def test_a_forged_upload_link_gets_a_french_page(client, organization):
    event = make_event(organization)
    speaker, _session = add_speaker_to_session(event)

    response = client.get(upload_page(speaker)[:-3] + "xyz/")

    assert response.status_code == 404
    assert "Ce lien de dépôt n'est pas valable" in page_text(response)


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("support.pdf", b"<html><script>alert(1)</script>"), "n'est pas un document PDF"),
        (SimpleUploadedFile("vide.pdf", b""), "Le fichier envoyé est vide"),
    ],
)
def test_a_bad_upload_is_refused_in_french_and_the_form_kept(client, organization, upload, message):
    event = make_event(organization)
    speaker, session = add_speaker_to_session(event)

    response = client.post(
        upload_page(speaker), {"title": "Mon support", "session": session.id, "language": "fr", "file": upload}
    )

    assert response.status_code == 400
    assert message in page_text(response)
    assert 'value="Mon support"' in response.content.decode()
    assert not Resource.objects.exists()


def test_a_speaker_cannot_attach_slides_to_a_session_that_is_not_theirs(organization):
    event = make_event(organization, sessions_per_day=2)
    speaker, session = add_speaker_to_session(event)
    other = event.sessions.exclude(id=session.id).get()

    with pytest.raises(ResourceError, match="l'une de vos séances"):
        services.upload_by_speaker(speaker=speaker, title="x", file=pdf_upload(), session=other, language="fr")


def test_an_oversized_upload_is_refused_with_its_size(settings, organization):
    settings.DOCUMENT_MAX_BYTES = 1000
    event = make_event(organization)

    with pytest.raises(ResourceError, match="la limite est de"):
        services.add_resource(event=event, kind=ResourceKind.SLIDES, title="Lourd", file=pdf_upload("x" * 3000))


def test_the_organiser_approves_and_the_slides_show_on_the_event_page(client, alice, organization):
    event = make_event(organization)
    speaker, _session = add_speaker_to_session(event)
    resource = services.upload_by_speaker(speaker=speaker, title="Le DSL en pratique", file=pdf_upload(), language="fr")
    client.force_login(alice)

    client.post(f"/gestion/ressources/{resource.id}/approuver/")
    client.logout()

    resource.refresh_from_db()
    assert resource.status == ResourceStatus.APPROVED
    page = page_text(client.get(event.get_absolute_url()))
    assert "Le DSL en pratique" in page
    download = client.get(f"/ressources/{resource.id}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Security-Policy"].startswith("sandbox")


def test_a_registered_only_resource_reaches_confirmed_participants_and_organisers_only(
    client, alice, charlie, organization
):
    from tests import factories

    event = make_event(organization)
    resource = services.add_resource(
        event=event,
        kind=ResourceKind.SYNTHESIS,
        title="Synthèse réservée",
        file=docx_upload(),
        visibility=ResourceVisibility.REGISTERED,
    )
    participant = factories.make_user("inscrite@example.org")
    register(event, email=participant.email)
    url = f"/ressources/{resource.id}/"

    assert client.get(url).status_code == 404
    assert "Synthèse réservée" not in page_text(client.get(event.get_absolute_url()))
    client.force_login(charlie)
    assert client.get(url).status_code == 404
    client.force_login(participant)
    assert "Synthèse réservée" in page_text(client.get(event.get_absolute_url()))
    assert client.get(url).status_code == 200
    client.force_login(alice)
    assert client.get(url).status_code == 200


def test_the_private_resource_never_enters_the_page_a_stranger_gets_after_a_participant(client, organization):
    """The event page caches fragments: a participant's visit must not leave the private list for the next one."""
    from tests import factories

    event = make_event(organization)
    services.add_resource(
        event=event,
        kind=ResourceKind.READING,
        title="Lecture réservée",
        url="https://example.org/lecture",
        visibility=ResourceVisibility.REGISTERED,
    )
    participant = factories.make_user("inscrit@example.org")
    register(event, email=participant.email)
    client.force_login(participant)
    assert "Lecture réservée" in page_text(client.get(event.get_absolute_url()))
    client.logout()

    assert "Lecture réservée" not in page_text(client.get(event.get_absolute_url()))


def test_a_recording_is_a_link_and_a_link_or_a_file_is_required(organization):
    event = make_event(organization)

    with pytest.raises(ResourceError, match="par son lien"):
        services.add_resource(event=event, kind=ResourceKind.RECORDING, title="Vidéo", file=pdf_upload())
    with pytest.raises(ResourceError, match="l'un des deux"):
        services.add_resource(event=event, kind=ResourceKind.READING, title="Rien")
    recording = services.add_resource(
        event=event, kind=ResourceKind.RECORDING, title="Vidéo", url="https://example.org/v"
    )
    assert recording.get_absolute_url() == "https://example.org/v"


def test_the_text_of_pdfs_and_office_files_is_read_for_search(organization):
    event = make_event(organization)

    pdf = services.add_resource(
        event=event, kind=ResourceKind.SLIDES, title="a", file=pdf_upload("Les solidarités de proximité")
    )
    docx = services.add_resource(event=event, kind=ResourceKind.READING, title="b", file=docx_upload())

    assert "solidarités de proximité" in pdf.text
    assert docx.text.splitlines() == ["Premier paragraphe", "L'accueil inconditionnel"]


def test_a_scanned_pdf_is_kept_without_text(organization):
    import typst

    scan = SimpleUploadedFile("scan.pdf", typst.compile(b"#rect(width: 5cm, height: 5cm, fill: black)"))

    resource = services.add_resource(
        event=make_event(organization), kind=ResourceKind.PROGRAMME, title="Scan", file=scan
    )

    assert resource.text == "" and resource.file_type == "PDF"


def test_the_back_office_refuses_a_form_without_file_nor_link_in_french(client, alice, organization):
    event = make_event(organization)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/ressources/",
        {"kind": ResourceKind.READING, "title": "Sans rien", "language": "fr", "visibility": "public"},
    )

    assert response.status_code == 400
    assert "Joignez un fichier ou indiquez un lien" in page_text(response)


def test_another_organisation_cannot_manage_the_resources(client, charlie, organization):
    event = make_event(organization)
    resource = services.add_resource(event=event, kind=ResourceKind.READING, title="x", url="https://example.org")
    client.force_login(charlie)

    assert client.get(f"/gestion/evenements/{event.id}/ressources/").status_code == 404
    assert client.post(f"/gestion/ressources/{resource.id}/supprimer/").status_code == 404
    assert Resource.objects.filter(id=resource.id).exists()


def test_the_organiser_page_lists_each_speakers_upload_link(client, alice, organization):
    event = make_event(organization)
    speaker, _session = add_speaker_to_session(event)
    client.force_login(alice)

    page = page_text(client.get(f"/gestion/evenements/{event.id}/ressources/"))

    import re

    tokens = re.findall(r"/intervenants/depot/([^/<\s]+)/", page)
    assert [links.speaker_from_token(token) for token in tokens] == [speaker]
