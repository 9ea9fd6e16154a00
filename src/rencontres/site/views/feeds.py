"""What other tools subscribe to: calendar feeds (site, organisation, theme), an Atom feed of new
events, and the organisation's logo that event previews and structured data point to."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rencontres.core import formatting
from rencontres.core.http import stored_file_response
from rencontres.events import ical, selectors
from rencontres.events.models import Theme
from rencontres.organizations.models import Organization

FEED_CACHE_SECONDS = 900  # calendar clients poll; a quarter of an hour is fresh enough


def site_url(request) -> str:
    """The address this request came to, as calendars write it before a page's path."""
    return request.build_absolute_uri("/").rstrip("/")


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response


def site_calendar(request):
    events = selectors.calendar_feed_events()
    name = _("Événements publiés sur %(site)s") % {"site": request.get_host()}
    return _calendar_response(ical.feed_calendar(events, name=name, site_url=site_url(request)), "agenda.ics")


def organization_calendar(request, slug: str):
    organization = get_object_or_404(Organization, slug=slug)
    events = selectors.calendar_feed_events(organization=organization)
    name = _("Événements de %(name)s") % {"name": organization.name}
    return _calendar_response(ical.feed_calendar(events, name=name, site_url=site_url(request)), f"agenda-{slug}.ics")


def theme_calendar(request, slug: str):
    theme = get_object_or_404(Theme, slug=slug)
    events = selectors.calendar_feed_events(theme=theme)
    name = _("Événements : %(theme)s") % {"theme": theme.name}
    return _calendar_response(ical.feed_calendar(events, name=name, site_url=site_url(request)), f"agenda-{slug}.ics")


def robots(request):
    """Robots may read the public pages, not the back-office, personal pages or one-time links; the sitemap lists them."""
    lines = [
        "User-agent: *",
        *(
            f"Disallow: {path}"
            for path in ("/gestion/", "/mon-espace/", "/compte/", "/api/", "/emargement/", "/en-ligne/")
        ),
        f"Sitemap: {request.build_absolute_uri(reverse('site:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def organization_logo(request, slug: str):
    """The logo, public: it shows in link previews (Open Graph) and in the events' structured data."""
    organization = get_object_or_404(Organization, slug=slug)
    return stored_file_response(organization.logo)  # PNG or JPEG: the identity page takes only these


class NewEventsFeed(Feed):
    """The newest announcements (Atom 1.0), for feed readers and the networks' newsletters."""

    feed_type = Atom1Feed
    title = gettext_lazy("Nouveaux événements")
    subtitle = gettext_lazy("Les derniers événements annoncés : formations, journées, séminaires, rencontres.")

    def link(self):
        return reverse("site:catalogue")

    def items(self):
        return selectors.recently_published()

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        if event.starts_on:
            when = event.starts_on.strftime("%d/%m/%Y")
        elif event.period_label:
            when = formatting.format_announced_period(event.period_label, is_over=event.announced_period_is_over)
        else:
            when = _("dates à venir")
        where = ical.event_location(event)
        parts = [event.subtitle, f"{event.organization.name} — {when}" + (f", {where}" if where else "")]
        return "\n".join(part for part in parts if part)

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_author_name(self, event):
        return event.organization.name
