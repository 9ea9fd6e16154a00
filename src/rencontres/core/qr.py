"""QR codes as SVG (segno, no image library): projected in the room, printed on sheets and certificates."""

import io

import segno


def qr_svg(url: str, *, title: str = "QR code", mask: int | None = None) -> str:
    """An SVG QR code for a link, with a title read by screen readers.

    `mask`: a fixed mask pattern (0-7) skips segno's search for the best one, which is nine
    tenths of its time (23 ms a code); any mask is valid to every reader, the best one only
    avoids patterns that are harder to scan. Papers printed by the dozen use one.
    """
    buffer = io.BytesIO()
    code = segno.make(url, error="m", mask=mask, micro=False)
    code.save(buffer, kind="svg", scale=8, border=2, xmldecl=False, svgns=True, title=title)
    return buffer.getvalue().decode()
