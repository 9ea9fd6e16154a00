"""Invitation-only events (issue 11, point 3; seed 003): each invited address gets one email with its own link."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from rencontres.registrations import configuration, links
from rencontres.registrations.models import Invitation, Registration

from .builders import make_event

pytestmark = pytest.mark.django_db

PERSON = {"first_name": "Zohra", "last_name": "Khaldi", "job_title": "assistante sociale"}


@pytest.fixture
def event(organization):
    organization.reply_to_email = "formation@cg93.example.org"
    organization.save()
    return make_event(organization, capacity=10, is_invitation_only=True, title="Matinée du service social")


def invitation_link(message) -> str:
    (url,) = re.findall(r"^(http\S+\?invitation=\S+)$", message.body, flags=re.MULTILINE)
    return url


def test_each_new_address_gets_one_invitation_after_the_commit(event, after_commit, settings):
    settings.SITE_URL = "https://rencontres.example.org"
    with after_commit():
        added = configuration.add_invitations(event=event, emails=["zohra@cg93.example", "didier@cg93.example"])
        assert mail.outbox == []  # nothing leaves before the commit
    assert added == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["didier@cg93.example", "zohra@cg93.example"]
    message = next(m for m in mail.outbox if m.to == ["zohra@cg93.example"])
    assert "Invitation : Matinée du service social" in message.subject
    assert message.reply_to == ["formation@cg93.example.org"]
    assert "jeudi 14 mars 2030, 9\u00a0h – 10\u00a0h" in message.body
    assert invitation_link(message).startswith(f"https://rencontres.example.org/evenements/{event.slug}/inscription/")
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html" and "Je m'inscris" in html and "https://rencontres.example.org/" in html
    assert Invitation.objects.filter(event=event, sent_at__isnull=False).count() == 2


def test_adding_an_address_again_sends_nothing(event, after_commit):
    with after_commit():
        configuration.add_invitations(event=event, emails=["zohra@cg93.example"])
    mail.outbox.clear()
    with after_commit():
        added = configuration.add_invitations(event=event, emails=["zohra@cg93.example", "zohra@cg93.example"])
    assert added == 0 and mail.outbox == []
    assert Invitation.objects.filter(event=event).count() == 1


def test_the_link_opens_the_form_with_the_address_and_registers_through_it(client, event, after_commit):
    with after_commit():
        configuration.add_invitations(event=event, emails=["zohra@cg93.example"])
    path = invitation_link(mail.outbox[0]).removeprefix("http://testserver")
    page = client.get(path)
    assert page.status_code == 200
    assert 'value="zohra@cg93.example"' in page.content.decode()
    # The address comes from the link: a changed field is not taken.
    with after_commit():
        response = client.post(path, {**PERSON, "email": "someone-else@example.org"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.email == "zohra@cg93.example" and registration.is_confirmed


@pytest.mark.parametrize("tamper", ["forged", "other_event"])
def test_a_forged_or_other_events_link_gets_a_french_message(client, organization, event, tamper):
    invitation = Invitation.objects.create(event=event, email="zohra@cg93.example")
    if tamper == "forged":
        path = links.invitation_path(invitation)[:-3] + "xyz"
    else:
        other = make_event(organization, capacity=10, is_invitation_only=True, title="Autre matinée")
        token = links.invitation_path(invitation).split("?invitation=")[1]
        path = reverse("site:register", args=[other.slug]) + "?invitation=" + token
    response = client.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ce lien d&#x27;invitation n&#x27;est pas valable pour cet événement" in html
    assert re.search(r"<title>Erreur : Inscription : ", html)


def test_a_withdrawn_invitation_link_is_refused_by_the_invitation_check(client, event):
    invitation = Invitation.objects.create(event=event, email="zohra@cg93.example")
    path = links.invitation_path(invitation)
    configuration.delete_invitation(invitation=invitation)
    response = client.post(path, PERSON)
    assert response.status_code == 400
    assert "n&#x27;a pas été invitée" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_draft_sends_its_invitations_when_it_is_published(client, alice, organization, after_commit):
    draft = make_event(organization, capacity=10, is_invitation_only=True, published=False)
    with after_commit():
        configuration.add_invitations(event=draft, emails=["zohra@cg93.example"])
    assert mail.outbox == []
    client.force_login(alice)
    with after_commit():
        client.post(reverse("backoffice:event_publish", args=[draft.id]))
    assert [m.to for m in mail.outbox] == [["zohra@cg93.example"]]


def test_the_back_office_adds_lists_and_resends_one_invitation(client, alice, event, after_commit):
    client.force_login(alice)
    with after_commit():
        response = client.post(
            reverse("backoffice:invitations_add", args=[event.id]),
            {"invitation-emails": "zohra@cg93.example, didier@cg93.example"},
            follow=True,
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 adresse(s) invitée(s) ajoutée(s) : chacune reçoit son invitation." in page
    assert "invitation envoyée le" in page and "Renvoyer" in page
    assert len(mail.outbox) == 2
    mail.outbox.clear()
    invitation = Invitation.objects.get(email="zohra@cg93.example")
    with after_commit():
        response = client.post(reverse("backoffice:invitation_resend", args=[invitation.id]), follow=True)
    assert "Invitation renvoyée à zohra@cg93.example." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["zohra@cg93.example"]]


def test_another_organisation_cannot_resend(client, charlie, event):
    invitation = Invitation.objects.create(event=event, email="zohra@cg93.example")
    client.force_login(charlie)
    assert client.post(reverse("backoffice:invitation_resend", args=[invitation.id])).status_code == 404


def test_resending_for_a_draft_says_why_not(client, alice, organization):
    draft = make_event(organization, capacity=10, is_invitation_only=True, published=False)
    invitation = Invitation.objects.create(event=draft, email="zohra@cg93.example")
    client.force_login(alice)
    response = client.post(reverse("backoffice:invitation_resend", args=[invitation.id]), follow=True)
    assert "L&#x27;invitation ne peut pas être envoyée : l&#x27;événement doit être publié" in response.content.decode()
    assert mail.outbox == []
