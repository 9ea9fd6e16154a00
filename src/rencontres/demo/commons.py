"""What the five events left behind: seed 001's documents as resources and its proceedings, seed 002's
proceedings with its workshops' restitution, and eight fiches expérience told at the seed events.

Seed 001's programme, pre-programme and proceedings become resources of the regional day
(the events app's documents they were, at their announced sizes, 163,9 and 52,1 ko); the
fiches come from what the announcements say was presented (the Tremblay-en-France action of
seed 003, the PTCE Vivre les Mureaux and the other webinar testimonies of seed 002, the
Voisins & Citoyens en Méditerranée cycle of seed 001). Their details are the demo's own.
"""

from django.core.files.base import ContentFile

from rencontres.events import services as event_services
from rencontres.events.enums import DocumentKind
from rencontres.events.models import Event, Theme
from rencontres.experiences import services as experience_services
from rencontres.experiences.enums import CarrierKind, ExperienceStatus, Public, Stage
from rencontres.resources import proceedings, services
from rencontres.resources.enums import ResourceKind

SITE_URL = "http://127.0.0.1:8000"
KINDS = {
    DocumentKind.PROGRAMME: ResourceKind.PROGRAMME,
    DocumentKind.PROCEEDINGS: ResourceKind.PROCEEDINGS,
    DocumentKind.SLIDES: ResourceKind.SLIDES,
    DocumentKind.SYNTHESIS: ResourceKind.SYNTHESIS,
}

INTRO_001 = (
    "La journée régionale du 15 juin 2011 a ouvert le cycle des **ateliers territoriaux de la cohésion "
    "sociale** en Provence-Alpes-Côte d'Azur : une journée pour penser l'innovation comme outil des "
    "politiques de cohésion sociale, avant un séminaire dans chaque département.\n\n"
    "- penser « global », agir « local », dans les territoires vécus ;\n"
    "- croiser les regards des services de l'État, des collectivités, des associations et des habitants."
)
INTRO_002 = (
    "Les rencontres de l'action sociale ont réuni, les 17 et 24 juin 2021, les acteurs du territoire "
    "autour d'une question : qu'a changé la crise sanitaire, et quelles coopérations construire ensemble ?\n\n"
    "Ces actes reprennent le programme, les intervenants des trois webinaires et la restitution des "
    "ateliers de co-construction du 24 juin."
)


def documents_as_resources(event: Event) -> list:
    """The event's documents, moved to its resources with their files and sizes (the resources app shows them now)."""
    resources = []
    for document in event.documents.select_related("day").order_by("day__date", "id"):
        with document.file.open("rb") as handle:
            content = ContentFile(handle.read(), name=document.file.name.rsplit("/", 1)[-1])
        resources.append(
            services.add_resource(
                event=event,
                kind=KINDS.get(document.kind, ResourceKind.READING),
                title=document.title,
                file=content,
                day=document.day,
            )
        )
        event_services.delete_document(document=document)
    return resources


def publish_proceedings(event: Event, *, title: str, introduction: str, resources=(), workshops=()):
    composed = proceedings.compose(
        event=event, title=title, introduction=introduction, workshops=workshops, resources=resources
    )
    return proceedings.publish(proceedings=composed, site_url=SITE_URL)


def _themes(*slugs) -> list[Theme]:
    return list(Theme.objects.filter(slug__in=slugs))


EXPERIENCES = [
    {
        "seed": "003",
        "title": "Une action collective avec les habitants à Tremblay-en-France",
        "summary": "Des assistantes sociales du service social départemental et des habitants d'un quartier de "
        "Tremblay-en-France ont construit ensemble une action collective : diagnostic partagé, réunions "
        "publiques, puis un groupe d'habitants qui porte ses propres démarches auprès des institutions.",
        "department_code": "93",
        "commune_code": "93073",
        "commune_name": "Tremblay-en-France",
        "stage": Stage.EVALUATION,
        "carrier_name": "Service social départemental de la Seine-Saint-Denis",
        "carrier_kind": CarrierKind.DEPARTMENT,
        "year": 2016,
        "publics": [Public.RESIDENTS, Public.PRECARITY],
        "partners": "Habitants du quartier\nVille de Tremblay-en-France",
        "results": "Un groupe d'habitants constitué, des permanences co-animées, une méthode transmise aux équipes.",
        "themes": ("intervention-sociale-collective", "developpement-social-local"),
    },
    {
        "seed": "002",
        "title": "PTCE Vivre les Mureaux : coopérer entre société civile, acteurs sociaux et entreprises",
        "summary": "Un pôle territorial de coopération économique réunit associations, collectivités, bailleurs et "
        "entreprises des Mureaux autour de projets d'insertion, de services de proximité et d'emploi local.",
        "department_code": "78",
        "commune_code": "78440",
        "commune_name": "Les Mureaux",
        "stage": Stage.SPREADING,
        "carrier_name": "PTCE Vivre les Mureaux",
        "carrier_kind": CarrierKind.COMPANY,
        "year": 2014,
        "publics": [Public.JOBSEEKERS, Public.RESIDENTS],
        "partners": "Ville des Mureaux\nAssociations du territoire\nEntreprises locales",
        "funding": "État (appel à projets PTCE), collectivités, mécénat d'entreprises.",
        "themes": ("economie-sociale-et-solidaire", "cooperations-territoriales"),
    },
    {
        "seed": "002",
        "title": "Le journal de bord d'un EHPAD pendant le premier confinement",
        "summary": "La directrice de l'EHPAD Lumières d'automne a tenu au jour le jour le journal des situations "
        "vécues par les résidents, les familles et l'équipe, pour garder trace et partager ce qui a tenu.",
        "department_code": "93",
        "commune_code": "93070",
        "commune_name": "Saint-Ouen-sur-Seine",
        "stage": Stage.EVALUATION,
        "carrier_name": "EHPAD Lumières d'automne",
        "carrier_kind": CarrierKind.INSTITUTION,
        "year": 2020,
        "publics": [Public.ELDERLY, Public.PROFESSIONALS],
        "themes": ("action-sociale-et-crise-sanitaire",),
    },
    {
        "seed": "002",
        "title": "Aller vers les étudiants isolés pendant la crise sanitaire",
        "summary": "Sur ses sites de Nanterre et de Cergy, le Crous a appelé les étudiants restés en résidence, "
        "distribué une aide alimentaire et ouvert des permanences sociales et psychologiques.",
        "department_code": "92",
        "commune_code": "92050",
        "commune_name": "Nanterre",
        "stage": Stage.EXPERIMENT,
        "carrier_name": "Crous de Versailles",
        "carrier_kind": CarrierKind.INSTITUTION,
        "year": 2020,
        "publics": [Public.YOUTH, Public.PRECARITY],
        "themes": ("action-sociale-et-crise-sanitaire",),
    },
    {
        "seed": "002",
        "title": "Dépister au plus près des personnes en précarité",
        "summary": "La cellule de crise des Yvelines de l'agence régionale de santé a organisé des dépistages et "
        "une médiation sanitaire dans les lieux d'accueil des personnes en précarité, avec les conseils locaux "
        "en santé mentale.",
        "department_code": "78",
        "stage": Stage.EXPERIMENT,
        "carrier_name": "Agence régionale de santé Île-de-France, cellule de crise 78",
        "carrier_kind": CarrierKind.STATE,
        "year": 2020,
        "publics": [Public.PRECARITY, Public.HOMELESS],
        "themes": ("action-sociale-et-crise-sanitaire",),
    },
    {
        "seed": "002",
        "title": "L'analyse des besoins sociaux comme outil de coopération",
        "summary": "La Ville de Houilles s'appuie sur son analyse des besoins sociaux pour réunir les acteurs "
        "locaux et décider ensemble des actions prioritaires après la crise.",
        "department_code": "78",
        "commune_code": "78311",
        "commune_name": "Houilles",
        "stage": Stage.EVALUATION,
        "carrier_name": "Ville de Houilles, affaires sociales",
        "carrier_kind": CarrierKind.COMMUNE,
        "year": 2021,
        "publics": [Public.ALL],
        "themes": ("cooperations-territoriales", "developpement-social-local"),
    },
    {
        "seed": "002",
        "title": "Un documentaire sur les acteurs de l'aide aux victimes de violences conjugales",
        "summary": "Une réalisatrice yvelinoise a suivi les associations et les professionnels qui accompagnent "
        "les victimes de violences conjugales ; le film sert de support à des débats dans les territoires.",
        "department_code": "78",
        "stage": Stage.SPREADING,
        "carrier_name": "Rébecca Lafon, réalisatrice",
        "carrier_kind": CarrierKind.OTHER,
        "year": 2021,
        "publics": [Public.PROFESSIONALS, Public.ALL],
        "themes": ("culture-et-droits-culturels",),
    },
    {
        "seed": "001",
        "title": "Des ateliers territoriaux de la cohésion sociale dans chaque département",
        "summary": "Avec l'association Voisins & Citoyens en Méditerranée, l'État en région a ouvert dans chaque "
        "département un espace de réflexion où services de l'État, collectivités, associations et habitants "
        "mettent en débat leurs pratiques de cohésion sociale.",
        "department_code": "13",
        "stage": Stage.SPREADING,
        "carrier_name": "Voisins & Citoyens en Méditerranée",
        "carrier_kind": CarrierKind.ASSOCIATION,
        "year": 2011,
        "publics": [Public.PROFESSIONALS],
        "partners": "DRJSCS PACA\nDirections départementales de la cohésion sociale",
        "themes": ("cohesion-sociale", "innovation-sociale"),
    },
]


def load_commons(by_seed: dict[str, Event], *, organiser) -> None:
    regional_day = by_seed["001"]
    resources = documents_as_resources(regional_day)
    publish_proceedings(
        regional_day,
        title="Actes de la journée régionale du 15 juin 2011",
        introduction=INTRO_001,
        resources=resources,
    )
    saint_germain = by_seed["002"]
    publish_proceedings(
        saint_germain,
        title="Actes des rencontres de l'action sociale 2021",
        introduction=INTRO_002,
        workshops=proceedings.eligible_workshops(saint_germain),
    )
    for data in EXPERIENCES:
        fields = dict(data)
        event = by_seed[fields.pop("seed")]
        experience_services.propose(
            proposer=organiser,
            organization=event.organization,
            events=[event],
            themes=_themes(*fields.pop("themes")),
            status=ExperienceStatus.PUBLISHED,
            **fields,
        )
