"""What an uploaded file really is, read from its content (never from its name), with bounded work.

Office documents are ZIP archives: their entries' declared sizes are read from the central
directory first, and at most a few hundred bytes are ever decompressed, so a "zip bomb" (a
small archive that inflates to gigabytes) costs nothing to refuse.
"""

import zipfile
from dataclasses import dataclass

# An archive whose entries declare more than this, uncompressed, is not a document anyone wrote.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
# Office documents compress text well, but not a thousandfold.
MAX_COMPRESSION_RATIO = 200
MAX_ARCHIVE_ENTRIES = 5_000
TEXT_SAMPLE_BYTES = 64 * 1024


@dataclass(frozen=True)
class FileKind:
    label: str  # shown to people: « PDF », « DOCX »…
    content_type: str
    shown_inline: bool  # PDF and images open in the browser; anything else is downloaded


PDF = FileKind("PDF", "application/pdf", True)
PNG = FileKind("PNG", "image/png", True)
JPEG = FileKind("JPEG", "image/jpeg", True)
TEXT = FileKind("TXT", "text/plain; charset=utf-8", False)
DOCX = FileKind("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", False)
XLSX = FileKind("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False)
PPTX = FileKind("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", False)
ODT = FileKind("ODT", "application/vnd.oasis.opendocument.text", False)
ODS = FileKind("ODS", "application/vnd.oasis.opendocument.spreadsheet", False)
ODP = FileKind("ODP", "application/vnd.oasis.opendocument.presentation", False)
KINDS = {kind.label: kind for kind in (PDF, PNG, JPEG, TEXT, DOCX, XLSX, PPTX, ODT, ODS, ODP)}
# Anything else (older uploads, unknown labels) is served as opaque bytes, to be downloaded.
UNKNOWN = FileKind("", "application/octet-stream", False)

OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
OPENDOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}


class ArchiveTooLarge(Exception):
    """An office document whose archive would inflate beyond reason (a zip bomb)."""


def kind_of_label(label: str) -> FileKind:
    return KINDS.get(label, UNKNOWN)


def sniff(uploaded) -> FileKind | None:
    """The kind of an uploaded file from its first bytes, None if it is none of the accepted kinds.

    Raises ArchiveTooLarge for an office document that declares absurd uncompressed sizes.
    """
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _archive_kind(uploaded)
        return _text_kind(uploaded)
    finally:
        uploaded.seek(0)


def _archive_kind(uploaded) -> FileKind | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
            _refuse_bombs(entries)
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" in names:
                return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= 100:
                with archive.open("mimetype") as entry:
                    return OPENDOCUMENT_TYPES.get(entry.read(100).strip())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, RuntimeError, ValueError):
        return None
    return None


def _refuse_bombs(entries: list[zipfile.ZipInfo]) -> None:
    """Declared sizes only: nothing is decompressed to decide."""
    if len(entries) > MAX_ARCHIVE_ENTRIES:
        raise ArchiveTooLarge
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ArchiveTooLarge
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1):
            raise ArchiveTooLarge


def _text_kind(uploaded) -> FileKind | None:
    """Plain text in UTF-8 or Windows-1252, but never markup a browser would run (HTML, SVG, XML)."""
    sample = uploaded.read(TEXT_SAMPLE_BYTES)
    if not sample or b"\x00" in sample:
        return None
    if sum(1 for byte in sample if byte < 9 or 13 < byte < 32) > len(sample) // 100:
        return None
    start = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<") or b"<script" in sample.lower() or b"<html" in sample.lower():
        return None
    return TEXT
