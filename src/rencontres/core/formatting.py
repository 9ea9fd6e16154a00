"""French formatting of money, sizes, dates and times: used only at the edges (pages, PDFs, emails)."""

import datetime as dt

from django.utils import formats
from django.utils.translation import gettext as _

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"


def format_euros(amount_cents: int) -> str:
    """850,00 € → « 850 € »; 150050 → « 1 500,50 € » (French grouping, no useless decimals)."""
    euros, cents = divmod(int(amount_cents), 100)
    grouped = f"{euros:,}".replace(",", NARROW_NBSP)
    if cents:
        return f"{grouped},{cents:02d}{NBSP}€"
    return f"{grouped}{NBSP}€"


def format_file_size(size_bytes: int) -> str:
    """Sizes as French sites write them: « 163,9 ko », « 2,4 Mo » (1 ko = 1 000 octets)."""
    if size_bytes < 1000:
        return _("%(n)s octets") % {"n": size_bytes}
    for unit, factor in (("ko", 1000), ("Mo", 1000**2), ("Go", 1000**3)):
        value = size_bytes / factor
        if value < 1000 or unit == "Go":
            return f"{value:.1f}".replace(".", ",") + f"{NBSP}{unit}"
    raise AssertionError("unreachable")


def format_time(value: dt.time | None) -> str:
    """9:00 → « 9 h », 10:45 → « 10 h 45 »."""
    if value is None:
        return ""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


def format_time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return _("%(start)s – %(end)s") % {"start": format_time(start), "end": format_time(end)}
    if start:
        return format_time(start)
    return ""


def format_day(date: dt.date, *, month_only: bool = False) -> str:
    """« mardi 12 octobre 2021 », or « novembre 2020 » when only the month is known."""
    if month_only:
        return formats.date_format(date, "F Y")
    return f"{formats.date_format(date, 'l')} {_day_of_month(date)} {formats.date_format(date, 'F Y')}"


def _day_of_month(date: dt.date) -> str:
    """French writes the first of a month « 1er » (« du 1er au 3 novembre »), every other day as a number."""
    return "1er" if date.day == 1 else str(date.day)


def _day_month(date: dt.date) -> str:
    return f"{_day_of_month(date)} {formats.date_format(date, 'F')}"


def _day_month_year(date: dt.date) -> str:
    return f"{_day_of_month(date)} {formats.date_format(date, 'F Y')}"


def format_announced_period(period: str, *, is_over: bool = False) -> str:
    """« 2e semestre 2011 · dates et lieux à venir », for an event announced before its dates are known.

    Once the period went by without dates, nothing is « à venir » any more: « 2e semestre 2011 ·
    dates et lieux non publiés ».
    """
    if is_over:
        return _("%(period)s · dates et lieux non publiés") % {"period": period}
    return _("%(period)s · dates et lieux à venir") % {"period": period}


def format_date_range(start: dt.date | None, end: dt.date | None, *, months_only: bool = False) -> str:
    """« du 12 au 13 octobre 2021 »; a long training known by months: « de novembre 2020 à juin 2021 »."""
    if start is not None and months_only:
        if end is None or (start.year, start.month) == (end.year, end.month):
            return formats.date_format(start, "F Y")
        return _("de %(start)s à %(end)s") % {
            "start": formats.date_format(start, "F Y"),
            "end": formats.date_format(end, "F Y"),
        }
    if start is None:
        return _("dates à venir")
    if end is None or end == start:
        return format_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return _("du %(start)s au %(end)s") % {"start": _day_of_month(start), "end": _day_month_year(end)}
    if start.year == end.year:
        return _("du %(start)s au %(end)s") % {"start": _day_month(start), "end": _day_month_year(end)}
    return _("du %(start)s au %(end)s") % {"start": _day_month_year(start), "end": _day_month_year(end)}


def format_hours(hours) -> str:
    """A duration in hours as papers write it: 90 → « 90 h », 10.5 → « 10 h 30 » (never « 90,0 » nor « heures »)."""
    if hours is None:
        return ""
    total_minutes = round(float(hours) * 60)
    whole, minutes = divmod(total_minutes, 60)
    if minutes:
        return f"{whole}{NBSP}h{NBSP}{minutes:02d}"
    return f"{whole}{NBSP}h"
