"""The printable programme, typeset with Typst (no system library needed)."""

import json
from pathlib import Path

import typst
from django.utils.translation import gettext as _

from rencontres.core import formatting

from .enums import SessionMode
from .selectors import EventProgramme

TEMPLATE = Path(__file__).with_name("typst") / "programme.typ"


def programme_data(programme: EventProgramme) -> dict:
    """Everything the Typst template prints, already formatted in French."""
    event = programme.event
    days = []
    for day, sessions in programme.days:
        label = formatting.format_day(day.date, month_only=day.is_month_only)
        days.append(
            {
                "label": f"{label} — {day.title}" if day.title else label,
                "sessions": [
                    {
                        "time": formatting.format_time_range(s.start_time, s.end_time),
                        "title": s.title,
                        "details": " · ".join(
                            p
                            for p in [
                                s.get_mode_display() if s.mode != SessionMode.ON_SITE else "",
                                _("ouverte au public") if s.is_open_to_public else "",
                                s.venue.name if s.venue else "",
                            ]
                            if p
                        ),
                        "speakers": ", ".join(link.speaker.name for link in s.session_speakers.all()),
                    }
                    for s in sessions
                ],
            }
        )
    venues = programme.venues
    contact = " · ".join(p for p in [event.contact_name, event.contact_email, event.contact_phone] if p)
    return {
        "title": event.title,
        "subtitle": event.subtitle,
        "format": event.get_format_display(),
        "organization": event.organization.name,
        "dates": formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months),
        "place": venues[0].city if venues and venues[0].city else event.commune,
        "cancelled": event.is_cancelled,
        "days": days,
        "speakers": [{"name": s.name, "affiliation": s.affiliation} for s in programme.speakers],
        "prices": [
            {"label": t.label, "amount": formatting.format_euros(t.amount_cents), "includes": t.includes}
            for t in programme.price_tiers
        ],
        "vat_note": event.organization.vat_note,
        "venues": [{"name": v.name, "address": v.address_line, "access": v.transport_access} for v in venues],
        "contact": contact,
        "labels": {
            "page": _("page"),
            "cancelled": _("Événement annulé"),
            "speakers": _("Intervenants"),
            "prices": _("Tarifs"),
            "venues": _("Lieux"),
            "contact": _("Contact"),
        },
    }


def render_programme(programme: EventProgramme) -> bytes:
    return typst.compile(TEMPLATE.read_bytes(), sys_inputs={"data": json.dumps(programme_data(programme))})
