"""The search page and the commons of experiences: list, fiche, proposal, Atom feed, territory view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rencontres.experiences import selectors, services
from rencontres.experiences.exceptions import ExperienceError
from rencontres.search import search
from rencontres.search.enums import SearchKind
from rencontres.site.forms.search import ExperienceForm, SearchForm

PAGE_SIZE = 20
FACET_LABELS = {
    "kind": gettext_lazy("Type"),
    "territory": gettext_lazy("Département"),
    "theme": gettext_lazy("Thème"),
    "public": gettext_lazy("Public"),
    "year": gettext_lazy("Année"),
    "organization": gettext_lazy("Organisme"),
}
PARAMS = {"kind": "type", "territory": "territoire", "theme": "theme", "public": "public", "year": "annee"}
PARAMS["organization"] = "organisme"


def _results(request, *, kind: str = ""):
    form = SearchForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    page = data.get("page") or 1
    results = search(
        data.get("q", ""),
        kind=kind or data.get("type") or None,
        viewer=request.user,
        territory=data.get("territoire", ""),
        theme=data.get("theme", ""),
        public=data.get("public", ""),
        year=data.get("annee"),
        organization=data.get("organisme", ""),
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    facets = []
    for name, values in results.facets.items():
        if kind and name == "kind":
            continue
        param = PARAMS[name]
        links = []
        for value in values:
            params = request.GET.copy()
            params.pop("page", None)
            params[param] = value.value
            links.append(
                {"value": value, "query": params.urlencode(), "selected": request.GET.get(param) == value.value}
            )
        if links:
            facets.append({"label": FACET_LABELS[name], "links": links})
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "results": results,
        "facets": facets,
        "page": page,
        "has_next": page * PAGE_SIZE < results.count,
        "querystring": params.urlencode(),
        "searched": bool(request.GET) and valid,
    }
    return context, 200 if valid else 400


def search_page(request):
    context, status = _results(request)
    return render(request, "site/search/search.html", context, status=status)


def experiences(request):
    context, status = _results(request, kind=SearchKind.EXPERIENCE)
    return render(request, "site/search/experiences.html", context, status=status)


def experience_detail(request, slug: str):
    experience = selectors.published_by_slug(slug)
    if experience is None:
        raise Http404
    events = [e for e in experience.events.all() if e.is_visible_to_public]
    return render(request, "site/search/experience_detail.html", {"experience": experience, "events": events})


@login_required
def experience_propose(request):
    events = services.public_events_for_choice()
    form = ExperienceForm(request.POST or None, events=events)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            chosen_events = list(data.pop("events"))
            organization = services.organization_for(chosen_events) or data.pop("organization")
            data.pop("organization", None)
            try:
                services.propose(
                    proposer=request.user,
                    organization=organization,
                    events=chosen_events,
                    themes=data.pop("themes"),
                    **data,
                )
            except ExperienceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Merci : votre fiche est transmise à %(name)s, qui la relira avant publication.")
                    % {"name": organization.name},
                )
                return redirect("site:experiences")
        return render(request, "site/search/experience_propose.html", {"form": form}, status=400)
    return render(request, "site/search/experience_propose.html", {"form": form})


def experience_territories(request):
    return render(request, "site/search/territories.html", {"regions": selectors.territory_grid()})


class ExperiencesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Fiches expérience")
    subtitle = gettext_lazy("Les dernières expériences de terrain publiées")

    def link(self):
        return reverse("site:experiences")

    def items(self):
        return selectors.published().select_related("organization")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.carrier_name
