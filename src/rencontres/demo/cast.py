"""The people of the demo: invented social-action professionals who registered to the five seed events.

Names, jobs and employers are made up, though plausible for each territory (CCAS, départements,
State services, associations). Every address ends in `.example`, a domain reserved for
examples (RFC 2606): nothing in the demo can reach anyone.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class Employer:
    name: str
    address: str
    domain: str


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    job_title: str
    employer: Employer | None  # None: registered on their own account

    @property
    def email(self) -> str:
        domain = self.employer.domain if self.employer else "courriel.example"
        return f"{slugify(self.first_name)}.{slugify(self.last_name)}@{domain}"


@dataclass(frozen=True)
class Cast:
    """Who registered to one seed event, in the order they did, and who later cancelled."""

    seed: str  # the number the seed's file name starts with
    first_registered_on: dt.date
    days_between: int  # one registration every so many days, from the first one
    names: tuple[str, ...]  # "Prénom Nom", in order of arrival
    job_titles: tuple[str, ...]  # given in turn
    employers: tuple[Employer, ...]  # given in turn
    cancelled: tuple[int, ...] = ()  # positions in `names` of those who cancelled, a few days after registering
    paying_themselves: tuple[int, ...] = ()  # positions of those who chose the individual price, with no employer
    invited_without_registering: tuple[str, ...] = ()  # invitation-only events: addresses invited who never came

    @property
    def people(self) -> list[Person]:
        people = []
        for i, name in enumerate(self.names):
            first_name, last_name = name.split(" ", 1)
            employer = None if i in self.paying_themselves else self.employers[i % len(self.employers)]
            people.append(Person(first_name, last_name, self.job_titles[i % len(self.job_titles)], employer))
        return people

    def registered_on(self, position: int) -> dt.date:
        return self.first_registered_on + dt.timedelta(days=position * self.days_between)


SOCIAL_WORK_JOBS = (
    "Assistante de service social",
    "Conseiller en économie sociale et familiale",
    "Directrice de CCAS",
    "Chargé de développement social local",
    "Éducatrice spécialisée",
    "Responsable de l'action sociale",
    "Travailleur social",
    "Coordinatrice de centre social",
    "Chargé de mission insertion",
    "Cheffe de service",
)

CLUNY = Cast(
    seed="000",
    first_registered_on=dt.date(2021, 8, 30),
    days_between=2,
    names=(
        "Sophie Bernard",
        "Julien Moreau",
        "Nadia Benali",
        "Catherine Lefèvre",
        "Thomas Girard",
        "Émilie Rousseau",
        "Karim Haddad",
        "Isabelle Fontaine",
        "Mathieu Perrin",
        "Aurélie Chevalier",
        "Laurent Mercier",
        "Fatou Diallo",
        "Céline Barbier",
        "Olivier Lambert",
        "Marion Gauthier",
    ),
    job_titles=SOCIAL_WORK_JOBS,
    employers=(
        Employer("CCAS de Mâcon", "Hôtel de ville, 71000 Mâcon", "ccas-macon.example"),
        Employer(
            "Département de Saône-et-Loire – Direction de l'insertion",
            "Hôtel du Département, 71000 Mâcon",
            "cd71.example",
        ),
        Employer(
            "CCAS de Chalon-sur-Saône", "Place de l'Hôtel de ville, 71100 Chalon-sur-Saône", "ccas-chalon.example"
        ),
        Employer("Centre social du Clunisois", "Place du Marché, 71250 Cluny", "centre-social-clunisois.example"),
        Employer("UDAF de Saône-et-Loire", "Rue de Lyon, 71000 Mâcon", "udaf71.example"),
        Employer("Association Le Pont – accueil et hébergement", "71100 Chalon-sur-Saône", "le-pont.example"),
        Employer("Métropole de Lyon – Maison de la métropole pour les solidarités", "69003 Lyon", "grandlyon.example"),
    ),
    cancelled=(5,),
)

PACA = Cast(
    seed="001",
    first_registered_on=dt.date(2011, 5, 16),
    days_between=1,
    names=(
        "Marc Olivieri",
        "Sandrine Giordano",
        "Patrick Santoni",
        "Hélène Ferrand",
        "Rachid Mansouri",
        "Valérie Castellani",
        "Christophe Roux",
        "Nathalie Blanc",
        "Jean-Pierre Arnaud",
        "Samira Belkacem",
        "Frédérique Martel",
        "Damien Pastor",
        "Corinne Agostini",
        "Yannick Brun",
        "Laetitia Vidal",
        "Sébastien Orsini",
        "Magali Reynaud",
        "Bruno Esposito",
        "Delphine Guiraud",
        "Mohamed Zerrouki",
        "Anne-Marie Bonnet",
        "Guillaume Faure",
        "Stéphanie Maurin",
        "Éric Fabre",
        "Christelle Marin",
        "Pascal Lopez",
    ),
    job_titles=(
        "Inspecteur de l'action sanitaire et sociale",
        "Conseillère technique en travail social",
        "Chargé de mission politique de la ville",
        "Déléguée du préfet",
        "Directeur de centre social",
        "Chargée de mission cohésion sociale",
        "Coordinateur de l'atelier santé ville",
    ),
    employers=(
        Employer("DDCS des Bouches-du-Rhône", "13006 Marseille", "ddcs13.example"),
        Employer("DDCS du Var", "83000 Toulon", "ddcs83.example"),
        Employer("DDCS des Alpes-Maritimes", "06200 Nice", "ddcs06.example"),
        Employer("DDCSPP des Alpes-de-Haute-Provence", "04000 Digne-les-Bains", "ddcspp04.example"),
        Employer("DDCS de Vaucluse", "84000 Avignon", "ddcs84.example"),
        Employer("CCAS de Marseille", "13001 Marseille", "ccas-marseille.example"),
        Employer("Ville d'Avignon – Politique de la ville", "84000 Avignon", "avignon.example"),
        Employer("Fédération des centres sociaux des Bouches-du-Rhône", "13003 Marseille", "centres-sociaux13.example"),
        Employer("Conseil général des Hautes-Alpes", "05000 Gap", "cg05.example"),
    ),
    cancelled=(3, 18),
)

SAINT_GERMAIN = Cast(
    seed="002",
    first_registered_on=dt.date(2021, 5, 20),
    days_between=1,
    names=(
        "Claire Dubois",
        "Antoine Leroy",
        "Sarah Cohen",
        "Nicolas Petit",
        "Amandine Garnier",
        "Yacine Bouzid",
        "Marie-Hélène Lemoine",
        "Vincent Fournier",
        "Lucie Morel",
        "Hugo Lefebvre",
        "Chloé Martin",
        "Alexandre Renaud",
        "Inès Khelifi",
        "Pauline Roger",
        "Benoît Caron",
        "Élodie Masson",
        "François Henry",
        "Agnès Picard",
        "Kevin Nguyen",
        "Sylvie Legrand",
        "Romain Guérin",
        "Aïcha Traoré",
        "Jérôme Colin",
        "Manon Dupuis",
        "Gilles Boyer",
        "Myriam Sanchez",
        "Arnaud Schmitt",
        "Camille Royer",
        "Thierry Noël",
        "Leïla Amrani",
        "Estelle Dufour",
        "David Lucas",
    ),
    job_titles=(
        *SOCIAL_WORK_JOBS[:6],
        "Bénévole responsable d'unité locale",
        "Conseillère municipale déléguée aux solidarités",
        "Conseiller en insertion professionnelle",
    ),
    employers=(
        Employer("CCAS de Saint-Germain-en-Laye", "78100 Saint-Germain-en-Laye", "ccas-saintgermain.example"),
        Employer("CCAS de Houilles", "78800 Houilles", "ccas-houilles.example"),
        Employer("CCAS de Poissy", "78300 Poissy", "ccas-poissy.example"),
        Employer(
            "Département des Yvelines – Territoire d'action départementale Boucle de Seine", "78", "yvelines.example"
        ),
        Employer("Croix-Rouge française – unité locale de Saint-Germain-en-Laye", "78100", "croix-rouge-sgl.example"),
        Employer(
            "Mission locale de Saint-Germain-en-Laye", "78100 Saint-Germain-en-Laye", "mission-locale-sgl.example"
        ),
        Employer("Communauté d'agglomération Saint Germain Boucles de Seine", "78", "agglo-sgbs.example"),
        Employer("Secours populaire – comité du Pecq", "78230 Le Pecq", "secours-populaire-lepecq.example"),
    ),
    cancelled=(9, 24),
)

SEINE_SAINT_DENIS = Cast(
    seed="003",
    first_registered_on=dt.date(2014, 10, 13),
    days_between=1,
    names=(
        "Malika Ouali",
        "Bernard Jacquet",
        "Houria Saïdi",
        "Cécile Deschamps",
        "Mamadou Camara",
        "Véronique Lemaire",
        "Sonia Pereira",
        "Alain Tessier",
        "Farida Mebarki",
        "Jacqueline Poulain",
        "Abdel Kaci",
        "Nathalie Hoarau",
        "Brigitte Lenoir",
        "Yasmina Djebbar",
        "Stéphane Marchal",
        "Fabienne Texier",
        "Ousmane Sylla",
        "Christine Vasseur",
        "Hakim Benaissa",
        "Martine Collet",
        "Linda Rahmani",
    ),
    job_titles=(
        "Assistante de service social",
        "Responsable de circonscription",
        "Conseillère en économie sociale et familiale",
        "Adjoint au responsable de circonscription",
        "Secrétaire médico-sociale",
        "Médiatrice sociale",
    ),
    employers=(
        Employer("Service social départemental – circonscription de Saint-Denis", "93200 Saint-Denis", "cg93.example"),
        Employer("Service social départemental – circonscription de Montreuil", "93100 Montreuil", "cg93.example"),
        Employer("Service social départemental – circonscription de Bobigny", "93000 Bobigny", "cg93.example"),
        Employer("Service social départemental – circonscription d'Aubervilliers", "93300", "cg93.example"),
        Employer("CCAS de Tremblay-en-France", "93290 Tremblay-en-France", "ccas-tremblay.example"),
        Employer("Association des femmes relais de Bondy", "93140 Bondy", "femmes-relais-bondy.example"),
    ),
    cancelled=(7,),
    invited_without_registering=("didier.rolland@cg93.example", "zohra.khaldi@cg93.example"),
)

CNAM = Cast(
    seed="004",
    first_registered_on=dt.date(2020, 6, 15),
    days_between=3,
    names=(
        "Mélanie Ribeiro",
        "Florent Besson",
        "Justine Carpentier",
        "Maxime Aubert",
        "Sabrina Meunier",
        "Adrien Langlois",
        "Coralie Hubert",
        "Quentin Baron",
        "Anaïs Leclerc",
        "Raphaël Gilles",
        "Océane Rivière",
        "Bastien Lemaître",
        "Noémie Charpentier",
        "Jonathan Weber",
        "Émeline Jacob",
        "Samuel Prévost",
        "Lina Haddou",
        "Baptiste Ferry",
        "Margaux Delaunay",
        "Yanis Belhadj",
        "Clémence Poirier",
        "Victor Moulin",
        "Zoé Marchand",
        "Loïc Tanguy",
        "Alice Renard",
        "Rémi Bouvier",
        "Eva Lacroix",
        "Hugo Millet",
        "Sarah Benhamou",
        "Tristan Leblanc",
        "Juliette Cordier",
        "Nicolas Huet",
        "Léa Fabre",
        "Mathis Grondin",
    ),
    job_titles=(
        "Chargée de production",
        "Administrateur de compagnie",
        "Coordinatrice de tiers-lieu",
        "Chargé de médiation culturelle",
        "Directrice d'association d'éducation populaire",
        "Chargé de mission culture",
        "Porteuse de projet culturel",
    ),
    employers=(
        Employer("Compagnie La Traversée", "93100 Montreuil", "cie-latraversee.example"),
        Employer("Ville de Pantin – Direction de la culture", "93500 Pantin", "pantin.example"),
        Employer("Tiers-lieu La Fabrique commune", "93200 Saint-Denis", "fabrique-commune.example"),
        Employer("Fédération régionale des arts de la rue", "75011 Paris", "arts-de-la-rue-idf.example"),
        Employer("Réseau des radios associatives franciliennes", "75020 Paris", "radios-asso.example"),
        Employer("Coopérative d'activités Culture en partage", "75019 Paris", "culture-en-partage.example"),
    ),
    # Cancelled early, when places were still free; the last three found the 30 places taken.
    cancelled=(4,),
    paying_themselves=(2, 6, 9, 13, 16, 20, 23, 27, 30, 33),
)

CASTS = (CLUNY, PACA, SAINT_GERMAIN, SEINE_SAINT_DENIS, CNAM)
