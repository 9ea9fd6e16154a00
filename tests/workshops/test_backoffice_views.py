import pytest
from django.urls import reverse

from rencontres.events import services as event_services
from rencontres.workshops import services
from rencontres.workshops.enums import RestitutionVisibility, WorkshopPhase
from rencontres.workshops.models import Contribution, NextStep, Workshop, Workstream

from .builders import make_workshop, page_text, participant, voting

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(organization):
    return make_workshop(organization)


@pytest.fixture
def organiser(client, alice):
    client.force_login(alice)
    return client


def test_the_event_lists_its_workshop_sessions_and_prepares_one(organiser, organization):
    workshop = make_workshop(organization)
    event = workshop.event
    day = event.days.get()
    from rencontres.events.enums import SessionKind

    second = event_services.add_session(day=day, title="Atelier numérique", kind=SessionKind.WORKSHOP)
    page = page_text(organiser.get(reverse("backoffice:event_workshops", args=[event.id])))
    assert "Atelier de co-construction" in page and "Atelier numérique" in page
    response = organiser.post(reverse("backoffice:workshop_create", args=[event.id]), {"session": second.id})
    assert response.status_code == 302
    assert Workshop.objects.filter(session=second).exists()


@pytest.mark.parametrize("session", ["", "abc", "99999999999999999999999", "-1"])
def test_preparing_a_workshop_for_a_bad_session_says_so_in_french(organiser, workshop, session):
    response = organiser.post(
        reverse("backoffice:workshop_create", args=[workshop.event.id]), {"session": session}, follow=True
    )
    assert "Choisissez une séance de cet événement." in page_text(response)


def test_a_talk_cannot_become_a_workshop(organiser, workshop):
    talk = workshop.event.sessions.exclude(id=workshop.session_id).get()
    response = organiser.post(
        reverse("backoffice:workshop_create", args=[workshop.event.id]), {"session": talk.id}, follow=True
    )
    assert "Seule une séance de type « atelier »" in page_text(response)


def test_an_organiser_of_another_organisation_gets_404_everywhere(client, charlie, workshop):
    client.force_login(charlie)
    stream = workshop.workstreams.get()
    for url in [
        reverse("backoffice:workshop", args=[workshop.id]),
        reverse("backoffice:workshop_projector", args=[workshop.id]),
        reverse("backoffice:workshop_projector_results", args=[workshop.id]),
        reverse("backoffice:workstream_synthesis", args=[stream.id]),
        reverse("backoffice:event_workshops", args=[workshop.event.id]),
        reverse("backoffice:workshop_restitution_pdf", args=[workshop.id]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("backoffice:workshop_vote_close", args=[workshop.id])).status_code == 404


def test_the_facilitator_page_shows_the_qr_code_and_the_join_address(organiser, workshop):
    page = page_text(organiser.get(reverse("backoffice:workshop", args=[workshop.id])))
    assert "<svg" in page and "QR code" in page
    assert reverse("site:workshop_join", args=[workshop.event.slug, workshop.id]) in page


@pytest.mark.parametrize(
    ("data", "message"),
    [({}, "Donnez un intitulé au chantier."), ({"workstream-title": "Logement"}, "Écrivez la question posée")],
)
def test_a_workstream_without_title_or_question_is_refused_in_french(organiser, workshop, data, message):
    response = organiser.post(reverse("backoffice:workstream_add", args=[workshop.id]), data)
    assert response.status_code == 400
    assert message in page_text(response)


def test_the_facilitator_types_in_a_paper_post_it_and_hides_and_groups_contributions(organiser, workshop):
    stream = workshop.workstreams.get()
    organiser.post(reverse("backoffice:paper_contribution_add", args=[stream.id]), {"paper-text": "Post-it : navettes"})
    contribution = Contribution.objects.get()
    assert contribution.is_from_paper and contribution.typed_by is not None
    organiser.post(reverse("backoffice:contribution_hide", args=[contribution.id]), {"hidden": "1"})
    organiser.post(reverse("backoffice:contribution_group", args=[contribution.id]), {"group": "Mobilité"})
    contribution.refresh_from_db()
    assert contribution.is_hidden and contribution.group == "Mobilité"


@pytest.mark.parametrize(("text", "message"), [("", "Recopiez le texte"), ("y" * 300, "280 caractères au plus")])
def test_a_bad_paper_contribution_is_refused_in_french(organiser, workshop, text, message):
    stream = workshop.workstreams.get()
    response = organiser.post(reverse("backoffice:paper_contribution_add", args=[stream.id]), {"paper-text": text})
    assert response.status_code == 400
    assert message in page_text(response)


def test_a_too_long_group_is_refused_in_french(organiser, workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    response = organiser.post(
        reverse("backoffice:contribution_group", args=[idea.id]), {"group": "g" * 81}, follow=True
    )
    assert "80 caractères au plus" in page_text(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"vote-dots_per_person": "2", "vote-max_dots_per_item": "3"}, "ne dépasse pas le nombre de gommettes"),
        ({"vote-dots_per_person": "trois", "vote-max_dots_per_item": "1"}, "Indiquez un nombre entier."),
        ({"vote-dots_per_person": "0", "vote-max_dots_per_item": "1"}, "Au moins 1."),
        ({"vote-dots_per_person": "99", "vote-max_dots_per_item": "1"}, "Au plus 20."),
        ({}, "Indiquez un nombre."),
    ],
)
def test_bad_vote_rules_are_refused_in_french(organiser, workshop, data, message):
    response = organiser.post(reverse("backoffice:workshop_vote_open", args=[workshop.id]), data)
    assert response.status_code == 400
    assert message in page_text(response)
    workshop.refresh_from_db()
    assert workshop.phase == WorkshopPhase.CONTRIBUTING


def test_opening_then_closing_the_vote_and_the_projector_shows_the_dots(organiser, workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Un guichet")
    organiser.post(
        reverse("backoffice:workshop_vote_open", args=[workshop.id]),
        {"vote-dots_per_person": "3", "vote-max_dots_per_item": "2"},
    )
    workshop.refresh_from_db()
    services.cast_dot(contribution=idea, registration=person)
    services.cast_dot(contribution=idea, registration=person)
    fragment = page_text(organiser.get(reverse("backoffice:workshop_projector_results", args=[workshop.id])))
    assert 'data-votes="2"' in fragment and "1 votant" in fragment
    projector = page_text(organiser.get(reverse("backoffice:workshop_projector", args=[workshop.id])))
    assert 'hx-trigger="every 3s"' in projector
    organiser.post(reverse("backoffice:workshop_vote_close", args=[workshop.id]))
    workshop.refresh_from_db()
    assert workshop.phase == WorkshopPhase.CLOSED
    again = organiser.post(reverse("backoffice:workshop_vote_close", args=[workshop.id]), follow=True)
    assert "Le vote n'est pas ouvert" in page_text(again)


def test_the_synthesis_saves_retained_contributions_by_rank(organiser, workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    a, b = (services.post_contribution(workstream=stream, registration=person, text=t) for t in ("Alpha", "Bêta"))
    url = reverse("backoffice:workstream_synthesis", args=[stream.id])
    response = organiser.post(
        url, {"synthesis-text": "Deux idées fortes.", f"synthesis-rank_{a.id}": "2", f"synthesis-rank_{b.id}": "1"}
    )
    assert response.status_code == 302
    stream.refresh_from_db()
    assert [r.contribution_id for r in stream.synthesis.retained.all()] == [b.id, a.id]
    assert "Deux idées fortes." in page_text(organiser.get(url))


@pytest.mark.parametrize(
    ("ranks", "message"),
    [
        (("1", "1"), "Deux contributions ont le même rang"),
        (("x", ""), "Indiquez un rang"),
        (("9", ""), "Au plus le rang 2."),
    ],
)
def test_bad_ranks_are_refused_in_french(organiser, workshop, ranks, message):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    a, b = (services.post_contribution(workstream=stream, registration=person, text=t) for t in ("Alpha", "Bêta"))
    response = organiser.post(
        reverse("backoffice:workstream_synthesis", args=[stream.id]),
        {f"synthesis-rank_{a.id}": ranks[0], f"synthesis-rank_{b.id}": ranks[1]},
    )
    assert response.status_code == 400
    assert message in page_text(response)


def test_next_steps_are_added_and_removed(organiser, workshop):
    stream = workshop.workstreams.get()
    organiser.post(
        reverse("backoffice:next_step_add", args=[stream.id]),
        {"step-action": "Réunir les CCAS", "step-owner": "Ville", "step-due_on": "2030-09-15"},
    )
    step = NextStep.objects.get()
    assert str(step.due_on) == "2030-09-15"
    organiser.post(reverse("backoffice:next_step_delete", args=[step.id]))
    assert NextStep.objects.exists()  # asked first
    organiser.post(reverse("backoffice:next_step_delete", args=[step.id]), {"confirme": "1"})
    assert not NextStep.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"step-action": "Agir", "step-owner": "Ville", "step-due_on": "31/02/2030"}, "Saisissez une date valide"),
        ({"step-owner": "Ville"}, "Dites quelle action mener."),
        ({"step-action": "Agir"}, "Dites qui s'en charge."),
    ],
)
def test_a_bad_next_step_is_refused_in_french(organiser, workshop, data, message):
    stream = workshop.workstreams.get()
    response = organiser.post(reverse("backoffice:next_step_add", args=[stream.id]), data)
    assert response.status_code == 400
    assert message in page_text(response)


def test_publishing_the_restitution_before_closing_is_refused_in_french(organiser, workshop):
    response = organiser.post(
        reverse("backoffice:workshop_restitution", args=[workshop.id]), {"restitution-visibility": "public"}
    )
    assert response.status_code == 400
    assert "Closez le vote avant de publier la restitution." in page_text(response)


def test_an_unknown_visibility_is_refused_in_french(organiser, workshop):
    response = organiser.post(
        reverse("backoffice:workshop_restitution", args=[workshop.id]), {"restitution-visibility": "tout-le-monde"}
    )
    assert response.status_code == 400
    assert "Choisissez qui voit la restitution." in page_text(response)


def test_a_closed_workshop_publishes_its_restitution(organiser, workshop):
    voting(workshop)
    services.close_vote(workshop=workshop)
    organiser.post(
        reverse("backoffice:workshop_restitution", args=[workshop.id]),
        {"restitution-visibility": "public", "restitution-intro": "Bravo"},
    )
    workshop.refresh_from_db()
    assert workshop.restitution_visibility == RestitutionVisibility.PUBLIC
    pdf = organiser.get(reverse("backoffice:workshop_restitution_pdf", args=[workshop.id]))
    assert pdf.content.startswith(b"%PDF")


def test_sending_the_links_mails_every_confirmed_participant(organiser, workshop, mailoutbox):
    participant(workshop, email="a@example.org")
    participant(workshop, email="b@example.org")
    organiser.post(reverse("backoffice:workshop_send_links", args=[workshop.id]))
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.org", "b@example.org"]


def test_an_empty_workstream_can_be_deleted(organiser, workshop):
    stream = workshop.workstreams.get()
    asked = organiser.post(reverse("backoffice:workstream_delete", args=[stream.id]))
    assert f"Supprimer le chantier « {stream.title} » ?" in asked.content.decode()
    organiser.post(reverse("backoffice:workstream_delete", args=[stream.id]), {"confirme": "1"})
    assert not Workstream.objects.exists()


def test_the_event_editor_links_to_workshops_and_surveys(organiser, workshop):
    page = page_text(organiser.get(reverse("backoffice:event_edit", args=[workshop.event.id])))
    assert reverse("backoffice:event_workshops", args=[workshop.event.id]) in page
    assert reverse("backoffice:event_surveys", args=[workshop.event.id]) in page


def test_the_admin_lists_workshops_contributions_and_surveys(client, django_user_model, workshop):
    from rencontres.surveys import services as survey_services

    survey_services.create_from_template(event=workshop.event, kind="hot")
    person = participant(workshop)
    services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    client.force_login(django_user_model.objects.create_superuser(email="admin@example.org", password="x-42-x-solide"))
    for url in ["/admin/workshops/workshop/", "/admin/workshops/contribution/", "/admin/surveys/survey/"]:
        assert client.get(url).status_code == 200, url
    assert client.get(f"/admin/workshops/workshop/{workshop.id}/change/").status_code == 200
