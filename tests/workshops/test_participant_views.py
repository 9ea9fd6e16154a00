import pytest
from django.core import mail
from django.urls import reverse

from rencontres.workshops import links, services
from rencontres.workshops.enums import RestitutionVisibility
from rencontres.workshops.models import Contribution

from .builders import make_workshop, page_text, participant, voting

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(organization):
    return make_workshop(organization)


def personal_page(workshop, person):
    return reverse("site:workshop", args=[links.participant_token(workshop, person)])


def test_the_personal_link_shows_the_workstreams_and_their_questions(client, workshop):
    person = participant(workshop, first_name="Awa", last_name="Diallo")
    response = client.get(personal_page(workshop, person))
    page = page_text(response)
    assert response.status_code == 200
    assert "Accès aux droits" in page and "Que faire ensemble pour accès aux droits ?" in page
    assert "Awa Diallo" in page


def test_a_forged_link_is_a_french_404(client, workshop):
    response = client.get(reverse("site:workshop", args=["pas-un-vrai-lien"]))
    assert response.status_code == 404
    assert "Ce lien d'atelier n'est pas valable" in page_text(response)


def test_a_participant_posts_a_contribution(client, workshop):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    token = links.participant_token(workshop, person)
    response = client.post(reverse("site:workshop_contribute", args=[token, stream.id]), {"text": "Un guichet unique"})
    assert response.status_code == 302
    assert Contribution.objects.get().author == person


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Écrivez votre contribution"), ("   ", "Écrivez votre contribution"), ("x" * 281, "280 caractères")],
)
def test_a_bad_contribution_is_refused_in_french(client, workshop, text, message):
    person = participant(workshop)
    token = links.participant_token(workshop, person)
    response = client.post(
        reverse("site:workshop_contribute", args=[token, workshop.workstreams.get().id]), {"text": text}
    )
    assert response.status_code == 400
    assert message in page_text(response)
    assert not Contribution.objects.exists()


def test_a_contribution_after_the_vote_opened_is_refused_in_french(client, workshop):
    person = participant(workshop)
    voting(workshop)
    token = links.participant_token(workshop, person)
    response = client.post(
        reverse("site:workshop_contribute", args=[token, workshop.workstreams.get().id]), {"text": "Idée"}
    )
    assert response.status_code == 400
    assert "Les contributions sont closes" in page_text(response)


def test_a_workstream_of_another_workshop_is_a_404(client, workshop, organization):
    person = participant(workshop)
    other = make_workshop(organization)
    token = links.participant_token(workshop, person)
    response = client.post(reverse("site:workshop_contribute", args=[token, other.workstreams.get().id]), {"text": "x"})
    assert response.status_code == 404


def test_voting_with_htmx_answers_the_refreshed_board(client, workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    voting(workshop, dots=2, per_item=2)
    token = links.participant_token(workshop, person)
    url = reverse("site:workshop_vote", args=[token, idea.id])
    response = client.post(url, {"action": "ajouter"}, headers={"HX-Request": "true"})
    page = page_text(response)
    assert response.status_code == 200
    assert 'id="workshop-board"' in page and "1 gommette restante" in page and "<html" not in page


@pytest.mark.parametrize("action", ["", "voler", "ajouter-tout"])
def test_an_unknown_vote_action_is_refused_in_french(client, workshop, action):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    voting(workshop)
    token = links.participant_token(workshop, person)
    response = client.post(
        reverse("site:workshop_vote", args=[token, idea.id]), {"action": action}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert "Choisissez d'ajouter ou de retirer une gommette." in page_text(response)


def test_a_dot_too_many_is_refused_in_french_without_javascript(client, workshop):
    person = participant(workshop)
    idea = services.post_contribution(workstream=workshop.workstreams.get(), registration=person, text="Idée")
    voting(workshop, dots=1, per_item=1)
    token = links.participant_token(workshop, person)
    url = reverse("site:workshop_vote", args=[token, idea.id])
    client.post(url, {"action": "ajouter"})
    response = client.post(url, {"action": "ajouter"}, follow=True)
    assert "Vous avez placé vos 1 gommettes" in page_text(response)


def test_the_join_page_mails_the_personal_link_to_a_confirmed_participant_only(client, workshop):
    participant(workshop, email="awa@example.org")
    url = reverse("site:workshop_join", args=[workshop.event.slug, workshop.id])
    first = client.post(url, {"email": "awa@example.org"}, follow=True)
    second = client.post(url, {"email": "inconnu@example.org"}, follow=True)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["awa@example.org"]
    assert "/ateliers/" in mail.outbox[0].body
    assert "Si cette adresse correspond" in page_text(first) and "Si cette adresse correspond" in page_text(second)


@pytest.mark.parametrize("email", ["", "pas-une-adresse", "a" * 300 + "@example.org"])
def test_the_join_page_refuses_a_bad_address_in_french(client, workshop, email):
    response = client.post(reverse("site:workshop_join", args=[workshop.event.slug, workshop.id]), {"email": email})
    assert response.status_code == 400
    page = page_text(response)
    assert "Indiquez l'adresse" in page or "Saisissez une adresse électronique valide" in page or "caractères" in page


def test_a_signed_in_participant_goes_straight_to_their_page(client, workshop):
    from tests import factories

    user = factories.make_user("awa@example.org")
    participant(workshop, email="awa@example.org")
    client.force_login(user)
    response = client.get(reverse("site:workshop_join", args=[workshop.event.slug, workshop.id]))
    assert response.status_code == 302 and "/ateliers/" in response["Location"]


def _closed_with_restitution(workshop, visibility):
    person = participant(workshop)
    stream = workshop.workstreams.get()
    idea = services.post_contribution(workstream=stream, registration=person, text="Un guichet unique")
    voting(workshop)
    services.cast_dot(contribution=idea, registration=person)
    services.close_vote(workshop=workshop)
    services.save_synthesis(workstream=stream, text="Les CCAS se coordonnent.", retained_ids=[idea.id])
    services.publish_restitution(workshop=workshop, visibility=visibility, intro="Merci à toutes et tous.")


def test_a_public_restitution_is_linked_from_the_event_page_and_readable_by_anyone(client, workshop):
    # The page seen (and its parts cached) before the restitution is published shows it right after.
    assert "Restitution des ateliers" not in page_text(client.get(workshop.event.get_absolute_url()))
    _closed_with_restitution(workshop, RestitutionVisibility.PUBLIC)
    event_page = page_text(client.get(workshop.event.get_absolute_url()))
    assert "Restitution des ateliers" in event_page
    response = client.get(reverse("site:workshop_restitution", args=[workshop.event.slug, workshop.id]))
    page = page_text(response)
    assert "Un guichet unique" in page and "1 gommette" in page and "Les CCAS se coordonnent." in page
    pdf = client.get(reverse("site:workshop_restitution_pdf", args=[workshop.event.slug, workshop.id]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_restitution_for_registered_people_is_hidden_from_visitors(client, workshop):
    _closed_with_restitution(workshop, RestitutionVisibility.REGISTERED)
    assert "Restitution des ateliers" not in page_text(client.get(workshop.event.get_absolute_url()))
    response = client.get(reverse("site:workshop_restitution", args=[workshop.event.slug, workshop.id]))
    assert response.status_code == 404


def test_an_unpublished_restitution_is_a_404(client, workshop):
    response = client.get(reverse("site:workshop_restitution_pdf", args=[workshop.event.slug, workshop.id]))
    assert response.status_code == 404


def test_the_participant_page_and_the_projector_fragment_keep_a_query_budget(
    client, alice, organization, django_assert_max_num_queries
):
    workshop = make_workshop(organization, workstreams=("Un", "Deux", "Trois"))
    people = [participant(workshop) for _ in range(5)]
    for stream in workshop.workstreams.all():
        for person in people:
            services.post_contribution(workstream=stream, registration=person, text=f"Idée de {person.last_name}")
    voting(workshop)
    with django_assert_max_num_queries(8):
        assert client.get(personal_page(workshop, people[0])).status_code == 200
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("backoffice:workshop_projector_results", args=[workshop.id])).status_code == 200


def test_a_registered_person_signed_in_reads_the_restitution_for_registered_people(client, django_user_model, workshop):
    from tests import factories

    _closed_with_restitution(workshop, RestitutionVisibility.REGISTERED)
    participant(workshop, email="awa@example.org")
    user = django_user_model.objects.filter(email="awa@example.org").first() or factories.make_user("awa@example.org")
    client.force_login(user)
    assert "Restitution des ateliers" in page_text(client.get(workshop.event.get_absolute_url()))
    response = client.get(reverse("site:workshop_restitution", args=[workshop.event.slug, workshop.id]))
    assert response.status_code == 200 and "Les CCAS se coordonnent." in page_text(response)
