"""The public face: catalogue, event pages, cycles, calendar files, programme PDF."""

import dataclasses
import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.core.http import stored_file_response
from rencontres.events import ical, programme_pdf, selectors
from rencontres.events.enums import SessionMode, SpeakerRole
from rencontres.events.models import Document, Event, Series
from rencontres.organizations import access
from rencontres.registrations import availability as registration_availability
from rencontres.registrations import selectors as registration_selectors
from rencontres.registrations.enums import AvailabilityState
from rencontres.resources import selectors as resource_selectors
from rencontres.search import query as search
from rencontres.site import jsonld
from rencontres.site.forms.catalogue import CatalogueFilterForm
from rencontres.surveys import selectors as survey_selectors
from rencontres.workshops import selectors as workshop_selectors

PAGE_SIZE = 20
PREVIEW_SIZE = 12
WHEN_VALUES = {"a-venir": "upcoming", "passes": "past"}
PROGRAMME_TEMPLATE = "site/_event_programme.html"
PROGRAMME_CACHE_SECONDS = 7 * 24 * 3600  # a new version of the event gets a new key; old ones are culled


def _viewable_event(request, slug: str) -> Event:
    """The event if this visitor may see it: drafts only for its organisation's members."""
    try:
        event = selectors.event_for_page(slug)
    except Event.DoesNotExist:
        raise Http404 from None
    if not access.can_view_event(request.user, event):
        raise Http404
    return event


def _viewable_programme(request, slug: str) -> selectors.EventProgramme:
    return selectors.programme_of(_viewable_event(request, slug))


def programme_cache_key(event: Event) -> str:
    return f"event-programme:v6:{event.pk}:{event.updated_at.isoformat()}"


def programme_fragments(event: Event) -> dict:
    """The event page's parts that show the programme and the presentation (Markdown), rendered once per version of the event.

    Keyed on the event's `updated_at`, which every change of the event or its programme
    moves (events.services and the admin): an edit shows at once, and a visit with the
    fragments in the cache reads no programme row (one cache read instead of seven queries
    and the programme's rendering). Whether the event has published outcomes (workshop
    restitutions, survey figures) is kept too, so most visits skip reading them. Both lists of documents are kept, so the visitor
    decides which one shows without entering the key.
    """
    key = programme_cache_key(event)
    fragments = cache.get(key)
    if fragments is None:
        programme = selectors.programme_of(event)
        context = {"event": event, "programme": programme, "modes": SessionMode, "roles": SpeakerRole}
        fragments = {
            name: render_to_string(f"{PROGRAMME_TEMPLATE}#{name}", context)
            for name in ("presentation", "place_line", "themes", "programme", "price_list", "price_short", "venues")
        }
        for name, visible in [("public_documents", False), ("all_documents", True)]:
            documents = programme.documents_visible_to(is_registered_or_member=visible)
            fragments[name] = render_to_string(f"{PROGRAMME_TEMPLATE}#documents", {"documents": documents})
        fragments["has_price_tiers"] = bool(programme.price_tiers)
        # Most events have no session open to the public: their visits skip reading its seats.
        fragments["has_public_sessions"] = any(session.is_open_to_public for session in programme.sessions)
        fragments["json_ld_facts"] = jsonld.programme_facts(programme)
        fragments["has_outcomes"] = workshop_selectors.has_published_restitution(
            event
        ) or survey_selectors.has_published_figures(event)
        cache.set(key, fragments, PROGRAMME_CACHE_SECONDS)
    return fragments


CATALOGUE_CACHE_SECONDS = 600


def _catalogue_query(data: dict) -> selectors.CatalogueQuery:
    return selectors.CatalogueQuery(
        when=WHEN_VALUES.get(data.get("quand", ""), ""),
        department=data.get("departement", ""),
        format=data.get("format", ""),
        online=data.get("en_ligne", False),
        free=data.get("gratuit", False),
        theme=data.get("theme", ""),
        text=data.get("q", ""),
    )


def _catalogue_results(request, form, query: selectors.CatalogueQuery, querystring: str) -> str:
    """The two lists of cards, each page of them with its badges read in two queries."""
    if query.text:
        query = dataclasses.replace(query, matching_ids=search.matching_event_ids(query.text))
    upcoming, past = (selectors.for_cards(events) for events in selectors.catalogue_events(query))
    size = PAGE_SIZE if query.when else PREVIEW_SIZE
    upcoming_page = Paginator(upcoming, size).get_page(request.GET.get("page") if query.when == "upcoming" else 1)
    past_page = Paginator(past, size).get_page(request.GET.get("page") if query.when == "past" else 1)
    for page in (upcoming_page, past_page):
        page.object_list = selectors.attach_catalogue_flags(page.object_list)
    context = {
        "form": form,
        "query": query,
        "upcoming_page": upcoming_page,
        "past_page": past_page,
        "querystring": querystring,
    }
    return render_to_string("site/_catalogue_results.html", context, request=request)


def catalogue_cache_key(request) -> str:
    """What the filters and the cards depend on: the events' version, the search index's, today,
    the language, and the filters as typed with the page.

    The index's version follows deletions (a deleted event's entry goes) and a text search
    (the index is updated a few seconds after a change). Read before any form is built: a
    visit served from the cache builds none. A theme added in the admin, with no event yet,
    appears in the theme filter when the entry expires.
    """
    typed = [(name, request.GET.getlist(name)) for name in (*CatalogueFilterForm.base_fields, "page")]
    parts = [
        selectors.catalogue_version(),
        search.index_version(),
        timezone.localdate().isoformat(),
        get_language(),
        repr(typed),
    ]
    return "catalogue:v2:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _catalogue_parts(request, form, query: selectors.CatalogueQuery) -> dict:
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "filters": render_to_string("site/catalogue.html#filters", {"form": form, "query": query}, request=request),
        "results": _catalogue_results(request, form, query, params.urlencode()),
    }


def catalogue(request):
    """The catalogue: its filters and cards are the same for everyone, kept in the shared cache until an event changes.

    Counting and sorting every public event costs 40–130 ms at 10,000 events, and building
    and rendering the seven filters 5 ms (bench/pages.py); a visit served from the cache
    reads two indexed maxima and two cache entries instead. Only valid filters are kept.
    """
    key = catalogue_cache_key(request)
    parts = cache.get(key)
    context, status = {}, 200
    if parts is None:
        form = CatalogueFilterForm(request.GET or None)
        valid = form.is_valid() if request.GET else True
        query = _catalogue_query(form.cleaned_data if request.GET and valid else {})
        parts = _catalogue_parts(request, form, query)
        if valid:
            cache.set(key, parts, CATALOGUE_CACHE_SECONDS)
        else:
            status = 400  # the refused filters are listed, in the form and above the cards
        context["form"] = form  # for the page's error summary
    if request.htmx:
        return HttpResponse(parts["results"], status=status)
    # Rendered by our own templates, which escaped what they show.
    context["filters"] = mark_safe(parts["filters"])  # noqa: S308
    context["results"] = mark_safe(parts["results"])  # noqa: S308
    return render(request, "site/catalogue.html", context, status=status)


def event_detail(request, slug: str):
    event = _viewable_event(request, slug)
    fragments = programme_fragments(event)
    is_member = access.can_manage_event(request.user, event)
    registration = registration_selectors.event_registration_context(event, request)
    is_registered = registration["my_registration_is_confirmed"]
    current = registration["registration_availability"]
    can_see_private = is_member or is_registered
    # Read at each visit (places left, past or not), beside the cached programme.
    public_sessions = registration_availability.public_sessions_of(event) if fragments["has_public_sessions"] else []
    context = {
        "event": event,
        "fragments": fragments,
        "can_see_private_documents": can_see_private,
        # Read at each visit, never in the cached fragments: registered-only resources must not
        # reach a shared cache a stranger's visit could read.
        "resources": resource_selectors.visible_resources(event, registered_or_member=can_see_private),
        "proceedings": resource_selectors.published_proceedings_of(event),
        "is_member": is_member,
        "places_left": current.places_left,
        # An Event without startDate is invalid structured data: an event announced for a
        # period gets its JSON-LD once it has a day.
        "json_ld": jsonld.event_json_ld(fragments["json_ld_facts"], event=event, availability=current, request=request)
        if event.is_visible_to_public and event.is_dated
        else None,
        "page_url": request.build_absolute_uri(event.get_absolute_url()),
        "image_url": jsonld.organization_image_url(event.organization, request),
        "registration_box_template": "site/_event_box.html",
        "public_sessions": public_sessions,
        "public_session_states": AvailabilityState,
        **registration,
    }
    return render(request, "site/event_detail.html", context)


def event_ical(request, slug: str):
    """The event's calendar file; an event announced for a period has none until it has a day (no empty file)."""
    event = _viewable_event(request, slug)
    if not event.is_dated:
        raise Http404(_("Cet événement n'a pas encore de dates : il n'a pas de fichier d'agenda."))
    programme = selectors.programme_of(event)
    content = ical.event_calendar(programme, site_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme.event.slug}.ics"'
    return response


def event_programme_pdf(request, slug: str):
    programme = _viewable_programme(request, slug)
    response = HttpResponse(programme_pdf.render_programme(programme), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="programme-{programme.event.slug}.pdf"'
    return response


def document_download(request, document_id: int):
    document = get_object_or_404(Document.objects.select_related("event"), id=document_id)
    event = document.event
    if not access.can_view_event(request.user, event):
        raise Http404
    if not document.is_public and not (
        access.can_manage_event(request.user, event)
        or registration_selectors.holds_confirmed_place(event, request.user)
    ):
        raise Http404
    return stored_file_response(document.file, files.kind_of_label(document.file_type))


def series_detail(request, slug: str):
    series = get_object_or_404(Series.objects.select_related("organization"), slug=slug)
    events = (
        selectors.with_catalogue_flags(selectors.public_events().filter(series=series))
        .select_related("organization", "venue")
        .order_by(F("starts_on").asc(nulls_last=True), F("period_ends_on").asc(nulls_last=True), "title")
    )
    dated, announced = selectors.split_by_period(events)
    context = {
        "series": series,
        "events": dated,
        "announced_periods": announced,
        "proceedings": resource_selectors.published_proceedings_of_series(series),
        # Only dated events are subEvents: an Event without startDate is invalid structured data.
        "json_ld": jsonld.series_json_ld(series, dated, request=request),
    }
    return render(request, "site/series_detail.html", context)
