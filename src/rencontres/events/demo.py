"""Load the five demonstration events (demo_data.py) into an empty database.

Events, days, sessions, speakers, prices and documents go through the event services, so
the dates and search text they keep in step are right; organisations, venues, themes and
the cycle are plain rows the demo needs first.
"""

import json

import typst
from django.core.files.base import ContentFile
from django.db import transaction

from rencontres.accounts.models import User
from rencontres.organizations.enums import Role
from rencontres.organizations.models import Membership, Organization

from . import services
from .demo_data import (
    DEMO_ANNOUNCED_EVENTS,
    DEMO_EVENTS,
    DEMO_ORGANISER_EMAIL,
    DEMO_ORGANISER_PASSWORD,
    THEMES,
    DocumentData,
    EventData,
    OrganizationData,
)
from .models import Event, Series, Theme, Venue

# A one-page PDF standing in for a document the announcement offered for download. The
# text comes as JSON in sys.inputs, never as Typst markup.
DOCUMENT_TEMPLATE = b"""
#let d = json(bytes(sys.inputs.data))
#set document(title: d.title)
#set page(paper: "a4", margin: 2.5cm)
#set text(lang: "fr", size: 11pt)
#text(size: 9pt, fill: rgb("#000091"), upper(d.organization))
#v(0.6em)
#text(size: 20pt, weight: "bold", d.title)
#v(1em)
#d.text
"""


def load_demo(*, stdout=None) -> list[Event]:
    """Create the five published demo events and the demo organiser, only if no event exists yet.

    Returns those five, or an empty list when the database already had events. The events the
    demo announces without dates yet (seed 001's departmental seminars) are created too, after
    them, and not returned: they are not run.
    """
    with transaction.atomic():
        if Event.objects.exists():
            return []
        themes = {
            slug: Theme.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in THEMES.items()
        }
        organiser = _demo_organiser()
        events = []
        for data in DEMO_EVENTS:
            organization = _organization(data.organization)
            Membership.objects.get_or_create(user=organiser, organization=organization, defaults={"role": Role.ADMIN})
            event = _event(data, organization, [themes[slug] for slug in data.themes])
            events.append(event)
            if stdout is not None:
                stdout.write(f"  {event.title} ({event.starts_on:%d/%m/%Y})\n")
        for data in DEMO_ANNOUNCED_EVENTS:
            event = _event(data, _organization(data.organization), [themes[slug] for slug in data.themes])
            if stdout is not None:
                stdout.write(f"  {event.title} ({event.period_label})\n")
        return events


def _demo_organiser() -> User:
    user = User.objects.filter(email=DEMO_ORGANISER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            email=DEMO_ORGANISER_EMAIL,
            password=DEMO_ORGANISER_PASSWORD,
            first_name="Camille",
            last_name="Démo",
        )
    # allauth asks to confirm an address it has no record of; the demo address is known.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=DEMO_ORGANISER_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user


def _organization(data: OrganizationData) -> Organization:
    fields = {name: value for name, value in vars(data).items() if name != "slug"}
    organization, _created = Organization.objects.get_or_create(slug=data.slug, defaults=fields)
    return organization


def _event(data: EventData, organization: Organization, themes: list[Theme]) -> Event:
    venues = {
        v.key: Venue.objects.create(
            organization=organization,
            name=v.name,
            street=v.street,
            postcode=v.postcode,
            city=v.city,
            transport_access=v.transport_access,
            accessibility_notes=v.accessibility_notes,
        )
        for v in data.venues
    }
    series = None
    if data.series is not None:
        series, _created = Series.objects.get_or_create(
            slug=data.series.slug,
            defaults={"organization": organization, "title": data.series.title, "description": data.series.description},
        )
    event = services.create_event(
        organization=organization,
        title=data.title,
        format=data.format,
        series=series,
        subtitle=data.subtitle,
        description=data.description,
        audience=data.audience,
        objectives=data.objectives,
        prerequisites=data.prerequisites,
        partners="\n".join(data.partners),
        themes=themes,
        department_code=data.department_code,
        commune=data.commune,
        period_label=data.period_label,
        period_ends_on=data.period_ends_on,
        venue=venues.get(data.main_venue) if data.main_venue else None,
        registration_url=data.registration_url,
        is_invitation_only=data.is_invitation_only,
        is_training_action=data.is_training_action,
        total_hours=data.total_hours,
        contact_name=data.contact_name,
        contact_email=data.contact_email,
        contact_phone=data.contact_phone,
    )
    speakers = {
        s.name: services.add_speaker(event=event, name=s.name, affiliation=s.affiliation, bio=s.bio, role=s.role)
        for s in data.speakers
    }
    days = {}
    for day_data in data.days:
        day = services.add_day(
            event=event, date=day_data.date, title=day_data.title, is_month_only=day_data.is_month_only
        )
        days.setdefault(day_data.date, day)
        for s in day_data.sessions:
            services.add_session(
                day=day,
                title=s.title,
                speakers=[speakers[name] for name in s.speakers],
                start_time=s.start,
                end_time=s.end,
                kind=s.kind,
                mode=s.mode,
                is_open_to_public=s.is_open_to_public,
                public_capacity=s.public_capacity,
                venue=venues[s.venue] if s.venue else None,
                description=s.description,
            )
    for price in data.prices:
        services.add_price_tier(
            event=event,
            label=price.label,
            amount_cents=price.amount_cents,
            payer_kind=price.payer_kind,
            includes=price.includes,
        )
    for document in data.documents:
        services.add_document(
            event=event,
            title=document.title,
            kind=document.kind,
            uploaded_file=_document_pdf(document, organization),
            day=days[document.day] if document.day else None,
        )
    return services.publish_event(event=event)


def _document_pdf(document: DocumentData, organization: Organization) -> ContentFile:
    data = {
        "title": document.title,
        "organization": organization.short_name or organization.name,
        "text": document.text,
    }
    pdf = typst.compile(DOCUMENT_TEMPLATE, sys_inputs={"data": json.dumps(data)})
    if document.size_bytes and len(pdf) < document.size_bytes:
        # A comment after %%EOF, which readers skip: the page shows the real document's size.
        pdf += b"\n%" + b" " * (document.size_bytes - len(pdf) - 2)
    return ContentFile(pdf, name=document.filename)
