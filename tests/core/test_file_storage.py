"""Uploaded and generated files go through Django's storage API only, so object storage can hold them.

RENCONTRES_STORAGE_URL is read into STORAGES["default"]; then one upload path of each kind
(an event document, a speaker's resource, a generated certificate) is stored and served back
with a storage that has no folder at all (Django's InMemoryStorage): any code left reading a
file by its path would fail there, as it would on S3 or on another app server.
"""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import InMemoryStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from rencontres.certificates.models import Certificate
from rencontres.resources import links
from rencontres.resources.models import Resource
from rencontres.settings import file_storage
from tests import factories
from tests.certificates.builders import finished_last_week
from tests.conftest import REQUIRE_REAL_PARTS
from tests.resources.builders import add_speaker_to_session, pdf_upload

S3 = "storages.backends.s3.S3Storage"


@pytest.fixture
def django_storages():
    """django-storages and boto3 (requirements/test.txt has them): skipped in an older venv, a failure in CI."""
    from importlib.util import find_spec

    if find_spec("storages") and find_spec("boto3"):
        return
    if REQUIRE_REAL_PARTS:
        pytest.fail("django-storages[s3] is missing: CI installs requirements/test.txt, which has it")
    pytest.skip("django-storages[s3] is not installed here: pip install -r requirements/test.txt")


def test_without_an_address_files_stay_in_the_media_folder():
    assert file_storage("") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_an_s3_address_gives_a_private_bucket_that_never_replaces_a_file(django_storages):
    storage = file_storage("s3://rencontres-fichiers/prod?endpoint_url=https://s3.fr-par.scw.cloud&region=fr-par")

    assert storage["BACKEND"] == S3
    assert storage["OPTIONS"] == {
        "bucket_name": "rencontres-fichiers",
        "location": "prod",
        "endpoint_url": "https://s3.fr-par.scw.cloud",
        "region_name": "fr-par",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
    }
    assert file_storage("s3://fichiers?addressing_style=path")["OPTIONS"]["addressing_style"] == "path"


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://fichiers.example.org/", "n'est pas comprise"),
        ("s3://", "n'est pas comprise"),
        ("s3://CLE:SECRET@fichiers", "jamais dans l'adresse"),
        ("s3://fichiers?regoin=fr-par", "'regoin' n'est pas compris"),
        ("s3://fichiers?region=", "'region' n'est pas compris"),
        ("s3://fichiers?endpoint_url=s3.fr-par.scw.cloud", "doit commencer par https://"),
        ("s3://fichiers?addressing_style=sideways", "path, virtual ou auto"),
    ],
)
def test_a_malformed_storage_address_stops_the_start_in_french(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        file_storage(url)


def test_without_django_storages_installed_an_s3_address_says_what_to_install(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "storages" else real(name))

    with pytest.raises(ImproperlyConfigured, match="requirements/s3.txt"):
        file_storage("s3://fichiers")


def test_the_s3_options_build_django_storages_s3_storage_without_reaching_the_network(django_storages, monkeypatch):
    # Keys from the environment, as in production: botocore then never asks a metadata service.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    from storages.backends.s3 import S3Storage

    options = file_storage("s3://fichiers/instance-a?endpoint_url=https://s3.example.test&region=fr-par")["OPTIONS"]
    storage = S3Storage(**options)

    assert (storage.bucket_name, storage.location, storage.file_overwrite) == ("fichiers", "instance-a", False)
    url = storage.url("documents/programme.pdf")  # signed locally
    assert url.startswith("https://s3.example.test/fichiers/instance-a/documents/programme.pdf?")
    assert "Signature=" in url or "X-Amz-Signature=" in url


def _rencontres(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RENCONTRES_", "DJANGO_", "AWS_"))}
    environment |= {"RENCONTRES_DATA_DIR": str(tmp_path), "RENCONTRES_DEBUG": "1", **env}
    command = [sys.executable, "-m", "rencontres.cli", *args]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)


def test_the_site_started_with_an_s3_address_stores_files_in_that_bucket(django_storages, tmp_path):
    shown = "from django.core.files.storage import storages; s = storages['default']; print(type(s).__name__, s.bucket_name, s.location)"

    result = _rencontres(
        tmp_path,
        "shell",
        "-c",
        shown,
        RENCONTRES_STORAGE_URL="s3://rencontres-fichiers/instance-a?endpoint_url=https://s3.example.test",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["S3Storage", "rencontres-fichiers", "instance-a"]


def test_the_site_refuses_to_start_with_a_malformed_storage_address_in_french(tmp_path):
    result = _rencontres(tmp_path, "check", RENCONTRES_STORAGE_URL="/srv/partage/fichiers")

    assert result.returncode != 0
    assert "RENCONTRES_STORAGE_URL='/srv/partage/fichiers' n'est pas comprise" in result.stderr
    assert "Traceback" not in result.stderr


IN_MEMORY = {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def in_memory(settings, tmp_path):
    """Files in memory only; MEDIA_ROOT points at a folder that must stay empty."""
    media = tmp_path / "media-never-written"
    with override_settings(STORAGES={**settings.STORAGES, **IN_MEMORY}, MEDIA_ROOT=media):
        yield media
    assert not media.exists(), "a file was written to MEDIA_ROOT behind the storage's back"


def _stored_in_memory(field_file) -> bytes:
    """The bytes the in-memory storage holds under the field's name."""
    storage = storages["default"]
    assert isinstance(storage, InMemoryStorage)
    with storage.open(field_file.name, "rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_an_event_document_uploaded_then_downloaded_with_object_storage(client, alice, organization, in_memory):
    event = factories.make_event(organization, title="Séminaire")
    content = b"%PDF-1.4 programme de la journee"
    client.force_login(alice)

    client.post(
        f"/gestion/evenements/{event.id}/documents/",
        {
            "document-title": "Programme",
            "document-kind": "programme",
            "document-file": SimpleUploadedFile("Programme.pdf", content, content_type="application/pdf"),
            "document-is_public": "on",
        },
    )
    client.logout()

    document = event.documents.get()
    assert _stored_in_memory(document.file) == content
    response = client.get(f"/documents/{document.id}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_a_speakers_resource_uploaded_then_downloaded_with_object_storage(client, alice, organization, in_memory):
    event = factories.make_event(organization, title="Séminaire")
    speaker, session = add_speaker_to_session(event)
    upload = pdf_upload("Le développement social local")
    content = upload.read()
    upload.seek(0)

    client.post(
        links.speaker_upload_path(speaker),
        {"title": "Le DSL en pratique", "session": session.id, "language": "fr", "file": upload},
    )
    resource = Resource.objects.get()
    client.force_login(alice)
    client.post(f"/gestion/ressources/{resource.id}/approuver/")
    client.logout()

    assert "développement social local" in Resource.objects.get().text  # read back from storage for search
    response = client.get(f"/ressources/{resource.id}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_a_certificate_pdf_generated_then_downloaded_with_object_storage(
    client, alice, organization, in_memory, django_capture_on_commit_callbacks
):
    event, *_ = finished_last_week(organization, people=1)
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/gestion/evenements/{event.id}/attestations/delivrer/")

    certificate = Certificate.objects.filter(event=event).first()
    stored = _stored_in_memory(certificate.pdf)
    assert stored.startswith(b"%PDF")
    download = client.get(f"/gestion/attestations/{certificate.id}.pdf")
    assert download.status_code == 200 and download.content == stored
