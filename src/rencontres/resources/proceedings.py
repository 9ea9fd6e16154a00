"""Proceedings (actes): composed from the programme, speakers, workshop restitutions and chosen resources.

One reader (`content_of`) feeds both the page and the PDF, so what a reader sees on screen
is what the PDF says. Only public material enters: workshops whose restitution is public,
approved public resources. The PDF is rendered at publication and kept, with its size.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import typst
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from rencontres.core import formatting
from rencontres.events import selectors as event_selectors
from rencontres.events.models import Event
from rencontres.workshops import selectors as workshop_selectors
from rencontres.workshops.models import Workshop

from .enums import ProceedingsStatus, ResourceStatus, ResourceVisibility
from .exceptions import ResourceError
from .models import Proceedings, Resource

TEMPLATE = Path(__file__).with_name("typst") / "proceedings.typ"


def eligible_workshops(event: Event) -> list[Workshop]:
    """Workshops whose restitution anyone may read: proceedings are public."""
    return workshop_selectors.published_restitutions(event, registered_or_member=False)


def eligible_resources(event: Event):
    return Resource.objects.filter(
        event=event, status=ResourceStatus.APPROVED, visibility=ResourceVisibility.PUBLIC
    ).defer("text")


@transaction.atomic
def compose(
    *,
    event: Event,
    title: str,
    introduction: str = "",
    include_programme: bool = True,
    include_speakers: bool = True,
    workshops=(),
    resources=(),
) -> Proceedings:
    """The event's proceedings as the organiser composed them (created on first save); only public material is taken."""
    allowed_workshops = {w.id for w in eligible_workshops(event)}
    allowed_resources = set(eligible_resources(event).values_list("id", flat=True))
    if any(w.id not in allowed_workshops for w in workshops):
        raise ResourceError(_("Seules les restitutions d'ateliers publiées pour tous entrent dans les actes."))
    if any(r.id not in allowed_resources for r in resources):
        raise ResourceError(_("Seules les ressources publiées pour tous entrent dans les actes."))
    proceedings, _created = Proceedings.objects.update_or_create(
        event=event,
        defaults={
            "title": title.strip(),
            "introduction": introduction,
            "include_programme": include_programme,
            "include_speakers": include_speakers,
        },
    )
    proceedings.workshops.set(workshops)
    proceedings.resources.set(resources)
    return proceedings


@dataclass
class ProceedingsContent:
    proceedings: Proceedings
    event: Event
    days: list
    speakers: list
    restitutions: list  # (workshop, [RestitutionStream])
    resources: list[Resource]

    @property
    def sections(self) -> list[tuple[str, str]]:
        """(anchor, heading) of each part present: the page's table of contents."""
        parts = [("introduction", _("Introduction"))] if self.proceedings.introduction else []
        if self.days:
            parts.append(("programme", _("Programme")))
        if self.speakers:
            parts.append(("intervenants", _("Intervenants")))
        parts += [(f"atelier-{w.id}", w.title) for w, _streams in self.restitutions]
        if self.resources:
            parts.append(("ressources", _("Ressources")))
        return parts


def content_of(proceedings: Proceedings) -> ProceedingsContent:
    event = proceedings.event
    programme = event_selectors.programme_of(event)
    workshops = [w for w in proceedings.workshops.select_related("session__day") if w.id in _public_ids(event)]
    return ProceedingsContent(
        proceedings=proceedings,
        event=event,
        days=programme.days if proceedings.include_programme else [],
        speakers=programme.speakers if proceedings.include_speakers else [],
        restitutions=[(w, workshop_selectors.restitution(w)) for w in workshops],
        resources=list(proceedings.resources.filter(id__in=eligible_resources(event).values("id"))),
    )


def _public_ids(event: Event) -> set[int]:
    return {w.id for w in eligible_workshops(event)}


def pdf_data(content: ProceedingsContent, *, site_url: str) -> dict:
    event = content.event
    return {
        "title": content.proceedings.title,
        "event": event.title,
        "organization": event.organization.name,
        "dates": formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months),
        "introduction": text_blocks(content.proceedings.introduction),
        "days": [
            {
                "date": formatting.format_day(day.date, month_only=day.is_month_only),
                "title": day.title,
                "sessions": [
                    {
                        "time": formatting.format_time(s.start_time) if s.start_time else "",
                        "title": s.title,
                        "speakers": ", ".join(link.speaker.name for link in s.session_speakers.all()),
                        "description": s.description,
                    }
                    for s in sessions
                ],
            }
            for day, sessions in content.days
        ],
        "speakers": [{"name": s.name, "affiliation": s.affiliation, "bio": s.bio} for s in content.speakers],
        "workshops": [
            {
                "title": workshop.title,
                "intro": workshop.restitution_intro,
                "streams": [
                    {
                        "title": stream.workstream.title,
                        "question": stream.workstream.question,
                        "text": stream.text,
                        "retained": [item.contribution.text for item in stream.retained],
                    }
                    for stream in streams
                ],
            }
            for workshop, streams in content.restitutions
        ],
        "resources": [
            {
                "title": r.title,
                "kind": r.get_kind_display(),
                "detail": r.url or f"{r.file_type} – {formatting.format_file_size(r.size_bytes)}",
                "url": r.url or f"{site_url}{r.get_absolute_url()}",
            }
            for r in content.resources
        ],
        "labels": {
            "proceedings": _("Actes"),
            "contents": _("Sommaire"),
            "introduction": _("Introduction"),
            "programme": _("Programme"),
            "speakers": _("Intervenants"),
            "workshops": _("Restitutions des ateliers"),
            "question": _("Question"),
            "retained": _("Contributions retenues"),
            "resources": _("Ressources"),
            "page": _("page"),
        },
    }


def text_blocks(markdown: str) -> list[dict]:
    """The introduction's Markdown as paragraphs and list items of plain text, for Typst (which reads no Markdown).

    Emphasis and links are kept as their words: the PDF carries the text, the page its mark-up.
    """
    blocks, in_item = [], 0
    for token in MarkdownIt("commonmark").parse(markdown or ""):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline":
            words = "".join(child.content if child.type != "softbreak" else " " for child in token.children or [])
            blocks.append({"item": in_item > 0, "text": words})
    return blocks


def render_pdf(proceedings: Proceedings, *, site_url: str) -> bytes:
    data = pdf_data(content_of(proceedings), site_url=site_url)
    return typst.compile(TEMPLATE.read_bytes(), sys_inputs={"data": json.dumps(data)})


@transaction.atomic
def publish(*, proceedings: Proceedings, site_url: str) -> Proceedings:
    """Published as a page and a PDF (rendered now and kept: readers download what was published)."""
    pdf = render_pdf(proceedings, site_url=site_url)
    old = proceedings.pdf.name if proceedings.pdf else ""
    proceedings.pdf.save(f"actes-{proceedings.event.slug}.pdf", ContentFile(pdf), save=False)
    proceedings.pdf_size_bytes = len(pdf)
    proceedings.status = ProceedingsStatus.PUBLISHED
    proceedings.published_at = timezone.now()
    proceedings.save(update_fields=["pdf", "pdf_size_bytes", "status", "published_at", "updated_at"])
    if old and old != proceedings.pdf.name:
        storage = proceedings.pdf.storage
        transaction.on_commit(lambda: storage.delete(old))
    return proceedings


def unpublish(*, proceedings: Proceedings) -> Proceedings:
    proceedings.status = ProceedingsStatus.DRAFT
    proceedings.save(update_fields=["status", "updated_at"])
    return proceedings
