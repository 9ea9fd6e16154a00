"""The workshop's restitution as a PDF, typeset with Typst (data as JSON, never read as markup)."""

import json
from pathlib import Path

import typst
from django.utils.translation import gettext as _

from rencontres.core import formatting

from . import selectors
from .models import Workshop

TEMPLATE = Path(__file__).with_name("typst") / "restitution.typ"


def restitution_data(workshop: Workshop) -> dict:
    event = workshop.event
    session = workshop.session
    return {
        "title": session.title,
        "event": event.title,
        "organization": event.organization.name,
        "date": formatting.format_day(session.day.date, month_only=session.day.is_month_only),
        "intro": workshop.restitution_intro,
        "workstreams": [
            {
                "title": s.workstream.title,
                "question": s.workstream.question,
                "text": s.text,
                "retained": [
                    {"text": item.contribution.text, "votes": _("%(n)s gommette(s)") % {"n": item.votes}}
                    for item in s.retained
                ],
                "steps": [
                    {
                        "action": step.action,
                        "owner": step.owner,
                        "due": formatting.format_day(step.due_on) if step.due_on else "",
                    }
                    for step in s.next_steps
                ],
            }
            for s in selectors.restitution(workshop)
        ],
        "labels": {
            "page": _("page"),
            "restitution": _("Restitution de l'atelier"),
            "question": _("Question"),
            "retained": _("Contributions retenues"),
            "steps": _("Suites à donner"),
            "owner": _("par"),
            "due": _("pour le"),
        },
    }


def render_restitution(workshop: Workshop) -> bytes:
    return typst.compile(TEMPLATE.read_bytes(), sys_inputs={"data": json.dumps(restitution_data(workshop))})
