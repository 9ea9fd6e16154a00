"""QR codes as SVG (segno, no image library): projected in the room, printed on sheets and certificates."""

import io

import segno


def qr_svg(url: str, *, title: str = "QR code") -> str:
    """An SVG QR code for a link, with a title read by screen readers."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=2, xmldecl=False, svgns=True, title=title)
    return buffer.getvalue().decode()
