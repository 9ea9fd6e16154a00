"""Signatures drawn with a finger or a mouse, kept as the strokes' points, drawn back as SVG.

The pad (static/attendance/signature-pad.js) posts the strokes as "M x y L x y ... M x y ..."
in a 400 × 150 box. Nothing else is accepted, so what is stored can never carry markup, and
the SVG shown is written here, not taken from the browser.
"""

import re

from django.utils.html import format_html

WIDTH, HEIGHT = 400, 150
MAX_LENGTH = 40_000
_STROKES = re.compile(r"(?:[ML]\d{1,3} \d{1,3} ?)+")
_POINT = re.compile(r"([ML])(\d{1,3}) (\d{1,3})")


def clean_signature(value: str) -> str | None:
    """The strokes in canonical form, or None if the value is empty, malformed or a mere dot."""
    value = " ".join((value or "").split())
    if not value or len(value) > MAX_LENGTH or not _STROKES.fullmatch(value + " "):
        return None
    points = [(kind, int(x), int(y)) for kind, x, y in _POINT.findall(value)]
    if points[0][0] != "M" or any(x > WIDTH or y > HEIGHT for _, x, y in points):
        return None
    xs, ys = {x for _, x, _ in points}, {y for _, _, y in points}
    if len(points) < 3 or (max(xs) - min(xs) < 10 and max(ys) - min(ys) < 10):
        return None  # a tap, not a signature
    return " ".join(f"{kind}{x} {y}" for kind, x, y in points)


def signature_svg(strokes: str, *, height: int = 40) -> str:
    """The signature as an inline SVG image, `height` pixels high."""
    if not strokes:
        return ""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" height="{}" role="img" aria-label="signature">'
        '<path d="{}" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" '
        'stroke-linejoin="round"/></svg>',
        WIDTH,
        HEIGHT,
        height,
        strokes,
    )
