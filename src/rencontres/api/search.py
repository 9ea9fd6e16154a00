"""The commons face of the API: one French search (public results only), the published fiches expérience."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from rencontres.api.events import NO_NUL, ErrorOut
from rencontres.experiences import selectors as experience_selectors
from rencontres.search import search
from rencontres.search.enums import SearchKind

router = Router(tags=["Recherche"])


class SearchFilters(Schema):
    q: str = Field("", max_length=200, pattern=NO_NUL, description="Mots à chercher, accents et casse indifférents.")
    kind: SearchKind | None = Field(None, description="Seulement ce type de résultat.")
    territory: str = Field("", max_length=3, pattern=r"^[0-9AB]{0,3}$", description="Code du département.")
    theme: str = Field("", max_length=80, pattern=r"^[-a-z0-9_]*$", description="Identifiant du thème.")
    public: str = Field("", max_length=20, pattern=r"^[a-z]*$", description="Public (fiches expérience).")
    year: int | None = Field(None, ge=1900, le=2200, description="Année.")
    organization: str = Field("", max_length=80, pattern=r"^[-a-z0-9_]*$", description="Identifiant de l'organisme.")
    limit: int = Field(20, ge=1, le=100, description="Nombre de résultats (100 au plus).")
    offset: int = Field(0, ge=0, le=10_000, description="Nombre de résultats à sauter.")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class HitOut(Schema):
    kind: str
    title: str
    url: str = Field(description="Adresse de la page ou du document.")
    extract: str = Field(description="Extrait, en HTML échappé, les mots trouvés entre <mark> et </mark>.")
    rank: float = Field(description="Pertinence : plus grand, meilleur (échelle propre à chaque base de données).")


class SearchOut(Schema):
    count: int
    facets: dict[str, list[FacetValueOut]] = Field(
        description="Pour chaque facette (kind, territory, theme, public, year, organization), les valeurs et leurs effectifs."
    )
    items: list[HitOut]


@router.get("/search", response={200: SearchOut, 422: ErrorOut}, summary="Rechercher", operation_id="search")
def search_commons(request, filters: Query[SearchFilters]):
    """Événements, séances, intervenants, ressources publiques, actes et fiches expérience publiées."""
    results = search(
        filters.q,
        kind=filters.kind,
        territory=filters.territory,
        theme=filters.theme,
        public=filters.public,
        year=filters.year,
        organization=filters.organization,
        limit=filters.limit,
        offset=filters.offset,
    )
    base = request.build_absolute_uri("/").rstrip("/")
    return {
        "count": results.count,
        "facets": {name: [vars(v) for v in values] for name, values in results.facets.items()},
        "items": [
            {
                "kind": hit.kind,
                "title": hit.title,
                "url": hit.url if hit.url.startswith("http") else base + hit.url,
                "extract": str(hit.extract),
                "rank": hit.rank,
            }
            for hit in results.items
        ],
    }


class ExperienceOut(Schema):
    slug: str
    title: str
    summary: str
    territory: dict = Field(description="Codes INSEE et noms : commune, epci, department, region.")
    themes: list[str]


class ExperiencePageOut(Schema):
    count: int
    items: list[ExperienceOut]


class PresentedAtOut(Schema):
    slug: str
    title: str
    url: str


class ExperienceDetailOut(ExperienceOut):
    stage: str
    carrier: dict
    publics: list[str]
    partners: list[str]
    funding: str
    results: str
    year: int
    url: str
    events: list[PresentedAtOut] = Field(description="Les événements publics où l'expérience a été présentée.")


class ExperienceFilters(Schema):
    territory: str = Field("", max_length=3, pattern=r"^[0-9AB]{0,3}$", description="Code du département.")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=1_000_000)


def _experience(experience) -> dict:
    return {
        "slug": experience.slug,
        "title": experience.title,
        "summary": experience.summary,
        "territory": {
            "commune": {"code": experience.commune_code, "name": experience.commune_name},
            "epci": {"code": experience.epci_code, "name": experience.epci_name},
            "department": {"code": experience.department_code, "name": experience.department_name},
            "region": {"code": experience.region_code, "name": experience.region_name},
        },
        "themes": [t.name for t in experience.themes.all()],
    }


@router.get(
    "/experiences",
    response={200: ExperiencePageOut, 422: ErrorOut},
    summary="Fiches expérience",
    operation_id="list_experiences",
)
def list_experiences(request, filters: Query[ExperienceFilters]):
    """Les fiches expérience publiées, les plus récentes d'abord."""
    experiences = experience_selectors.published()
    if filters.territory:
        experiences = experiences.filter(department_code=filters.territory.upper())
    page = experiences.prefetch_related("themes")[filters.offset : filters.offset + filters.limit]
    return {"count": experiences.count(), "items": [_experience(e) for e in page]}


@router.get(
    "/experiences/{slug}",
    response={200: ExperienceDetailOut, 404: ErrorOut},
    summary="Une fiche expérience",
    operation_id="get_experience",
)
def get_experience(request, slug: str):
    """Une fiche publiée, avec les événements où elle a été présentée."""
    experience = experience_selectors.published_by_slug(slug[:120])
    if experience is None:
        raise Http404(_("Aucune fiche expérience publiée à cette adresse."))
    base = request.build_absolute_uri("/").rstrip("/")
    return {
        **_experience(experience),
        "stage": experience.stage,
        "carrier": {"name": experience.carrier_name, "kind": experience.carrier_kind},
        "publics": experience.publics,
        "partners": experience.partner_list,
        "funding": experience.funding,
        "results": experience.results,
        "year": experience.year,
        "url": base + experience.get_absolute_url(),
        "events": [
            {"slug": e.slug, "title": e.title, "url": base + e.get_absolute_url()}
            for e in experience.events.all()
            if e.is_visible_to_public
        ],
    }
