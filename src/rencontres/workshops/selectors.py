"""Reads of workshops: the board (contributions with their dots), a person's dots, the restitution."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, Sum
from django.db.models.functions import Coalesce

from rencontres.events.enums import SessionKind
from rencontres.events.models import Event, Session
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .enums import RestitutionVisibility, WorkshopPhase
from .models import Contribution, NextStep, RetainedContribution, Vote, Workshop, Workstream


def workshop_sessions(event: Event) -> list[Session]:
    """The event's sessions of kind « atelier », each with its workshop when one is prepared."""
    sessions = list(
        Session.objects.filter(event=event, kind=SessionKind.WORKSHOP)
        .select_related("day")
        .order_by("day__date", "start_time", "id")
    )
    workshops = {w.session_id: w for w in Workshop.objects.filter(event=event)}
    for session in sessions:
        session.prepared_workshop = workshops.get(session.id)
    return sessions


def workshops_of(event: Event) -> list[Workshop]:
    return list(Workshop.objects.filter(event=event).select_related("session__day"))


@dataclass
class BoardItem:
    contribution: Contribution
    votes: int
    my_dots: int = 0


@dataclass
class BoardStream:
    workstream: Workstream
    items: list[BoardItem] = field(default_factory=list)

    @property
    def groups(self) -> list[tuple[str, list[BoardItem]]]:
        """Items by group label, ungrouped last, in the order the groups first appear."""
        groups: dict[str, list[BoardItem]] = {}
        for item in self.items:
            groups.setdefault(item.contribution.group, []).append(item)
        return sorted(groups.items(), key=lambda pair: pair[0] == "")


def contribution_votes(workshop: Workshop) -> dict[int, int]:
    """Dots per contribution: frozen once the vote is closed, counted live before."""
    if workshop.phase == WorkshopPhase.CLOSED:
        return dict(Contribution.objects.filter(workstream__workshop=workshop).values_list("id", "frozen_votes"))
    return dict(
        Vote.objects.filter(ballot__workshop=workshop)
        .values("contribution")
        .annotate(total=Coalesce(Sum("dots"), 0))
        .values_list("contribution", "total")
    )


def board(
    workshop: Workshop,
    *,
    include_hidden: bool = False,
    registration: Registration | None = None,
    by_votes: bool = False,
    count_votes: bool = True,
) -> list[BoardStream]:
    """Workstreams with their contributions and dots (and this person's dots, if given).

    `count_votes=False` skips the count of everybody's dots (a participant does not see them
    while the vote is open): it is the one query here that grows with the room.
    """
    visible = Q() if include_hidden else Q(is_hidden=False)
    workstreams = Workstream.objects.filter(workshop=workshop).prefetch_related(
        Prefetch("contributions", queryset=Contribution.objects.filter(visible).order_by("id"))
    )
    votes = contribution_votes(workshop) if count_votes else {}
    mine = my_dots(workshop, registration) if registration is not None else {}
    streams = []
    for workstream in workstreams:
        items = [
            BoardItem(contribution=c, votes=votes.get(c.id) or 0, my_dots=mine.get(c.id, 0))
            for c in workstream.contributions.all()
        ]
        if by_votes:
            items.sort(key=lambda item: (-item.votes, item.contribution.id))
        streams.append(BoardStream(workstream=workstream, items=items))
    return streams


def my_dots(workshop: Workshop, registration: Registration) -> dict[int, int]:
    return dict(
        Vote.objects.filter(ballot__workshop=workshop, ballot__registration=registration, dots__gt=0).values_list(
            "contribution", "dots"
        )
    )


def dots_left(workshop: Workshop, registration: Registration) -> int:
    return workshop.dots_per_person - sum(my_dots(workshop, registration).values())


def voter_count(workshop: Workshop) -> int:
    return Vote.objects.filter(ballot__workshop=workshop, dots__gt=0).values("ballot").distinct().count()


def participants(workshop: Workshop) -> list[Registration]:
    """Who may take part: the event's confirmed registrations."""
    return list(
        Registration.objects.filter(event_id=workshop.event_id, state=RegistrationState.CONFIRMED).order_by(
            "last_name", "first_name", "id"
        )
    )


@dataclass
class RestitutionStream:
    workstream: Workstream
    text: str
    retained: list[BoardItem]
    next_steps: list[NextStep]


def restitution(workshop: Workshop) -> list[RestitutionStream]:
    """Each workstream's synthesis: its text, the retained contributions in order with their dots, next steps."""
    votes = contribution_votes(workshop)
    workstreams = Workstream.objects.filter(workshop=workshop).select_related("synthesis")
    retained = RetainedContribution.objects.filter(synthesis__workstream__workshop=workshop).select_related(
        "contribution"
    )
    steps = NextStep.objects.filter(synthesis__workstream__workshop=workshop)
    retained_by_stream: dict[int, list[BoardItem]] = {}
    for r in retained:
        retained_by_stream.setdefault(r.contribution.workstream_id, []).append(
            BoardItem(contribution=r.contribution, votes=votes.get(r.contribution_id) or 0)
        )
    steps_by_stream: dict[int, list[NextStep]] = {}
    for step in steps.select_related("synthesis"):
        steps_by_stream.setdefault(step.synthesis.workstream_id, []).append(step)
    result = []
    for workstream in workstreams:
        synthesis = getattr(workstream, "synthesis", None)
        result.append(
            RestitutionStream(
                workstream=workstream,
                text=synthesis.text if synthesis else "",
                retained=retained_by_stream.get(workstream.id, []),
                next_steps=steps_by_stream.get(workstream.id, []),
            )
        )
    return result


def published_restitutions(event: Event, *, registered_or_member: bool) -> list[Workshop]:
    """The workshops whose restitution this visitor may read on the event page."""
    allowed = [RestitutionVisibility.PUBLIC]
    if registered_or_member:
        allowed.append(RestitutionVisibility.REGISTERED)
    return list(Workshop.objects.filter(event=event, restitution_visibility__in=allowed).select_related("session"))


def has_published_restitution(event: Event) -> bool:
    """Whether any restitution of the event is published, to anyone (publishing moves the event's `updated_at`)."""
    return (
        Workshop.objects.filter(event=event).exclude(restitution_visibility=RestitutionVisibility.UNPUBLISHED).exists()
    )


def can_read_restitution(workshop: Workshop, *, registered_or_member: bool) -> bool:
    if workshop.restitution_visibility == RestitutionVisibility.PUBLIC:
        return True
    return workshop.restitution_visibility == RestitutionVisibility.REGISTERED and registered_or_member


def personal_data(registration_ids) -> dict[int, list[dict]]:
    """Each registration's workshop contributions, for the person's download."""
    contributions: dict[int, list[dict]] = {}
    rows = (
        Contribution.objects.filter(author_id__in=list(registration_ids))
        .select_related("workstream__workshop__session")
        .order_by("created_at", "id")
    )
    for contribution in rows:
        contributions.setdefault(contribution.author_id, []).append(
            {
                "atelier": contribution.workstream.workshop.title,
                "chantier": contribution.workstream.title,
                "contribution": contribution.text,
                "le": contribution.created_at.isoformat(),
            }
        )
    return contributions
