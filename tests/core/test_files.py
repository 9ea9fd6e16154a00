"""Uploaded files are known by their content, and archives are judged by their declared sizes."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.core import files


def archive(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as zip_file:
        for name, content in entries.items():
            zip_file.writestr(name, content)
    return SimpleUploadedFile("document", buffer.getvalue())


@pytest.mark.parametrize(
    "entries, label",
    [
        ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}, "DOCX"),
        ({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}, "XLSX"),
        ({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}, "PPTX"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"}, "ODT"),
        ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<o/>"}, "ODS"),
        ({"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": b"<o/>"}, "ODP"),
    ],
)
def test_office_documents_are_known_from_their_inside(entries, label):
    assert files.sniff(archive(entries)).label == label


@pytest.mark.parametrize(
    "content, label",
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"\xff\xd8\xff\xe0....", "JPEG"),
        ("Programme de la journée\n9 h : accueil".encode(), "TXT"),
    ],
)
def test_pdf_images_and_plain_text_are_known_from_their_first_bytes(content, label):
    assert files.sniff(SimpleUploadedFile("x.bin", content)).label == label


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b"  \n<!DOCTYPE html><p>programme</p>",
        b"Programme\n<script>fetch('/gestion/')</script>",
        b"MZ\x90\x00\x03\x00\x00\x00",
        b"PK\x03\x04 not really an archive",
    ],
)
def test_markup_a_browser_would_run_and_binaries_are_none_of_the_accepted_kinds(content):
    assert files.sniff(SimpleUploadedFile("programme.pdf", content)) is None


def test_an_odt_whose_mimetype_entry_is_a_zip_bomb_is_refused_without_inflating_it():
    bomb = archive({"mimetype": b"0" * 300_000_000, "content.xml": b"<o/>"})
    started = time.perf_counter()

    with pytest.raises(files.ArchiveTooLarge):
        files.sniff(bomb)
    assert time.perf_counter() - started < 1


def test_a_docx_whose_document_inflates_a_thousandfold_is_refused():
    bomb = archive({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * 50_000_000})

    with pytest.raises(files.ArchiveTooLarge):
        files.sniff(bomb)
