"""Stand-in documents the demo's invented people hand in: a one-page PDF with a few lines of text.

Written by hand (the PDF 1.4 objects, one Helvetica font): a hundred of them cost nothing, where
typesetting each with typst would slow `load_demo`. Nothing in them is real.
"""

from django.core.files.base import ContentFile


def _escaped(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(lines: list[str], *, name: str) -> ContentFile:
    """An A4 page with these lines, the first one larger: a valid PDF any viewer opens."""
    text = [b"BT /F1 16 Tf 72 770 Td (" + _escaped(lines[0]) + b") Tj /F1 11 Tf"]
    text += [b"0 -22 Td (" + _escaped(line) + b") Tj" for line in lines[1:]]
    stream = b"\n".join([*text, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    content, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(content))
        content += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(content)
    content += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    content += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    content += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return ContentFile(content, name=name)
