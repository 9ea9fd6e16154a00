"""Issuing certificates from validated attendance: who gets which, with which hours, and who gets none."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import AttendanceStatus
from rencontres.certificates import services
from rencontres.certificates.enums import CertificateKind
from rencontres.certificates.exceptions import CertificateError
from rencontres.certificates.models import Certificate
from rencontres.events import services as event_services
from tests.attendance.builders import SIGNATURE, training_day
from tests.certificates.builders import AFTER, finished_event
from tests.registrations.builders import register

pytestmark = pytest.mark.django_db


def pdf_text(certificate: Certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_each_trainee_of_a_finished_training_gets_a_certificate_and_an_end_of_training_attestation(organization):
    event, _, _, registrations = finished_event(organization, people=2)

    report = services.issue_for_event(event=event, now=AFTER)

    assert sorted((c.registration_id, c.kind) for c in report.issued) == sorted(
        (r.id, kind) for r in registrations for kind in (CertificateKind.REALISATION, CertificateKind.END_OF_TRAINING)
    )
    assert {c.minutes for c in report.issued} == {390}
    assert {c.hours for c in report.issued} == {6.5}
    assert all(c.version == 1 and not c.is_replaced for c in report.issued)


def test_the_certificate_prints_the_ministry_models_mentions_and_the_validated_hours(organization):
    organization.legal_representative_name, organization.legal_representative_role = "Marie Dupont", "directrice"
    organization.siret, organization.training_body_number = "73282932000074", "11755555555"
    organization.save()
    event, morning, afternoon, (dominique,) = finished_event(organization, people=1, validate=False)
    attendance.mark(slot=morning, registration=dominique, status=AttendanceStatus.LATE, minutes_missed=30, by=None)
    for slot in (morning, afternoon):
        attendance.validate_slot(slot=slot, trainer_name="Claire", signature=SIGNATURE, by=None)

    report = services.issue_for_event(event=event, now=AFTER)
    realisation = next(c for c in report.issued if c.kind == CertificateKind.REALISATION)
    text = pdf_text(realisation)

    assert "CERTIFICAT DE RÉALISATION" in text
    assert "Marie Dupont, directrice, représentant légal du dispensateur" in text
    assert f"{dominique.first_name} {dominique.last_name}" in text
    assert event.title in text
    assert "durée réalisée de 6 heures" in text
    assert "SIRET 73282932000074" in text and "11755555555" in text
    assert "conserver l'ensemble des pièces justificatives" in text
    assert realisation.code in text
    assert realisation.minutes == 360


def test_the_end_of_training_attestation_gives_objectives_nature_duration_and_assessment(organization):
    event, *_ = finished_event(organization, people=1)

    report = services.issue_for_event(event=event, now=AFTER)
    text = pdf_text(next(c for c in report.issued if c.kind == CertificateKind.END_OF_TRAINING))

    assert "ATTESTATION DE FIN DE FORMATION" in text
    assert "Connaître le cadre de l'accueil inconditionnel." in text
    assert "Quiz final : 8 bonnes réponses sur 10" in text
    assert "Action de formation" in text
    assert "6,5 heures (6 h 30) suivies" in text


def test_a_person_absent_on_every_half_day_gets_nothing_and_is_listed(organization):
    event, morning, afternoon, registrations = training_day(organization, people=2)
    event_services.update_event(event=event, is_training_action=True)
    present, absent = registrations
    for slot in (morning, afternoon):
        attendance.sign(slot=slot, registration=present, mode="tablet", signature=SIGNATURE)
        attendance.validate_slot(slot=slot, trainer_name="Claire", signature=SIGNATURE, by=None)

    report = services.issue_for_event(event=event, now=AFTER)

    assert {c.registration_id for c in report.issued} == {present.id}
    assert [p.registration_id for p in report.without_hours] == [absent.id]
    with pytest.raises(CertificateError, match="aucune heure validée"):
        services.issue_for_event(event=event, registration=absent, now=AFTER)
    assert not Certificate.objects.filter(registration=absent).exists()


def test_an_event_not_over_yet_or_with_a_half_day_not_counter_signed_is_refused(organization):
    event, *_ = finished_event(organization, people=1)
    with pytest.raises(CertificateError, match="n'est pas terminé"):
        services.issue_for_event(event=event, now=dt.datetime(2030, 3, 13, 10, tzinfo=dt.UTC))

    pending, *_ = finished_event(organization, people=1, validate=False)
    with pytest.raises(CertificateError, match="pas encore contresignées"):
        services.issue_for_event(event=pending, now=AFTER)
    assert not Certificate.objects.exists()


def test_a_registration_of_another_event_is_refused(organization):
    event, *_ = finished_event(organization, people=1)
    _, _, _, (stranger,) = finished_event(organization, people=1)

    with pytest.raises(CertificateError, match="n'est pas une inscription à cet événement"):
        services.issue_for_event(event=event, registration=stranger, now=AFTER)


def test_issuing_again_issues_only_what_is_missing(organization):
    event, morning, afternoon, registrations = finished_event(organization, people=2)
    first = services.issue_for_event(event=event, now=AFTER)

    again = services.issue_for_event(event=event, now=AFTER)

    assert len(first.issued) == 4
    assert again.issued == [] and again.already_issued == 4
    assert Certificate.objects.count() == 4


def test_an_event_that_is_not_a_training_action_gives_an_attestation_of_presence(organization):
    event, *_ = finished_event(organization, people=1, training=False)

    report = services.issue_for_event(event=event, now=AFTER)

    assert [c.kind for c in report.issued] == [CertificateKind.PRESENCE]
    assert "ATTESTATION DE PRÉSENCE" in pdf_text(report.issued[0])


def test_a_correction_issues_version_2_with_its_reason_and_the_first_stays_listed_replaced(organization, alice):
    event, morning, _, (camille,) = finished_event(organization, people=1)
    (realisation, _) = sorted(services.issue_for_event(event=event, now=AFTER).issued, key=lambda c: c.kind)
    presence = camille.attendances.get(slot=morning)
    attendance.correct(
        attendance=presence, status=AttendanceStatus.LEFT_EARLY, minutes_missed=60, reason="Partie à 11 h 30", by=alice
    )

    second = services.correct(certificate=realisation, reason="Départ anticipé oublié", by=alice)

    realisation.refresh_from_db()
    assert realisation.is_replaced and realisation.minutes == 390
    assert (second.version, second.minutes, second.replaces_id) == (2, 330, realisation.id)
    assert "Départ anticipé oublié" in pdf_text(second)
    assert second.code != realisation.code
    assert list(Certificate.objects.filter(registration=camille, kind=realisation.kind)) == [realisation, second]
    with pytest.raises(CertificateError, match="déjà été remplacée"):
        services.correct(certificate=realisation, reason="encore", by=alice)
    with pytest.raises(CertificateError, match="motif"):
        services.correct(certificate=second, reason="   ", by=alice)


def test_an_issued_certificate_keeps_the_data_it_used(organization):
    event, *_ = finished_event(organization, people=1)
    certificate = services.issue_for_event(event=event, now=AFTER).issued[0]
    printed = pdf_text(certificate)

    event_services.update_event(event=event, title="Un autre titre")

    certificate.refresh_from_db()
    assert certificate.snapshot["event"]["title"] == "Journée de l'action sociale"
    assert pdf_text(certificate) == printed


def test_the_organisations_signature_image_is_printed(organization):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    organization.signature_image.save("signature.png", ContentFile(png))
    event, *_ = finished_event(organization, people=1, training=False)
    without, *_ = finished_event(factories_organization(), people=1, training=False)

    def images(certificate):
        with certificate.pdf.open("rb") as handle:
            return sum(len(page.images) for page in PdfReader(io.BytesIO(handle.read())).pages)

    signed = services.issue_for_event(event=event, now=AFTER).issued[0]
    unsigned = services.issue_for_event(event=without, now=AFTER).issued[0]
    assert images(signed) > images(unsigned)


def factories_organization():
    from tests import factories

    return factories.make_organization()


def test_the_trainee_and_the_payers_contact_get_the_pdfs_by_email(organization, mailoutbox, after_commit):
    event, morning, afternoon, _ = training_day(organization, people=0)
    event_services.update_event(event=event, is_training_action=True)
    camille = register(event, email="camille@example.org", payer_contact_email="rh@employeur.example.org")
    for slot in (morning, afternoon):
        attendance.sign(slot=slot, registration=camille, mode="tablet", signature=SIGNATURE)
        attendance.validate_slot(slot=slot, trainer_name="Claire", signature=SIGNATURE, by=None)
    mailoutbox.clear()

    with after_commit():
        report = services.issue_for_event(event=event, now=AFTER)

    assert sorted(m.to[0] for m in mailoutbox) == ["camille@example.org", "rh@employeur.example.org"]
    for message in mailoutbox:
        assert sorted(name for name, _, mime in message.attachments if mime == "application/pdf") == sorted(
            c.filename for c in report.issued
        )
        assert "/verifier/" in message.body
    assert all(c.emailed_at for c in Certificate.objects.all())


def test_a_paper_issued_meanwhile_by_a_concurrent_request_stands_and_the_others_are_inserted(organization):
    event, _, _, (camille, dominique) = finished_event(organization, people=2)
    services.issue_for_event(event=event, registration=camille, notify=False, now=AFTER)
    renderer = services._renderer(event)
    late = [
        services._with_file(
            *services._prepare(
                renderer=renderer,
                event=event,
                registration=person,
                kind=CertificateKind.REALISATION,
                minutes=390,
                planned_minutes=390,
                version=1,
                now=AFTER,
            ),
            by=None,
        )
        for person in (camille, dominique)
    ]

    issued, already = services._insert(late, already_issued=0)

    assert [c.registration_id for c in issued] == [dominique.id] and already == 1
    assert Certificate.objects.filter(registration=camille, kind=CertificateKind.REALISATION).count() == 1
    assert not late[0].pdf
