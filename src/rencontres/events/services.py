"""The only code that changes events and their programme."""

import datetime as dt
import unicodedata

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.core.formatting import format_file_size

from .enums import EventStatus
from .exceptions import EventRuleError
from .models import Day, Document, Event, PriceTier, Session, SessionSpeaker, Speaker, Venue

# What a training action's papers and the BPF need, edited in one section of the editor.
TRAINING_ACTION_FIELDS = [
    "is_training_action",
    "training_nature",
    "bpf_objective",
    "rncp_level",
    "nsf_code",
    "assessment_method",
]

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
    *TRAINING_ACTION_FIELDS,
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


def search_parts(event: Event, *, speaker_names=None, session_titles=None) -> list[str]:
    """What a search matches an event on: its texts, places, organisation, format, themes, speakers, sessions.

    The speakers and sessions are read afresh unless given (the search index passes those it
    has already read for a batch of events).
    """
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
    parts += speaker_names if speaker_names is not None else list(event.speakers.values_list("name", flat=True))
    parts += session_titles if session_titles is not None else list(event.sessions.values_list("title", flat=True))
    return [p for p in parts if p]


def refresh_search_text(event: Event) -> None:
    """Rebuild the folded text the catalogue search reads (title, themes, places, speakers)."""
    parts = search_parts(event)
    event.search_text = fold_for_search(" ".join(p for p in parts if p))
    event.save(update_fields=["search_text", "updated_at"])


def refresh_event_dates(event: Event) -> None:
    """Keep starts_on/ends_on equal to the first and last day of the programme."""
    bounds = event.days.aggregate(first=Min("date"), last=Max("date"))
    event.starts_on, event.ends_on = bounds["first"], bounds["last"]
    event.dates_are_months = event.days.filter(date__in=[event.starts_on, event.ends_on], is_month_only=True).exists()
    event.save(update_fields=["starts_on", "ends_on", "dates_are_months", "updated_at"])


def after_programme_change(event: Event) -> None:
    """After any change of days, sessions, speakers, venues, prices or documents: dates, search text, `updated_at`.

    The event page caches its programme under the event's `updated_at`: moving it here is
    what makes an edit show at once.
    """
    refresh_event_dates(event)
    refresh_search_text(event)


def touch_events_of_venue(*, venue: Venue) -> None:
    """A venue changed (in the admin): the events held there, or with a session there, show it at once."""
    events = Event.objects.filter(Q(venue=venue) | Q(sessions__venue=venue)).values("pk")
    Event.objects.filter(pk__in=events).update(updated_at=timezone.now())


def touch_events_with_theme(*, theme) -> None:
    """A theme was renamed (in the admin): the events it tags show the new name at once."""
    Event.objects.filter(pk__in=theme.events.values("pk")).update(updated_at=timezone.now())


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
    """Change the event's own fields (not its programme), writing only the fields given.

    `event` was read at the start of the request: saving its other fields too would write
    back what it held then over a change made since (a cancellation, a publication).
    The editor passes the fields its form changed (`form.changed_data`).
    """
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    if fields:
        event.save(update_fields=[*fields, "updated_at"])
    if themes is not None:
        event.themes.set(themes)
    refresh_search_text(event)
    return event


@transaction.atomic
def publish_event(*, event: Event) -> Event:
    """Publish a draft: it needs a day in its programme, or the period it is announced for.

    Without either nobody could know when to come; with a period only, it is announced
    (« dates et lieux à venir ») and takes no registration until it has a day.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.PUBLISHED:
        return event
    if not event.period_label.strip() and not event.days.exists():
        raise EventRuleError(
            _(
                "Ajoutez au moins une journée au programme avant de publier, ou, si les dates ne sont pas encore "
                "connues, indiquez la période annoncée (par exemple « 2e semestre 2027 ») dans les informations "
                "générales."
            )
        )
    event.status = EventStatus.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
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
    event.save(update_fields=["status", "updated_at"])
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
def set_trainer_status(*, speaker: Speaker, trainer_status: str) -> Speaker:
    """Whether the speaker trains for the action, as one of the body's own or from outside (BPF frame E)."""
    speaker.trainer_status = trainer_status
    speaker.full_clean()
    speaker.save(update_fields=["trainer_status"])
    return speaker


@transaction.atomic
def delete_speaker(*, speaker: Speaker) -> None:
    event = speaker.event
    speaker.delete()
    refresh_search_text(event)


@transaction.atomic
def add_venue(*, event: Event, name: str, **fields) -> Venue:
    """A venue of the event's organisation, the one it has already when the name and address match (any case);
    it becomes the event's main venue when the event has none yet."""
    venue = Venue(organization=event.organization, name=name.strip(), **fields)
    venue.full_clean()
    same = Venue.objects.filter(
        organization=event.organization,
        name__iexact=venue.name,
        street__iexact=venue.street,
        postcode=venue.postcode,
        city__iexact=venue.city,
    ).first()
    if same is not None:
        venue = same
    else:
        venue.save()
    if event.venue_id is None:
        update_event(event=event, venue=venue)
    return venue


@transaction.atomic
def add_price_tier(*, event: Event, label: str, amount_cents: int, payer_kind: str, includes: str = "") -> PriceTier:
    """A price of the event, shown after the others."""
    if amount_cents < 0:
        raise EventRuleError(_("Un tarif ne peut pas être négatif."))
    tier = PriceTier.objects.create(
        event=event,
        label=label,
        amount_cents=amount_cents,
        payer_kind=payer_kind,
        includes=includes,
        order=event.price_tiers.count(),
    )
    touch_event(event)
    return tier


@transaction.atomic
def delete_price_tier(*, tier: PriceTier) -> None:
    """Remove a price; registrations made at it keep their amount."""
    tier.delete()
    touch_event(tier.event)


def touch_event(event: Event) -> None:
    """Move `updated_at` after a change that neither dates nor search text follow (prices, documents, outcomes).

    The event page keeps what it shows of the event under this date: moving it shows the change at once.
    """
    event.save(update_fields=["updated_at"])


def document_file_kind(uploaded_file) -> files.FileKind:
    """The kind of a file offered as an event document, read from its content; refused in French otherwise.

    Only formats a browser cannot run as a page are accepted: a document served from the site's
    own address must never carry script (HTML, SVG, XHTML).
    """
    name = uploaded_file.name or _("le fichier")
    if uploaded_file.size > settings.DOCUMENT_MAX_BYTES:
        raise EventRuleError(
            _("« %(name)s » pèse %(size)s ; un document ne peut pas dépasser %(max)s.")
            % {
                "name": name,
                "size": format_file_size(uploaded_file.size),
                "max": format_file_size(settings.DOCUMENT_MAX_BYTES),
            }
        )
    if uploaded_file.size == 0:
        raise EventRuleError(_("« %(name)s » est vide : déposez le bon fichier.") % {"name": name})
    try:
        kind = files.sniff(uploaded_file)
    except files.ArchiveTooLarge:
        raise EventRuleError(
            _("« %(name)s » se décompresse en un volume démesuré : ce n'est pas un document ordinaire.")
            % {"name": name}
        ) from None
    if kind is None:
        raise EventRuleError(
            _(
                "« %(name)s » n'est pas d'un format accepté (le contenu du fichier a été vérifié, pas seulement son "
                "nom). Formats acceptés : PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, PNG, JPEG ou texte brut."
            )
            % {"name": name}
        )
    return kind


@transaction.atomic
def add_document(*, event: Event, title: str, uploaded_file, kind: str, is_public: bool = True, day=None) -> Document:
    """Attach a file of an accepted kind; its format and size are read from the file itself."""
    if day is not None and day.event_id != event.id:
        raise EventRuleError(_("Cette journée n'appartient pas à l'événement."))
    file_kind = document_file_kind(uploaded_file)
    touch_event(event)
    return Document.objects.create(
        event=event,
        day=day,
        title=title,
        kind=kind,
        file=uploaded_file,
        file_type=file_kind.label,
        size_bytes=uploaded_file.size or 0,
        is_public=is_public,
    )


@transaction.atomic
def delete_document(*, document: Document) -> None:
    """The row and its file: nothing else points to the file."""
    document.file.delete(save=False)
    document.delete()
    touch_event(document.event)


def whole_months_between(start: dt.date, end: dt.date) -> int:
    """The number of months from one date to another, to the nearest month (1 Nov → 31 Oct next year: 12)."""
    return round((end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30)


def add_months(first_of_month: dt.date, months: int) -> dt.date:
    """The first of the month `months` after this first of a month."""
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


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
            trainer_status=speaker.trainer_status,
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
    months = whole_months_between(event.starts_on, event.starts_on + shift) if event.starts_on else 0
    for day in event.days.prefetch_related("sessions__session_speakers"):
        # A module dated by its month alone moves by whole months: shifted by days, the 1st of
        # November 52 weeks later is the 31st of October, and a leap day can fold two months into one.
        new_date = add_months(day.date.replace(day=1), months) if day.is_month_only else day.date + shift
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
