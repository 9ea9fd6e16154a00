"""sitemap.xml: the pages search engines should find (public events, cycles, catalogue, legal pages)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from rencontres.events import selectors
from rencontres.events.models import Series


class EventSitemap(Sitemap):
    limit = 5000

    def items(self):
        return selectors.public_events().order_by("id").only("slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


class SeriesSitemap(Sitemap):
    def items(self):
        return Series.objects.filter(events__in=selectors.public_events()).distinct().order_by("id")


class PageSitemap(Sitemap):
    def items(self):
        return ["site:catalogue", "site:legal_notice", "site:personal_data", "site:accessibility"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"evenements": EventSitemap, "cycles": SeriesSitemap, "pages": PageSitemap}
