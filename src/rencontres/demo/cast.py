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
    people: tuple[tuple[str, str], ...]  # ("Prénom Nom", job title), in order of arrival
    employers: tuple[Employer, ...]  # given in turn
    cancelled: tuple[int, ...] = ()  # positions in `people` of those who cancelled, a few days after registering
    paying_themselves: tuple[int, ...] = ()  # positions of those who chose the individual price, with no employer
    invited_without_registering: tuple[str, ...] = ()  # invitation-only events: addresses invited who never came

    def persons(self) -> list[Person]:
        persons = []
        for i, (name, job_title) in enumerate(self.people):
            first_name, last_name = name.split(" ", 1)
            employer = None if i in self.paying_themselves else self.employers[i % len(self.employers)]
            persons.append(Person(first_name, last_name, job_title, employer))
        return persons

    def registered_on(self, position: int) -> dt.date:
        return self.first_registered_on + dt.timedelta(days=position * self.days_between)


CLUNY = Cast(
    seed="000",
    first_registered_on=dt.date(2021, 8, 30),
    days_between=2,
    people=(
        ("Sophie Bernard", "Assistante de service social"),
        ("Julien Moreau", "Conseiller en économie sociale et familiale"),
        ("Nadia Benali", "Directrice de CCAS"),
        ("Catherine Lefèvre", "Chargée de développement social local"),
        ("Thomas Girard", "Éducateur spécialisé"),
        ("Émilie Rousseau", "Responsable de l'action sociale"),
        ("Karim Haddad", "Travailleur social"),
        ("Isabelle Fontaine", "Coordinatrice de centre social"),
        ("Mathieu Perrin", "Chargé de mission insertion"),
        ("Aurélie Chevalier", "Cheffe de service"),
        ("Laurent Mercier", "Assistant de service social"),
        ("Fatou Diallo", "Conseillère en économie sociale et familiale"),
        ("Céline Barbier", "Directrice de CCAS"),
        ("Olivier Lambert", "Chargé de développement social local"),
        ("Marion Gauthier", "Éducatrice spécialisée"),
    ),
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
    people=(
        ("Marc Olivieri", "Inspecteur de l'action sanitaire et sociale"),
        ("Sandrine Giordano", "Conseillère technique en travail social"),
        ("Patrick Santoni", "Chargé de mission politique de la ville"),
        ("Hélène Ferrand", "Déléguée du préfet"),
        ("Rachid Mansouri", "Directeur de centre social"),
        ("Valérie Castellani", "Chargée de mission cohésion sociale"),
        ("Christophe Roux", "Coordinateur de l'atelier santé ville"),
        ("Nathalie Blanc", "Inspectrice de l'action sanitaire et sociale"),
        ("Jean-Pierre Arnaud", "Conseiller technique en travail social"),
        ("Samira Belkacem", "Chargée de mission politique de la ville"),
        ("Frédérique Martel", "Déléguée du préfet"),
        ("Damien Pastor", "Directeur de centre social"),
        ("Corinne Agostini", "Chargée de mission cohésion sociale"),
        ("Yannick Brun", "Coordinateur de l'atelier santé ville"),
        ("Laetitia Vidal", "Inspectrice de l'action sanitaire et sociale"),
        ("Sébastien Orsini", "Conseiller technique en travail social"),
        ("Magali Reynaud", "Chargée de mission politique de la ville"),
        ("Bruno Esposito", "Délégué du préfet"),
        ("Delphine Guiraud", "Directrice de centre social"),
        ("Mohamed Zerrouki", "Chargé de mission cohésion sociale"),
        ("Anne-Marie Bonnet", "Coordinatrice de l'atelier santé ville"),
        ("Guillaume Faure", "Inspecteur de l'action sanitaire et sociale"),
        ("Stéphanie Maurin", "Conseillère technique en travail social"),
        ("Éric Fabre", "Chargé de mission politique de la ville"),
        ("Christelle Marin", "Déléguée du préfet"),
        ("Pascal Lopez", "Directeur de centre social"),
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
    people=(
        ("Claire Dubois", "Assistante de service social"),
        ("Antoine Leroy", "Conseiller en économie sociale et familiale"),
        ("Sarah Cohen", "Directrice de CCAS"),
        ("Nicolas Petit", "Chargé de développement social local"),
        ("Amandine Garnier", "Éducatrice spécialisée"),
        ("Yacine Bouzid", "Responsable de l'action sociale"),
        ("Marie-Hélène Lemoine", "Bénévole responsable d'unité locale"),
        ("Vincent Fournier", "Conseiller municipal délégué aux solidarités"),
        ("Lucie Morel", "Conseillère en insertion professionnelle"),
        ("Hugo Lefebvre", "Assistant de service social"),
        ("Chloé Martin", "Conseillère en économie sociale et familiale"),
        ("Alexandre Renaud", "Directeur de CCAS"),
        ("Inès Khelifi", "Chargée de développement social local"),
        ("Pauline Roger", "Éducatrice spécialisée"),
        ("Benoît Caron", "Responsable de l'action sociale"),
        ("Élodie Masson", "Bénévole responsable d'unité locale"),
        ("François Henry", "Conseiller municipal délégué aux solidarités"),
        ("Agnès Picard", "Conseillère en insertion professionnelle"),
        ("Kevin Nguyen", "Assistant de service social"),
        ("Sylvie Legrand", "Conseillère en économie sociale et familiale"),
        ("Romain Guérin", "Directeur de CCAS"),
        ("Aïcha Traoré", "Chargée de développement social local"),
        ("Jérôme Colin", "Éducateur spécialisé"),
        ("Manon Dupuis", "Responsable de l'action sociale"),
        ("Gilles Boyer", "Bénévole responsable d'unité locale"),
        ("Myriam Sanchez", "Conseillère municipale déléguée aux solidarités"),
        ("Arnaud Schmitt", "Conseiller en insertion professionnelle"),
        ("Camille Royer", "Assistante de service social"),
        ("Thierry Noël", "Conseiller en économie sociale et familiale"),
        ("Leïla Amrani", "Directrice de CCAS"),
        ("Estelle Dufour", "Chargée de développement social local"),
        ("David Lucas", "Éducateur spécialisé"),
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
    people=(
        ("Malika Ouali", "Assistante de service social"),
        ("Bernard Jacquet", "Responsable de circonscription"),
        ("Houria Saïdi", "Conseillère en économie sociale et familiale"),
        ("Cécile Deschamps", "Adjointe au responsable de circonscription"),
        ("Mamadou Camara", "Secrétaire médico-social"),
        ("Véronique Lemaire", "Médiatrice sociale"),
        ("Sonia Pereira", "Assistante de service social"),
        ("Alain Tessier", "Responsable de circonscription"),
        ("Farida Mebarki", "Conseillère en économie sociale et familiale"),
        ("Jacqueline Poulain", "Adjointe au responsable de circonscription"),
        ("Abdel Kaci", "Secrétaire médico-social"),
        ("Nathalie Hoarau", "Médiatrice sociale"),
        ("Brigitte Lenoir", "Assistante de service social"),
        ("Yasmina Djebbar", "Responsable de circonscription"),
        ("Stéphane Marchal", "Conseiller en économie sociale et familiale"),
        ("Fabienne Texier", "Adjointe au responsable de circonscription"),
        ("Ousmane Sylla", "Secrétaire médico-social"),
        ("Christine Vasseur", "Médiatrice sociale"),
        ("Hakim Benaissa", "Assistant de service social"),
        ("Martine Collet", "Responsable de circonscription"),
        ("Linda Rahmani", "Conseillère en économie sociale et familiale"),
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
    people=(
        ("Mélanie Ribeiro", "Chargée de production"),
        ("Florent Besson", "Administrateur de compagnie"),
        ("Justine Carpentier", "Coordinatrice de tiers-lieu"),
        ("Maxime Aubert", "Chargé de médiation culturelle"),
        ("Sabrina Meunier", "Directrice d'association d'éducation populaire"),
        ("Adrien Langlois", "Chargé de mission culture"),
        ("Coralie Hubert", "Porteuse de projet culturel"),
        ("Quentin Baron", "Chargé de production"),
        ("Anaïs Leclerc", "Administratrice de compagnie"),
        ("Raphaël Gilles", "Coordinateur de tiers-lieu"),
        ("Océane Rivière", "Chargée de médiation culturelle"),
        ("Bastien Lemaître", "Directeur d'association d'éducation populaire"),
        ("Noémie Charpentier", "Chargée de mission culture"),
        ("Jonathan Weber", "Porteur de projet culturel"),
        ("Émeline Jacob", "Chargée de production"),
        ("Samuel Prévost", "Administrateur de compagnie"),
        ("Lina Haddou", "Coordinatrice de tiers-lieu"),
        ("Baptiste Ferry", "Chargé de médiation culturelle"),
        ("Margaux Delaunay", "Directrice d'association d'éducation populaire"),
        ("Yanis Belhadj", "Chargé de mission culture"),
        ("Clémence Poirier", "Porteuse de projet culturel"),
        ("Victor Moulin", "Chargé de production"),
        ("Zoé Marchand", "Administratrice de compagnie"),
        ("Loïc Tanguy", "Coordinateur de tiers-lieu"),
        ("Alice Renard", "Chargée de médiation culturelle"),
        ("Rémi Bouvier", "Directeur d'association d'éducation populaire"),
        ("Eva Lacroix", "Chargée de mission culture"),
        ("Hugo Millet", "Porteur de projet culturel"),
        ("Sarah Benhamou", "Chargée de production"),
        ("Tristan Leblanc", "Administrateur de compagnie"),
        ("Juliette Cordier", "Coordinatrice de tiers-lieu"),
        ("Nicolas Huet", "Chargé de médiation culturelle"),
        ("Léa Fabre", "Directrice d'association d'éducation populaire"),
        ("Mathis Grondin", "Chargé de mission culture"),
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
