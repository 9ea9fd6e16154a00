"""The text of an uploaded resource, for search: bounded as the announcement importer reads.

PDFs go through the importer's reader (announcements.reading.pdf_to_text: a child process
with a time and memory limit). Office documents are ZIP archives of XML: core.files has
already refused archives whose declared sizes are absurd, and here at most
MAX_PART_BYTES of each part that holds text is inflated. A file whose text cannot be read
(a scanned PDF, a damaged archive) is still a resource: it is found by its title only.
"""

import html
import re
import zipfile

from rencontres.announcements import reading
from rencontres.core import files

MAX_CHARS = 200_000
MAX_PART_BYTES = 5 * 1024 * 1024
MAX_PARTS = 300

# Where each office format keeps its text.
_TEXT_PARTS = {
    "DOCX": re.compile(r"word/(document|footnotes|endnotes)\.xml"),
    "PPTX": re.compile(r"ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml"),
    "XLSX": re.compile(r"xl/sharedStrings\.xml"),
    "ODT": re.compile(r"content\.xml"),
    "ODS": re.compile(r"content\.xml"),
    "ODP": re.compile(r"content\.xml"),
}
# Ends of paragraphs, slides' text runs and cells become line breaks; other tags vanish.
_BREAKS = re.compile(r"</(?:w:p|a:p|text:p|text:h|si)>|<(?:w:br|w:tab|text:line-break|text:tab)\b[^>]*/?>")
_TAGS = re.compile(r"<[^>]+>")


def extract_text(data: bytes, kind: files.FileKind) -> str:
    """The document's text, at most MAX_CHARS; an empty string when it has none that can be read."""
    if kind is files.PDF:
        try:
            text = reading.pdf_to_text(data)
        except reading.UnreadableAnnouncement:
            return ""
        return text[:MAX_CHARS]
    if kind is files.TEXT:
        return reading.decode_text(data)[:MAX_CHARS]
    parts = _TEXT_PARTS.get(kind.label)
    if parts is None:
        return ""
    return _office_text(data, parts)


def _office_text(data: bytes, parts: re.Pattern) -> str:
    import io

    chunks: list[str] = []
    length = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = sorted((n for n in archive.namelist() if parts.fullmatch(n)), key=_natural)[:MAX_PARTS]
            for name in names:
                with archive.open(name) as part:
                    xml = part.read(MAX_PART_BYTES).decode("utf-8", errors="replace")
                text = html.unescape(_TAGS.sub("", _BREAKS.sub("\n", xml)))
                text = re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", text)).strip()
                chunks.append(text)
                length += len(text)
                if length >= MAX_CHARS:
                    break
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, RuntimeError, ValueError):
        return ""
    return "\n".join(chunks)[:MAX_CHARS]


def _natural(name: str) -> tuple:
    """slide2 before slide10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))
