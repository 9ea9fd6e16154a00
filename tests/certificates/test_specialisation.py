"""The certificate of specialisation (seed 004): only to trainees the jury admitted, citing hours and the jury's date."""

import io

import pytest
from pypdf import PdfReader

from rencontres.certificates import services
from rencontres.certificates.enums import CertificateKind
from rencontres.certificates.exceptions import CertificateError
from rencontres.certificates.models import Certificate
from rencontres.theses import services as theses
from rencontres.theses.enums import Outcome
from tests.api.builders import token_for
from tests.registrations.builders import pdf_file
from tests.theses.builders import AT_THE_JURY, BEFORE_DEADLINE, training_with_thesis, with_jury

pytestmark = pytest.mark.django_db


def pdf_text(certificate: Certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages).split())


@pytest.fixture
def judged(organization):
    """Camille admitted, Dominique deferred (ajourné), Eden without a thesis."""
    event, people = training_with_thesis(organization, people=3)
    camille, dominique, _ = people
    for registration in (camille, dominique):
        theses.hand_in(registration=registration, uploaded=pdf_file(), title="Les tiers-lieux", now=BEFORE_DEADLINE)
    with_jury(event)
    theses.record_decision(registration=camille, outcome=Outcome.ADMITTED, now=AT_THE_JURY)
    theses.record_decision(registration=dominique, outcome=Outcome.DEFERRED, comment="À reprendre", now=AT_THE_JURY)
    return event, people


def test_only_the_admitted_trainee_gets_the_certificate_citing_hours_and_the_jury(judged):
    event, (camille, _, _) = judged

    report = services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY)

    [certificate] = report.issued
    assert (certificate.registration, certificate.kind, certificate.minutes) == (
        camille,
        "certificat_specialisation",
        390,
    )
    assert report.not_admitted == 2
    text = pdf_text(certificate)
    assert "CERTIFICAT DE SPÉCIALISATION" in text
    assert "durée réalisée de 6,5 heures (6 h 30)" in text
    assert "le jury réuni le mercredi 10 avril 2030" in text
    assert "Marie Durand, présidente" in text and "« Les tiers-lieux »" in text
    assert certificate.snapshot["jury"]["date"] == "2030-04-10"


def test_a_certificate_for_a_deferred_trainee_is_refused_in_french(judged):
    event, (_, dominique, eden) = judged
    with pytest.raises(CertificateError, match="a été ajourné\\(e\\) par le jury : le certificat de spécialisation"):
        services.issue_specialisation(event=event, registration=dominique, notify=False, now=AT_THE_JURY)
    with pytest.raises(CertificateError, match="Le jury ne s'est pas prononcé sur le mémoire"):
        services.issue_specialisation(event=event, registration=eden, notify=False, now=AT_THE_JURY)
    assert not Certificate.objects.exists()


def test_without_a_jury_or_anyone_admitted_nothing_is_issued(organization):
    event, (camille,) = training_with_thesis(organization, people=1)
    with pytest.raises(CertificateError, match="Aucun jury n'est enregistré"):
        services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY)
    with_jury(event)
    with pytest.raises(CertificateError, match="Aucun stagiaire n'est admis"):
        services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY)


def test_issuing_twice_gives_nobody_a_second_certificate_and_realisation_ones_stay_apart(judged):
    event, _ = judged
    services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY)
    again = services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY)
    services.issue_for_event(event=event, notify=False, now=AT_THE_JURY)

    assert (again.issued, again.already_issued) == ([], 1)
    kinds = sorted(Certificate.objects.values_list("kind", flat=True))
    assert kinds.count(CertificateKind.SPECIALISATION) == 1 and len(kinds) == 1 + 3 * 2


def test_a_correction_still_cites_the_jury_but_is_refused_once_the_decision_is_corrected_to_deferred(judged, alice):
    event, (camille, _, _) = judged
    [certificate] = services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY).issued
    second = services.correct(certificate=certificate, reason="Nom mal orthographié", notify=False)
    assert second.snapshot["jury"]["date_text"] == "mercredi 10 avril 2030"

    decision = camille.jury_decisions.get(replaced_at__isnull=True)
    theses.correct_decision(decision=decision, outcome=Outcome.DEFERRED, reason="Plagiat établi", by=alice)
    with pytest.raises(CertificateError, match="ajourné\\(e\\) par le jury"):
        services.correct(certificate=second, reason="Autre", notify=False)


def test_the_trainee_and_the_payer_receive_it_by_email(judged, mailoutbox, after_commit):
    event, _ = judged
    with after_commit():
        services.issue_specialisation(event=event, now=AT_THE_JURY)
    assert len(mailoutbox) == 1
    assert "Certificat de spécialisation" in mailoutbox[0].body
    assert mailoutbox[0].attachments[0][0].startswith("certificat_specialisation-")


def test_the_api_lists_it_with_its_kind_and_the_verification_page_shows_the_jury(client, judged, organization):
    event, (camille, _, _) = judged
    [certificate] = services.issue_specialisation(event=event, notify=False, now=AT_THE_JURY).issued

    body = client.get(
        f"/api/events/{event.slug}/certificates", headers={"Authorization": f"Bearer {token_for(organization)}"}
    ).json()

    assert [(c["kind"], c["registration"], c["hours"]) for c in body] == [
        ("certificat_specialisation", camille.id, 6.5)
    ]
    page = client.get(f"/verifier/{certificate.code}/").content.decode()
    assert "Certificat de spécialisation" in page and "mercredi 10 avril 2030" in page
