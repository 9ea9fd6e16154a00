"""The only code that changes events and their programme."""

import datetime as dt
import unicodedata

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .enums import EventStatus
from .exceptions import EventRuleError
from .models import Day, Document, Event, PriceTier, Session, SessionSpeaker, Speaker, Venue

EVENT_FIELDS_COPIED_ON_DUPLICATE = [
    "organization_id",
    "series_id",
    "title",
    "subtitle",
    "format",
    "description",
    "audience",
    "objectives",
    "prerequisites",
    "partners",
    "department_code",
    "commune",
    "venue_id",
    "registration_url",
    "is_invitation_only",
    "total_hours",
    "contact_name",
    "contact_email",
    "contact_phone",
]


def fold_for_search(text: str) -> str:
    """Lower-case and strip accents, so « séminaire » and « seminaire » match alike."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def unique_event_slug(title: str, year: int | None, *, exclude_id: int | None = None) -> str:
    base = slugify(title)
    if len(base) > 80:
        base = base[:80].rsplit("-", 1)[0]
    base = base.strip("-") or "evenement"
    if year:
        base = f"{base}-{year}"
    candidate, n = base, 2
    taken = Event.objects.exclude(id=exclude_id) if exclude_id else Event.objects.all()
    while taken.filter(slug=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def refresh_search_text(event: Event) -> None:
    """Rebuild the folded text the catalogue search reads (title, themes, places, speakers)."""
    parts = [
        event.title,
        event.subtitle,
        event.description,
        event.audience,
        event.objectives,
        event.commune,
        event.partners,
        event.organization.name,
        event.organization.short_name,
        event.get_format_display(),
    ]
    parts += [t.name for t in event.themes.all()]
    parts += list(event.speakers.values_list("name", flat=True))
    parts += list(event.sessions.values_list("title", flat=True))
    event.search_text = fold_for_search(" ".join(p for p in parts if p))
    event.save(update_fields=["search_text"])


def refresh_event_dates(event: Event) -> None:
    """Keep starts_on/ends_on equal to the first and last day of the programme."""
    bounds = event.days.aggregate(first=Min("date"), last=Max("date"))
    event.starts_on, event.ends_on = bounds["first"], bounds["last"]
    event.dates_are_months = event.days.filter(date__in=[event.starts_on, event.ends_on], is_month_only=True).exists()
    event.save(update_fields=["starts_on", "ends_on", "dates_are_months"])


def after_programme_change(event: Event) -> None:
    refresh_event_dates(event)
    refresh_search_text(event)


@transaction.atomic
def create_event(*, organization, title: str, format: str, **fields) -> Event:
    """Create a draft event of an organisation, with a unique address."""
    themes = fields.pop("themes", None)
    event = Event(organization=organization, title=title, format=format, **fields)
    event.slug = unique_event_slug(title, None)
    event.full_clean(exclude=["slug"])
    event.save()
    if themes is not None:
        event.themes.set(themes)
    refresh_search_text(event)
    return event


@transaction.atomic
def update_event(*, event: Event, themes=None, **fields) -> Event:
    """Change the event's own fields (not its programme)."""
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    event.save()
    if themes is not None:
        event.themes.set(themes)
    refresh_search_text(event)
    return event


@transaction.atomic
def publish_event(*, event: Event) -> Event:
    """Publish a draft; an event with no day cannot be published, nobody could come."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.PUBLISHED:
        return event
    if not event.days.exists():
        raise EventRuleError(_("Ajoutez au moins une journée au programme avant de publier."))
    event.status = EventStatus.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.save(update_fields=["status", "published_at"])
    return event


@transaction.atomic
def cancel_event(*, event: Event) -> Event:
    """Mark the event cancelled (it stays on the public site, marked so); only its status and `updated_at` change."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != EventStatus.CANCELLED:
        event.status = EventStatus.CANCELLED
        event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def unpublish_event(*, event: Event) -> Event:
    """Take an event back to draft: it disappears from the public site."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.status = EventStatus.DRAFT
    event.save(update_fields=["status"])
    return event


@transaction.atomic
def add_day(*, event: Event, date: dt.date, title: str = "", is_month_only: bool = False) -> Day:
    if is_month_only:
        date = date.replace(day=1)
    day = Day.objects.create(event=event, date=date, title=title, is_month_only=is_month_only)
    after_programme_change(event)
    return day


@transaction.atomic
def update_day(*, day: Day, date: dt.date, title: str = "", is_month_only: bool = False) -> Day:
    day.date = date.replace(day=1) if is_month_only else date
    day.title, day.is_month_only = title, is_month_only
    day.save(update_fields=["date", "title", "is_month_only"])
    after_programme_change(day.event)
    return day


@transaction.atomic
def delete_day(*, day: Day) -> None:
    """Remove a day with its sessions."""
    event = day.event
    day.delete()
    after_programme_change(event)


def _check_times(start_time, end_time) -> None:
    if start_time and end_time and end_time <= start_time:
        raise EventRuleError(_("L'heure de fin doit être après l'heure de début."))


@transaction.atomic
def add_session(*, day: Day, title: str, speakers=(), **fields) -> Session:
    """Add a session to a day; its speakers must belong to the same event."""
    _check_times(fields.get("start_time"), fields.get("end_time"))
    session = Session(event=day.event, day=day, title=title, **fields)
    session.full_clean()
    session.save()
    set_session_speakers(session=session, speakers=speakers)
    refresh_search_text(day.event)
    return session


@transaction.atomic
def update_session(*, session: Session, speakers=None, **fields) -> Session:
    _check_times(fields.get("start_time", session.start_time), fields.get("end_time", session.end_time))
    for name, value in fields.items():
        setattr(session, name, value)
    session.full_clean()
    session.save()
    if speakers is not None:
        set_session_speakers(session=session, speakers=speakers)
    refresh_search_text(session.event)
    return session


def set_session_speakers(*, session: Session, speakers) -> None:
    speakers = list(speakers)
    if any(s.event_id != session.event_id for s in speakers):
        raise EventRuleError(_("Un intervenant d'un autre événement ne peut pas être ajouté."))
    SessionSpeaker.objects.filter(session=session).exclude(speaker__in=speakers).delete()
    existing = set(SessionSpeaker.objects.filter(session=session).values_list("speaker_id", flat=True))
    SessionSpeaker.objects.bulk_create(
        [SessionSpeaker(session=session, speaker=s, role=s.role) for s in speakers if s.id not in existing]
    )


@transaction.atomic
def delete_session(*, session: Session) -> None:
    event = session.event
    session.delete()
    refresh_search_text(event)


@transaction.atomic
def add_speaker(*, event: Event, name: str, **fields) -> Speaker:
    order = event.speakers.count()
    speaker = Speaker(event=event, name=name, order=order, **fields)
    speaker.full_clean()
    speaker.save()
    refresh_search_text(event)
    return speaker


@transaction.atomic
def delete_speaker(*, speaker: Speaker) -> None:
    event = speaker.event
    speaker.delete()
    refresh_search_text(event)


@transaction.atomic
def add_venue(*, event: Event, name: str, **fields) -> Venue:
    """A venue of the event's organisation; it becomes the event's main venue when it has none yet."""
    venue = Venue(organization=event.organization, name=name, **fields)
    venue.full_clean()
    venue.save()
    if event.venue_id is None:
        update_event(event=event, venue=venue)
    return venue


@transaction.atomic
def add_price_tier(*, event: Event, label: str, amount_cents: int, payer_kind: str, includes: str = "") -> PriceTier:
    if amount_cents < 0:
        raise EventRuleError(_("Un tarif ne peut pas être négatif."))
    return PriceTier.objects.create(
        event=event,
        label=label,
        amount_cents=amount_cents,
        payer_kind=payer_kind,
        includes=includes,
        order=event.price_tiers.count(),
    )


def delete_price_tier(*, tier: PriceTier) -> None:
    tier.delete()


@transaction.atomic
def add_document(*, event: Event, title: str, uploaded_file, kind: str, is_public: bool = True, day=None) -> Document:
    """Attach a file; its format and size are read from the file itself, for the listing."""
    if day is not None and day.event_id != event.id:
        raise EventRuleError(_("Cette journée n'appartient pas à l'événement."))
    name = uploaded_file.name or ""
    extension = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    return Document.objects.create(
        event=event,
        day=day,
        title=title,
        kind=kind,
        file=uploaded_file,
        file_type=extension[:10],
        size_bytes=uploaded_file.size or 0,
        is_public=is_public,
    )


def delete_document(*, document: Document) -> None:
    """The row and its file: nothing else points to the file."""
    document.file.delete(save=False)
    document.delete()


@transaction.atomic
def duplicate_event(*, event: Event, shift_days: int = 364) -> Event:
    """Copy an event with its programme, speakers and prices as a new draft.

    The default shift of 52 weeks keeps every day on the same weekday next year.
    Documents and registrations are not copied: they belong to the edition that had them.
    """
    shift = dt.timedelta(days=shift_days)
    copy = Event(**{name: getattr(event, name) for name in EVENT_FIELDS_COPIED_ON_DUPLICATE})
    for name in ["registration_opens_at", "registration_closes_at"]:
        value = getattr(event, name)
        setattr(copy, name, value + shift if value else None)
    first_year = (event.starts_on + shift).year if event.starts_on else None
    copy.slug = unique_event_slug(event.title, first_year)
    copy.status = EventStatus.DRAFT
    copy.save()
    copy.themes.set(event.themes.all())
    speakers = {}
    for speaker in event.speakers.all():
        speakers[speaker.id] = Speaker.objects.create(
            event=copy,
            name=speaker.name,
            affiliation=speaker.affiliation,
            bio=speaker.bio,
            role=speaker.role,
            order=speaker.order,
        )
    for tier in event.price_tiers.all():
        PriceTier.objects.create(
            event=copy,
            label=tier.label,
            amount_cents=tier.amount_cents,
            payer_kind=tier.payer_kind,
            includes=tier.includes,
            order=tier.order,
        )
    for day in event.days.prefetch_related("sessions__session_speakers"):
        new_date = day.date + shift
        if day.is_month_only:
            new_date = new_date.replace(day=1)
        new_day = Day.objects.create(event=copy, date=new_date, title=day.title, is_month_only=day.is_month_only)
        for session in day.sessions.all():
            links = list(session.session_speakers.all())
            session.pk, session.id, session.event, session.day = None, None, copy, new_day
            session._state.adding = True
            session.save()
            SessionSpeaker.objects.bulk_create(
                [SessionSpeaker(session=session, speaker=speakers[link.speaker_id], role=link.role) for link in links]
            )
    after_programme_change(copy)
    return copy
