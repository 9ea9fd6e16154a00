import pytest

from rencontres.events import services as event_services
from rencontres.registrations import services as registration_services
from rencontres.workshops import selectors, services
from rencontres.workshops.enums import RestitutionVisibility, WorkshopPhase
from rencontres.workshops.exceptions import WorkshopError
from rencontres.workshops.models import Vote

from .builders import make_workshop, participant, voting

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(organization):
    return make_workshop(organization)


def test_only_a_session_of_kind_workshop_gets_a_workshop(organization):
    workshop = make_workshop(organization)
    talk = workshop.event.sessions.exclude(id=workshop.session_id).first()
    with pytest.raises(WorkshopError, match="atelier"):
        services.create_workshop(session=talk)
    assert services.create_workshop(session=workshop.session) == workshop


def test_a_confirmed_participant_posts_a_contribution_shown_on_the_board(workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    services.post_contribution(workstream=stream, registration=person, text="  Un guichet   unique des droits ")
    [board] = selectors.board(workshop)
    assert [i.contribution.text for i in board.items] == ["Un guichet unique des droits"]


def test_a_cancelled_registration_cannot_contribute(workshop):
    person = participant(workshop)
    registration_services.cancel(registration=person, actor=None, note="")
    person.refresh_from_db()
    with pytest.raises(WorkshopError, match="confirmée"):
        services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")


def test_someone_registered_to_another_event_cannot_contribute(workshop, organization):
    other = make_workshop(organization)
    stranger = participant(other)
    with pytest.raises(WorkshopError):
        services.post_contribution(workstream=workshop.workstreams.get(), registration=stranger, text="Idée")


def test_contributions_close_when_the_vote_opens_but_paper_ones_can_still_be_typed(workshop, alice):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    voting(workshop)
    with pytest.raises(WorkshopError, match="closes"):
        services.post_contribution(workstream=stream, registration=person, text="Trop tard")
    paper = services.type_in_contribution(workstream=stream, text="Post-it recopié", actor=alice)
    assert paper.is_from_paper


def test_a_person_cannot_spend_more_dots_than_given(workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    ideas = [services.post_contribution(workstream=stream, registration=person, text=f"Idée {i}") for i in range(3)]
    voting(workshop, dots=2, per_item=1)
    assert services.cast_dot(contribution=ideas[0], registration=person) == 1
    assert services.cast_dot(contribution=ideas[1], registration=person) == 0
    with pytest.raises(WorkshopError, match="vos 2 gommettes"):
        services.cast_dot(contribution=ideas[2], registration=person)
    assert selectors.dots_left(workshop, person) == 0


def test_at_most_k_dots_on_one_contribution(workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    voting(workshop, dots=3, per_item=2)
    services.cast_dot(contribution=idea, registration=person)
    services.cast_dot(contribution=idea, registration=person)
    with pytest.raises(WorkshopError, match="Au plus 2"):
        services.cast_dot(contribution=idea, registration=person)


def test_taking_back_a_dot_frees_it(workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    voting(workshop, dots=1, per_item=1)
    services.cast_dot(contribution=idea, registration=person)
    assert services.remove_dot(contribution=idea, registration=person) == 1
    with pytest.raises(WorkshopError, match="pas de gommette"):
        services.remove_dot(contribution=idea, registration=person)


def test_voting_before_the_vote_opens_is_refused(workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    with pytest.raises(WorkshopError, match="pas ouvert"):
        services.cast_dot(contribution=idea, registration=person)


def test_closing_freezes_the_votes(workshop):
    people = [participant(workshop) for _ in range(3)]
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=people[0], text="Idée")
    voting(workshop)
    for person in people:
        services.cast_dot(contribution=idea, registration=person)
    services.close_vote(workshop=workshop)
    workshop.refresh_from_db()
    with pytest.raises(WorkshopError):
        services.cast_dot(contribution=idea, registration=people[0])
    # The results read the frozen count, not the vote rows.
    Vote.objects.all().delete()
    assert selectors.contribution_votes(workshop)[idea.id] == 3


def test_a_hidden_contribution_leaves_the_board_and_the_vote(workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Hors sujet")
    services.set_contribution_hidden(contribution=idea, hidden=True)
    voting(workshop)
    assert selectors.board(workshop)[0].items == []
    assert len(selectors.board(workshop, include_hidden=True)[0].items) == 1
    with pytest.raises(WorkshopError, match="plus proposée"):
        services.cast_dot(contribution=idea, registration=person)


def test_groups_are_listed_together_ungrouped_last(workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    a, b, c = (services.post_contribution(workstream=stream, registration=person, text=t) for t in "abc")
    services.set_contribution_group(contribution=b, group="Logement")
    services.set_contribution_group(contribution=c, group="Logement")
    [board] = selectors.board(workshop)
    assert [(g, [i.contribution.text for i in items]) for g, items in board.groups] == [
        ("Logement", ["b", "c"]),
        ("", ["a"]),
    ]


def test_vote_rules_are_checked(workshop):
    with pytest.raises(WorkshopError, match="Le maximum"):
        services.open_vote(workshop=workshop, dots_per_person=2, max_dots_per_item=3)
    with pytest.raises(WorkshopError, match="entre 1 et 20"):
        services.open_vote(workshop=workshop, dots_per_person=0, max_dots_per_item=1)


def test_the_synthesis_keeps_the_retained_contributions_in_the_order_given(workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    a, b, c = (services.post_contribution(workstream=stream, registration=person, text=t) for t in "abc")
    services.save_synthesis(workstream=stream, text="Ce qui ressort", retained_ids=[c.id, a.id])
    services.add_next_step(workstream=stream, action="Réunir les CCAS", owner="Ville", due_on=None)
    [result] = selectors.restitution(workshop)
    assert [i.contribution.text for i in result.retained] == ["c", "a"]
    assert [s.action for s in result.next_steps] == ["Réunir les CCAS"]
    with pytest.raises(WorkshopError):
        services.save_synthesis(workstream=stream, text="", retained_ids=[a.id, a.id])


def test_the_restitution_is_published_only_after_the_vote_closes(workshop):
    with pytest.raises(WorkshopError, match="Closez le vote"):
        services.publish_restitution(workshop=workshop, visibility=RestitutionVisibility.PUBLIC)
    voting(workshop)
    services.close_vote(workshop=workshop)
    workshop = services.publish_restitution(workshop=workshop, visibility=RestitutionVisibility.REGISTERED)
    assert workshop.phase == WorkshopPhase.CLOSED
    assert selectors.published_restitutions(workshop.event, registered_or_member=False) == []
    assert selectors.published_restitutions(workshop.event, registered_or_member=True) == [workshop]


def test_the_restitution_pdf_is_a_pdf(workshop):
    from rencontres.workshops import restitution_pdf

    person = participant(workshop)
    stream = workshop.workstreams.get()
    idea = services.post_contribution(workstream=stream, registration=person, text="Une « idée » #[markup]")
    services.save_synthesis(workstream=stream, text="Synthèse $x$", retained_ids=[idea.id])
    assert restitution_pdf.render_restitution(workshop).startswith(b"%PDF")


def test_a_workstream_with_contributions_is_not_deleted(workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    services.post_contribution(workstream=stream, registration=person, text="Idée")
    with pytest.raises(WorkshopError):
        services.delete_workstream(workstream=stream)
    empty = services.add_workstream(workshop=workshop, title="Vide", question="Rien ?")
    services.delete_workstream(workstream=empty)
    assert workshop.workstreams.count() == 1
    assert event_services  # the event services built the session
