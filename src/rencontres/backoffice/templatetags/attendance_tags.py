from django import template

from rencontres.attendance.signatures import signature_svg

register = template.Library()


@register.filter
def signature(strokes: str, height: int = 40) -> str:
    """A stored signature drawn as SVG (the strokes were validated before they were stored)."""
    return signature_svg(strokes, height=height)


@register.filter
def status_label(value: str) -> str:
    """The French label of a stored attendance status (as kept in the corrections journal)."""
    from rencontres.attendance.enums import AttendanceStatus

    return AttendanceStatus(value).label if value in AttendanceStatus.values else value
