"""Reading files: formats, structure hints, and the bounds that protect the server."""

import io
import time
import zlib

import pypdf
import pytest
import typst
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from rencontres.announcements import pdf_text, reading
from rencontres.announcements.reading import UnreadableAnnouncement, read_bytes


def pdf_from_typst(source: str) -> bytes:
    return typst.compile(source.encode())


def test_html_keeps_headings_lists_and_table_rows():
    html = b"<html><body><h1>Titre</h1><ul><li>un</li><li>deux</li></ul><table><tr><td>9h</td><td>Accueil</td></tr></table></body></html>"
    text = read_bytes(html, "page.html")
    assert "# Titre" in text
    assert "- un\n- deux" in text
    assert "9h | Accueil" in text


def test_html_scripts_and_styles_are_dropped():
    html = (
        b"<html><head><style>p{color:red}</style></head><body><p>Annonce</p><script>alert('x')</script></body></html>"
    )
    text = read_bytes(html, "page.html")
    assert "alert" not in text and "color" not in text
    assert "Annonce" in text


def test_html_link_targets_are_kept_for_registration_urls():
    text = read_bytes(b'<p><a href="https://example.org/inscription">S\'inscrire</a></p>', "page.html")
    assert "https://example.org/inscription" in text


def test_nested_html_is_read_without_recursion_error():
    html = b"<div>" * 900 + b"Annonce du 3 mai 2024" + b"</div>" * 900
    assert "Annonce du 3 mai 2024" in read_bytes(html, "page.html")


def test_html_nested_beyond_reason_is_refused_before_parsing():
    html = b"<div>" * 200_000 + b"Annonce du 3 mai 2024" + b"</div>" * 200_000
    with pytest.raises(UnreadableAnnouncement, match="trop longue à lire"):
        read_bytes(html, "page.html")


def test_unclosed_paragraphs_and_list_items_do_not_count_as_nesting():
    html = b"<ul>" + b"<li>atelier" * 5_000 + b"</ul>" + b"<p>Annonce du 3 mai 2024" * 2_000
    assert "Annonce du 3 mai 2024" in read_bytes(html, "page.html")


def test_html_detected_from_content_even_with_a_txt_suffix():
    text = read_bytes(b"<!DOCTYPE html><html><body><h2>Journ\xc3\xa9e</h2></body></html>", "annonce.txt")
    assert text.strip() == "## Journée"


def test_windows_1252_text_is_decoded():
    assert "Journée" in read_bytes("Journée d'étude".encode("cp1252"), "annonce.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\n  ", b"--- ** --- !!"])
def test_empty_documents_are_refused(data):
    with pytest.raises(UnreadableAnnouncement):
        read_bytes(data, "vide.txt")


def test_binary_and_unknown_formats_are_refused_in_french():
    with pytest.raises(UnreadableAnnouncement, match="Format non reconnu"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "affiche.png")
    with pytest.raises(UnreadableAnnouncement, match="non pris en charge"):
        read_bytes(b"du texte", "annonce.docx")


def test_oversized_files_are_refused_before_reading(tmp_path):
    path = tmp_path / "enorme.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(UnreadableAnnouncement, match="pèse 52,4\u00a0Mo : la limite est de 10,0\u00a0Mo"):
        reading.read_path(path)


def test_the_size_said_is_the_size_of_the_file_and_agrees_with_the_limit():
    with pytest.raises(UnreadableAnnouncement) as refused:
        read_bytes(b"a" * 11_000_000, "annonce.txt")
    assert "pèse 11,0\u00a0Mo : la limite est de 10,0\u00a0Mo" in refused.value.message


def test_two_column_pdf_is_read_column_by_column():
    pdf = pdf_from_typst(
        '#set page(columns: 2)\n#set text(lang: "fr")\n'
        + "Colonne gauche premier. " * 30
        + "FINGAUCHE\n#colbreak()\nDEBUTDROITE "
        + "Colonne droite. " * 30
    )
    text = read_bytes(pdf, "annonce.pdf")
    assert text.index("FINGAUCHE") < text.index("DEBUTDROITE")
    assert "Colonne gauche premier. Colonne droite" not in text


def test_pdf_headings_are_marked():
    pdf = pdf_from_typst(
        "#text(size: 24pt)[Grand titre]\n\nUn paragraphe de texte ordinaire, assez long pour être le corps."
    )
    assert read_bytes(pdf, "a.pdf").startswith("# Grand titre")


def test_pdf_without_text_layer_is_refused_as_a_scan():
    pdf = pdf_from_typst("#rect(width: 100%, height: 50%, fill: luma(200))")
    with pytest.raises(UnreadableAnnouncement, match="scanné"):
        read_bytes(pdf, "scan.pdf")


def test_pdf_bomb_is_refused():
    """A content stream of a few hundred kB that inflates to 200 MB."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(200, 200)
    stream = StreamObject()
    stream.set_data(zlib.compress(b" " * 200_000_000, 9))
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableAnnouncement):
        read_bytes(buffer.getvalue(), "bombe.pdf")


def test_truncated_pdf_is_refused_in_french():
    pdf = pdf_from_typst("Annonce du 3 mai 2024")
    with pytest.raises(UnreadableAnnouncement, match="PDF"):
        read_bytes(pdf[: len(pdf) // 3], "coupe.pdf")


def test_too_many_pages_are_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_PDF_PAGES", 2)
    pdf = pdf_from_typst("Page un\n#pagebreak()\nPage deux\n#pagebreak()\nPage trois")
    with pytest.raises(UnreadableAnnouncement, match="trop de pages"):
        read_bytes(pdf, "long.pdf")


def heavy_one_page_pdf(operators: int) -> bytes:
    """One page whose content stream shows one letter at a time, `operators` times (small once compressed)."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(200, 200)
    stream = StreamObject()
    stream.set_data(zlib.compress(b"BT /F1 12 Tf 10 10 Td " + b"(a) Tj " * operators + b"ET", 9))
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_page_that_would_hold_a_worker_is_stopped_at_the_time_limit(monkeypatch):
    monkeypatch.setattr(pdf_text, "TIME_LIMIT_SECONDS", 1)
    pdf = heavy_one_page_pdf(1_500_000)
    started = time.monotonic()

    with pytest.raises(UnreadableAnnouncement, match="trop long à lire"):
        read_bytes(pdf, "lourd.pdf")
    assert time.monotonic() - started < 2.5
