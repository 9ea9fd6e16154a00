"""Deleting in the back-office asks first: a plain POST gets a page that says what will go; only
the confirmed POST (that page's button, or htmx's dialog with `confirme=1`) deletes."""

import pytest
from django.urls import reverse

from rencontres.events import services as event_services
from rencontres.events.models import Day, PriceTier, Session, Speaker
from rencontres.registrations.models import Invitation, Question
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def event(organization):
    return factories.make_event(organization, title="Matinée des CCAS", sessions_per_day=2)


@pytest.fixture
def organiser(client, alice):
    client.force_login(alice)
    return client


def deletions(event):
    """(url, the question's words, the row that must stay until confirmed)."""
    day = event.days.get()
    session = day.sessions.order_by("start_time").first()
    speaker = event_services.add_speaker(event=event, name="Nadia Benali", role="speaker")
    tier = event_services.add_price_tier(event=event, label="Plein tarif", amount_cents=9000, payer_kind="employer")
    question = Question.objects.create(event=event, label="Régime alimentaire ?")
    invitation = Invitation.objects.create(event=event, email="zohra@cg93.example")
    return [
        (reverse("backoffice:day_delete", args=[day.id]), "Supprimer la journée du", "Ses 2 séances", day),
        (reverse("backoffice:session_delete", args=[session.id]), "Supprimer la séance « Séance 1 » ?", "", session),
        (
            reverse("backoffice:speaker_delete", args=[speaker.id]),
            "Supprimer l&#x27;intervenant·e Nadia Benali ?",
            "",
            speaker,
        ),
        (reverse("backoffice:price_delete", args=[tier.id]), "Supprimer le tarif « Plein tarif » ?", "", tier),
        (reverse("backoffice:question_delete", args=[question.id]), "Régime alimentaire ?", "réponses", question),
        (reverse("backoffice:invitation_delete", args=[invitation.id]), "zohra@cg93.example", "lien", invitation),
    ]


@pytest.mark.parametrize("position", range(6))
def test_a_plain_post_asks_and_deletes_nothing_then_the_confirmed_one_deletes(organiser, event, position):
    url, question, consequence, row = deletions(event)[position]

    asked = organiser.post(url)
    page = asked.content.decode()
    assert asked.status_code == 200
    assert question in page and consequence in page and "Cette suppression est définitive." in page
    assert f'action="{url}"' in page and 'name="confirme" value="1"' in page
    assert type(row).objects.filter(id=row.id).exists()

    done = organiser.post(url, {"confirme": "1"})
    assert done.status_code == 302
    assert not type(row).objects.filter(id=row.id).exists()


def test_the_editor_asks_in_a_dialog_and_htmx_sends_the_confirmation(organiser, event):
    page = organiser.get(reverse("backoffice:event_edit", args=[event.id])).content.decode()
    session = event.sessions.order_by("start_time").first()
    form = page.split(f'action="{reverse("backoffice:session_delete", args=[session.id])}"', 1)[1].split(">", 1)[0]
    assert 'hx-confirm="Supprimer la séance « Séance 1 » ?"' in form
    assert """hx-vals='{"confirme": "1"}'""" in form

    response = organiser.post(reverse("backoffice:session_delete", args=[session.id]), {"confirme": "1"}, **HTMX)
    assert response.status_code == 200 and not Session.objects.filter(id=session.id).exists()
    assert Day.objects.filter(event=event).exists()


def test_an_outsider_gets_no_question_page(client, charlie, event):
    client.force_login(charlie)
    tier = event_services.add_price_tier(event=event, label="Plein tarif", amount_cents=9000, payer_kind="employer")
    assert client.post(reverse("backoffice:price_delete", args=[tier.id])).status_code == 404
    assert PriceTier.objects.filter(id=tier.id).exists() and Speaker.objects.count() == 0
