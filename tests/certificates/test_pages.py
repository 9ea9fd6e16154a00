"""The certificate pages: the organiser's (issue, correct, download), the public verification page, « Mon espace »."""

import pytest

from rencontres.accounts.models import User
from rencontres.certificates import services
from rencontres.certificates.enums import CertificateKind
from rencontres.certificates.models import Certificate
from tests.certificates.builders import AFTER, finished_event, finished_last_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(organization):
    return finished_last_week(organization, people=2)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def test_the_organiser_issues_every_certificate_from_the_page(
    client, alice, finished, mailoutbox, django_capture_on_commit_callbacks
):
    event, *_ = finished
    client.force_login(alice)
    page = client.get(f"/gestion/evenements/{event.id}/attestations/")
    assert page.status_code == 200
    assert "Délivrer les attestations manquantes" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/gestion/evenements/{event.id}/attestations/delivrer/", follow=True)

    assert "4 attestation(s) délivrée(s)" in messages_of(response)
    assert Certificate.objects.filter(event=event).count() == 4
    assert len(mailoutbox) == 2
    download = client.get(f"/gestion/attestations/{Certificate.objects.first().id}.pdf")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")


def test_an_event_not_yet_counter_signed_shows_why_and_issues_nothing(client, alice, organization):
    event, *_ = finished_last_week(organization, people=1, validate=False)
    client.force_login(alice)

    assert "pas encore contresignées" in client.get(f"/gestion/evenements/{event.id}/attestations/").content.decode()
    response = client.post(f"/gestion/evenements/{event.id}/attestations/delivrer/", follow=True)

    assert "pas encore contresignées" in messages_of(response)
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("forged", ["999999", "99999999999999999999999", "-1", "abc"])
def test_a_forged_registration_id_is_refused_in_french(client, alice, finished, forged):
    event, *_ = finished
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/attestations/delivrer/", {"registration": forged}, follow=True
    )

    assert response.status_code == 200
    assert "inscription" in messages_of(response) and "n'" in messages_of(response)
    assert not Certificate.objects.exists()


def test_a_registration_of_another_event_is_refused_in_french(client, alice, organization, finished):
    event, *_ = finished
    _, _, _, (stranger,) = finished_last_week(organization, people=1)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/attestations/delivrer/", {"registration": stranger.id}, follow=True
    )

    assert "n'est pas une inscription à cet événement" in messages_of(response)
    assert not Certificate.objects.exists()


def test_someone_absent_all_day_is_refused_in_french(client, alice, organization):
    event, _, _, (present, absent) = finished_last_week(organization, people=2, signers=1)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/attestations/delivrer/", {"registration": absent.id}, follow=True
    )

    assert "aucune heure validée" in messages_of(response)
    assert "Aucune heure validée" in response.content.decode()
    assert not Certificate.objects.exists()


def test_another_organisations_member_reaches_nothing(client, charlie, finished):
    event, *_ = finished
    certificate = services.issue_for_event(event=event, notify=False).issued[0]
    client.force_login(charlie)

    assert client.get(f"/gestion/evenements/{event.id}/attestations/").status_code == 404
    assert client.post(f"/gestion/evenements/{event.id}/attestations/delivrer/").status_code == 404
    assert client.get(f"/gestion/attestations/{certificate.id}.pdf").status_code == 404
    assert client.post(f"/gestion/attestations/{certificate.id}/corriger/", {"reason": "x"}).status_code == 404
    assert Certificate.objects.count() == 4


def test_a_correction_needs_a_reason_and_then_issues_version_2(client, alice, finished):
    event, *_ = finished
    first = services.issue_for_event(event=event, notify=False).issued[0]
    client.force_login(alice)

    refused = client.post(f"/gestion/attestations/{first.id}/corriger/", {"reason": ""}, follow=True)
    assert "Indiquez le motif de la correction" in messages_of(refused)

    client.post(f"/gestion/attestations/{first.id}/corriger/", {"reason": "Nom mal orthographié"})
    first.refresh_from_db()
    assert first.is_replaced
    page = client.get(f"/gestion/evenements/{event.id}/attestations/").content.decode()
    assert "version 2" in page and "remplacée" in page and "Nom mal orthographié" in page


def test_the_verification_page_confirms_name_title_dates_and_hours_and_nothing_more(client, organization):
    event, _, _, (camille,) = finished_event(organization, people=1)
    certificate = services.issue_for_event(event=event, notify=False, now=AFTER).issued[0]

    page = client.get(f"/verifier/{certificate.code}/")

    text = page.content.decode()
    assert page.status_code == 200
    assert "Document authentique" in text
    assert f"{camille.first_name} {camille.last_name}" in text
    assert "Journée de l&#x27;action sociale" in text and "14 mars 2030" in text and "6,5" in text
    assert camille.email not in text and camille.job_title not in text
    assert page["X-Robots-Tag"] == "noindex"


def test_a_code_typed_in_lower_case_without_dashes_is_found(client, organization):
    event, *_ = finished_event(organization, people=1)
    certificate = services.issue_for_event(event=event, notify=False, now=AFTER).issued[0]

    page = client.get("/verifier/", {"code": certificate.code.replace("-", " ").lower()})

    assert page.status_code == 200 and "Document authentique" in page.content.decode()


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC", "0000", "x" * 300, "<script>"])
def test_an_unknown_code_is_answered_in_french(client, db, code):
    page = client.get("/verifier/", {"code": code})

    assert page.status_code == 404
    assert "Aucun document ne porte ce code" in page.content.decode()


def test_a_replaced_certificate_says_so(client, organization, alice):
    event, *_ = finished_event(organization, people=1)
    first = services.issue_for_event(event=event, notify=False, now=AFTER).issued[0]
    services.correct(certificate=first, reason="Erreur de date", by=alice, notify=False)

    text = client.get(f"/verifier/{first.code}/").content.decode()

    assert "remplacé" in text and "Document authentique" not in text


def test_the_trainee_downloads_their_certificates_from_my_space_and_nobody_else_can(client, organization):
    event, _, _, (camille, dominique) = finished_event(organization, people=2)
    services.issue_for_event(event=event, notify=False, now=AFTER)
    mine = Certificate.objects.get(registration=camille, kind=CertificateKind.REALISATION)
    theirs = Certificate.objects.get(registration=dominique, kind=CertificateKind.REALISATION)
    client.force_login(User.objects.get(email=camille.email))

    space = client.get("/mon-espace/").content.decode()

    assert "Certificat de réalisation" in space and f"/mon-espace/attestations/{mine.id}.pdf" in space
    assert f"/mon-espace/attestations/{theirs.id}.pdf" not in space
    download = client.get(f"/mon-espace/attestations/{mine.id}.pdf")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert client.get(f"/mon-espace/attestations/{theirs.id}.pdf").status_code == 404
