"""Seed 002's workshops as they ran (Saint-Germain-en-Laye, 24 June 2021): workstreams, contributions,
votes, syntheses and a published restitution, so that a newcomer sees a finished event.

Everything goes through the services, with the rules they enforce (confirmed registrations,
phases, dot limits). `rencontres.demo` calls `run_seed_002_workshops` with the people who came on day 2.
"""

import datetime as dt

from django.db import transaction

from rencontres.events.enums import SessionKind
from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from . import selectors, services
from .enums import RestitutionVisibility
from .exceptions import WorkshopError
from .models import Workshop

# For each workshop session, in programme order: its workstreams, each with
# (title, question, participant contributions, paper post-its, synthesis, next steps).
SEED_002 = [
    [
        (
            "Ce que la crise a changé dans nos pratiques",
            "Qu'avez-vous inventé ou changé dans l'accompagnement pendant les confinements ?",
            [
                "Les appels réguliers aux personnes âgées isolées, à partir du registre canicule",
                "Les rendez-vous par téléphone ou en visio quand l'accueil physique était fermé",
                "La distribution de colis alimentaires avec les bénévoles de la Croix-Rouge",
                "Des permanences sans rendez-vous dehors, devant le CCAS",
                "Le partage d'un même tableau des situations entre CCAS, associations et bailleurs",
            ],
            ["Garder le lien avec les familles par SMS", "Prêter des tablettes aux résidents d'EHPAD"],
            "Pendant la crise, les équipes ont multiplié les canaux pour garder le lien : téléphone, visio, "
            "présence dehors. Ce qui a le mieux marché tenait à la coopération de proximité entre CCAS, "
            "associations et bénévoles, qu'il s'agit maintenant de garder vivante.",
            [
                (
                    "Écrire un guide des appels de convivialité à partir de l'expérience du registre",
                    "CCAS de Saint-Germain-en-Laye",
                    dt.date(2021, 10, 15),
                )
            ],
        ),
        (
            "Les publics que nous avons découverts",
            "Quelles personnes sont venues vous voir pour la première fois, et qu'attendaient-elles ?",
            [
                "Des étudiants sans petit boulot ni aide de leurs parents",
                "Des travailleurs indépendants sans revenu du jour au lendemain",
                "Des familles monoparentales épuisées par l'école à la maison",
                "Des victimes de violences conjugales confinées avec l'auteur",
            ],
            ["Des retraités qui n'osaient pas demander de l'aide"],
            "Une nouvelle précarité est apparue, souvent invisible des dispositifs : étudiants, indépendants, "
            "familles monoparentales. Beaucoup ne connaissent pas leurs droits et n'osent pas pousser la porte.",
            [
                (
                    "Recenser les lieux où ces publics passent pour y tenir des permanences",
                    "Groupe de travail inter-CCAS",
                    dt.date(2021, 12, 1),
                )
            ],
        ),
    ],
    [
        (
            "Un réseau intercommunal de l'action sociale",
            "Que faudrait-il mettre en commun entre communes de la Boucle de Seine ?",
            [
                "Un annuaire partagé des structures et de leurs contacts directs",
                "Une analyse des besoins sociaux commune à plusieurs villes",
                "Des rencontres deux fois par an entre professionnels du territoire",
                "Une fiche de liaison unique pour orienter une personne d'un service à l'autre",
                "Mutualiser un travailleur social pour aller vers les publics isolés",
            ],
            ["Un référent action sociale par commune"],
            "Les participants veulent d'abord se connaître et s'orienter mutuellement les personnes : "
            "annuaire partagé, fiche de liaison, rencontres régulières. L'analyse des besoins sociaux commune "
            "viendrait ensuite, portée par l'agglomération.",
            [
                (
                    "Mettre en ligne un annuaire partagé des acteurs",
                    "Ville de Saint-Germain-en-Laye",
                    dt.date(2021, 11, 30),
                ),
                ("Organiser les prochaines rencontres de l'action sociale", "Les beaux jours", dt.date(2022, 6, 16)),
            ],
        ),
        (
            "Aller vers les personnes qui ne demandent rien",
            "Comment rejoindre ensemble celles et ceux qui ne viennent pas vers nos services ?",
            [
                "Un bus itinérant des droits dans les quartiers et les villages",
                "Former les gardiens d'immeuble et les commerçants à repérer et orienter",
                "S'appuyer sur les associations de parents d'élèves",
                "Des ateliers numériques dans les médiathèques pour les démarches en ligne",
            ],
            ["Passer par les pharmacies"],
            "Aller vers les personnes suppose des relais de confiance dans la vie quotidienne (gardiens, "
            "commerçants, écoles) et des lieux mobiles. Le bus des droits est retenu comme projet commun à "
            "expérimenter.",
            [
                (
                    "Chiffrer un bus itinérant des droits partagé entre trois communes",
                    "CCAS de Houilles",
                    dt.date(2022, 1, 31),
                )
            ],
        ),
    ],
]

INTRO = (
    "Le 24 juin 2021, au théâtre Alexandre-Dumas, les acteurs de l'action sociale du territoire ont "
    "travaillé en ateliers, puis voté avec des gommettes pour les idées à poursuivre ensemble. Voici ce qui en ressort."
)


@transaction.atomic
def run_seed_002_workshops(event: Event, registrations: list[Registration]) -> list[Workshop]:
    """Runs seed 002's two workshops end to end with these confirmed registrations; returns the workshops.

    Each participant in turn posts the next contribution, then places 3 dots (at most 2 on one
    contribution) on the contributions they prefer; the vote is closed, each workstream gets its
    synthesis (the three most voted, in order) and next steps, and the restitution is public.
    """
    people = [r for r in registrations if r.state == RegistrationState.CONFIRMED and r.event_id == event.id]
    if not people:
        raise ValueError("run_seed_002_workshops needs confirmed registrations of the event")
    sessions = list(event.sessions.filter(kind=SessionKind.WORKSHOP).order_by("day__date", "start_time", "id"))
    workshops = []
    for session, streams in zip(sessions, SEED_002):
        workshop = services.create_workshop(session=session)
        contributions_by_stream = []
        turn = 0
        for title, question, posted, paper, _synthesis, _steps in streams:
            stream = services.add_workstream(workshop=workshop, title=title, question=question)
            ideas = []
            for text in posted:
                ideas.append(
                    services.post_contribution(workstream=stream, registration=people[turn % len(people)], text=text)
                )
                turn += 1
            for text in paper:
                ideas.append(services.type_in_contribution(workstream=stream, text=text, actor=None))
            contributions_by_stream.append((stream, ideas))
        services.open_vote(workshop=workshop, dots_per_person=3, max_dots_per_item=2)
        all_ideas = [idea for _stream, ideas in contributions_by_stream for idea in ideas]
        for i, person in enumerate(people):
            # A spread that favours the first ideas of each workstream, as rooms usually do.
            for choice in (all_ideas[i % 3], all_ideas[(i * 2) % len(all_ideas)], all_ideas[(i + 4) % 5]):
                try:
                    services.cast_dot(contribution=choice, registration=person)
                except WorkshopError:
                    pass  # at most 2 dots on one contribution: this one is full for this person
        services.close_vote(workshop=workshop)
        workshop.refresh_from_db()
        votes = selectors.contribution_votes(workshop)
        for (stream, ideas), (_t, _q, _p, _paper, synthesis, steps) in zip(contributions_by_stream, streams):
            retained = sorted(ideas, key=lambda c: (-(votes.get(c.id) or 0), c.id))[:3]
            services.save_synthesis(workstream=stream, text=synthesis, retained_ids=[c.id for c in retained])
            for action, owner, due_on in steps:
                services.add_next_step(workstream=stream, action=action, owner=owner, due_on=due_on)
        workshops.append(
            services.publish_restitution(workshop=workshop, visibility=RestitutionVisibility.PUBLIC, intro=INTRO)
        )
    return workshops
