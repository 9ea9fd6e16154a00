"""The thesis pages: the trainee's in « Mon espace », the organiser's (settings, theses, jury, decisions, certificates)."""

import html

import pytest
import time_machine
from django.urls import reverse

from rencontres.accounts.models import User
from rencontres.certificates.models import Certificate
from rencontres.registrations.enums import DataAccessKind
from rencontres.registrations.models import DataAccessLogEntry
from rencontres.theses import services
from rencontres.theses.enums import Outcome
from rencontres.theses.models import Decision, Thesis, ThesisSettings
from tests.registrations.builders import docx_file, fake_pdf, pdf_file
from tests.theses.builders import (
    AFTER_DEADLINE,
    AT_THE_JURY,
    BEFORE_DEADLINE,
    DEADLINE,
    training_with_thesis,
    with_jury,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(organization):
    return training_with_thesis(organization)


def as_trainee(client, registration):
    client.force_login(User.objects.get(email=registration.email))
    return client


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@time_machine.travel(BEFORE_DEADLINE, tick=False)
def test_the_trainee_hands_in_then_replaces_the_thesis_from_my_space(client, training):
    event, (camille, _) = training
    as_trainee(client, camille)
    space = html.unescape(client.get(reverse("site:my_space")).content.decode())
    assert "Mon mémoire" in space and "À déposer au plus tard le 31 mars 2030" in space

    url = reverse("site:my_thesis", args=[camille.id])
    response = client.post(url, {"title": "Les tiers-lieux", "file": pdf_file("memoire.pdf")}, follow=True)
    assert "Votre mémoire est déposé (version 1)" in messages_of(response)
    client.post(url, {"file": docx_file("memoire-v2.docx")})

    assert [(t.version, t.file_type, t.is_current) for t in Thesis.objects.order_by("version")] == [
        (1, "PDF", False),
        (2, "DOCX", True),
    ]
    page = html.unescape(client.get(url).content.decode())
    assert "Version 1" in page and "remplacée" in page and "Déposer une nouvelle version" in page
    download = client.get(reverse("site:my_thesis_file", args=[Thesis.objects.get(version=1).id]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


@time_machine.travel(BEFORE_DEADLINE, tick=False)
@pytest.mark.parametrize(
    "data, message",
    [
        ({"file": fake_pdf("memoire.pdf")}, "n'est pas un document PDF, DOCX ou ODT"),
        ({}, "Choisissez le fichier de votre mémoire"),
        ({"file": pdf_file(), "title": "x" * 301}, "300 caractères"),
    ],
)
def test_a_bad_thesis_is_refused_in_french_and_nothing_is_stored(client, training, data, message):
    _, (camille, _) = training
    response = as_trainee(client, camille).post(reverse("site:my_thesis", args=[camille.id]), data)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page and "<title>Erreur :" in page
    assert not Thesis.objects.exists()


@time_machine.travel(AFTER_DEADLINE, tick=False)
def test_after_the_deadline_the_page_says_it_is_closed_and_a_post_is_refused(client, training):
    _, (camille, _) = training
    as_trainee(client, camille)
    url = reverse("site:my_thesis", args=[camille.id])
    assert "Le dépôt est clos depuis le 31 mars 2030" in html.unescape(client.get(url).content.decode())
    response = client.post(url, {"file": pdf_file()})
    assert response.status_code == 400 and "il est clos" in html.unescape(response.content.decode())
    assert not Thesis.objects.exists()


def test_nobody_else_hands_in_or_downloads_a_trainees_thesis(client, training, charlie):
    _, (camille, dominique) = training
    thesis = services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    as_trainee(client, dominique)
    assert client.get(reverse("site:my_thesis", args=[camille.id])).status_code == 404
    assert client.get(reverse("site:my_thesis_file", args=[thesis.id])).status_code == 404
    client.force_login(charlie)
    assert client.get(reverse("backoffice:thesis_file", args=[thesis.id])).status_code == 404
    assert client.get(reverse("backoffice:event_theses", args=[camille.event_id])).status_code == 404


def test_the_organiser_sets_the_thesis_and_bad_input_is_refused_in_french(client, alice, training):
    event, _ = training
    client.force_login(alice)
    url = reverse("backoffice:thesis_settings", args=[event.id])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"is_required": "on", "deadline": ""})
    assert refused.status_code == 400 and "Indiquez la date limite de dépôt" in html.unescape(refused.content.decode())
    refused = client.post(url, {"is_required": "on", "deadline": "31/02/2030"})
    assert refused.status_code == 400 and "Saisissez une date valide" in html.unescape(refused.content.decode())
    client.post(url, {"is_required": "on", "deadline": "2030-04-15"})
    assert ThesisSettings.objects.get(event=event).deadline.isoformat() == "2030-04-15"


def test_the_organiser_records_the_jury_and_bad_members_are_refused_with_the_line(client, alice, training):
    event, _ = training
    client.force_login(alice)
    url = reverse("backoffice:jury", args=[event.id])
    refused = client.post(url, {"date": "2030-04-10", "members": "Marie Durand, présidente\nPaul Martin"})
    assert refused.status_code == 400 and "Ligne 2 : écrivez le nom puis le rôle" in html.unescape(
        refused.content.decode()
    )
    refused = client.post(url, {"date": "2020-01-01", "members": "Marie Durand, présidente"})
    assert refused.status_code == 400 and "avant le début de la formation" in html.unescape(refused.content.decode())
    client.post(url, {"date": "2030-04-10", "members": "Marie Durand, présidente\nPaul Martin, formateur"})
    page = html.unescape(client.get(reverse("backoffice:event_theses", args=[event.id])).content.decode())
    assert "Réuni le mercredi 10 avril 2030" in page and "Paul Martin, formateur" in page


def test_the_organiser_downloads_a_thesis_and_the_read_is_journaled(client, alice, training):
    event, (camille, _) = training
    thesis = services.hand_in(registration=camille, uploaded=pdf_file(), title="Mon mémoire", now=BEFORE_DEADLINE)
    client.force_login(alice)
    page = html.unescape(client.get(reverse("backoffice:event_theses", args=[event.id])).content.decode())
    assert f"Mémoire de {camille.full_name}, version 1" in page
    response = client.get(reverse("backoffice:thesis_file", args=[thesis.id]))
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    entry = DataAccessLogEntry.objects.get()
    assert (entry.kind, entry.registration, entry.actor) == (DataAccessKind.REGISTRATION_FILE, camille, alice)


@time_machine.travel(AT_THE_JURY, tick=False)
def test_decisions_from_the_page_refused_without_thesis_then_recorded_and_corrected(client, alice, training):
    event, (camille, dominique) = training
    services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    with_jury(event)
    client.force_login(alice)

    refused = client.post(reverse("backoffice:jury_decision", args=[event.id, dominique.id]), {"outcome": "admis"})
    assert refused.status_code == 400 and "n'a pas déposé de mémoire" in html.unescape(refused.content.decode())
    url = reverse("backoffice:jury_decision", args=[event.id, camille.id])
    assert client.post(url, {"outcome": "mention"}).status_code == 400
    client.post(url, {"outcome": "ajourne", "comment": "Partie 2 à reprendre."})
    refused = client.post(url, {"outcome": "admis"})
    assert refused.status_code == 400 and "Indiquez le motif de la correction" in html.unescape(
        refused.content.decode()
    )
    client.post(url, {"outcome": "admis", "reason": "Délibération revue"})

    assert [(d.outcome, d.recorded_by, d.replaced_at is None) for d in Decision.objects.order_by("id")] == [
        (Outcome.DEFERRED, alice, False),
        (Outcome.ADMITTED, alice, True),
    ]
    journal = html.unescape(client.get(url).content.decode())
    assert "Journal des décisions" in journal and "Délibération revue" in journal and "Partie 2 à reprendre." in journal


@time_machine.travel(AT_THE_JURY, tick=False)
def test_the_organiser_issues_the_certificates_of_specialisation_and_the_trainee_finds_it(
    client, alice, training, mailoutbox, django_capture_on_commit_callbacks
):
    event, (camille, dominique) = training
    for registration in (camille, dominique):
        services.hand_in(registration=registration, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    with_jury(event)
    services.record_decision(registration=camille, outcome=Outcome.ADMITTED, by=alice)
    services.record_decision(registration=dominique, outcome=Outcome.DEFERRED, by=alice)
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("backoffice:specialisation_issue", args=[event.id]), follow=True)

    assert "1 certificat(s) de spécialisation délivré(s)" in messages_of(response)
    [certificate] = Certificate.objects.filter(kind="certificat_specialisation")
    assert certificate.registration == camille and len(mailoutbox) == 1
    space = html.unescape(as_trainee(client, camille).get(reverse("site:my_space")).content.decode())
    assert "Certificat de spécialisation" in space and "Décision du jury : admis·e." in space
    assert client.get(reverse("site:my_certificate", args=[certificate.id])).content.startswith(b"%PDF")


def test_the_theses_page_reads_in_a_fixed_number_of_queries(client, alice, organization, django_assert_max_num_queries):
    event, people = training_with_thesis(organization, people=6)
    for registration in people:
        services.hand_in(registration=registration, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    client.force_login(alice)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("backoffice:event_theses", args=[event.id])).status_code == 200
    assert DEADLINE
