"""The rules of a workshop: who may contribute and vote, when, and how many dots.

Each person's dots are counted under a lock on their `Ballot` row (one per person and
workshop): concurrent clicks of the same person serialise there, and different people
never wait for each other. Closing the vote copies each contribution's dots into
`frozen_votes` in the same transaction that closes it; the results read those from then on.
"""

import datetime as dt

from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events import services as events_services
from rencontres.events.enums import SessionKind
from rencontres.events.models import Session
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .enums import RestitutionVisibility, WorkshopPhase
from .exceptions import WorkshopError
from .models import (
    CONTRIBUTION_MAX_LENGTH,
    Ballot,
    Contribution,
    NextStep,
    RetainedContribution,
    Synthesis,
    Vote,
    Workshop,
    Workstream,
)

MAX_DOTS = 20


def create_workshop(*, session: Session) -> Workshop:
    """The workshop of a session of kind « atelier », created once."""
    if session.kind != SessionKind.WORKSHOP:
        raise WorkshopError(_("Seule une séance de type « atelier » peut accueillir un atelier participatif."))
    with transaction.atomic():
        workshop, _created = Workshop.objects.get_or_create(session=session, defaults={"event_id": session.event_id})
    return workshop


def add_workstream(*, workshop: Workshop, title: str, question: str) -> Workstream:
    """A new workstream, after the existing ones."""
    title, question = title.strip(), question.strip()
    if not title or not question:
        raise WorkshopError(_("Donnez un intitulé et une question à ce chantier."))
    with transaction.atomic():
        last = workshop.workstreams.order_by("-order").values_list("order", flat=True).first()
        return Workstream.objects.create(workshop=workshop, title=title, question=question, order=(last or 0) + 1)


def delete_workstream(*, workstream: Workstream) -> None:
    """Removes a workstream that has no contribution yet; one with contributions is kept."""
    with transaction.atomic():
        if workstream.contributions.exists():
            raise WorkshopError(_("Ce chantier a déjà des contributions : masquez-les plutôt que de le supprimer."))
        workstream.delete()


def _clean_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise WorkshopError(_("Écrivez votre contribution avant de l'envoyer."), field="text")
    if len(text) > CONTRIBUTION_MAX_LENGTH:
        raise WorkshopError(
            _("Une contribution tient en %(n)s caractères au plus : raccourcissez-la.")
            % {"n": CONTRIBUTION_MAX_LENGTH},
            field="text",
        )
    return text


def _check_participant(workshop: Workshop, registration: Registration) -> None:
    if registration.event_id != workshop.event_id or registration.state != RegistrationState.CONFIRMED:
        raise WorkshopError(_("Seules les personnes dont l'inscription est confirmée participent à cet atelier."))


def post_contribution(*, workstream: Workstream, registration: Registration, text: str) -> Contribution:
    """A participant's contribution, accepted while contributions are open."""
    workshop = Workshop.objects.get(pk=workstream.workshop_id)
    _check_participant(workshop, registration)
    text = _clean_text(text)
    if workshop.phase != WorkshopPhase.CONTRIBUTING:
        raise WorkshopError(_("Les contributions sont closes : l'animateur a ouvert le vote."))
    with transaction.atomic():
        return Contribution.objects.create(workstream=workstream, text=text, author=registration)


def type_in_contribution(*, workstream: Workstream, text: str, actor) -> Contribution:
    """A paper post-it typed in by the facilitator; possible until the vote closes."""
    text = _clean_text(text)
    if Workshop.objects.filter(pk=workstream.workshop_id, phase=WorkshopPhase.CLOSED).exists():
        raise WorkshopError(_("Le vote est clos : on n'ajoute plus de contribution."))
    with transaction.atomic():
        return Contribution.objects.create(workstream=workstream, text=text, typed_by=actor)


def set_contribution_hidden(*, contribution: Contribution, hidden: bool) -> None:
    """Hides a contribution from participants, the projector and the restitution (or shows it again)."""
    with transaction.atomic():
        contribution.is_hidden = hidden
        contribution.save(update_fields=["is_hidden"])


def set_contribution_group(*, contribution: Contribution, group: str) -> None:
    """Files a contribution under a group label (contributions with the same label are shown together)."""
    group = " ".join(group.split())
    if len(group) > 80:
        raise WorkshopError(_("Un regroupement tient en 80 caractères au plus."), field="group")
    with transaction.atomic():
        contribution.group = group
        contribution.save(update_fields=["group"])


def _check_vote_settings(dots_per_person: int, max_dots_per_item: int) -> None:
    if not 1 <= dots_per_person <= MAX_DOTS:
        raise WorkshopError(
            _("Donnez entre 1 et %(max)s gommettes par personne.") % {"max": MAX_DOTS}, field="dots_per_person"
        )
    if not 1 <= max_dots_per_item <= dots_per_person:
        raise WorkshopError(
            _("Le maximum sur une même contribution va de 1 au nombre de gommettes par personne (%(n)s).")
            % {"n": dots_per_person},
            field="max_dots_per_item",
        )


def open_vote(*, workshop: Workshop, dots_per_person: int, max_dots_per_item: int) -> Workshop:
    """Closes contributions and opens the vote with N dots per person, at most k on one contribution."""
    _check_vote_settings(dots_per_person, max_dots_per_item)
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
        if workshop.phase == WorkshopPhase.CLOSED:
            raise WorkshopError(_("Le vote de cet atelier est déjà clos."))
        if workshop.phase == WorkshopPhase.VOTING and Vote.objects.filter(ballot__workshop=workshop).exists():
            raise WorkshopError(_("Des personnes ont déjà voté : les règles du vote ne changent plus."))
        workshop.phase = WorkshopPhase.VOTING
        workshop.dots_per_person = dots_per_person
        workshop.max_dots_per_item = max_dots_per_item
        workshop.vote_opened_at = timezone.now()
        workshop.save(update_fields=["phase", "dots_per_person", "max_dots_per_item", "vote_opened_at"])
    return workshop


def close_vote(*, workshop: Workshop) -> Workshop:
    """Closes the vote and freezes each contribution's dots, in one transaction."""
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
        if workshop.phase != WorkshopPhase.VOTING:
            raise WorkshopError(_("Le vote n'est pas ouvert : il n'y a rien à clore."))
        workshop.phase = WorkshopPhase.CLOSED
        workshop.vote_closed_at = timezone.now()
        workshop.save(update_fields=["phase", "vote_closed_at"])
        totals = dict(
            Vote.objects.filter(ballot__workshop=workshop)
            .values("contribution")
            .annotate(total=Sum("dots"))
            .values_list("contribution", "total")
        )
        contributions = list(Contribution.objects.filter(workstream__workshop=workshop))
        for contribution in contributions:
            contribution.frozen_votes = totals.get(contribution.id, 0)
        Contribution.objects.bulk_update(contributions, ["frozen_votes"])
    return workshop


def lock_ballot(*, workshop: Workshop, registration: Registration) -> Ballot:
    """This person's ballot in this workshop, created if needed and locked until the transaction ends."""
    ballot, _created = Ballot.objects.get_or_create(workshop=workshop, registration=registration)
    return Ballot.objects.select_for_update().get(pk=ballot.pk)


def _votable(contribution: Contribution, registration: Registration) -> Workshop:
    workshop = Workshop.objects.get(pk=contribution.workstream.workshop_id)
    _check_participant(workshop, registration)
    if workshop.phase != WorkshopPhase.VOTING:
        raise WorkshopError(_("Le vote n'est pas ouvert."))
    if contribution.is_hidden:
        raise WorkshopError(_("Cette contribution n'est plus proposée au vote."))
    return workshop


def _still_voting(workshop: Workshop) -> None:
    # Read again once the ballot is locked: the vote may have closed since the first check.
    workshop.refresh_from_db(fields=["phase"])
    if workshop.phase != WorkshopPhase.VOTING:
        raise WorkshopError(_("Le vote vient d'être clos."))


def cast_dot(*, contribution: Contribution, registration: Registration) -> int:
    """Puts one of the person's dots on a contribution; returns the dots they have left.

    Lock the ballot, then count, then write: two clicks at once never spend more than N dots.
    """
    workshop = _votable(contribution, registration)
    with transaction.atomic():
        ballot = lock_ballot(workshop=workshop, registration=registration)
        _still_voting(workshop)
        used = ballot.votes.aggregate(total=Sum("dots"))["total"] or 0
        if used >= workshop.dots_per_person:
            raise WorkshopError(
                _("Vous avez placé vos %(n)s gommettes : retirez-en une pour voter ailleurs.")
                % {"n": workshop.dots_per_person}
            )
        vote, _created = Vote.objects.get_or_create(ballot=ballot, contribution=contribution)
        if vote.dots >= workshop.max_dots_per_item:
            raise WorkshopError(
                _("Au plus %(k)s gommettes sur une même contribution.") % {"k": workshop.max_dots_per_item}
            )
        Vote.objects.filter(pk=vote.pk).update(dots=F("dots") + 1)
        return workshop.dots_per_person - used - 1


def remove_dot(*, contribution: Contribution, registration: Registration) -> int:
    """Takes back one of the person's dots from a contribution; returns the dots they have left."""
    workshop = _votable(contribution, registration)
    with transaction.atomic():
        ballot = lock_ballot(workshop=workshop, registration=registration)
        _still_voting(workshop)
        vote = Vote.objects.filter(ballot=ballot, contribution=contribution, dots__gt=0).first()
        if vote is None:
            raise WorkshopError(_("Vous n'avez pas de gommette sur cette contribution."))
        Vote.objects.filter(pk=vote.pk).update(dots=F("dots") - 1)
        used = ballot.votes.aggregate(total=Sum("dots"))["total"] or 0
        return workshop.dots_per_person - used


def _synthesis_of(workstream: Workstream) -> Synthesis:
    synthesis, _created = Synthesis.objects.get_or_create(workstream=workstream)
    return synthesis


def save_synthesis(*, workstream: Workstream, text: str, retained_ids: list[int]) -> Synthesis:
    """The workstream's synthesis: its text and the retained contributions, in the order given."""
    allowed = set(workstream.contributions.filter(is_hidden=False).values_list("id", flat=True))
    unknown = [i for i in retained_ids if i not in allowed]
    if unknown:
        raise WorkshopError(_("Retenez seulement des contributions visibles de ce chantier."), field="retained")
    if len(set(retained_ids)) != len(retained_ids):
        raise WorkshopError(_("Chaque contribution n'est retenue qu'une fois."), field="retained")
    with transaction.atomic():
        synthesis = _synthesis_of(workstream)
        synthesis.text = text.strip()
        synthesis.save(update_fields=["text", "updated_at"])
        synthesis.retained.all().delete()
        RetainedContribution.objects.bulk_create(
            RetainedContribution(synthesis=synthesis, contribution_id=cid, order=i)
            for i, cid in enumerate(retained_ids, start=1)
        )
    return synthesis


def add_next_step(*, workstream: Workstream, action: str, owner: str, due_on: dt.date | None) -> NextStep:
    """A next step of the workstream: what, who, by when."""
    action, owner = action.strip(), owner.strip()
    if not action or not owner:
        raise WorkshopError(_("Dites quelle action et qui s'en charge."))
    with transaction.atomic():
        synthesis = _synthesis_of(workstream)
        last = synthesis.next_steps.order_by("-order").values_list("order", flat=True).first()
        return NextStep.objects.create(
            synthesis=synthesis, action=action, owner=owner, due_on=due_on, order=(last or 0) + 1
        )


def delete_next_step(*, next_step: NextStep) -> None:
    """Removes a next step."""
    with transaction.atomic():
        next_step.delete()


def publish_restitution(*, workshop: Workshop, visibility: str, intro: str = "") -> Workshop:
    """Publishes the restitution on the event page (to everyone or to registered people), or withdraws it."""
    if visibility not in RestitutionVisibility.values:
        raise WorkshopError(_("Choisissez qui voit la restitution."), field="visibility")
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
        if visibility != RestitutionVisibility.UNPUBLISHED and workshop.phase != WorkshopPhase.CLOSED:
            raise WorkshopError(_("Closez le vote avant de publier la restitution."), field="visibility")
        workshop.restitution_visibility = visibility
        workshop.restitution_intro = intro.strip()
        workshop.restitution_published_at = timezone.now() if visibility != RestitutionVisibility.UNPUBLISHED else None
        workshop.save(update_fields=["restitution_visibility", "restitution_intro", "restitution_published_at"])
        events_services.touch_event(workshop.event)
    return workshop


@transaction.atomic
def anonymise_contributions(*, registration: Registration) -> int:
    """Delete the person's contributions that stayed theirs alone; how many.

    A contribution nobody put a dot on and the facilitator did not retain goes. One that
    received dots or is retained in a synthesis became the group's work (its votes are other
    people's, a published restitution may quote it): it stays on the board as it always
    showed, without a name, its author now the anonymised registration.
    """
    own = Contribution.objects.filter(author=registration)
    group_work = own.filter(Q(votes__dots__gt=0) | Q(frozen_votes__gt=0) | Q(retained_in__isnull=False))
    count, _by_model = Contribution.objects.filter(id__in=own.exclude(id__in=group_work).values("id")).delete()
    return count
