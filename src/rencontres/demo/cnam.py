"""Seed 004 closed as its training body closed it: theses handed in, the jury, its decisions, certificates.

Through the theses and certificates services, at the dates it happened: theses written in May
and June 2021 (« rédaction du mémoire : mai-juin »), handed in by 11 June, the jury in June
(« jury : juin »). The seed does not name who sat on the jury: its members here are invented,
as the cast is. Most trainees are admitted, one is deferred (ajourné), one never handed in.
"""

import datetime as dt

from rencontres.certificates import services as certificate_services
from rencontres.events.models import PARIS, Event
from rencontres.registrations.models import Registration
from rencontres.theses import services as theses
from rencontres.theses.enums import Outcome

from .papers import text_pdf

THESIS_DEADLINE = dt.date(2021, 6, 11)
JURY_DATE = dt.date(2021, 6, 24)
CERTIFICATES_ISSUED_AT = dt.datetime(2021, 7, 5, 10, tzinfo=PARIS)
# Invented, as the cast: the seed names the teachers, not the jury.
JURY_MEMBERS = [
    ("Nadia Perrin", "présidente du jury, professeure associée au Cnam"),
    ("Étienne Gauthier", "enseignant-chercheur, chaire Économie solidaire du Cnam"),
    ("Hélène Marchal", "chargée de formation, Opale"),
    ("Karim Bensaïd", "administrateur d'une fédération membre de l'Ufisc"),
]
NO_THESIS = 17  # positions among the confirmed trainees, in order of registration
DEFERRED = 9
HANDED_IN_TWICE = 2
DEFERRED_COMMENT = (
    "Mémoire à reprendre : l'analyse du modèle économique reste descriptive. Une nouvelle soutenance est "
    "possible devant le jury de la session suivante."
)
TOPICS = (
    "Les tiers-lieux culturels, communs et gouvernance partagée",
    "Droits culturels et politiques municipales : l'exemple d'une ville de Seine-Saint-Denis",
    "Financer une compagnie autrement : coopératives et financements solidaires",
    "La médiation culturelle comme utilité sociale",
    "Mutualiser l'emploi culturel : groupements d'employeurs et coopératives d'activité",
    "Radios associatives et éducation populaire : une économie plurielle",
    "Coconstruire une politique culturelle avec les habitants",
    "Évaluer l'utilité sociale d'un lieu intermédiaire",
)


def _thesis_file(registration: Registration, title: str, version: int):
    lines = [f"Mémoire — {title}", f"{registration.first_name} {registration.last_name}"]
    lines += ["Certificat de spécialisation Innovations sociales, spécialité culture", f"Version {version}, juin 2021"]
    return text_pdf(lines, name=f"memoire-{registration.id}-v{version}.pdf")


def close_cnam(event: Event, people: list[Registration], *, organiser) -> None:
    """The thesis asked, handed in, judged; the certificates of specialisation issued (no email: nobody is real)."""
    theses.save_settings(event=event, is_required=True, deadline=THESIS_DEADLINE)
    for i, registration in enumerate(people):
        if i == NO_THESIS:
            continue
        title = TOPICS[i % len(TOPICS)]
        handed_in = dt.datetime(2021, 6, 1 + i % 10, 18, tzinfo=PARIS)
        if i == HANDED_IN_TWICE:  # a first draft at the end of May, the final version just before the deadline
            theses.hand_in(
                registration=registration,
                uploaded=_thesis_file(registration, title, 1),
                title=title,
                now=dt.datetime(2021, 5, 28, 18, tzinfo=PARIS),
            )
            handed_in = dt.datetime(2021, 6, 10, 22, tzinfo=PARIS)
        version = 2 if i == HANDED_IN_TWICE else 1
        theses.hand_in(
            registration=registration, uploaded=_thesis_file(registration, title, version), title=title, now=handed_in
        )
    theses.set_jury(event=event, date=JURY_DATE, members=JURY_MEMBERS)
    deliberation = dt.datetime.combine(JURY_DATE, dt.time(17), tzinfo=PARIS)
    for i, registration in enumerate(people):
        if i == NO_THESIS:
            continue
        deferred = i == DEFERRED
        theses.record_decision(
            registration=registration,
            outcome=Outcome.DEFERRED if deferred else Outcome.ADMITTED,
            comment=DEFERRED_COMMENT if deferred else "",
            by=organiser,
            now=deliberation,
        )
    certificate_services.issue_specialisation(event=event, by=organiser, notify=False, now=CERTIFICATES_ISSUED_AT)
