"""The organiser's back-office: list, create, edit in one page (htmx sections), publish, duplicate.

Every view starts with a permission helper that returns the object or a 404; each
section form posts to its own view, which answers the refreshed section to htmx or
redirects back to the editor without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rencontres.announcements.selectors import doubts_to_review
from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.confirmation import ask_before_deleting
from rencontres.backoffice.forms.events import (
    DayForm,
    DocumentForm,
    DuplicateEventForm,
    EventCreateForm,
    EventForm,
    PriceTierForm,
    SessionForm,
    SpeakerForm,
    TrainingActionForm,
    VenueForm,
)
from rencontres.core import formatting
from rencontres.events import services
from rencontres.events.changes import watch_schedule
from rencontres.events.exceptions import EventRuleError
from rencontres.events.models import Day, Document, Event, PriceTier, Session, Speaker
from rencontres.organizations import access
from rencontres.organizations.models import Organization
from rencontres.registrations import configuration as registration_configuration
from rencontres.registrations import selectors as registration_selectors
from rencontres.registrations import services as registration_services

EDITOR_TEMPLATE = "backoffice/events/event_editor.html"


def _event_for_member(request, event_id: int) -> Event:
    return backoffice_access.event_for_member(request.user, event_id)


def _programme_context(event: Event, bound: dict) -> dict:
    days = list(event.days.prefetch_related("sessions__session_speakers__speaker", "sessions__venue"))
    bound_session_form, bound_day_id = bound.get("session_form"), bound.get("session_form_day_id")
    day_blocks = [
        (day, bound_session_form if day.id == bound_day_id else SessionForm(event=event, prefix=f"session-{day.id}"))
        for day in days
    ]
    return {
        "day_blocks": day_blocks,
        "day_form": bound.get("day_form") or DayForm(prefix="day"),
        "session_form_day_id": bound_day_id,
    }


def _speakers_context(event: Event, bound: dict) -> dict:
    return {
        "speakers": event.speakers.all(),
        "speaker_form": bound.get("speaker_form") or SpeakerForm(prefix="speaker"),
    }


def _venues_context(event: Event, bound: dict) -> dict:
    return {
        "venues": event.organization.venues.all(),
        "venue_form": bound.get("venue_form") or VenueForm(prefix="venue"),
    }


def _prices_context(event: Event, bound: dict) -> dict:
    return {
        "price_tiers": event.price_tiers.all(),
        "price_form": bound.get("price_form") or PriceTierForm(prefix="price"),
    }


def _documents_context(event: Event, bound: dict) -> dict:
    return {
        "documents": event.documents.select_related("day"),
        "document_form": bound.get("document_form") or DocumentForm(event=event, prefix="document"),
    }


# Each htmx section of the editor: a partial of the editor's template, and what it shows.
SECTIONS = {
    "programme": _programme_context,
    "speakers": _speakers_context,
    "venues": _venues_context,
    "prices": _prices_context,
    "documents": _documents_context,
}


def _editor_context(event: Event, **bound) -> dict:
    context = {
        "event": event,
        "event_form": bound.get("event_form") or EventForm(instance=event),
        "training_form": bound.get("training_form") or TrainingActionForm(instance=event),
        "import_review": doubts_to_review(event),
        "registrations_url": reverse("backoffice:registrations", args=[event.id]),
    }
    for section_context in SECTIONS.values():
        context |= section_context(event, bound)
    return context


def _section_response(request, event: Event, section: str, *, errors: bool = False, **bound):
    """The refreshed section for htmx (that partial only, with only its context); without JavaScript,
    the editor (with errors) or a redirect."""
    if request.htmx:
        context = {"event": event, "import_review": doubts_to_review(event), **SECTIONS[section](event, bound)}
        return render(request, f"{EDITOR_TEMPLATE}#{section}", context)
    if errors:
        messages.error(request, _("Le formulaire contient des erreurs : corrigez les champs signalés."))
        return render(request, EDITOR_TEMPLATE, _editor_context(event, **bound), status=400)
    return redirect(_editor_url(event, section))


def _editor_url(event: Event, section: str) -> str:
    return reverse("backoffice:event_edit", args=[event.id]) + f"#{section}"


def _say_who_is_told(request, told: int) -> None:
    if told:
        messages.info(
            request,
            _("Dates, horaires ou lieu modifiés : %(n)s courriel(s) envoyé(s) aux personnes inscrites et aux payeurs.")
            % {"n": told},
        )


def _say_seat_holders_told(request, told: int) -> None:
    if told:
        messages.info(
            request,
            ngettext(
                "Séance retirée : %(n)s courriel envoyé à la personne du public qui y avait une place.",
                "Séances retirées : %(n)s courriels envoyés aux personnes du public qui y avaient une place.",
                told,
            )
            % {"n": told},
        )


@login_required
def home(request):
    organizations = access.organizations_of(request.user)
    events = (
        Event.objects.filter(organization__in=organizations)
        .select_related("organization")
        .order_by("-starts_on", "title")
    )
    context = {
        "organizations": organizations,
        "events": events,
        "import_url": reverse("backoffice:import_announcement"),
    }
    return render(request, "backoffice/events/home.html", context)


@login_required
def event_create(request):
    organizations = Organization.objects.filter(memberships__user=request.user)
    if not organizations.exists():
        messages.error(
            request, _("Votre compte n'est membre d'aucun organisme : demandez à un administrateur de vous ajouter.")
        )
        return redirect("backoffice:home")
    form = EventCreateForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        event = services.create_event(
            organization=form.cleaned_data["organization"],
            title=form.cleaned_data["title"],
            format=form.cleaned_data["format"],
        )
        messages.success(request, _("Brouillon créé. Complétez le programme puis publiez."))
        return redirect("backoffice:event_edit", event.id)
    return render(request, "backoffice/events/event_create.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def event_edit(request, event_id: int):
    event = _event_for_member(request, event_id)
    if request.method == "POST":
        form = EventForm(request.POST, instance=event)
        if form.is_valid():
            with transaction.atomic():  # the event's fields and its places change together or not at all
                # Only what the organiser changed: the rest may have changed since the page was read.
                fields = {
                    name: form.cleaned_data[name]
                    for name in form.changed_data
                    if name not in ("themes", "capacity_min", "capacity_max")
                }
                with watch_schedule(event) as changes:
                    services.update_event(event=event, themes=form.cleaned_data["themes"], **fields)
                told = registration_services.notify_schedule_change(event=event, changes=changes)
                offered = registration_services.set_capacity(
                    event=event,
                    capacity_max=form.cleaned_data["capacity_max"],
                    capacity_min=form.cleaned_data["capacity_min"],
                    actor=request.user,
                )
            messages.success(request, _("Informations enregistrées."))
            _say_who_is_told(request, told)
            if offered:
                messages.info(
                    request, _("%(n)s place(s) libérée(s) proposée(s) à la liste d'attente.") % {"n": len(offered)}
                )
            return redirect("backoffice:event_edit", event.id)
        messages.error(request, _("Le formulaire contient des erreurs : corrigez les champs signalés."))
        event.refresh_from_db()
        return render(request, EDITOR_TEMPLATE, _editor_context(event, event_form=form), status=400)
    return render(request, EDITOR_TEMPLATE, _editor_context(event))


@login_required
@require_POST
def event_training(request, event_id: int):
    """The training-action section: nature, BPF objective and level, NSF speciality, assessment."""
    event = _event_for_member(request, event_id)
    form = TrainingActionForm(request.POST, instance=event)
    if not form.is_valid():
        messages.error(request, _("Le formulaire contient des erreurs : corrigez les champs signalés."))
        event.refresh_from_db()
        return render(request, EDITOR_TEMPLATE, _editor_context(event, training_form=form), status=400)
    services.update_event(event=event, **{name: form.cleaned_data[name] for name in form.changed_data})
    messages.success(request, _("Action de formation enregistrée."))
    return redirect(reverse("backoffice:event_edit", args=[event.id]) + "#training")


@login_required
@require_POST
def day_add(request, event_id: int):
    event = _event_for_member(request, event_id)
    form = DayForm(request.POST, prefix="day")
    if not form.is_valid():
        return _section_response(request, event, "programme", errors=True, day_form=form)
    with transaction.atomic():  # the change and the emails it owes leave together
        with watch_schedule(event) as changes:
            services.add_day(event=event, **form.cleaned_data)
        told = registration_services.notify_schedule_change(event=event, changes=changes)
    _say_who_is_told(request, told)
    return _section_response(request, event, "programme")


@login_required
def day_edit(request, day_id: int):
    """A day's date, title, month only: seed 004 gives the precise dates of its modules later in the year."""
    day = get_object_or_404(Day, id=day_id)
    event = _event_for_member(request, day.event_id)
    form = DayForm(request.POST or None, instance=day)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            with watch_schedule(event) as changes:
                services.update_day(day=day, **form.cleaned_data)
            told = registration_services.notify_schedule_change(event=event, changes=changes)
        messages.success(request, _("Journée enregistrée."))
        _say_who_is_told(request, told)
        return redirect(reverse("backoffice:event_edit", args=[event.id]) + f"#day-{day.id}")
    status = 400 if form.errors else 200
    return render(request, "backoffice/events/day_edit.html", {"form": form, "day": day, "event": event}, status=status)


@login_required
@require_POST
def day_delete(request, day_id: int):
    day = get_object_or_404(Day, id=day_id)
    event = _event_for_member(request, day.event_id)
    session_ids = list(day.sessions.values_list("id", flat=True))
    sessions = len(session_ids)
    consequence = (
        ngettext("Sa séance est supprimée avec elle.", "Ses %(n)s séances sont supprimées avec elle.", sessions)
        % {"n": sessions}
        if sessions
        else ""
    )
    asked = ask_before_deleting(
        request,
        what=_("la journée du %(day)s") % {"day": formatting.format_day(day.date, month_only=day.is_month_only)},
        consequence=" ".join(part for part in [consequence, _seat_holders_consequence(session_ids)] if part),
        back_url=_editor_url(event, "programme"),
    )
    if asked:
        return asked
    with transaction.atomic():  # the change and the emails it owes leave together
        seat_holders = registration_services.tell_public_seats_session_removed(session_ids=session_ids)
        with watch_schedule(event) as changes:
            services.delete_day(day=day)
        told = registration_services.notify_schedule_change(event=event, changes=changes)
    _say_who_is_told(request, told)
    _say_seat_holders_told(request, seat_holders)
    return _section_response(request, event, "programme")


@login_required
@require_POST
def session_add(request, day_id: int):
    day = get_object_or_404(Day, id=day_id)
    event = _event_for_member(request, day.event_id)
    form = SessionForm(request.POST, event=event, prefix=f"session-{day.id}")
    if not form.is_valid():
        return _section_response(
            request, event, "programme", errors=True, session_form=form, session_form_day_id=day.id
        )
    data = dict(form.cleaned_data)
    speakers = data.pop("speakers")
    try:
        services.add_session(day=day, speakers=speakers, **data)
    except EventRuleError as error:
        form.add_error(None, error.message)
        return _section_response(
            request, event, "programme", errors=True, session_form=form, session_form_day_id=day.id
        )
    return _section_response(request, event, "programme")


@login_required
def session_edit(request, session_id: int):
    session = get_object_or_404(Session.objects.select_related("day"), id=session_id)
    event = _event_for_member(request, session.event_id)
    form = SessionForm(request.POST or None, instance=session, event=event)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        speakers = data.pop("speakers")
        try:
            with transaction.atomic():
                with watch_schedule(event) as changes:
                    services.update_session(session=session, speakers=speakers, **data)
                told = registration_services.notify_schedule_change(event=event, changes=changes)
        except EventRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Séance enregistrée."))
            _say_who_is_told(request, told)
            return redirect(reverse("backoffice:event_edit", args=[event.id]) + "#programme")
    status = 400 if form.errors else 200
    return render(
        request,
        "backoffice/events/session_edit.html",
        {"form": form, "session": session, "event": event},
        status=status,
    )


@login_required
@require_POST
def session_delete(request, session_id: int):
    session = get_object_or_404(Session, id=session_id)
    event = _event_for_member(request, session.event_id)
    asked = ask_before_deleting(
        request,
        what=_("la séance « %(title)s »") % {"title": session.title},
        consequence=_seat_holders_consequence([session.id]),
        back_url=_editor_url(event, "programme"),
    )
    if asked:
        return asked
    with transaction.atomic():  # the deletion and the emails it owes leave together
        told = registration_services.tell_public_seats_session_removed(session_ids=[session.id])
        services.delete_session(session=session)
    _say_seat_holders_told(request, told)
    return _section_response(request, event, "programme")


def _seat_holders_consequence(session_ids: list[int]) -> str:
    """What the confirmation page says of the people holding a seat in public sessions about to go."""
    seats = registration_selectors.live_public_seat_count(session_ids)
    if not seats:
        return ""
    return ngettext(
        "Une personne du public y a une place : elle recevra un courriel disant que la séance n'aura pas lieu.",
        "%(n)s personnes du public y ont une place : elles recevront un courriel disant que la séance n'aura pas lieu.",
        seats,
    ) % {"n": seats}


@login_required
@require_POST
def speaker_add(request, event_id: int):
    event = _event_for_member(request, event_id)
    form = SpeakerForm(request.POST, prefix="speaker")
    if not form.is_valid():
        return _section_response(request, event, "speakers", errors=True, speaker_form=form)
    services.add_speaker(event=event, **form.cleaned_data)
    return _section_response(request, event, "speakers")


@login_required
@require_POST
def speaker_delete(request, speaker_id: int):
    speaker = get_object_or_404(Speaker, id=speaker_id)
    event = _event_for_member(request, speaker.event_id)
    asked = ask_before_deleting(
        request,
        what=_("l'intervenant·e %(name)s") % {"name": speaker.name},
        consequence=_("Son nom est retiré des séances où il ou elle intervient."),
        back_url=_editor_url(event, "speakers"),
    )
    if asked:
        return asked
    services.delete_speaker(speaker=speaker)
    return _section_response(request, event, "speakers")


@login_required
@require_POST
def venue_add(request, event_id: int):
    event = _event_for_member(request, event_id)
    form = VenueForm(request.POST, prefix="venue")
    if not form.is_valid():
        return _section_response(request, event, "venues", errors=True, venue_form=form)
    services.add_venue(event=event, **form.cleaned_data)
    return _section_response(request, event, "venues")


@login_required
@require_POST
def price_add(request, event_id: int):
    event = _event_for_member(request, event_id)
    form = PriceTierForm(request.POST, prefix="price")
    if not form.is_valid():
        return _section_response(request, event, "prices", errors=True, price_form=form)
    data = form.cleaned_data
    services.add_price_tier(
        event=event,
        label=data["label"],
        amount_cents=data["amount"],
        payer_kind=data["payer_kind"],
        includes=data["includes"],
    )
    return _section_response(request, event, "prices")


@login_required
@require_POST
def price_delete(request, tier_id: int):
    tier = get_object_or_404(PriceTier, id=tier_id)
    event = _event_for_member(request, tier.event_id)
    asked = ask_before_deleting(
        request, what=_("le tarif « %(label)s »") % {"label": tier.label}, back_url=_editor_url(event, "prices")
    )
    if asked:
        return asked
    services.delete_price_tier(tier=tier)
    return _section_response(request, event, "prices")


@login_required
@require_POST
def document_add(request, event_id: int):
    event = _event_for_member(request, event_id)
    form = DocumentForm(request.POST, request.FILES, event=event, prefix="document")
    if not form.is_valid():
        return _section_response(request, event, "documents", errors=True, document_form=form)
    data = form.cleaned_data
    services.add_document(
        event=event,
        title=data["title"],
        uploaded_file=data["file"],
        kind=data["kind"],
        is_public=data["is_public"],
        day=data["day"],
    )
    return _section_response(request, event, "documents")


@login_required
@require_POST
def document_delete(request, document_id: int):
    document = get_object_or_404(Document, id=document_id)
    event = _event_for_member(request, document.event_id)
    asked = ask_before_deleting(
        request,
        what=_("le document « %(title)s »") % {"title": document.title},
        back_url=_editor_url(event, "documents"),
    )
    if asked:
        return asked
    services.delete_document(document=document)
    return _section_response(request, event, "documents")


@login_required
@require_POST
def event_publish(request, event_id: int):
    event = _event_for_member(request, event_id)
    try:
        with transaction.atomic():
            event = services.publish_event(event=event)
            # The addresses invited while it was a draft get their invitation now.
            invited = registration_configuration.send_pending_invitations(event=event)
    except EventRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("L'événement est publié : il apparaît dans le catalogue."))
        if invited:
            messages.info(request, _("%(n)s invitation(s) envoyée(s).") % {"n": invited})
    return redirect("backoffice:event_edit", event.id)


@login_required
def event_unpublish(request, event_id: int):
    """A page that says what unpublishing does, then does it on its button (never from a single click)."""
    event = _event_for_member(request, event_id)
    if request.method == "POST":
        services.unpublish_event(event=event)
        messages.success(request, _("L'événement est repassé en brouillon : il n'apparaît plus dans le catalogue."))
        return redirect("backoffice:event_edit", event.id)
    context = {"event": event, "live_registrations": registration_selectors.live_registration_count(event)}
    return render(request, "backoffice/events/event_unpublish.html", context)


@login_required
def event_duplicate(request, event_id: int):
    """The next edition as a draft, from the first date the organiser chooses."""
    event = _event_for_member(request, event_id)
    form = DuplicateEventForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            copy = services.duplicate_event(event=event, shift_days=form.shift_days())
            registration_services.copy_capacity(from_event=event, to_event=copy)
        messages.success(request, _("Copie créée en brouillon. Vérifiez les dates, les lieux et les intervenants."))
        return redirect("backoffice:event_edit", copy.id)
    return render(request, "backoffice/events/event_duplicate.html", {"event": event, "form": form})
