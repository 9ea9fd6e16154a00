"""The five demonstration events, entered by hand from the announcements they come from.

Each block below is one announcement (the reference cases of PRODUCT.md), read the way a
careful organiser would enter it in the back-office: real past dates, the full programme,
speakers with what the text says about them, prices in cents, venues with their access.
`demo.load_demo` turns these plain records into rows through the event services.

Two corrections to the source texts, on purpose:
- seed 004 says « de novembre 2020 à juin 2121 »: the training ends in June 2021;
- seed 000 prints « Claire-Autant Dorier »: the sociologist of Université Jean-Monnet is
  Claire Autant-Dorier (see SOURCE_NAME_CORRECTIONS).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .enums import DocumentKind, EventFormat, PayerKind, SessionKind, SessionMode, SpeakerRole

DEMO_ORGANISER_EMAIL = "organisatrice@rencontres.localhost"
DEMO_ORGANISER_PASSWORD = "rencontres-demo"

# Name as printed in a source text → name as entered here.
SOURCE_NAME_CORRECTIONS = {"Claire-Autant Dorier": "Claire Autant-Dorier"}


@dataclass(frozen=True)
class OrganizationData:
    slug: str
    name: str
    short_name: str = ""
    siret: str = ""
    training_body_number: str = ""
    charges_vat: bool = False
    vat_exemption_note: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""


@dataclass(frozen=True)
class VenueData:
    key: str
    name: str
    street: str = ""
    postcode: str = ""
    city: str = ""
    transport_access: str = ""
    accessibility_notes: str = ""


@dataclass(frozen=True)
class SpeakerData:
    name: str
    affiliation: str = ""
    bio: str = ""
    role: str = SpeakerRole.SPEAKER


@dataclass(frozen=True)
class SessionData:
    title: str
    kind: str = SessionKind.TALK
    start: dt.time | None = None
    end: dt.time | None = None
    mode: str = SessionMode.ON_SITE
    is_open_to_public: bool = False
    public_capacity: int | None = None  # seats for the public, registered on their own
    venue: str | None = None  # a VenueData.key of the same event
    description: str = ""
    speakers: tuple[str, ...] = ()  # SpeakerData.name of the same event


@dataclass(frozen=True)
class DayData:
    date: dt.date
    title: str = ""
    is_month_only: bool = False
    sessions: tuple[SessionData, ...] = ()


@dataclass(frozen=True)
class PriceData:
    label: str
    amount_cents: int
    payer_kind: str
    includes: str = ""


@dataclass(frozen=True)
class DocumentData:
    title: str
    kind: str
    filename: str
    text: str  # the short text printed under the title in the generated PDF
    day: dt.date | None = None  # attach to the day of that date
    size_bytes: int | None = None  # the size the announcement gives: the stand-in PDF is padded to it


@dataclass(frozen=True)
class SeriesData:
    slug: str
    title: str
    description: str


@dataclass(frozen=True)
class EventData:
    seed: str  # file stem in ../shared/seeds, kept to compare with what a reader extracts
    organization: OrganizationData
    title: str
    format: str
    days: tuple[DayData, ...]
    subtitle: str = ""
    description: str = ""
    audience: str = ""
    objectives: str = ""
    prerequisites: str = ""
    partners: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # Theme slugs, see THEMES
    department_code: str = ""
    commune: str = ""
    venues: tuple[VenueData, ...] = ()
    main_venue: str | None = None
    registration_url: str = ""
    application_files: tuple[str, ...] = ()  # the pieces of the application file, asked at registration
    is_invitation_only: bool = False
    is_training_action: bool = False  # an « action de formation »: attendance by half-day is required
    capacity_min: int | None = None
    capacity_max: int | None = None
    total_hours: Decimal | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    speakers: tuple[SpeakerData, ...] = ()
    prices: tuple[PriceData, ...] = ()
    documents: tuple[DocumentData, ...] = ()
    series: SeriesData | None = None
    # Announced before its dates are known: no days, the period the announcement gives.
    period_label: str = ""
    period_ends_on: dt.date | None = None


def _t(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


# Theme slug → name. Realistic themes of the five texts; each event picks a few.
THEMES = {
    "cohesion-sociale": "Cohésion sociale",
    "economie-sociale-et-solidaire": "Économie sociale et solidaire",
    "developpement-social-local": "Développement social local",
    "action-sociale-et-crise-sanitaire": "Action sociale et crise sanitaire",
    "intervention-sociale-collective": "Intervention sociale d'intérêt collectif",
    "innovation-sociale": "Innovation sociale",
    "cooperations-territoriales": "Coopérations territoriales",
    "culture-et-droits-culturels": "Culture et droits culturels",
}


# ---------------------------------------------------------------------------
# Seed 000 — Collège Européen de Cluny, séminaire de formation, 12-13 octobre 2021
# ---------------------------------------------------------------------------

CLUNY = OrganizationData(
    slug="college-europeen-de-cluny",
    name="CCIC – Collège Européen de Cluny",
    short_name="Collège Européen de Cluny",
    charges_vat=False,
    # The seed's own words: the Collège is not liable to VAT today, with no article cited.
    vat_exemption_note=(
        "Actuellement pas assujettie à la TVA : si la réglementation ou sa situation à cet égard évoluait, "
        "les taxes au taux légal en vigueur viendraient en sus du prix affiché."
    ),
    contact_email="contact@collegecluny.eu",
)

CLUNY_SEMINAIRE = EventData(
    seed="000_802e2039142a63cd",
    organization=CLUNY,
    title="Quelles solidarités pour demain dans les territoires ?",
    format=EventFormat.SEMINAIRE,
    is_training_action=True,
    description=(
        "La crise induite par la Covid-19 n'était pas que sanitaire : elle a bouleversé les rapports "
        "sociaux dans le monde entier et rappelé l'importance vitale du lien social et des solidarités. "
        "Elle nous conduit à imaginer le modèle social du XXIe siècle, notamment dans les territoires où "
        "s'exerce la solidarité de proximité. Cette formation abordera cette question sous différents "
        "aspects : de l'analyse des besoins sociaux aux concepts fondamentaux de l'action sociale, en "
        "passant par des études de cas pratiques.\n\n"
        "Contenu :\n"
        "- approches théoriques et institutionnelles de la notion de solidarité ;\n"
        "- visite de terrain, retour d'expériences innovantes ;\n"
        "- approfondissements thématiques avec des chercheurs et des acteurs de terrain ;\n"
        "- travail en intelligence collective.\n\n"
        "Modalités de prise en charge : nous contacter. Le Collège n'est actuellement pas assujetti à la "
        "TVA ; si la réglementation ou sa situation à cet égard évoluait, les taxes au taux légal en "
        "vigueur viendraient en sus du prix affiché."
    ),
    audience=(
        "Professionnels de l'action sociale et des collectivités. Le séminaire accueillera des étudiants "
        "de l'Université Jean-Monnet de Saint-Étienne (master Intervention et développement social), "
        "qui contribueront aux travaux du groupe."
    ),
    objectives=(
        "Analyser les besoins sociaux d'un territoire.\n"
        "Identifier et construire des actions sociales innovantes.\n"
        "Favoriser l'inclusion et la participation dans un projet social."
    ),
    partners=("Université Jean-Monnet, Saint-Étienne",),
    themes=("cohesion-sociale", "developpement-social-local", "action-sociale-et-crise-sanitaire"),
    department_code="71",
    commune="Cluny",
    contact_email="contact@collegecluny.eu",
    speakers=(
        SpeakerData(
            name="Boris Chevrot",
            role=SpeakerRole.COORDINATOR,
            affiliation="Coordinateur du séminaire, Collège Européen de Cluny et Communauté de communes du Clunisois",
            bio=(
                "Diplômé en sociologie et sciences de l'éducation de l'Université Lyon 2, où il enseigne en "
                "formation continue. Durant sa thèse, il a travaillé sur les questions d'innovation sociale "
                "locale et de pauvreté en milieu rural, comme travailleur social. Il a développé une démarche "
                "de « recherche impliquée » qu'il pratique au Collège Européen de Cluny et à la Communauté de "
                "communes du Clunisois, en tant que responsable des services économiques et sociaux."
            ),
        ),
        SpeakerData(
            name="Claire Autant-Dorier",
            affiliation="Sociologue, enseignante-chercheuse, Université Jean-Monnet",
        ),
        SpeakerData(
            name="Jacques Ion",
            affiliation="Sociologue, ancien directeur de recherches au CNRS",
        ),
    ),
    prices=(
        PriceData(
            label="Coût de la formation",
            amount_cents=85_000,
            payer_kind=PayerKind.EMPLOYER,
            includes="déjeuners inclus",
        ),
    ),
    days=(
        DayData(
            date=dt.date(2021, 10, 12),
            sessions=(
                SessionData("Introduction théorique", start=_t(9), end=_t(10, 30), speakers=("Boris Chevrot",)),
                SessionData(
                    "Table ronde – De nouvelles solidarités après la Covid-19 ?",
                    kind=SessionKind.ROUND_TABLE,
                    start=_t(10, 45),
                    end=_t(12, 30),
                ),
                SessionData(
                    "Étude de cas / immersion sur le terrain",
                    kind=SessionKind.FIELD_VISIT,
                    start=_t(13, 45),
                    end=_t(17, 45),
                    description="Visite de terrain et retour d'expériences innovantes.",
                ),
                SessionData(
                    "Conférence « Être solidaires dans un monde dit “individualiste” ? »",
                    kind=SessionKind.LECTURE,
                    start=_t(20),
                    is_open_to_public=True,
                    public_capacity=80,
                    description="Conférence ouverte au public.",
                    speakers=("Jacques Ion",),
                ),
            ),
        ),
        DayData(
            date=dt.date(2021, 10, 13),
            sessions=(
                SessionData("Les outils pour diagnostiquer les besoins sociaux", start=_t(9), end=_t(12, 30)),
                SessionData(
                    "Exercices pratiques autour des cas des participants",
                    kind=SessionKind.WORKSHOP,
                    start=_t(13, 30),
                    end=_t(16, 30),
                ),
                SessionData(
                    "Bilan de la formation",
                    kind=SessionKind.PLENARY,
                    start=_t(16, 30),
                    end=_t(17),
                    speakers=("Boris Chevrot",),
                ),
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------
# Seed 001 — DRJSCS PACA, cycle « Ateliers territoriaux de la cohésion sociale », 2011
# ---------------------------------------------------------------------------

DRJSCS_PACA = OrganizationData(
    slug="drjscs-paca",
    name="Direction régionale de la jeunesse, des sports et de la cohésion sociale Provence-Alpes-Côte d'Azur",
    short_name="DRJSCS PACA",
)

PACA_CYCLE = SeriesData(
    slug="ateliers-territoriaux-cohesion-sociale-paca",
    title="Ateliers territoriaux de la cohésion sociale en PACA",
    description=(
        "La Direction régionale de la jeunesse, des sports et de la cohésion sociale et les Directions "
        "départementales de la cohésion sociale, en partenariat avec l'association Voisins & Citoyens en "
        "Méditerranée, organisent un cycle de 7 séminaires destinés aux professionnels, au plus près de "
        "leurs territoires d'intervention, pour débattre des objectifs et des moyens des politiques locales "
        "de cohésion sociale de demain.\n\n"
        "Le cycle commence par la journée régionale « L'innovation comme outil des politiques de cohésion "
        "sociale » le 15 juin 2011, puis un séminaire par département, prévu courant 2e semestre 2011 "
        "(dates et lieux à venir)."
    ),
)

PACA_JOURNEE_REGIONALE = EventData(
    seed="001_dbeac11121138d50",
    organization=DRJSCS_PACA,
    series=PACA_CYCLE,
    title="L'innovation comme outil des politiques de cohésion sociale",
    subtitle="Journée régionale des ateliers territoriaux de la cohésion sociale en PACA",
    format=EventFormat.JOURNEE,
    description=(
        "Pourquoi organiser des ateliers territoriaux de la cohésion sociale en PACA ?\n\n"
        "Parce que les problématiques sociales auxquelles sont confrontés les habitants de la région "
        "nécessitent de dépasser les approches traditionnelles de l'intervention sociale ou éducative, ou "
        "de la gestion de dispositifs, et de penser les problèmes de manière plus globale et sociétale. "
        "C'est ce que propose le concept de « cohésion sociale », entendu comme « savoir vivre ensemble ».\n\n"
        "Parce que s'il faut penser « global », il faut « agir local », dans les territoires vécus, où "
        "l'État, les collectivités, les entreprises, les associations et les habitants peuvent se mobiliser "
        "et produire de l'intelligence collective.\n\n"
        "Parce qu'il existe peu d'espaces de réflexion et de mise en débat où les parties prenantes des "
        "politiques territoriales échangent sur leurs pratiques, découvrent les projets innovants du "
        "territoire voisin, les études et les évaluations menées : comment mieux observer les phénomènes "
        "sociaux, évaluer les effets des actions publiques, capitaliser les savoirs des chercheurs, des "
        "professionnels et des usagers ?\n\n"
        "Les actes de la journée régionale sont à télécharger ci-dessous."
    ),
    audience="Professionnels des services de l'État, des collectivités et des associations de la région.",
    partners=(
        "Directions départementales de la cohésion sociale de la région PACA (co-organisatrices)",
        "Voisins & Citoyens en Méditerranée",
    ),
    themes=("cohesion-sociale", "innovation-sociale", "cooperations-territoriales"),
    days=(
        DayData(
            date=dt.date(2011, 6, 15),
            title="Journée régionale",
            sessions=(
                SessionData(
                    "L'innovation comme outil des politiques de cohésion sociale",
                    kind=SessionKind.PLENARY,
                    description="Journée régionale d'ouverture du cycle (horaires dans le programme à télécharger).",
                ),
            ),
        ),
    ),
    documents=(
        DocumentData(
            title="Programme du 15 juin 2011",
            kind=DocumentKind.PROGRAMME,
            filename="programme-journee-regionale-15-juin-2011.pdf",
            text="Journée régionale « L'innovation comme outil des politiques de cohésion sociale », "
            "15 juin 2011. Document de démonstration.",
            day=dt.date(2011, 6, 15),
            size_bytes=163_900,
        ),
        DocumentData(
            title="Préprogramme des ateliers départementaux",
            kind=DocumentKind.PROGRAMME,
            filename="preprogramme-ateliers-departementaux.pdf",
            text="Un séminaire par département de la région, courant 2e semestre 2011. Document de démonstration.",
            # Offered on the regional day's page, after its programme (the day's documents come by date).
            day=dt.date(2011, 6, 15),
            size_bytes=52_100,
        ),
        DocumentData(
            title="Les actes de la journée régionale du 15 juin 2011",
            kind=DocumentKind.PROCEEDINGS,
            filename="actes-journee-regionale-15-juin-2011.pdf",
            text="Actes de la journée régionale des ateliers territoriaux de la cohésion sociale en PACA. "
            "Document de démonstration.",
            day=dt.date(2011, 6, 15),
        ),
    ),
)


# « Un séminaire par département prévu courant 2e semestre 2011 »: the six départements of
# the region, each announced with its territory, dates and places to come (seed 001 says no more).
PACA_DEPARTMENTS = (
    ("04", "des Alpes-de-Haute-Provence"),
    ("05", "des Hautes-Alpes"),
    ("06", "des Alpes-Maritimes"),
    ("13", "des Bouches-du-Rhône"),
    ("83", "du Var"),
    ("84", "de Vaucluse"),
)

PACA_DEPARTMENTAL_SEMINARS: tuple[EventData, ...] = tuple(
    EventData(
        seed="001_dbeac11121138d50",
        organization=DRJSCS_PACA,
        series=PACA_CYCLE,
        title=f"Séminaire de la cohésion sociale {of_department}",
        subtitle="Atelier départemental du cycle des ateliers territoriaux de la cohésion sociale en PACA",
        format=EventFormat.SEMINAIRE,
        description=(
            "Après la journée régionale du 15 juin 2011, le cycle se poursuit par un séminaire dans chaque "
            "département, au plus près des territoires d'intervention des professionnels, pour débattre des "
            "objectifs et des moyens des politiques locales de cohésion sociale de demain.\n\n"
            "Le préprogramme des ateliers départementaux est à télécharger sur la page de la journée régionale."
        ),
        audience="Professionnels des services de l'État, des collectivités et des associations du département.",
        partners=(
            f"Direction départementale de la cohésion sociale {of_department} (co-organisatrice)",
            "Voisins & Citoyens en Méditerranée",
        ),
        themes=("cohesion-sociale", "cooperations-territoriales"),
        department_code=code,
        days=(),
        period_label="2e semestre 2011",
        period_ends_on=dt.date(2011, 12, 31),
    )
    for code, of_department in PACA_DEPARTMENTS
)


# ---------------------------------------------------------------------------
# Seed 002 — Ville de Saint-Germain-en-Laye, Rencontres de l'action sociale, 17 et 24 juin 2021
# ---------------------------------------------------------------------------

SAINT_GERMAIN = OrganizationData(
    slug="ville-de-saint-germain-en-laye",
    name="Ville de Saint-Germain-en-Laye",
    short_name="Saint-Germain-en-Laye",
)

THEATRE_ALEXANDRE_DUMAS = VenueData(
    key="theatre",
    name="Théâtre Alexandre-Dumas",
    street="Jardin des arts, 3 rue Henri-IV",
    city="Saint-Germain-en-Laye",
)

SAINT_GERMAIN_RENCONTRES = EventData(
    seed="002_030eccfb6c654d4a",
    organization=SAINT_GERMAIN,
    title="Les rencontres de l'action sociale",
    subtitle=(
        "L'action sociale en temps de crise : débats, échanges de pratiques et construction de "
        "coopérations territoriales"
    ),
    format=EventFormat.RENCONTRES,
    description=(
        "Plus d'un an après le premier confinement, la crise sanitaire a bouleversé nos modes de vie, nos "
        "habitudes, nos méthodes de travail et nos relations sociales. Que s'est-il passé pour l'action "
        "sociale, dont l'essence même est de favoriser l'accompagnement, les rencontres et la solidarité, "
        "durant une période où les relations de proximité ont dû être évitées ? Quel bilan tirer de cette "
        "crise et quelles perspectives pour l'action sociale, notamment au niveau local ? Quelles nouvelles "
        "coopérations entre acteurs publics et acteurs de terrain ?\n\n"
        "Ces rencontres s'articulent autour de deux journées. La première, jeudi 17 juin, dresse en trois "
        "webinaires un état des lieux de l'action sociale en temps de crise et donne à voir les bonnes "
        "pratiques développées sur le territoire et en Île-de-France. La deuxième, jeudi 24 juin, sur place, "
        "est tournée vers la co-construction entre les acteurs de l'action sociale du territoire : quels "
        "chantiers développer ensemble, pour quels objectifs et quels publics ?\n\n"
        "Un buffet déjeunatoire sera proposé aux participants le 24 juin. Les deux journées sont animées "
        "par l'agence d'innovation sociale Les beaux jours."
    ),
    audience="Acteurs de l'action sociale du territoire : professionnels, associations, élus et partenaires publics.",
    partners=("Les beaux jours, agence d'innovation sociale (animation des deux journées)",),
    themes=("action-sociale-et-crise-sanitaire", "cooperations-territoriales", "developpement-social-local"),
    department_code="78",
    commune="Saint-Germain-en-Laye",
    venues=(THEATRE_ALEXANDRE_DUMAS,),
    main_venue="theatre",
    registration_url="https://cutt.ly/bb9KFm5",
    speakers=(
        SpeakerData("Arnaud Pericard", affiliation="Maire de Saint-Germain-en-Laye"),
        SpeakerData(
            "Axelle Dolino-Brodiez",
            affiliation="Chargée de recherche, CNRS, co-directrice du Centre Norbert-Elias",
            bio="Membre du comité scientifique du Conseil national des politiques de lutte contre la pauvreté "
            "et l'exclusion sociale (CNLE).",
        ),
        SpeakerData(
            "Marcel Jaeger",
            affiliation="Professeur émérite, Cnam",
            bio="Anciennement titulaire de la chaire de Travail social et d'intervention sociale du Cnam, membre "
            "du LISE (Laboratoire interdisciplinaire pour la sociologie économique).",
        ),
        SpeakerData(
            "Isabelle Boisard",
            affiliation="Assistante sociale, Association nationale des assistants de service social (ANAS)",
            bio="Membre du conseil d'administration de l'ANAS.",
        ),
        SpeakerData(
            "Martine de Labarre",
            affiliation="Présidente de la Délégation territoriale des Yvelines de la Croix-Rouge",
        ),
        SpeakerData(
            "Françoise Rouhet",
            affiliation="Présidente de l'Unité locale de la Croix-Rouge de Saint-Germain-en-Laye",
            bio="Participation annoncée comme possible, aux côtés de Martine de Labarre.",
        ),
        SpeakerData(
            "Eve Guillaume",
            affiliation="Directrice de l'EHPAD Lumières d'automne, Saint-Ouen (Seine-Saint-Denis)",
            bio="A tenu un journal de bord des situations vécues dans son établissement pendant le premier "
            "confinement.",
        ),
        SpeakerData(
            "Rébecca Lafon",
            affiliation="Réalisatrice",
            bio="Réalisatrice yvelinoise d'un documentaire sur les acteurs de l'aide aux victimes de violences "
            "conjugales.",
        ),
        SpeakerData(
            "Isabelle Otlet",
            affiliation="Agence régionale de santé Île-de-France",
            bio="Chargée de mission référente Précarité, conseils locaux en santé mentale, médiatrice Lutte "
            "anti-covid, dépistage au sein de la cellule de crise 78.",
        ),
        SpeakerData(
            "Frédéric Moreau",
            affiliation="Directeur des sites de Nanterre et Cergy du Crous de Versailles",
        ),
        SpeakerData(
            "Frédéric Bodo",
            affiliation="Responsable du pôle Politiques sociales, Union nationale des centres communaux et "
            "intercommunaux d'action sociale (UNCCAS)",
        ),
        SpeakerData(
            "Marine Ducelier",
            affiliation="Coordinatrice des Affaires sociales, Ville de Houilles (Yvelines)",
        ),
        SpeakerData(
            "Jean-Marc Sémoulin",
            affiliation="Président du PTCE Vivre les Mureaux",
            bio="Un exemple réussi de collaborations entre société civile, acteurs sociaux, collectivités et "
            "acteurs économiques.",
        ),
    ),
    days=(
        DayData(
            date=dt.date(2021, 6, 17),
            title="Trois webinaires",
            sessions=(
                SessionData(
                    "Ouverture des rencontres",
                    kind=SessionKind.TALK,
                    start=_t(9, 30),
                    mode=SessionMode.ONLINE,
                    description="Ouverture par le maire de Saint-Germain-en-Laye, suivie d'une vidéo "
                    "d'introduction avec des témoignages d'acteurs du territoire.",
                    speakers=("Arnaud Pericard",),
                ),
                SessionData(
                    "Webinaire #1 : Crise sanitaire, quels impacts sur les populations vulnérables, l'action "
                    "sociale et les solidarités ?",
                    kind=SessionKind.WEBINAR,
                    start=_t(10),
                    end=_t(11, 30),
                    mode=SessionMode.ONLINE,
                    description=(
                        "Cette table ronde explore l'impact de la crise sanitaire sur les solidarités, les "
                        "professionnels de l'action sociale et le quotidien des publics fragiles. De nouveaux "
                        "publics se sont retrouvés en situation de précarité ; la situation des populations déjà "
                        "vulnérables s'est généralement aggravée. Les intervenants se questionneront sur la "
                        "consolidation des solidarités dans les territoires, l'évolution des pratiques "
                        "professionnelles et les coopérations à développer entre pouvoirs publics et acteurs "
                        "de terrain."
                    ),
                    speakers=(
                        "Axelle Dolino-Brodiez",
                        "Marcel Jaeger",
                        "Isabelle Boisard",
                        "Martine de Labarre",
                        "Françoise Rouhet",
                    ),
                ),
                SessionData(
                    "Webinaire #2 : Sur le terrain : quelles (nouvelles) pratiques ont émergé, quelles "
                    "coopérations se sont renforcées durant la crise sanitaire ?",
                    kind=SessionKind.WEBINAR,
                    start=_t(14),
                    end=_t(15, 15),
                    mode=SessionMode.ONLINE,
                    description=(
                        "Des retours d'expériences : les intervenants témoignent des initiatives qu'ils ont vu "
                        "émerger ou mises en place durant la pandémie. Quels moyens, quels soutiens "
                        "(institutionnels, associatifs, engagement citoyen) ? Quelles perspectives et "
                        "pérennisations pour ces pratiques ?"
                    ),
                    speakers=("Eve Guillaume", "Rébecca Lafon", "Isabelle Otlet", "Frédéric Moreau"),
                ),
                SessionData(
                    "Webinaire #3 : Leviers, outils et perspectives pour consolider les bonnes pratiques et "
                    "tirer les leçons de la crise sanitaire",
                    kind=SessionKind.WEBINAR,
                    start=_t(15, 30),
                    end=_t(16, 45),
                    mode=SessionMode.ONLINE,
                    description=(
                        "Présentation et analyse d'exemples concrets d'outils (comme l'analyse des besoins "
                        "sociaux du territoire) ou de formats de coopération (comme les pôles territoriaux de "
                        "coopération en économie sociale et solidaire) dont les acteurs de l'action "
                        "sociale et leurs partenaires publics peuvent se saisir pour être plus résilients. "
                        "Avec aussi un(e) représentant(e) de l'agglomération de Saint Germain Boucles de Seine "
                        "sur le volet renouvellement urbain, exemple de coopération entre collectivités et "
                        "acteurs locaux."
                    ),
                    speakers=("Frédéric Bodo", "Marine Ducelier", "Jean-Marc Sémoulin"),
                ),
            ),
        ),
        DayData(
            date=dt.date(2021, 6, 24),
            title="Journée collaborative",
            sessions=(
                SessionData("Accueil", kind=SessionKind.OTHER, start=_t(9), venue="theatre"),
                SessionData("Début des travaux", kind=SessionKind.PLENARY, start=_t(9, 30), venue="theatre"),
                SessionData(
                    "Ateliers d'interconnaissances et d'échange de pratiques",
                    kind=SessionKind.WORKSHOP,
                    start=_t(10),
                    end=_t(12),
                    venue="theatre",
                ),
                SessionData(
                    "Ateliers de co-construction de chantiers et d'actions intercommunales autour de l'action sociale",
                    kind=SessionKind.WORKSHOP,
                    start=_t(13, 30),
                    end=_t(15, 30),
                    venue="theatre",
                ),
                SessionData(
                    "Restitution des travaux et perspectives collectives",
                    kind=SessionKind.PLENARY,
                    start=_t(15, 45),
                    end=_t(16, 30),
                    venue="theatre",
                    description="Restitution en plénière de ce qu'ont produit les ateliers.",
                ),
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------
# Seed 003 — Conseil général de la Seine-Saint-Denis, matinée sur invitation, 6 novembre 2014
# ---------------------------------------------------------------------------

SEINE_SAINT_DENIS = OrganizationData(
    slug="conseil-general-seine-saint-denis",
    name="Conseil général de la Seine-Saint-Denis – Service social départemental",
    short_name="Seine-Saint-Denis",
    contact_email="plauthrey@cg93.fr",
    contact_phone="01 43 93 87 80",
)

BOURSE_DU_TRAVAIL_BOBIGNY = VenueData(
    key="bourse",
    name="Auditorium de la Bourse départementale du travail",
    street="1, place de la Libération",
    postcode="93000",
    city="Bobigny",
    transport_access="Métro ligne 5, station Bobigny-Pablo-Picasso.\nTramway ligne 1, station Libération.",
)

SEINE_SAINT_DENIS_MATINEE = EventData(
    seed="003_598e60541b039622",
    organization=SEINE_SAINT_DENIS,
    title="L'intervention collective dans l'action sociale",
    subtitle="Demi-journée professionnelle du Service social départemental",
    format=EventFormat.MATINEE,
    description=(
        "Dans le cadre des missions du Service social départemental, l'intervention collective représente "
        "une voie d'action essentielle pour contribuer à la promotion de la citoyenneté et de l'autonomie "
        "des personnes. La dimension collective dynamise l'usager dans sa position d'acteur, mobilise ses "
        "compétences, favorise le lien social et le réinscrit dans son environnement social, économique et "
        "culturel. Intervention collective et accompagnement individuel sont complémentaires.\n\n"
        "Cette matinée technique est une nouvelle étape de la démarche participative menée avec les cadres "
        "et les équipes de circonscriptions, qui aboutira au deuxième Forum des actions collectives du "
        "Service social départemental, le 4 juin 2015.\n\n"
        "Stéphane Troussel, président du Conseil général de la Seine-Saint-Denis, et Jean-François Baillon, "
        "vice-président en charge de la solidarité, de l'insertion et de l'économie sociale et solidaire, "
        "ont le plaisir de vous convier à cette demi-journée professionnelle."
    ),
    audience=(
        "Sur invitation : cadres et équipes des circonscriptions du Service social départemental, et leurs partenaires."
    ),
    themes=("intervention-sociale-collective", "developpement-social-local"),
    department_code="93",
    commune="Bobigny",
    venues=(BOURSE_DU_TRAVAIL_BOBIGNY,),
    main_venue="bourse",
    registration_url="http://enquetes-en-ligne.cg93.fr/cg93/rencontre_circons_partenaires/questionnaire.htm",
    is_invitation_only=True,
    contact_name="Patrice Lauthrey",
    contact_email="plauthrey@cg93.fr",
    contact_phone="01 43 93 87 80",
    speakers=(
        SpeakerData(
            "Cristina De Robertis",
            affiliation="Auteure",
            bio="Auteure entre autres de l'ouvrage « L'intervention sociale d'intérêt collectif ».",
        ),
        SpeakerData(
            "Martine Fourier",
            affiliation="Formatrice au CNFPT",
            bio="Formatrice au CNFPT sur le développement social local et le travail social communautaire.",
        ),
    ),
    days=(
        DayData(
            date=dt.date(2014, 11, 6),
            sessions=(
                SessionData(
                    "L'intervention collective dans l'action sociale",
                    kind=SessionKind.TALK,
                    start=_t(8, 30),
                    end=_t(12, 30),
                    venue="bourse",
                    description="Interventions appuyées sur la présentation d'une action menée à "
                    "Tremblay-en-France avec des habitants et des assistants sociaux.",
                    speakers=("Cristina De Robertis", "Martine Fourier"),
                ),
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------
# Seed 004 — Opale avec le Cnam et l'Ufisc, certificat de spécialisation, novembre 2020 – juin 2021
# ---------------------------------------------------------------------------

# The SIRET, the training-body number (NDA) and the quality decree in the text are Opale's:
# Opale takes the applications and signs the training agreements; the Cnam awards the certificate.
OPALE = OrganizationData(
    slug="opale",
    name="Opale – Centre de ressources culture pour le DLA",
    short_name="Opale",
    siret="34968515600045",
    training_body_number="11754718075",
    contact_email="formation@opale.asso.fr",
    contact_phone="01 45 65 20 00",
)

CNAM_SAINT_MARTIN = VenueData(
    key="saint-martin",
    name="Conservatoire national des arts et métiers",
    street="292 rue Saint-Martin",
    postcode="75003",
    city="Paris",
)
CNAM_CONTE = VenueData(
    key="conte",
    name="Conservatoire national des arts et métiers – rue Conté",
    street="2, rue Conté",
    postcode="75003",
    city="Paris",
)


def _module(number: int, title: str) -> SessionData:
    return SessionData(f"Module {number} : {title}", kind=SessionKind.MODULE)


TUTORAT = SessionData("Tutorat collectif", kind=SessionKind.TUTORING)


def _journee(year: int, month: int, title: str, session: SessionData) -> DayData:
    """One journée of the certificate, known by its month only, with its one module or tutoring day."""
    return DayData(dt.date(year, month, 1), title, True, (session,))


CNAM_CERTIFICAT = EventData(
    seed="004_2af27045375fef51",
    organization=OPALE,
    title=(
        "Certificat de spécialisation Innovations sociales : économie sociale et solidaire, économie "
        "plurielle et société de services"
    ),
    subtitle="Spécialité culture — sous la direction de Jean-Louis Laville, chaire Économie solidaire du Cnam",
    format=EventFormat.FORMATION_LONGUE,
    is_training_action=True,
    description=(
        "Débouchés professionnels : l'approche plurielle et les interactions entre praticiens et chercheurs "
        "permettent aux stagiaires de construire une analyse de leurs parcours et de leurs secteurs, et leur "
        "donnent des clés pour appréhender les évolutions de leurs métiers. La formation vise notamment les "
        "métiers du développement d'activités artistiques et culturelles, de l'éducation populaire, de "
        "l'utilité sociale et de la coopération territoriale.\n\n"
        "Déroulement : 12 journées de formation et 3 journées de tutorat, 90 heures, 2 à 3 journées par "
        "mois de novembre 2020 à juin 2021, de 9 h 30 à 12 h 30 et de 14 h à 17 h. Sur les 12 journées, 3 "
        "donnent lieu à des visites de structures artistiques et culturelles en Île-de-France. Le "
        "calendrier précis est transmis en septembre. En cas de poursuite de la pandémie ou de "
        "reconfinement, la formation sera organisée tout ou partiellement à distance.\n\n"
        "Évaluation et validation : un jury se prononce au vu d'un mémoire rédigé par chaque élève "
        "(rédaction en mai-juin, jury en juin), et délivre le certificat de spécialisation. Le certificat est "
        "constitutif du master Sciences humaines et sociales, conduite du changement et innovations "
        "sociales, économie sociale et solidaire (MR065-2) et donne une dispense de l'USSO1A (10 ECTS).\n\n"
        "Candidature : dossier comprenant un CV, une lettre de motivation et la fiche d'inscription "
        "complétée. Les inscriptions sont enregistrées dans l'ordre d'arrivée, à concurrence des places "
        "disponibles ; un accusé de réception est envoyé à l'entreprise et/ou au stagiaire. Un engagement "
        "écrit est nécessaire.\n\n"
        "Le pilotage de la formation est assuré par le Cnam, Opale et l'Ufisc. Les formations d'Opale "
        "répondent au décret qualité n° 2015-790 du 30 juin 2015 et sont éligibles au financement par les "
        "OPCO."
    ),
    audience=(
        "Personnes déjà engagées dans la vie professionnelle (domaine culturel, éducation populaire, social…).\n"
        "Porteurs de projets (culturels, sociaux…).\n"
        "Professionnels des collectivités territoriales."
    ),
    objectives=(
        "Mieux maîtriser l'environnement et les compétences pour le développement d'activités artistiques "
        "et culturelles à travers un modèle d'économie sociale et solidaire.\n"
        "Mieux maîtriser les enjeux de l'ESS par une approche transversale et par la dimension culturelle.\n"
        "Développer ses connaissances et enrichir ses expériences pour acquérir de nouvelles "
        "responsabilités dans des structures de l'ESS, animer ou créer un projet d'utilité sociale et "
        "collective, se spécialiser dans une activité d'utilité sociale ou un service à la personne, "
        "participer à l'élaboration de politiques publiques territoriales respectueuses des droits "
        "fondamentaux, en particulier culturels."
    ),
    prerequisites="Bac +4 ou expérience professionnelle d'au moins 3 ans.",
    partners=(
        "Conservatoire national des arts et métiers (Cnam), chaire Économie solidaire",
        "Ufisc – Union fédérale d'intervention des structures culturelles",
    ),
    themes=("economie-sociale-et-solidaire", "innovation-sociale", "culture-et-droits-culturels"),
    department_code="75",
    commune="Paris",
    venues=(CNAM_SAINT_MARTIN, CNAM_CONTE),
    main_venue="saint-martin",
    registration_url="https://fd7.formdesk.com/opale/formation_CNAM_cult.ESS",
    # « Dossier comprenant : CV, lettre de motivation et fiche d'inscription complétée » ; the
    # registrations « sont enregistrées dans l'ordre d'arrivée »: a file, but no approval.
    application_files=("CV", "Lettre de motivation", "Fiche d'inscription complétée"),
    capacity_min=13,
    capacity_max=30,
    total_hours=Decimal("90"),
    contact_name="Dellya Ombade",
    contact_email="formation@opale.asso.fr",
    contact_phone="01 45 65 20 00",
    speakers=(
        SpeakerData(
            "Jean-Louis Laville",
            role=SpeakerRole.COORDINATOR,
            affiliation="Professeur, titulaire de la chaire « Économie solidaire » du Cnam",
            bio="Membre du LISE, chercheur en innovation sociale ; direction scientifique du certificat.",
        ),
        SpeakerData(
            "Philippe Henry", affiliation="Chercheur en socio-économie de la culture, maître de conférences HDR"
        ),
        SpeakerData(
            "Laura Aufrère",
            affiliation="Doctorante sur la culture et les communs",
            bio="Membre de l'Alliance internationale des éditeurs indépendants.",
        ),
        SpeakerData("Philippe Eynaud", affiliation="Professeur et chercheur en gestion des organisations"),
        SpeakerData("Cécile Offroy", affiliation="Professeure et sociologue"),
        SpeakerData("Elisabetta Bucolo", affiliation="Sociologue en innovations sociales"),
        SpeakerData(
            "Patricia Coler",
            affiliation="Déléguée générale de l'Ufisc (Union fédérale d'intervention des structures culturelles)",
        ),
        SpeakerData("Luc de Larminat", affiliation="Co-directeur d'Opale, centre de ressources culture pour le DLA"),
        SpeakerData(
            "Lucile Rivera-Bailacq", affiliation="Co-directrice d'Opale, centre de ressources culture pour le DLA"
        ),
        SpeakerData(
            "Bruno Lasnier",
            affiliation="Coordinateur du Mouvement pour l'économie solidaire (MES), administrateur d'ESS France",
        ),
        SpeakerData(
            "Chloé Sécher",
            affiliation="Chargée de mission formation et Europe, Réseau des collectivités territoriales pour une "
            "économie solidaire (RTES)",
        ),
    ),
    prices=(
        PriceData("Prise en charge par l'employeur", 300_000, PayerKind.EMPLOYER),
        PriceData("Prise en charge individuelle", 150_000, PayerKind.INDIVIDUAL),
    ),
    # Only the month of each journée is known: one Day per journée of the programme (12 modules
    # and 3 tutoring days, 6 hours each: the 90 hours), dated the first of its month and titled
    # with its « semaine ». The source's « juin 2121 » is read as June 2021.
    days=(
        _journee(
            2020,
            11,
            "Semaine 1 — Introduction générale : économie solidaire, innovation sociale et droits humains",
            _module(1, "Initiatives citoyennes d'intérêt général dans l'art et la culture"),
        ),
        _journee(2020, 11, "Semaine 1 — Introduction générale", _module(2, "Économie culturelle solidaire")),
        _journee(
            2020, 11, "Semaine 2 — Introduction générale", _module(3, "Droits culturels, droits humains et communs")
        ),
        _journee(
            2020,
            12,
            "Semaine 3 — La structuration d'un projet",
            _module(4, "Structuration interne et gestion : modèle économique, financements solidaires"),
        ),
        _journee(
            2020,
            12,
            "Semaine 3 — La structuration d'un projet",
            _module(5, "Gouvernance collective des initiatives culturelles d'économie solidaire"),
        ),
        _journee(2020, 12, "Semaine 4", TUTORAT),
        _journee(
            2021,
            1,
            "Semaine 5 — La structuration d'un projet",
            _module(6, "Évolution du paysage professionnel et des métiers"),
        ),
        _journee(2021, 1, "Semaine 5 — Les expériences innovantes", _module(7, "Coopération : enjeux et pratiques")),
        _journee(2021, 2, "Semaine 6", TUTORAT),
        _journee(
            2021,
            2,
            "Semaine 6 — Les expériences innovantes",
            _module(8, "De l'utilité sociale aux démarches de progrès autour des droits culturels"),
        ),
        _journee(
            2021, 3, "Semaine 7 — Les expériences innovantes", _module(9, "Des expériences de l'économie solidaire")
        ),
        _journee(
            2021,
            3,
            "Semaine 7 — Les enjeux pour l'avenir",
            _module(10, "Transitions territoriales et politiques publiques : un continuum du local à l'Europe"),
        ),
        _journee(
            2021,
            4,
            "Semaine 8 — Les enjeux pour l'avenir, une alternative à construire",
            _module(11, "Coconstruction entre acteurs d'un territoire et innovation sociale"),
        ),
        _journee(
            2021,
            4,
            "Semaine 8 — Les enjeux pour l'avenir, une alternative à construire",
            _module(12, "Coconstruction avec les collectivités publiques"),
        ),
        _journee(2021, 5, "Semaine 9", TUTORAT),
        DayData(dt.date(2021, 6, 1), "Jury de validation sur mémoire", True),
    ),
)


DEMO_EVENTS: tuple[EventData, ...] = (
    CLUNY_SEMINAIRE,
    PACA_JOURNEE_REGIONALE,
    SAINT_GERMAIN_RENCONTRES,
    SEINE_SAINT_DENIS_MATINEE,
    CNAM_CERTIFICAT,
)

# Announced, not run: published without dates, no registration; loaded after DEMO_EVENTS.
DEMO_ANNOUNCED_EVENTS: tuple[EventData, ...] = PACA_DEPARTMENTAL_SEMINARS
